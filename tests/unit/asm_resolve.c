// SPDX-License-Identifier: GPL-2.0
/*
 * insn/asm.c: the resolve pass that turns labels and map names into
 * offsets and fds (forward, backward, at the end; duplicate, unknown and
 * out-of-range references as errors; which references go to imm), asm_len,
 * and insn_isa_version for programs of each ISA version.
 *
 * Kernel rules behind the expectations: a jump's target is pc + 1 + off
 * (off is 16 bits, so +-32K instructions); the 32-bit-offset "gotol"
 * (JMP32 | JA, 6.6) and bpf-to-bpf calls (4.16) take it in imm instead,
 * as does LD_IMM64 with src BPF_PSEUDO_FUNC (5.13), counted from its
 * first slot.  A map fd goes in slot 1's imm; for BPF_PSEUDO_MAP_VALUE
 * (5.2) slot 2's imm is the offset into the value.
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness/case.h"
#include "insn/insn.h"

/* Maps known to the resolver in these cases: "counter" is fd 11,
 * "events" fd 12; the ctx pointer must arrive unchanged. */
struct maps {
	int calls;
};

static int lookup(const char *name, void *ctx)
{
	struct maps *m = ctx;

	m->calls++;
	if (!strcmp(name, "counter"))
		return 11;
	if (!strcmp(name, "events"))
		return 12;
	return -1;
}

#define RESOLVE(OUT, ERR, ...)                                               \
	asm_resolve(PROG(__VA_ARGS__), OUT, sizeof(OUT) / sizeof(OUT[0]),    \
		    lookup, &maps, ERR, sizeof(ERR))

CASE("unit.asm.resolve.label_forward", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "out"),	/* 0: to 3 */
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_MOV64_IMM(BPF_REG_0, 2),
		LABEL("out"),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(4, n);
	ASSERT_EQ(2, out[0].off);	/* 0 + 1 + 2 = 3 */
	ASSERT_EQ(0, out[0].imm);
	ASSERT_EQ(BPF_JMP | BPF_JEQ | BPF_K, out[0].code);
}

CASE("unit.asm.resolve.label_backward", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("loop"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 1),		/* 1 */
		BPF_JMP_IMM(BPF_JLT, BPF_REG_0, 10, "loop"),	/* 2: back to 1 */
		BPF_JMP32_REG(BPF_JNE, BPF_REG_0, BPF_REG_1, "loop"),	/* 3: back to 1 */
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(5, n);
	ASSERT_EQ(-2, out[2].off);	/* 2 + 1 - 2 = 1 */
	ASSERT_EQ(-3, out[3].off);
}

/* A label after the last instruction: a jump to one past the end. */
CASE("unit.asm.resolve.label_at_end", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_JMP_A("end"),
		BPF_EXIT_INSN(),
		LABEL("end"),
	);

	ASSERT_EQ(2, n);
	ASSERT_EQ(1, out[0].off);
}

/* Two labels on one instruction, and a label counted after a 2-slot LD_IMM64. */
CASE("unit.asm.resolve.label_after_ld_imm64", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_JMP_A("b"),				/* 0 */
		BPF_LD_IMM64(BPF_REG_0, 1),		/* 1, 2 */
		LABEL("a"),
		LABEL("b"),
		BPF_JMP_A("a"),				/* 3: to itself */
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(5, n);
	ASSERT_EQ(2, out[0].off);
	ASSERT_EQ(-1, out[3].off);
}

CASE("unit.asm.resolve.duplicate_label_error", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		LABEL("x"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("x"),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(-1, n);
	ASSERT_STREQ("label \"x\" defined twice", err);
}

CASE("unit.asm.resolve.unknown_label_error", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "nowhere"),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(-1, n);
	ASSERT_STREQ("insn 1: no label \"nowhere\"", err);
}

CASE("unit.asm.resolve.unknown_map_error", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_LD_MAP_FD(BPF_REG_1, "nosuch"),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(-1, n);
	ASSERT_STREQ("insn 1: no map named \"nosuch\"", err);
	ASSERT_EQ(1, maps.calls);
}

/* No lookup callback at all: every map name is unknown. */
CASE("unit.asm.resolve.no_lookup_map_error", NEEDS(UNPRIV))
{
	struct bpf_insn out[4];
	char err[128] = "";
	int n = asm_resolve(PROG(BPF_LD_MAP_FD(BPF_REG_1, "counter"), BPF_EXIT_INSN()),
			    out, 4, NULL, NULL, err, sizeof(err));

	ASSERT_EQ(-1, n);
	ASSERT_STREQ("insn 0: no map named \"counter\"", err);
}

/* The fd lands in slot 1's imm, src_reg stays BPF_PSEUDO_MAP_FD, slot 2 is zero. */
CASE("unit.asm.resolve.map_fd_in_slot1", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_LD_MAP_FD(BPF_REG_1, "counter"),	/* 0, 1 */
		BPF_LD_MAP_FD(BPF_REG_2, "events"),	/* 2, 3 */
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(5, n);
	ASSERT_EQ(2, maps.calls);
	ASSERT_EQ(BPF_LD | BPF_DW | BPF_IMM, out[0].code);
	ASSERT_EQ(BPF_PSEUDO_MAP_FD, out[0].src_reg);
	ASSERT_EQ(1, out[0].dst_reg);
	ASSERT_EQ(11, out[0].imm);
	ASSERT_EQ(0, out[1].code);
	ASSERT_EQ(0, out[1].imm);
	ASSERT_EQ(12, out[2].imm);
	ASSERT_EQ(2, out[2].dst_reg);
}

/* BPF_LD_MAP_VALUE: fd in slot 1, the value offset in slot 2. */
CASE("unit.asm.resolve.map_value_offset_in_slot2", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_LD_MAP_VALUE(BPF_REG_3, "events", 24),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(3, n);
	ASSERT_EQ(BPF_PSEUDO_MAP_VALUE, out[0].src_reg);
	ASSERT_EQ(12, out[0].imm);
	ASSERT_EQ(0, out[1].code);
	ASSERT_EQ(24, out[1].imm);
}

/* bpf-to-bpf call: target in imm (pc + 1 + imm), off stays 0. */
CASE("unit.asm.resolve.call_label_in_imm", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_CALL_LABEL("sub"),			/* 1: to 4 */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
		LABEL("sub"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(6, n);
	ASSERT_EQ(BPF_PSEUDO_CALL, out[1].src_reg);
	ASSERT_EQ(2, out[1].imm);
	ASSERT_EQ(0, out[1].off);
}

/* LD_FUNC: relative to the first slot, in imm; slot 2 untouched. */
CASE("unit.asm.resolve.ld_func_in_imm", NEEDS(UNPRIV))
{
	struct maps maps = { 0 };
	struct bpf_insn out[8];
	char err[128] = "";
	int n = RESOLVE(out, err,
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_LD_FUNC(BPF_REG_2, "cb"),		/* 1, 2: to 5 */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
		LABEL("cb"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	);

	ASSERT_EQ(7, n);
	ASSERT_EQ(BPF_PSEUDO_FUNC, out[1].src_reg);
	ASSERT_EQ(3, out[1].imm);		/* 1 + 1 + 3 = 5 */
	ASSERT_EQ(0, out[1].off);
	ASSERT_EQ(0, out[2].imm);
}

/* Programs too long to write out: 'filler' MOVs between a jump and its label. */
static struct asm_insn *long_prog(size_t filler, const struct asm_insn *jump, int jump_first,
				  size_t *n)
{
	struct asm_insn *p = calloc(filler + 3, sizeof(*p));
	const struct asm_insn mov = BPF_MOV64_IMM(BPF_REG_0, 0);
	const struct asm_insn exit_insn = BPF_EXIT_INSN();
	const struct asm_insn label = LABEL("far");
	size_t i = 0;

	SETUP(p);
	if (jump_first) {
		p[i++] = *jump;
		for (size_t k = 0; k < filler; k++)
			p[i++] = mov;
		p[i++] = label;
	} else {
		p[i++] = label;
		for (size_t k = 0; k < filler; k++)
			p[i++] = mov;
		p[i++] = *jump;
	}
	p[i++] = exit_insn;
	*n = i;
	return p;
}

static int resolve_long(size_t filler, const struct asm_insn *jump, int jump_first,
			struct bpf_insn *jump_out, char *err, size_t errlen)
{
	size_t n;
	struct asm_insn *p = long_prog(filler, jump, jump_first, &n);
	struct bpf_insn *out = calloc(n, sizeof(*out));
	int r;

	SETUP(out);
	r = asm_resolve((struct asm_prog){ p, n }, out, n, NULL, NULL, err, errlen);
	if (r > 0)
		*jump_out = out[jump_first ? 0 : filler];
	free(p);
	free(out);
	return r;
}

/* off is 16 bits: +32767 and -32768 fit, one more either way is an error. */
CASE("unit.asm.resolve.jump_16bit_range", NEEDS(UNPRIV))
{
	const struct asm_insn ja = BPF_JMP_A("far");
	const struct asm_insn jeq = BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "far");
	struct bpf_insn j = { 0 };
	char err[128] = "";

	ASSERT_EQ(32769, resolve_long(32767, &ja, 1, &j, err, sizeof(err)));
	ASSERT_EQ(32767, j.off);
	/* label at 0, jump at 32767: 0 - 32768 */
	ASSERT_EQ(32769, resolve_long(32767, &jeq, 0, &j, err, sizeof(err)));
	ASSERT_EQ(-32768, j.off);
}

CASE("unit.asm.resolve.jump_16bit_overflow_error", NEEDS(UNPRIV))
{
	const struct asm_insn ja = BPF_JMP_A("far");
	const struct asm_insn jeq = BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "far");
	struct bpf_insn j = { 0 };
	char err[128] = "";

	ASSERT_EQ(-1, resolve_long(32768, &ja, 1, &j, err, sizeof(err)));
	ASSERT_STREQ("insn 0: jump to \"far\" out of 16-bit range", err);
	ASSERT_EQ(-1, resolve_long(32768, &jeq, 0, &j, err, sizeof(err)));
	ASSERT_STREQ("insn 32768: jump to \"far\" out of 16-bit range", err);
}

/* gotol (JMP32 | JA) takes the target in imm: beyond 16 bits is fine. */
CASE("unit.asm.resolve.ja32_in_imm", NEEDS(UNPRIV))
{
	const struct asm_insn gotol = BPF_JMP32_A("far");
	struct bpf_insn j = { 0 };
	char err[128] = "";

	ASSERT_EQ(40002, resolve_long(40000, &gotol, 1, &j, err, sizeof(err)));
	ASSERT_EQ(BPF_JMP32 | BPF_JA, j.code);
	ASSERT_EQ(40000, j.imm);
	ASSERT_EQ(0, j.off);
}

/* Room for fewer instructions than the program has: an error, nothing written past cap. */
CASE("unit.asm.resolve.too_long_error", NEEDS(UNPRIV))
{
	struct bpf_insn out[3] = { { .code = 0xaa }, { .code = 0xaa }, { .code = 0xaa } };
	char err[128] = "";
	int n = asm_resolve(PROG(
		BPF_LD_IMM64(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	), out, 2, NULL, NULL, err, sizeof(err));

	ASSERT_EQ(-1, n);
	ASSERT_STREQ("program has 3 instructions, room for 2", err);
	ASSERT_EQ(0xaa, out[2].code);
}

/* asm_len: slots, not items (labels excluded, LD_IMM64 two). */
CASE("unit.asm.len.counts_slots", NEEDS(UNPRIV))
{
	size_t only_label = asm_len(PROG(LABEL("a")));
	size_t one = asm_len(PROG(BPF_EXIT_INSN()));
	size_t mixed = asm_len(PROG(
		LABEL("a"),
		BPF_LD_MAP_FD(BPF_REG_1, "counter"),
		BPF_LD_IMM64(BPF_REG_2, 1),
		LABEL("b"),
		BPF_EXIT_INSN(),
		LABEL("c"),
	));

	ASSERT_EQ(0, only_label);
	ASSERT_EQ(1, one);
	ASSERT_EQ(5, mixed);
}

/* ---- insn_isa_version --------------------------------------------- */

static int isa(struct asm_prog prog)
{
	struct bpf_insn out[16];
	char err[128];
	int n = asm_resolve(prog, out, 16, NULL, NULL, err, sizeof(err));

	if (n < 0)
		case_error(__FILE__, __LINE__, "asm_resolve: %s", err);
	return insn_isa_version(out, (size_t)n);
}

/* Through a variable, so that a failure prints a line number, not the
 * expanded program. */
#define ASSERT_ISA(V, ...)                                                   \
	do {                                                                 \
		int version = isa(PROG(__VA_ARGS__));                        \
		ASSERT_EQ(V, version);                                       \
	} while (0)

/* v1: the 3.18 ISA, LD_ABS, and the plain atomic add (XADD) it always had. */
CASE("unit.asm.isa_version.v1", NEEDS(UNPRIV))
{
	ASSERT_ISA(1,
		BPF_LD_IMM64(BPF_REG_1, 0xd6ffffffffULL),
		BPF_LD_ABS(BPF_B, 0),
		BPF_ALU32_IMM(BPF_ADD, BPF_REG_0, 1),
		BPF_ENDIAN(BPF_TO_BE, BPF_REG_0, 16),
		BPF_ALU64_REG(BPF_DIV, BPF_REG_0, BPF_REG_1),
		BPF_JMP_IMM(BPF_JSGT, BPF_REG_0, 1, "out"),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_10, BPF_REG_0, -8),
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_10, BPF_REG_0, -8),
		LABEL("out"),
		BPF_EXIT_INSN(),
	);
}

/* v2 (4.14): JLT, JLE, JSLT, JSLE. */
CASE("unit.asm.isa_version.v2", NEEDS(UNPRIV))
{
	ASSERT_ISA(2, BPF_JMP_IMM_OFF(BPF_JLT, BPF_REG_0, 1, 0), BPF_EXIT_INSN());
	ASSERT_ISA(2, BPF_JMP_REG_OFF(BPF_JLE, BPF_REG_0, BPF_REG_1, 0), BPF_EXIT_INSN());
	ASSERT_ISA(2, BPF_JMP_IMM_OFF(BPF_JSLT, BPF_REG_0, 1, 0), BPF_EXIT_INSN());
	ASSERT_ISA(2, BPF_JMP_IMM_OFF(BPF_JSLE, BPF_REG_0, 1, 0), BPF_EXIT_INSN());
}

/* v3: JMP32 conditions (5.1) and the atomics beyond XADD (5.12). */
CASE("unit.asm.isa_version.v3", NEEDS(UNPRIV))
{
	ASSERT_ISA(3, BPF_JMP32_IMM_OFF(BPF_JEQ, BPF_REG_0, 1, 0), BPF_EXIT_INSN());
	ASSERT_ISA(3, BPF_ATOMIC_OP(BPF_DW, BPF_ADD | BPF_FETCH, BPF_REG_10, BPF_REG_0, -8),
		   BPF_EXIT_INSN());
	ASSERT_ISA(3, BPF_ATOMIC_OP(BPF_W, BPF_OR, BPF_REG_10, BPF_REG_0, -8),
		   BPF_EXIT_INSN());
	ASSERT_ISA(3, BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, BPF_REG_10, BPF_REG_0, -8),
		   BPF_EXIT_INSN());
	/* v2 and v3 together: the higher. */
	ASSERT_ISA(3, BPF_JMP_IMM_OFF(BPF_JLT, BPF_REG_0, 1, 0),
		   BPF_ATOMIC_OP(BPF_DW, BPF_XCHG, BPF_REG_10, BPF_REG_0, -8),
		   BPF_EXIT_INSN());
}

/* v4 (6.6): MOVSX, MEMSX, SDIV/SMOD, BSWAP, gotol. */
CASE("unit.asm.isa_version.v4", NEEDS(UNPRIV))
{
	ASSERT_ISA(4, BPF_MOVSX64_REG(BPF_REG_0, BPF_REG_1, 8), BPF_EXIT_INSN());
	ASSERT_ISA(4, BPF_MOVSX32_REG(BPF_REG_0, BPF_REG_1, 16), BPF_EXIT_INSN());
	ASSERT_ISA(4, BPF_LDX_MEMSX(BPF_H, BPF_REG_0, BPF_REG_1, 0), BPF_EXIT_INSN());
	ASSERT_ISA(4, BPF_SDIV32_IMM(BPF_REG_0, 3), BPF_EXIT_INSN());
	ASSERT_ISA(4, BPF_SMOD64_REG(BPF_REG_0, BPF_REG_1), BPF_EXIT_INSN());
	ASSERT_ISA(4, BPF_BSWAP(BPF_REG_0, 32), BPF_EXIT_INSN());
	ASSERT_ISA(4, BPF_JMP32_A("out"), LABEL("out"), BPF_EXIT_INSN());
	/* after a v3 instruction, still the higher */
	ASSERT_ISA(4, BPF_JMP32_IMM_OFF(BPF_JEQ, BPF_REG_0, 1, 0),
		   BPF_SDIV64_IMM(BPF_REG_0, 3), BPF_EXIT_INSN());
}
