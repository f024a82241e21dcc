// SPDX-License-Identifier: GPL-2.0
/*
 * The disassembler a failing case prints its program with: every opcode of
 * RFC 9669 (ISA v1 to v4), plus the kernel's own extensions a case may
 * carry (may_goto, addr_space_cast, load-acquire/store-release), in the
 * style of the kernel's verifier log (kernel/bpf/disasm.c):
 *
 *	r0 = 1    w1 += w2    r1 s/= 3    r1 = (s8)r2    r2 = be16 r2
 *	r0 = *(u32 *)(r1 +4)    *(u64 *)(r10 -8) = r1    if r1 == 0x0 goto +2
 *	lock *(u64 *)(r0 +0) += r1    r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)
 *	r1 = map[fd:5]    call bpf_map_lookup_elem#1    call pc+3    exit
 *
 * Jump targets are printed relative, as encoded.  Whatever the kernel
 * rejects as an unknown opcode or as "uses reserved fields" (the checks in
 * kernel/bpf/verifier.c: check_alu_op, check_atomic, check_cond_jmp_op,
 * do_check's JA/CALL/EXIT rules, resolve_pseudo_ldimm64) prints as
 * "(bad: code=0x.. dst=.. src=.. off=.. imm=..: why)" instead of being
 * dressed up as a valid instruction.  Values the verifier rejects only
 * for what they mean (a division by a zero constant, a shift too wide, a
 * write to r10) are encodings all the same and print normally.  Registers
 * beyond r10 are bad wherever the instruction uses them.  Kernel history
 * that shows here:
 *   - 4.14 (v2 jumps), 5.1 (JMP32), 5.12 (fetching atomics), 6.6 (v4:
 *     MOVSX, MEMSX, SDIV/SMOD, BSWAP, gotol), 6.9 (may_goto,
 *     addr_space_cast), 6.15 (load_acquire/store_release, B and H sized
 *     atomics for those two only).
 */
#include <stdio.h>

#include "helper_names.h"
#include "insn.h"

/* Reasons are static strings; NULL means the instruction was printed. */
typedef const char *why_t;

#define MAX_REG 10	/* r10 is the last register; r11..r15 do not exist */

/* ALU operators by BPF_OP() >> 4; NULL for NEG, END and the unused two. */
static const char *const alu_ops[16] = {
	"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
	NULL, "%=", "^=", "=", "s>>=", NULL, NULL, NULL,
};

/* Conditional jump operators by BPF_OP() >> 4; NULL: not a condition. */
static const char *const jmp_ops[16] = {
	NULL, "==", ">", ">=", "&", "!=", "s>", "s>=",
	NULL, NULL, "<", "<=", "s<", "s<=", NULL, NULL,
};

/* Access sizes by BPF_SIZE() >> 3: W, H, B, DW. */
static const char *const usize[4] = { "u32", "u16", "u8", "u64" };
static const char *const ssize[4] = { "s32", "s16", "s8", "s64" };

/* Atomic operations (imm without BPF_FETCH) by imm >> 4. */
static const char *const atomic_ops[16] = {
	[BPF_ADD >> 4] = "+=", [BPF_OR >> 4] = "|=",
	[BPF_AND >> 4] = "&=", [BPF_XOR >> 4] = "^=",
};
static const char *const atomic_names[16] = {
	[BPF_ADD >> 4] = "add", [BPF_OR >> 4] = "or",
	[BPF_AND >> 4] = "and", [BPF_XOR >> 4] = "xor",
};

static void bad(const struct bpf_insn *in, why_t why, char *buf, size_t len)
{
	snprintf(buf, len, "(bad: code=0x%02x dst=r%u src=r%u off=%d imm=%d: %s)",
		 in->code, in->dst_reg, in->src_reg, in->off, in->imm, why);
}

static why_t alu(const struct bpf_insn *in, char *buf, size_t len)
{
	int is64 = BPF_CLASS(in->code) == BPF_ALU64;
	int x = BPF_SRC(in->code) == BPF_X;
	unsigned op = BPF_OP(in->code), d = in->dst_reg, s = in->src_reg;
	char w = is64 ? 'r' : 'w';

	if (d > MAX_REG)
		return "no such dst register";
	if (x && s > MAX_REG && op != BPF_NEG && op != BPF_END)
		return "no such src register";

	switch (op) {
	case BPF_NEG:
		if (x || s || in->off || in->imm)
			return "neg uses reserved fields";
		snprintf(buf, len, "%c%u = -%c%u", w, d, w, d);
		return NULL;
	case BPF_END:
		if (s || in->off)
			return "end uses reserved fields";
		if (in->imm != 16 && in->imm != 32 && in->imm != 64)
			return "byte swap width is not 16, 32 or 64";
		if (is64) {
			/* v4 BSWAP: ALU64 with the to-le source bit only. */
			if (x)
				return "alu64 end with the to-be bit";
			snprintf(buf, len, "r%u = bswap%d r%u", d, in->imm, d);
		} else {
			snprintf(buf, len, "r%u = %s%d r%u", d, x ? "be" : "le",
				 in->imm, d);
		}
		return NULL;
	case BPF_MOV:
		if (!x) {
			if (s || in->off)
				return "mov imm uses reserved fields";
			snprintf(buf, len, "%c%u = %d", w, d, in->imm);
			return NULL;
		}
		if (is64 && in->off == 1) {
			/* 6.9 arena: imm = dst_as << 16 | src_as, one of them 1. */
			if (in->imm != 1 && in->imm != 1 << 16)
				return "addr_space_cast between other spaces than 0 and 1";
			snprintf(buf, len, "r%u = addr_space_cast(r%u, %u, %u)", d, s,
				 (unsigned)in->imm >> 16, (unsigned)in->imm & 0xffff);
			return NULL;
		}
		if (in->imm)
			return "mov reg uses reserved fields";
		if (in->off == 0)
			snprintf(buf, len, "%c%u = %c%u", w, d, w, s);
		else if (in->off == 8 || in->off == 16 || (in->off == 32 && is64))
			snprintf(buf, len, "%c%u = (s%d)%c%u", w, d, in->off, w, s);
		else
			return "movsx width is not 8, 16 (or 32 in alu64)";
		return NULL;
	}
	if (!alu_ops[op >> 4])
		return "unknown alu operation";
	/* off = 1 makes DIV and MOD signed (v4); it is reserved elsewhere. */
	if (in->off && !(in->off == 1 && (op == BPF_DIV || op == BPF_MOD)))
		return "alu uses reserved off";
	if (x) {
		if (in->imm)
			return "alu reg uses reserved imm";
		snprintf(buf, len, "%c%u %s%s %c%u", w, d, in->off ? "s" : "",
			 alu_ops[op >> 4], w, s);
	} else {
		if (s)
			return "alu imm uses reserved src";
		snprintf(buf, len, "%c%u %s%s %d", w, d, in->off ? "s" : "",
			 alu_ops[op >> 4], in->imm);
	}
	return NULL;
}

static why_t ldx(const struct bpf_insn *in, char *buf, size_t len)
{
	unsigned mode = BPF_MODE(in->code), sz = BPF_SIZE(in->code) >> 3;

	if (mode != BPF_MEM && mode != BPF_MEMSX)
		return "unknown ldx mode";
	if (mode == BPF_MEMSX && BPF_SIZE(in->code) == BPF_DW)
		return "sign-extending load of 64 bits";
	if (in->imm)
		return "ldx uses reserved imm";
	if (in->dst_reg > MAX_REG || in->src_reg > MAX_REG)
		return "no such register";
	snprintf(buf, len, "r%u = *(%s *)(r%u %+d)", in->dst_reg,
		 mode == BPF_MEMSX ? ssize[sz] : usize[sz], in->src_reg, in->off);
	return NULL;
}

static why_t st(const struct bpf_insn *in, char *buf, size_t len)
{
	if (BPF_MODE(in->code) != BPF_MEM)
		return "unknown st mode";
	if (in->src_reg)
		return "st uses reserved src";
	if (in->dst_reg > MAX_REG)
		return "no such dst register";
	snprintf(buf, len, "*(%s *)(r%u %+d) = %d", usize[BPF_SIZE(in->code) >> 3],
		 in->dst_reg, in->off, in->imm);
	return NULL;
}

static why_t atomic(const struct bpf_insn *in, char *buf, size_t len)
{
	unsigned d = in->dst_reg, s = in->src_reg, size = BPF_SIZE(in->code);
	const char *ty = usize[size >> 3];
	int is64 = size == BPF_DW;
	int op = in->imm;

	/* 6.15: ordered loads and stores, in all four sizes. */
	if (op == BPF_LOAD_ACQ) {
		snprintf(buf, len, "r%u = load_acquire((%s *)(r%u %+d))", d, ty, s, in->off);
		return NULL;
	}
	if (op == BPF_STORE_REL) {
		snprintf(buf, len, "store_release((%s *)(r%u %+d), r%u)", ty, d, in->off, s);
		return NULL;
	}
	if (size != BPF_W && size != BPF_DW)
		return "atomic read-modify-write of 8 or 16 bits";
	if (op == BPF_XCHG) {
		snprintf(buf, len, "r%u = atomic%s_xchg((%s *)(r%u %+d), r%u)", s,
			 is64 ? "64" : "", ty, d, in->off, s);
		return NULL;
	}
	if (op == BPF_CMPXCHG) {
		/* Compares with r0; the old value lands in r0. */
		snprintf(buf, len, "r0 = atomic%s_cmpxchg((%s *)(r%u %+d), r0, r%u)",
			 is64 ? "64" : "", ty, d, in->off, s);
		return NULL;
	}
	if (op & ~(0xf0 | BPF_FETCH) || !atomic_ops[op >> 4])
		return "unknown atomic operation";
	if (op & BPF_FETCH)
		snprintf(buf, len, "r%u = atomic%s_fetch_%s((%s *)(r%u %+d), r%u)", s,
			 is64 ? "64" : "", atomic_names[op >> 4], ty, d, in->off, s);
	else
		snprintf(buf, len, "lock *(%s *)(r%u %+d) %s r%u", ty, d, in->off,
			 atomic_ops[op >> 4], s);
	return NULL;
}

static why_t stx(const struct bpf_insn *in, char *buf, size_t len)
{
	unsigned mode = BPF_MODE(in->code);

	if (mode != BPF_MEM && mode != BPF_ATOMIC)
		return "unknown stx mode";
	if (in->dst_reg > MAX_REG || in->src_reg > MAX_REG)
		return "no such register";
	if (mode == BPF_ATOMIC)
		return atomic(in, buf, len);
	if (in->imm)
		return "stx uses reserved imm";
	snprintf(buf, len, "*(%s *)(r%u %+d) = r%u", usize[BPF_SIZE(in->code) >> 3],
		 in->dst_reg, in->off, in->src_reg);
	return NULL;
}

/* LD_IMM64 and its pseudo sources; 'next' is the second slot. */
static why_t ld_imm64(const struct bpf_insn *in, const struct bpf_insn *next,
		      char *buf, size_t len)
{
	__u64 v = (__u64)(__u32)next->imm << 32 | (__u32)in->imm;
	unsigned d = in->dst_reg;

	if (next->code || next->dst_reg || next->src_reg || next->off)
		return "ld_imm64 second slot uses reserved fields";
	if (in->off)
		return "ld_imm64 uses reserved off";
	if (d > MAX_REG)
		return "no such dst register";
	switch (in->src_reg) {
	case 0:
		snprintf(buf, len, "r%u = 0x%llx ll", d, (unsigned long long)v);
		return NULL;
	case BPF_PSEUDO_MAP_FD:
	case BPF_PSEUDO_MAP_IDX:
		if (next->imm)
			return "map load with a second-slot imm";
		snprintf(buf, len, "r%u = map[%s:%d]", d,
			 in->src_reg == BPF_PSEUDO_MAP_FD ? "fd" : "idx", in->imm);
		return NULL;
	case BPF_PSEUDO_MAP_VALUE:
	case BPF_PSEUDO_MAP_IDX_VALUE:
		snprintf(buf, len, "r%u = map[%s:%d][0]+%u", d,
			 in->src_reg == BPF_PSEUDO_MAP_VALUE ? "fd" : "idx", in->imm,
			 (unsigned)next->imm);
		return NULL;
	case BPF_PSEUDO_BTF_ID:
		/* Slot 2 holds the fd of a module's BTF; 0 means vmlinux. */
		if (next->imm)
			snprintf(buf, len, "r%u = btf_id %d (btf fd %d)", d, in->imm,
				 next->imm);
		else
			snprintf(buf, len, "r%u = btf_id %d", d, in->imm);
		return NULL;
	case BPF_PSEUDO_FUNC:
		/* The kernel ignores slot 2 here; show it if set. */
		if (next->imm)
			snprintf(buf, len, "r%u = func %+d (slot 2 imm %d)", d, in->imm,
				 next->imm);
		else
			snprintf(buf, len, "r%u = func %+d", d, in->imm);
		return NULL;
	}
	return "unknown ld_imm64 source";
}

/* LD_ABS/LD_IND (the other LD modes are handled by the caller). */
static why_t ld_pkt(const struct bpf_insn *in, char *buf, size_t len)
{
	unsigned mode = BPF_MODE(in->code), size = BPF_SIZE(in->code);

	if (mode != BPF_ABS && mode != BPF_IND)
		return "unknown ld mode";
	if (size == BPF_DW)
		return "packet load of 64 bits";
	if (in->dst_reg || in->off || (mode == BPF_ABS && in->src_reg))
		return "ld_abs/ld_ind uses reserved fields";
	if (mode == BPF_ABS) {
		snprintf(buf, len, "r0 = *(%s *)skb[%d]", usize[size >> 3], in->imm);
	} else {
		if (in->src_reg > MAX_REG)
			return "no such src register";
		snprintf(buf, len, "r0 = *(%s *)skb[r%u + %d]", usize[size >> 3],
			 in->src_reg, in->imm);
	}
	return NULL;
}

static why_t call(const struct bpf_insn *in, char *buf, size_t len)
{
	const char *name;

	if (BPF_CLASS(in->code) == BPF_JMP32 || BPF_SRC(in->code) == BPF_X)
		return "call is JMP with BPF_K only";
	if (in->dst_reg)
		return "call uses reserved dst";
	switch (in->src_reg) {
	case 0:
		if (in->off)
			return "helper call uses reserved off";
		name = insn_helper_name(in->imm);
		snprintf(buf, len, "call %s#%d", name ? name : "unknown", in->imm);
		return NULL;
	case BPF_PSEUDO_CALL:
		if (in->off)
			return "bpf-to-bpf call uses reserved off";
		snprintf(buf, len, "call pc%+d", in->imm);
		return NULL;
	case BPF_PSEUDO_KFUNC_CALL:
		/* off: 0 for vmlinux, else the fd_array index of a module BTF. */
		if (in->off)
			snprintf(buf, len, "call kfunc %d (btf fd_array[%d])", in->imm,
				 in->off);
		else
			snprintf(buf, len, "call kfunc %d", in->imm);
		return NULL;
	}
	return "unknown call source";
}

static why_t jmp(const struct bpf_insn *in, char *buf, size_t len)
{
	int is32 = BPF_CLASS(in->code) == BPF_JMP32;
	int x = BPF_SRC(in->code) == BPF_X;
	unsigned op = BPF_OP(in->code), d = in->dst_reg, s = in->src_reg;
	char w = is32 ? 'w' : 'r';

	switch (op) {
	case BPF_JA:
		if (x || d || s || (is32 ? in->off : in->imm))
			return "ja uses reserved fields";
		/* v4 "gotol": JMP32 JA carries its offset in imm. */
		if (is32)
			snprintf(buf, len, "gotol %+d", in->imm);
		else
			snprintf(buf, len, "goto %+d", in->off);
		return NULL;
	case BPF_CALL:
		return call(in, buf, len);
	case BPF_EXIT:
		if (is32 || x || d || s || in->off || in->imm)
			return "exit uses reserved fields";
		snprintf(buf, len, "exit");
		return NULL;
	case BPF_JCOND:
		/* 6.9: may_goto is the only JCOND (src_reg 0). */
		if (is32 || x || d || s || in->imm)
			return "jcond other than may_goto";
		snprintf(buf, len, "may_goto %+d", in->off);
		return NULL;
	}
	if (!jmp_ops[op >> 4])
		return "unknown jump operation";
	if (d > MAX_REG)
		return "no such dst register";
	if (x) {
		if (in->imm)
			return "jump reg uses reserved imm";
		if (s > MAX_REG)
			return "no such src register";
		snprintf(buf, len, "if %c%u %s %c%u goto %+d", w, d, jmp_ops[op >> 4], w, s,
			 in->off);
	} else {
		if (s)
			return "jump imm uses reserved src";
		snprintf(buf, len, "if %c%u %s 0x%x goto %+d", w, d, jmp_ops[op >> 4],
			 (unsigned)in->imm, in->off);
	}
	return NULL;
}

int insn_disasm(const struct bpf_insn *insn, size_t remaining, char *buf, size_t len)
{
	why_t why = NULL;

	if (!remaining) {
		snprintf(buf, len, "(bad: no instruction)");
		return 1;
	}
	switch (BPF_CLASS(insn->code)) {
	case BPF_ALU:
	case BPF_ALU64:
		why = alu(insn, buf, len);
		break;
	case BPF_LDX:
		why = ldx(insn, buf, len);
		break;
	case BPF_ST:
		why = st(insn, buf, len);
		break;
	case BPF_STX:
		why = stx(insn, buf, len);
		break;
	case BPF_JMP:
	case BPF_JMP32:
		why = jmp(insn, buf, len);
		break;
	case BPF_LD:
		if (BPF_MODE(insn->code) != BPF_IMM) {
			why = ld_pkt(insn, buf, len);
			break;
		}
		if (BPF_SIZE(insn->code) != BPF_DW) {
			/* Also what a lone second slot of LD_IMM64 looks like. */
			why = "ld imm other than 64-bit";
			break;
		}
		if (remaining < 2) {
			bad(insn, "ld_imm64 truncated: no second slot", buf, len);
			return 1;
		}
		why = ld_imm64(insn, insn + 1, buf, len);
		if (why)
			bad(insn, why, buf, len);
		return 2;
	}
	if (why)
		bad(insn, why, buf, len);
	return 1;
}

void insn_dump(const struct bpf_insn *insns, size_t cnt, const char *prefix,
	       void (*emit)(const char *line, void *ctx), void *ctx)
{
	char text[160], line[224];

	/* Numbered by slot, as the verifier counts: LD_IMM64 takes two. */
	for (size_t i = 0; i < cnt;) {
		int n = insn_disasm(&insns[i], cnt - i, text, sizeof(text));

		snprintf(line, sizeof(line), "%s%4zu: (%02x) %s", prefix, i, insns[i].code,
			 text);
		emit(line, ctx);
		i += n;
	}
}
