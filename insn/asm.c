// SPDX-License-Identifier: GPL-2.0
/*
 * The resolve pass: labels and map names in a PROG() list become offsets
 * and fds.  Two passes: the first gives every label its instruction index,
 * the second copies instructions and patches what they refer to.
 */
#include <stdio.h>
#include <string.h>

#include "insn.h"

#define MAX_LABELS 256

struct label {
	const char *name;
	long index;
};

size_t asm_len(struct asm_prog prog)
{
	size_t n = 0;

	for (size_t i = 0; i < prog.n; i++)
		if (!prog.items[i].label)
			n++;
	return n;
}

static long find_label(const struct label *labels, int nlabels, const char *name)
{
	for (int i = 0; i < nlabels; i++)
		if (!strcmp(labels[i].name, name))
			return labels[i].index;
	return -1;
}

/* Where a label reference goes: the 16-bit off, or the 32-bit imm. */
static int target_in_imm(const struct bpf_insn *insn)
{
	if (insn->code == (BPF_JMP32 | BPF_JA))
		return 1;
	if (insn->code == (BPF_JMP | BPF_CALL))
		return 1;
	if (insn->code == (BPF_LD | BPF_DW | BPF_IMM))
		return 1;
	return 0;
}

int asm_resolve(struct asm_prog prog, struct bpf_insn *out, size_t cap,
		asm_map_lookup lookup, void *ctx, char *err, size_t errlen)
{
	struct label labels[MAX_LABELS];
	int nlabels = 0;
	long n = 0;

	for (const struct asm_insn *p = prog.items; p < prog.items + prog.n; p++) {
		if (!p->label) {
			n++;
			continue;
		}
		if (find_label(labels, nlabels, p->label) >= 0) {
			snprintf(err, errlen, "label \"%s\" defined twice", p->label);
			return -1;
		}
		if (nlabels == MAX_LABELS) {
			snprintf(err, errlen, "more than %d labels", MAX_LABELS);
			return -1;
		}
		labels[nlabels++] = (struct label){ p->label, n };
	}
	if ((size_t)n > cap) {
		snprintf(err, errlen, "program has %ld instructions, room for %zu", n, cap);
		return -1;
	}

	n = 0;
	for (const struct asm_insn *p = prog.items; p < prog.items + prog.n; p++) {
		if (p->label)
			continue;
		struct bpf_insn insn = p->insn;

		if (p->target) {
			long at = find_label(labels, nlabels, p->target);
			long rel = at - (n + 1);

			if (at < 0) {
				snprintf(err, errlen, "insn %ld: no label \"%s\"", n, p->target);
				return -1;
			}
			if (target_in_imm(&insn)) {
				insn.imm = (__s32)rel;
			} else if (rel < -32768 || rel > 32767) {
				snprintf(err, errlen, "insn %ld: jump to \"%s\" out of 16-bit range",
					 n, p->target);
				return -1;
			} else {
				insn.off = (__s16)rel;
			}
		}
		if (p->map) {
			int fd = lookup ? lookup(p->map, ctx) : -1;

			if (fd < 0) {
				snprintf(err, errlen, "insn %ld: no map named \"%s\"", n, p->map);
				return -1;
			}
			insn.imm = fd;
		}
		out[n++] = insn;
	}
	return (int)n;
}

static int isa_of(const struct bpf_insn *in)
{
	__u8 cls = BPF_CLASS(in->code), op = BPF_OP(in->code);

	switch (cls) {
	case BPF_ALU:
	case BPF_ALU64:
		if ((op == BPF_DIV || op == BPF_MOD) && in->off == 1)
			return 4;
		if (op == BPF_MOV && in->off != 0)
			return 4;
		if (op == BPF_END && cls == BPF_ALU64)
			return 4;
		return 1;
	case BPF_LDX:
		return BPF_MODE(in->code) == BPF_MEMSX ? 4 : 1;
	case BPF_STX:
		if (BPF_MODE(in->code) != BPF_ATOMIC)
			return 1;
		/* Plain 64/32-bit atomic add predates v3; the rest is v3. */
		return in->imm == BPF_ADD ? 1 : 3;
	case BPF_JMP32:
		return op == BPF_JA ? 4 : 3;
	case BPF_JMP:
		if (op == BPF_JLT || op == BPF_JLE || op == BPF_JSLT || op == BPF_JSLE)
			return 2;
		return 1;
	default:
		return 1;
	}
}

static unsigned groups_of(const struct bpf_insn *in)
{
	__u8 cls = BPF_CLASS(in->code), op = BPF_OP(in->code);

	switch (cls) {
	case BPF_ALU:
	case BPF_ALU64:
		if ((op == BPF_DIV || op == BPF_MOD) && in->off == 1)
			return ISA_SDIV;
		if (op == BPF_MOV && in->off != 0)
			return ISA_MOVSX;
		if (op == BPF_END && cls == BPF_ALU64)
			return ISA_BSWAP;
		return 0;
	case BPF_LDX:
		return BPF_MODE(in->code) == BPF_MEMSX ? ISA_MEMSX : 0;
	case BPF_STX:
		/* Add without fetch is as old as eBPF (XADD, both sizes). */
		if (BPF_MODE(in->code) != BPF_ATOMIC)
			return 0;
		return in->imm == BPF_ADD ? 0 : ISA_ATOMIC_FETCH;
	case BPF_JMP32:
		return op == BPF_JA ? ISA_JA32 : ISA_JMP32;
	case BPF_JMP:
		if (op == BPF_JLT || op == BPF_JLE || op == BPF_JSLT || op == BPF_JSLE)
			return ISA_JMP_EXT;
		return 0;
	default:
		return 0;
	}
}

unsigned insn_isa_groups(const struct bpf_insn *insns, size_t cnt)
{
	unsigned groups = 0;

	for (size_t i = 0; i < cnt; i++) {
		groups |= groups_of(&insns[i]);
		if (insns[i].code == (BPF_LD | BPF_DW | BPF_IMM))
			i++;
	}
	return groups;
}

static const struct {
	const char *name;
	int version;
} group_info[ISA__GROUPS] = {
	{ "JLT/JLE/JSLT/JSLE", 2 }, { "JMP32", 3 }, { "atomic FETCH/XCHG/CMPXCHG", 3 },
	{ "MOVSX", 4 }, { "MEMSX", 4 }, { "SDIV/SMOD", 4 }, { "BSWAP", 4 }, { "JA32", 4 },
};

static int group_index(unsigned group)
{
	for (int i = 0; i < ISA__GROUPS; i++)
		if (group == 1U << i)
			return i;
	return -1;
}

const char *isa_group_name(unsigned group)
{
	int i = group_index(group);

	return i < 0 ? "?" : group_info[i].name;
}

int isa_group_version(unsigned group)
{
	int i = group_index(group);

	return i < 0 ? 0 : group_info[i].version;
}

int insn_isa_version(const struct bpf_insn *insns, size_t cnt)
{
	int v = 1;

	for (size_t i = 0; i < cnt; i++) {
		int w = isa_of(&insns[i]);

		if (w > v)
			v = w;
		if (insns[i].code == (BPF_LD | BPF_DW | BPF_IMM))
			i++;
	}
	return v;
}
