// SPDX-License-Identifier: GPL-2.0
/*
 * The "isa" coverage section: every opcode variant of RFC 9669 and the
 * number of ISA rows (cases) whose program contains it, computed from the
 * rows' instructions.  A variant is an opcode, plus what else selects the
 * operation: the offset of DIV/MOD (signed) and MOV (sign extension), the
 * immediate of END and of atomics, the source of LD_IMM64 and CALL.
 * That gives 171 variants; bpf_conformance's list (src/opcode_names.h)
 * counts the same set differently (it lists LD_IMM64's second slot, 0x00,
 * and, in the version read, not the three MEMSX loads).
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness/coverage.h"
#include "isa.h"

static const char *const alu_ops[16] = {
	[BPF_ADD >> 4] = "add", [BPF_SUB >> 4] = "sub", [BPF_MUL >> 4] = "mul",
	[BPF_DIV >> 4] = "div", [BPF_OR >> 4] = "or", [BPF_AND >> 4] = "and",
	[BPF_LSH >> 4] = "lsh", [BPF_RSH >> 4] = "rsh", [BPF_NEG >> 4] = "neg",
	[BPF_MOD >> 4] = "mod", [BPF_XOR >> 4] = "xor", [BPF_MOV >> 4] = "mov",
	[BPF_ARSH >> 4] = "arsh", [BPF_END >> 4] = "end",
};
static const char *const jmp_ops[16] = {
	[BPF_JA >> 4] = "ja", [BPF_JEQ >> 4] = "jeq", [BPF_JGT >> 4] = "jgt",
	[BPF_JGE >> 4] = "jge", [BPF_JSET >> 4] = "jset", [BPF_JNE >> 4] = "jne",
	[BPF_JSGT >> 4] = "jsgt", [BPF_JSGE >> 4] = "jsge", [BPF_CALL >> 4] = "call",
	[BPF_EXIT >> 4] = "exit", [BPF_JLT >> 4] = "jlt", [BPF_JLE >> 4] = "jle",
	[BPF_JSLT >> 4] = "jslt", [BPF_JSLE >> 4] = "jsle",
};
static const char size_names[4] = { 'w', 'h', 'b', 'd' };	/* BPF_SIZE >> 3 */

static const char *size_name(__u8 code)
{
	static const char *const n[4] = { "w", "h", "b", "dw" };

	return n[BPF_SIZE(code) >> 3];
}

static const char *atomic_name(__s32 imm)
{
	switch (imm) {
	case BPF_ADD: return "add";
	case BPF_ADD | BPF_FETCH: return "fetch_add";
	case BPF_OR: return "or";
	case BPF_OR | BPF_FETCH: return "fetch_or";
	case BPF_AND: return "and";
	case BPF_AND | BPF_FETCH: return "fetch_and";
	case BPF_XOR: return "xor";
	case BPF_XOR | BPF_FETCH: return "fetch_xor";
	case BPF_XCHG: return "xchg";
	case BPF_CMPXCHG: return "cmpxchg";
	default: return NULL;
	}
}

/* The variant of one instruction, or 0 if it is none of the RFC's. */
static int variant_name(const struct bpf_insn *in, char *buf, size_t len)
{
	__u8 cls = BPF_CLASS(in->code), op = BPF_OP(in->code) >> 4;
	const char *k = BPF_SRC(in->code) == BPF_X ? "x" : "k";

	(void)size_names;
	switch (cls) {
	case BPF_ALU:
	case BPF_ALU64: {
		const char *c = cls == BPF_ALU ? "alu32" : "alu64";

		if (!alu_ops[op])
			return 0;
		if (BPF_OP(in->code) == BPF_END) {
			if (cls == BPF_ALU64)
				snprintf(buf, len, "alu64 bswap%d", in->imm);
			else
				snprintf(buf, len, "alu32 %s%d",
					 BPF_SRC(in->code) == BPF_TO_BE ? "be" : "le", in->imm);
		} else if (BPF_OP(in->code) == BPF_NEG) {
			snprintf(buf, len, "%s neg", c);
		} else if ((BPF_OP(in->code) == BPF_DIV || BPF_OP(in->code) == BPF_MOD) &&
			   in->off == 1) {
			snprintf(buf, len, "%s s%s %s", c, alu_ops[op], k);
		} else if (BPF_OP(in->code) == BPF_MOV && in->off) {
			snprintf(buf, len, "%s movsx%d x", c, in->off);
		} else {
			snprintf(buf, len, "%s %s %s", c, alu_ops[op], k);
		}
		return 1;
	}
	case BPF_JMP:
	case BPF_JMP32: {
		const char *c = cls == BPF_JMP ? "jmp" : "jmp32";

		if (!jmp_ops[op])
			return 0;
		switch (BPF_OP(in->code)) {
		case BPF_JA:
			snprintf(buf, len, "%s ja", c);
			break;
		case BPF_EXIT:
			snprintf(buf, len, "%s exit", c);
			break;
		case BPF_CALL:
			if (BPF_SRC(in->code) == BPF_X)
				snprintf(buf, len, "%s callx", c);
			else
				snprintf(buf, len, "%s call %s", c,
					 in->src_reg == 0 ? "helper" :
					 in->src_reg == BPF_PSEUDO_CALL ? "local" : "kfunc");
			break;
		default:
			snprintf(buf, len, "%s %s %s", c, jmp_ops[op], k);
		}
		return 1;
	}
	case BPF_LD:
		if (in->code == (BPF_LD | BPF_DW | BPF_IMM))
			snprintf(buf, len, "ld imm64 src %d", in->src_reg);
		else if (BPF_MODE(in->code) == BPF_ABS || BPF_MODE(in->code) == BPF_IND)
			snprintf(buf, len, "ld %s %s", BPF_MODE(in->code) == BPF_ABS ? "abs" : "ind",
				 size_name(in->code));
		else
			return 0;
		return 1;
	case BPF_LDX:
		snprintf(buf, len, "ldx %s %s", BPF_MODE(in->code) == BPF_MEMSX ? "memsx" : "mem",
			 size_name(in->code));
		return 1;
	case BPF_ST:
		snprintf(buf, len, "st mem %s", size_name(in->code));
		return 1;
	case BPF_STX:
		if (BPF_MODE(in->code) == BPF_ATOMIC) {
			if (!atomic_name(in->imm))
				return 0;
			snprintf(buf, len, "atomic%s %s",
				 BPF_SIZE(in->code) == BPF_DW ? "64" : "32", atomic_name(in->imm));
		} else {
			snprintf(buf, len, "stx mem %s", size_name(in->code));
		}
		return 1;
	}
	return 0;
}

#define RAW(CODE, SRC, OFF, IMM) \
	((struct bpf_insn){ .code = (CODE), .src_reg = (SRC), .off = (OFF), .imm = (IMM) })

/* One instruction per RFC 9669 variant, in the RFC's order. */
static size_t all_variants(struct bpf_insn *v)
{
	static const __u8 ops[] = {
		BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR, BPF_AND, BPF_LSH, BPF_RSH,
		BPF_NEG, BPF_MOD, BPF_XOR, BPF_MOV, BPF_ARSH,
	};
	static const __u8 conds[] = {
		BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET, BPF_JNE, BPF_JSGT, BPF_JSGE,
		BPF_JLT, BPF_JLE, BPF_JSLT, BPF_JSLE,
	};
	static const __s32 aops[] = {
		BPF_ADD, BPF_ADD | BPF_FETCH, BPF_OR, BPF_OR | BPF_FETCH, BPF_AND,
		BPF_AND | BPF_FETCH, BPF_XOR, BPF_XOR | BPF_FETCH, BPF_XCHG, BPF_CMPXCHG,
	};
	static const __u8 sizes[] = { BPF_B, BPF_H, BPF_W, BPF_DW };
	size_t n = 0;

	for (int c = 0; c < 2; c++) {
		__u8 cls = c ? BPF_ALU64 : BPF_ALU;

		for (size_t i = 0; i < sizeof(ops); i++) {
			if (ops[i] == BPF_NEG) {
				v[n++] = RAW(cls | BPF_NEG, 0, 0, 0);
				continue;
			}
			v[n++] = RAW(cls | ops[i] | BPF_K, 0, 0, 1);
			v[n++] = RAW(cls | ops[i] | BPF_X, 0, 0, 0);
			if (ops[i] == BPF_DIV || ops[i] == BPF_MOD) {
				v[n++] = RAW(cls | ops[i] | BPF_K, 0, 1, 1);
				v[n++] = RAW(cls | ops[i] | BPF_X, 0, 1, 0);
			}
			if (ops[i] == BPF_MOV)
				for (int b = 8; b <= (c ? 32 : 16); b *= 2)
					v[n++] = RAW(cls | BPF_MOV | BPF_X, 0, (__s16)b, 0);
		}
		for (int w = 16; w <= 64; w *= 2) {
			if (c) {
				v[n++] = RAW(BPF_ALU64 | BPF_END, 0, 0, w);
			} else {
				v[n++] = RAW(BPF_ALU | BPF_END | BPF_TO_LE, 0, 0, w);
				v[n++] = RAW(BPF_ALU | BPF_END | BPF_TO_BE, 0, 0, w);
			}
		}
	}
	for (int c = 0; c < 2; c++) {
		__u8 cls = c ? BPF_JMP32 : BPF_JMP;

		v[n++] = RAW(cls | BPF_JA, 0, 0, 0);
		for (size_t i = 0; i < sizeof(conds); i++) {
			v[n++] = RAW(cls | conds[i] | BPF_K, 0, 0, 0);
			v[n++] = RAW(cls | conds[i] | BPF_X, 0, 0, 0);
		}
		if (!c) {
			for (__u8 src = 0; src <= BPF_PSEUDO_KFUNC_CALL; src++)
				v[n++] = RAW(BPF_JMP | BPF_CALL, src, 0, 0);
			v[n++] = RAW(BPF_JMP | BPF_CALL | BPF_X, 0, 0, 0);
			v[n++] = RAW(BPF_JMP | BPF_EXIT, 0, 0, 0);
		}
	}
	for (__u8 src = 0; src <= BPF_PSEUDO_MAP_IDX_VALUE; src++)
		v[n++] = RAW(BPF_LD | BPF_DW | BPF_IMM, src, 0, 0);
	for (size_t s = 0; s < 3; s++) {
		v[n++] = RAW(BPF_LD | sizes[s] | BPF_ABS, 0, 0, 0);
		v[n++] = RAW(BPF_LD | sizes[s] | BPF_IND, 0, 0, 0);
	}
	for (size_t s = 0; s < 4; s++)
		v[n++] = RAW(BPF_LDX | sizes[s] | BPF_MEM, 0, 0, 0);
	for (size_t s = 0; s < 3; s++)
		v[n++] = RAW(BPF_LDX | sizes[s] | BPF_MEMSX, 0, 0, 0);
	for (size_t s = 0; s < 4; s++)
		v[n++] = RAW(BPF_ST | sizes[s] | BPF_MEM, 0, 0, 0);
	for (size_t s = 0; s < 4; s++)
		v[n++] = RAW(BPF_STX | sizes[s] | BPF_MEM, 0, 0, 0);
	for (int w = 0; w < 2; w++)
		for (size_t i = 0; i < sizeof(aops) / sizeof(aops[0]); i++)
			v[n++] = RAW(BPF_STX | (w ? BPF_DW : BPF_W) | BPF_ATOMIC, 0, 0, aops[i]);
	return n;
}

#define MAX_VARIANTS 200

static void isa_section(struct coverage_out *out)
{
	struct bpf_insn proto[MAX_VARIANTS];
	char names[MAX_VARIANTS][32];
	unsigned counts[MAX_VARIANTS] = { 0 };
	size_t nv = all_variants(proto);

	for (size_t i = 0; i < nv; i++)
		variant_name(&proto[i], names[i], sizeof(names[i]));
	for (size_t t = 0; t < isa_ntables; t++)
		for (size_t r = 0; r < isa_tables[t].n; r++) {
			const struct isa_row *row = &isa_tables[t].rows[r];
			size_t cap = asm_len(row->prog) + 1;
			struct bpf_insn *insns = malloc(cap * sizeof(*insns));
			unsigned char seen[MAX_VARIANTS] = { 0 };
			char err[256], name[32];
			int cnt;

			if (!insns)
				abort();
			cnt = isa_resolve_fake(row, insns, cap, err, sizeof(err));
			for (int i = 0; i < cnt; i++) {
				if (!variant_name(&insns[i], name, sizeof(name)))
					continue;
				for (size_t v = 0; v < nv; v++)
					if (!seen[v] && !strcmp(names[v], name)) {
						seen[v] = 1;
						counts[v]++;
					}
				if (insns[i].code == (BPF_LD | BPF_DW | BPF_IMM))
					i++;
			}
			free(insns);
		}
	for (size_t v = 0; v < nv; v++)
		coverage_row(out, names[v], counts[v]);
}
COVERAGE_SECTION("isa", isa_section);
