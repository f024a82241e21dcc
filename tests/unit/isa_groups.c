// SPDX-License-Identifier: GPL-2.0
/*
 * insn_isa_groups(): the instruction groups a program uses, which prog_load()
 * and NEEDS(ISA_GROUP(...)) hold against what the probe found.  The groups
 * are finer than versions because kernels took v3 in two steps (JMP32 in
 * 5.1, the fetching atomics in 5.12): a JMP32 program must run on 5.10.
 */
#include "harness/case.h"
#include "insn/insn.h"

static unsigned groups(struct asm_prog p)
{
	struct bpf_insn out[16];
	char err[64];
	int n = asm_resolve(p, out, 16, NULL, NULL, err, sizeof(err));

	return n < 0 ? ~0U : insn_isa_groups(out, (size_t)n);
}

CASE("unit.insn.isa_groups.v1_program_needs_none", NEEDS(UNPRIV))
{
	ASSERT_EQ(0, groups(PROG(
		BPF_LD_IMM64(BPF_REG_0, 0x7000000000000061ULL),	/* slot 2 is not an insn */
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_10, BPF_REG_0, -8),	/* XADD */
		BPF_ATOMIC_OP(BPF_W, BPF_ADD, BPF_REG_10, BPF_REG_0, -8),
		BPF_EXIT_INSN(),
	)));
}

CASE("unit.insn.isa_groups.jmp32_without_atomics", NEEDS(UNPRIV))
{
	ASSERT_EQ(ISA_JMP32, groups(PROG(
		BPF_JMP32_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		LABEL("out"),
		BPF_EXIT_INSN(),
	)));
}

CASE("unit.insn.isa_groups.each_group", NEEDS(UNPRIV))
{
	EXPECT_EQ(ISA_JMP_EXT, groups(PROG(BPF_JMP_REG(BPF_JSLE, BPF_REG_0, BPF_REG_1, "o"),
					   LABEL("o"), BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_ATOMIC_FETCH, groups(PROG(
		BPF_ATOMIC_OP(BPF_W, BPF_XOR | BPF_FETCH, BPF_REG_10, BPF_REG_0, -8), BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_ATOMIC_FETCH, groups(PROG(
		BPF_ATOMIC_OP(BPF_DW, BPF_OR, BPF_REG_10, BPF_REG_0, -8), BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_MOVSX, groups(PROG(BPF_MOVSX32_REG(BPF_REG_0, BPF_REG_1, 16), BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_MEMSX, groups(PROG(BPF_LDX_MEMSX(BPF_H, BPF_REG_0, BPF_REG_10, -8),
					 BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_SDIV, groups(PROG(BPF_SMOD32_IMM(BPF_REG_0, 3), BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_BSWAP, groups(PROG(BPF_BSWAP(BPF_REG_0, 32), BPF_EXIT_INSN())));
	EXPECT_EQ(ISA_JA32, groups(PROG(BPF_JMP32_A("o"), LABEL("o"), BPF_EXIT_INSN())));
	/* END to-be (v1) is not BSWAP (v4). */
	EXPECT_EQ(0, groups(PROG(BPF_ENDIAN(BPF_TO_BE, BPF_REG_0, 64), BPF_EXIT_INSN())));
}

CASE("unit.insn.isa_groups.names_and_versions", NEEDS(UNPRIV))
{
	ASSERT_STREQ("JMP32", isa_group_name(ISA_JMP32));
	ASSERT_EQ(3, isa_group_version(ISA_ATOMIC_FETCH));
	ASSERT_EQ(4, isa_group_version(ISA_JA32));
	ASSERT_EQ(2, isa_group_version(ISA_JMP_EXT));
	ASSERT_STREQ("?", isa_group_name(ISA_JMP32 | ISA_JA32));
}
