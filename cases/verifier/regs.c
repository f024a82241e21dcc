// SPDX-License-Identifier: GPL-2.0
/*
 * Registers: reading one never written (R0 at exit, argument registers the
 * program type does not pass, callee-saved R6-R9, R1-R5 after a helper
 * call clobbered them), register numbers past R10, and writes to the
 * read-only frame pointer R10.  check_reg_arg() in kernel/bpf/verifier.c:
 * "R%d !read_ok" and "frame pointer is read only" are EACCES, a register
 * number >= MAX_BPF_REG is EINVAL.  Unchanged since the verifier's first
 * version (3.18).
 */
#include "catalogue.h"

#define LEN offsetof(struct __sk_buff, len)

static const struct vrow rows[] = {
	{ .name = "regs.r0_uninit_at_exit",
	  .bad = PROG(
		BPF_EXIT_INSN(),			/* return r0, never written */
	  ),
	  .err = EACCES, .log = "R0 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r2_uninit_read",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),	/* socket filters get r1 only */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R2 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 3),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 3 },

	{ .name = "regs.r6_uninit_read",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R6 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_6, 6),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 6 },

	{ .name = "regs.r9_uninit_alu_src",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_0, BPF_REG_9),	/* r0 += r9 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R9 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_9, 9),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_0, BPF_REG_9),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 9 },

	{ .name = "regs.r8_uninit_alu_dst",
	  .bad = PROG(
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_8, 1),	/* r8 += 1 reads r8 */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R8 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_8, 0),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_8, 1),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_8),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "regs.r3_uninit_store_src",
	  .bad = PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_3, -8),	/* *(u64 *)(fp - 8) = r3 */
		RET0,
	  ),
	  .err = EACCES, .log = "R3 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_3, 0),
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_3, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r4_uninit_jump_cond",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JGT, BPF_REG_4, 0, "out"),	/* if r4 > 0 */
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R4 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_4, 0),
		BPF_JMP_IMM(BPF_JGT, BPF_REG_4, 0, "out"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "regs.r2_uninit_mem_base",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, 0),	/* r0 = *(u64 *)r2 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R2 !read_ok",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 5),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_2, -8),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 5 },

	{ .name = "regs.r1_clobbered_by_call",
	  .bad = PROG(
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),	/* r1 is scratch after a call */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R1 !read_ok",
	  .good = PROG(
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0,
	  .needs = VNEEDS(HELPER(get_prandom_u32)) },

	{ .name = "regs.r5_clobbered_by_call",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_5, 5),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_5),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R5 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_6, 5),		/* callee-saved survives */
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 5,
	  .needs = VNEEDS(HELPER(get_prandom_u32)) },

	{ .name = "regs.r0_uninit_on_one_path",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, LEN),
		BPF_JMP_IMM(BPF_JGT, BPF_REG_2, 10, "out"),	/* taken: r0 unset */
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R0 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 7),
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, LEN),
		BPF_JMP_IMM(BPF_JGT, BPF_REG_2, 10, "out"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 7 },

	{ .name = "regs.r11_dst_invalid",
	  .bad = PROG(
		BPF_MOV64_IMM(11, 0),			/* there is no r11 */
		RET0,
	  ),
	  .err = EINVAL, .log = "R11 is invalid",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_9, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r12_src_invalid",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_0, 12),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "R12 is invalid",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_10),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r15_store_base_invalid",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, 15, -8, 0),
		RET0,
	  ),
	  .err = EINVAL, .log = "R15 is invalid",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	/* R10, the frame pointer, is read-only. */
	{ .name = "regs.r10_mov_imm",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_10, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "frame pointer is read only",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_1, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r10_add_imm",
	  .bad = PROG(
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_10, -8),
		RET0,
	  ),
	  .err = EACCES, .log = "frame pointer is read only",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),	/* a copy may move */
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r10_mov32",
	  .bad = PROG(
		BPF_MOV32_IMM(BPF_REG_10, 1),
		RET0,
	  ),
	  .err = EACCES, .log = "frame pointer is read only",
	  .good = PROG(
		BPF_MOV32_IMM(BPF_REG_1, 1),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r10_load_into",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_10, BPF_REG_10, -8),	/* r10 = *(fp - 8) */
		RET0,
	  ),
	  .err = EACCES, .log = "frame pointer is read only",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_10, -8),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r10_neg",
	  .bad = PROG(
		BPF_NEG64(BPF_REG_10),
		RET0,
	  ),
	  .err = EACCES, .log = "frame pointer is read only",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_NEG64(BPF_REG_1),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "regs.r10_endian",
	  .bad = PROG(
		BPF_ENDIAN(BPF_TO_BE, BPF_REG_10, 64),
		RET0,
	  ),
	  .err = EACCES, .log = "frame pointer is read only",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ENDIAN(BPF_TO_BE, BPF_REG_1, 64),
		RET0,
	  ), .run = 1, .retval = 0 },
};
VCAT_GENERATOR(rows)
