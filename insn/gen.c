// SPDX-License-Identifier: GPL-2.0
/*
 * The random program generator (see gen.h).  What keeps its programs
 * verifier-safe on every kernel we boot:
 *  - every register and every stack byte it reads is written first (5.10
 *    refuses reads of uninitialised stack);
 *  - DIV/MOD by an immediate never by 0, shifts by an immediate within the
 *    width (the verifier refuses both: EINVAL);
 *  - memory accesses are aligned to their size (atomics must be) and
 *    inside fp-64..fp-1 or the map value;
 *  - a map-value access takes its base from an LD_IMM64 just before, and
 *    the register gets a scalar again right after, so no pointer is ever
 *    stored, compared or spilled;
 *  - jumps are forward only, to op boundaries; an unconditional JA is
 *    guarded by a conditional jump over it, so the instructions it skips
 *    stay reachable (check_cfg() refuses unreachable instructions);
 *  - LD_ABS/LD_IND find the context in R6 (filled from fp-80, where the
 *    prologue spilled R1), and R1-R5, which they and calls leave
 *    unreadable, get immediates right after; a program has either packet
 *    loads or calls, never both (older verifiers refuse the mix);
 *  - only subprograms that are called are emitted, after the epilogue
 *    (code nothing reaches is refused), and they read only R0-R5 and
 *    their own stack, after writing it.
 * Most values are constants to the verifier, which then follows one path
 * and replaces decided jumps by JA; the few registers loaded from the map
 * are not, so some jumps are decided at run time by the JIT's code and the
 * verifier explores both ways -- forward-only jumps keep that bounded.
 */
#include <string.h>

#include "gen.h"
#include "insn.h"

struct rng {
	unsigned long long s;
};

/* splitmix64 */
static unsigned long long next(struct rng *r)
{
	unsigned long long z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned below(struct rng *r, unsigned n)
{
	return (unsigned)(next(r) % n);
}

static __s32 imm32(struct rng *r)
{
	static const __s32 edge[] = {
		0, 1, -1, 2, -2, 7, 31, 32, 63, 64, 0xff, 0xffff, 0x7fff, 0x8000,
		0x7fffffff, (__s32)0x80000000, (__s32)0xffff0000, 0x10000, 3, -7,
	};

	if (below(r, 3))
		return edge[below(r, sizeof(edge) / sizeof(edge[0]))];
	return (__s32)next(r) >> below(r, 32);
}

static __u64 imm64(struct rng *r)
{
	static const __u64 edge[] = {
		0, 1, ~0ULL, 0x8000000000000000ULL, 0x7fffffffffffffffULL,
		0xffffffffULL, 0x100000000ULL, 0x80000000ULL, 0xffffffff80000000ULL,
		0x7fffffffULL, 0x00000001ffffffffULL, 0xff,
	};

	if (below(r, 3))
		return edge[below(r, sizeof(edge) / sizeof(edge[0]))];
	return next(r) >> below(r, 64);
}

static struct bpf_insn raw(__u8 code, __u8 dst, __u8 src, __s16 off, __s32 imm)
{
	return (struct bpf_insn){ .code = code, .dst_reg = dst, .src_reg = src,
				  .off = off, .imm = imm };
}

static void put(struct gen_op *op, struct bpf_insn in)
{
	op->insn[op->n++] = in;
}

static void ld_imm64(struct gen_op *op, __u8 dst, __u8 src, __u64 v)
{
	put(op, raw(BPF_LD | BPF_DW | BPF_IMM, dst, src, 0, (__s32)(__u32)v));
	put(op, raw(0, 0, 0, 0, (__s32)(__u32)(v >> 32)));
}

static const __u8 sizes[] = { BPF_B, BPF_H, BPF_W, BPF_DW };

static unsigned bytes(__u8 size)
{
	return size == BPF_B ? 1 : size == BPF_H ? 2 : size == BPF_W ? 4 : 8;
}

static __u8 reg(struct rng *r)
{
	return (__u8)below(r, 10);
}

/* An aligned offset for 'size' bytes within [lo, lo + len). */
static __s16 aligned(struct rng *r, int lo, unsigned len, unsigned size)
{
	return (__s16)(lo + (int)(below(r, len / size) * size));
}

static void alu(struct rng *r, const struct gen_opts *o, struct gen_op *op)
{
	static const __u8 ops[] = {
		BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR, BPF_AND, BPF_LSH,
		BPF_RSH, BPF_MOD, BPF_XOR, BPF_MOV, BPF_ARSH,
	};
	int is64 = below(r, 2);
	__u8 cls = is64 ? BPF_ALU64 : BPF_ALU;
	__u8 o8 = ops[below(r, sizeof(ops))];
	__u8 dst = reg(r);
	__s16 off = 0;

	if (o->v4 && (o8 == BPF_DIV || o8 == BPF_MOD) && below(r, 2))
		off = 1;				/* SDIV / SMOD */
	if (below(r, 2)) {				/* X */
		if (o->v4 && o8 == BPF_MOV && below(r, 3) == 0) {
			static const __s16 sx[] = { 8, 16, 32 };

			off = sx[below(r, is64 ? 3 : 2)];	/* MOVSX */
		}
		put(op, raw(cls | o8 | BPF_X, dst, reg(r), off, 0));
		return;
	}
	__s32 imm = imm32(r);

	if (o8 == BPF_LSH || o8 == BPF_RSH || o8 == BPF_ARSH)
		imm = (__s32)below(r, is64 ? 64 : 32);
	else if ((o8 == BPF_DIV || o8 == BPF_MOD) && imm == 0)
		imm = 3;
	put(op, raw(cls | o8 | BPF_K, dst, 0, off, imm));
}

static void unary(struct rng *r, const struct gen_opts *o, struct gen_op *op)
{
	static const __s32 widths[] = { 16, 32, 64 };
	__u8 dst = reg(r);

	switch (below(r, o->v4 ? 3 : 2)) {
	case 0:
		put(op, raw((below(r, 2) ? BPF_ALU64 : BPF_ALU) | BPF_NEG, dst, 0, 0, 0));
		break;
	case 1:
		put(op, raw(BPF_ALU | BPF_END | (below(r, 2) ? BPF_TO_BE : BPF_TO_LE),
			    dst, 0, 0, widths[below(r, 3)]));
		break;
	default:					/* v4 BSWAP */
		put(op, raw(BPF_ALU64 | BPF_END | BPF_TO_LE, dst, 0, 0, widths[below(r, 3)]));
		break;
	}
}

/* A load, store or atomic through 'base' at 'off'. */
static void access(struct rng *r, const struct gen_opts *o, struct gen_op *op,
		   __u8 base, int lo, unsigned len)
{
	__u8 size = sizes[below(r, 4)];
	__s16 off = aligned(r, lo, len, bytes(size));
	__u8 src;

	switch (below(r, 4)) {
	case 0: {					/* LDX, MEMSX with v4 */
		__u8 mode = BPF_MEM;

		if (o->v4 && size != BPF_DW && below(r, 2))
			mode = BPF_MEMSX;
		put(op, raw(BPF_LDX | size | mode, reg(r), base, off, 0));
		break;
	}
	case 1:
		put(op, raw(BPF_ST | size | BPF_MEM, base, 0, off, imm32(r)));
		break;
	case 2:
		do
			src = reg(r);
		while (src == base);
		put(op, raw(BPF_STX | size | BPF_MEM, base, src, off, 0));
		break;
	default: {
		static const __s32 aops[] = {
			BPF_ADD, BPF_OR, BPF_AND, BPF_XOR,
			BPF_ADD | BPF_FETCH, BPF_OR | BPF_FETCH, BPF_AND | BPF_FETCH,
			BPF_XOR | BPF_FETCH, BPF_XCHG, BPF_CMPXCHG,
		};
		unsigned naops = o->add_only ? 1 : o->no_fetch ? 4 : sizeof(aops) / sizeof(aops[0]);
		__s32 aop = aops[below(r, naops)];

		size = below(r, 2) ? BPF_W : BPF_DW;
		off = aligned(r, lo, len, bytes(size));
		/* The base is never the source or (for CMPXCHG) R0. */
		do
			src = reg(r);
		while (src == base || (aop == BPF_CMPXCHG && src == BPF_REG_0));
		put(op, raw(BPF_STX | size | BPF_ATOMIC, base, src, off, aop));
		break;
	}
	}
}

static void map_access(struct rng *r, const struct gen_opts *o, struct gen_op *op)
{
	__u8 base;

	do
		base = reg(r);
	while (base == BPF_REG_0);	/* CMPXCHG uses R0 */
	ld_imm64(op, base, BPF_PSEUDO_MAP_VALUE, 0);	/* base = &value[0] */
	access(r, o, op, base, 0, GEN_MEM_SIZE);
	/* A load into the base already made it a scalar. */
	if (!(BPF_CLASS(op->insn[2].code) == BPF_LDX && op->insn[2].dst_reg == base))
		put(op, raw(BPF_ALU64 | BPF_MOV | BPF_K, base, 0, 0, imm32(r)));
}

static void jump(struct rng *r, const struct gen_opts *o, struct gen_op *op,
		 unsigned i, unsigned nops)
{
	static const __u8 conds[] = {
		BPF_JEQ, BPF_JNE, BPF_JGT, BPF_JGE, BPF_JLT, BPF_JLE, BPF_JSGT,
		BPF_JSGE, BPF_JSLT, BPF_JSLE, BPF_JSET,
	};
	__u8 cls = below(r, 2) ? BPF_JMP : BPF_JMP32;
	__u8 cond = conds[below(r, sizeof(conds))];
	unsigned span = nops - i;
	struct bpf_insn j;

	if (below(r, 2))
		j = raw(cls | cond | BPF_X, reg(r), reg(r), 0, 0);
	else
		j = raw(cls | cond | BPF_K, reg(r), 0, 0, imm32(r));
	op->target = (unsigned short)(i + 1 + below(r, span < 8 ? span : 8));
	if (below(r, 4)) {
		op->jump_at = 0;
		put(op, j);
		return;
	}
	/* if (cond) skip the JA; JA target: the next op stays reachable. */
	j.off = 1;
	put(op, j);
	op->jump_at = 1;
	if (o->v4 && below(r, 2))
		put(op, raw(BPF_JMP32 | BPF_JA, 0, 0, 0, 0));
	else
		put(op, raw(BPF_JMP | BPF_JA, 0, 0, 0, 0));
}

#define CTX_SLOT (-GEN_STACK_SIZE - 16)	/* fp-80: the context */
#define R6_SLOT (-GEN_STACK_SIZE - 24)	/* fp-88: R6 during a packet load */

/* R1-R5 are unreadable after a call or a packet load: give them values. */
static void reinit_args(struct rng *r, struct gen_op *op)
{
	for (__u8 d = BPF_REG_1; d <= BPF_REG_5; d++)
		put(op, raw(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, imm32(r)));
}

static void packet_load(struct rng *r, struct gen_op *op)
{
	static const __u8 psizes[] = { BPF_B, BPF_H, BPF_W };
	__u8 size = psizes[below(r, 3)];

	put(op, raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_10, BPF_REG_6, R6_SLOT, 0));
	put(op, raw(BPF_LDX | BPF_DW | BPF_MEM, BPF_REG_6, BPF_REG_10, CTX_SLOT, 0));
	if (below(r, 2)) {
		/* Offsets around the 50-byte packet, a few past its end. */
		put(op, raw(BPF_LD | size | BPF_ABS, 0, 0, 0, (__s32)below(r, 54)));
	} else {
		__u8 src;

		do
			src = reg(r);
		while (src == BPF_REG_6);
		put(op, raw(BPF_ALU64 | BPF_AND | BPF_K, src, 0, 0, 63));
		put(op, raw(BPF_LD | size | BPF_IND, 0, src, 0, (__s32)below(r, 8)));
	}
	put(op, raw(BPF_LDX | BPF_DW | BPF_MEM, BPF_REG_6, BPF_REG_10, R6_SLOT, 0));
	reinit_args(r, op);
}

static void call_op(struct rng *r, struct gen_op *op, unsigned nsubs)
{
	op->callee = (unsigned char)below(r, nsubs);
	op->call_at = (signed char)op->n;
	put(op, raw(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, 0));
	reinit_args(r, op);
}

/* A subprogram's op: ALU on R0-R5, or a store and load on its own stack. */
static void sub_op(struct rng *r, const struct gen_opts *o, struct gen_op *op)
{
	memset(op, 0, sizeof(*op));
	op->jump_at = op->call_at = -1;
	if (below(r, 4)) {
		do {
			op->n = 0;
			alu(r, o, op);
		} while (op->insn[0].dst_reg > BPF_REG_5 ||
			 (BPF_SRC(op->insn[0].code) == BPF_X && op->insn[0].src_reg > BPF_REG_5));
	} else {
		__s16 off = (__s16)(-8 * (1 + (int)below(r, 4)));
		__u8 size = sizes[below(r, 4)];

		put(op, raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_10, (__u8)below(r, 6), off, 0));
		put(op, raw(BPF_LDX | size | BPF_MEM, (__u8)below(r, 6), BPF_REG_10, off, 0));
	}
}

static void body_op(struct rng *r, const struct gen_opts *o, struct gen_op *op,
		    unsigned i, unsigned nops, int kind, unsigned nsubs)
{
	unsigned k = below(r, 100);

	memset(op, 0, sizeof(*op));
	op->jump_at = op->call_at = -1;
	if (kind == 1 && k < 8)
		packet_load(r, op);
	else if (kind == 2 && k < 8)
		call_op(r, op, nsubs);
	else if (k < 40)
		alu(r, o, op);
	else if (k < 48)
		unary(r, o, op);
	else if (k < 53)
		ld_imm64(op, reg(r), 0, imm64(r));
	else if (k < 68)
		access(r, o, op, BPF_REG_10, -GEN_STACK_SIZE, GEN_STACK_SIZE);
	else if (k < 82)
		map_access(r, o, op);
	else
		jump(r, o, op, i, nops);
}

void gen_program(unsigned long long seed, unsigned long long index,
		 const struct gen_opts *opts, struct gen_prog *p)
{
	unsigned lo = opts->min_ops ? opts->min_ops : 4;
	unsigned hi = opts->max_ops ? opts->max_ops : 40;
	struct rng r = { seed * 0x100000001b3ULL ^ (index + 1) * 0x9e3779b97f4a7c15ULL };
	int kind;

	if (hi > GEN_MAX_OPS)
		hi = GEN_MAX_OPS;
	if (lo > hi)
		lo = hi;
	memset(p, 0, sizeof(*p));
	next(&r);
	for (unsigned i = 0; i < GEN_MEM_SIZE; i += 8) {
		__u64 v = imm64(&r);

		memcpy(p->mem + i, &v, 8);
	}
	/* Prologue: the context to fp-80, r0-r9, then the eight stack slots. */
	p->pro[0].jump_at = p->pro[0].call_at = -1;
	put(&p->pro[p->npro++], raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_10, BPF_REG_1, CTX_SLOT, 0));
	for (__u8 d = 0; d < 10; d++) {
		struct gen_op *op = &p->pro[p->npro++];

		op->jump_at = op->call_at = -1;
		if (below(&r, 2))
			ld_imm64(op, d, 0, imm64(&r));
		else
			put(op, raw(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, imm32(&r)));
	}
	/* A few registers the verifier cannot know: loaded from the map
	 * value, so jumps on them are decided at run time, not hard-wired. */
	for (unsigned k = below(&r, 4); k > 0; k--) {
		struct gen_op *op = &p->pro[p->npro++];
		__u8 d = reg(&r);

		op->jump_at = op->call_at = -1;
		ld_imm64(op, d, BPF_PSEUDO_MAP_VALUE, 0);
		put(op, raw(BPF_LDX | BPF_DW | BPF_MEM, d, d, (__s16)(8 * below(&r, 8)), 0));
	}
	for (int slot = 0; slot < 8; slot++) {
		struct gen_op *op = &p->pro[p->npro++];

		op->jump_at = op->call_at = -1;
		if (below(&r, 2))
			put(op, raw(BPF_ST | BPF_DW | BPF_MEM, BPF_REG_10, 0,
				    (__s16)(-GEN_STACK_SIZE + 8 * slot), imm32(&r)));
		else
			put(op, raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_10, reg(&r),
				    (__s16)(-GEN_STACK_SIZE + 8 * slot), 0));
	}
	/* 0: plain; 1: with packet loads; 2: with calls. */
	kind = (int)below(&r, 3);
	if ((kind == 1 && opts->no_packet) || (kind == 2 && opts->no_calls))
		kind = 0;
	if (kind == 2) {
		p->nsubs = 1 + below(&r, GEN_MAX_SUBS);
		for (unsigned s = 0; s < p->nsubs; s++) {
			struct gen_sub *sub = &p->subs[s];

			sub->nops = 1 + below(&r, GEN_SUB_OPS);
			for (unsigned i = 0; i < sub->nops; i++)
				sub_op(&r, opts, &sub->ops[i]);
		}
	}
	p->nops = lo + below(&r, hi - lo + 1);
	for (unsigned i = 0; i < p->nops; i++)
		body_op(&r, opts, &p->ops[i], i, p->nops, kind, p->nsubs);
}

void gen_drop_op(struct gen_prog *p, unsigned i)
{
	for (unsigned k = 0; k < p->nops; k++)
		if (p->ops[k].jump_at >= 0 && p->ops[k].target > i)
			p->ops[k].target--;
	memmove(&p->ops[i], &p->ops[i + 1], (p->nops - i - 1) * sizeof(p->ops[0]));
	p->nops--;
}

static size_t copy_op(const struct gen_op *op, int map_fd, struct bpf_insn *out)
{
	for (unsigned k = 0; k < op->n; k++) {
		out[k] = op->insn[k];
		if (out[k].code == (BPF_LD | BPF_DW | BPF_IMM) &&
		    out[k].src_reg == BPF_PSEUDO_MAP_VALUE)
			out[k].imm = map_fd;
	}
	return op->n;
}

size_t gen_emit(const struct gen_prog *p, int map_fd, struct bpf_insn *out)
{
	size_t start[GEN_MAX_OPS + 1], n = 0;

	for (unsigned i = 0; i < p->npro; i++)
		n += copy_op(&p->pro[i], map_fd, out + n);
	for (unsigned i = 0; i < p->nops; i++) {
		start[i] = n;
		n += copy_op(&p->ops[i], map_fd, out + n);
	}
	start[p->nops] = n;
	for (unsigned i = 0; i < p->nops; i++) {
		const struct gen_op *op = &p->ops[i];
		struct bpf_insn *j;
		long rel;

		if (op->jump_at < 0)
			continue;
		j = &out[start[i] + (size_t)op->jump_at];
		rel = (long)start[op->target] - (long)(start[i] + (size_t)op->jump_at + 1);
		if (j->code == (BPF_JMP32 | BPF_JA))
			j->imm = (__s32)rel;
		else
			j->off = (__s16)rel;
	}
	/* Epilogue: r1 to the stack, then everything into the value. */
	out[n++] = raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_10, BPF_REG_1, -GEN_STACK_SIZE - 8, 0);
	out[n++] = raw(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, BPF_PSEUDO_MAP_VALUE, 0, map_fd);
	out[n++] = raw(0, 0, 0, 0, 0);
	for (__u8 d = 0; d < 10; d++)
		if (d != BPF_REG_1)
			out[n++] = raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_1, d, GEN_REGS_OFF + 8 * d, 0);
	out[n++] = raw(BPF_LDX | BPF_DW | BPF_MEM, BPF_REG_2, BPF_REG_10, -GEN_STACK_SIZE - 8, 0);
	out[n++] = raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_1, BPF_REG_2, GEN_REGS_OFF + 8, 0);
	for (int slot = 0; slot < 8; slot++) {
		out[n++] = raw(BPF_LDX | BPF_DW | BPF_MEM, BPF_REG_2, BPF_REG_10,
			       (__s16)(-GEN_STACK_SIZE + 8 * slot), 0);
		out[n++] = raw(BPF_STX | BPF_DW | BPF_MEM, BPF_REG_1, BPF_REG_2,
			       (__s16)(GEN_STACK_OFF + 8 * slot), 0);
	}
	out[n++] = raw(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);

	/* The subprograms that are called, each: r0 = imm, ops, exit. */
	for (unsigned s = 0; s < p->nsubs; s++) {
		int called = 0;

		for (unsigned i = 0; i < p->nops; i++)
			called |= p->ops[i].call_at >= 0 && p->ops[i].callee == s;
		if (!called)
			continue;
		for (unsigned i = 0; i < p->nops; i++) {
			const struct gen_op *op = &p->ops[i];
			size_t at = start[i] + (size_t)op->call_at;

			if (op->call_at >= 0 && op->callee == s)
				out[at].imm = (__s32)((long)n - (long)(at + 1));
		}
		out[n++] = raw(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, (__s32)(s + 1));
		for (unsigned i = 0; i < p->subs[s].nops; i++)
			n += copy_op(&p->subs[s].ops[i], map_fd, out + n);
		out[n++] = raw(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
	}
	return n;
}

void gen_value_init(const struct gen_prog *p, unsigned char value[GEN_VALUE_SIZE])
{
	memset(value, 0, GEN_VALUE_SIZE);
	memcpy(value, p->mem, GEN_MEM_SIZE);
}
