// SPDX-License-Identifier: GPL-2.0
/*
 * bpf-to-bpf calls (4.16): at most MAX_CALL_FRAMES (8) frames deep
 * ("the call stack of 9 frames is too deep", check_func_call(), E2BIG),
 * and a callee sees only R1-R5 from its caller and gives back
 * only R0: the caller's R6-R9 are not the callee's, and R1-R5 are scratch
 * after the call (EACCES "!read_ok").  The combined stack of a call chain
 * is in stack.c.
 *
 * Recursion is refused everywhere, but not with one errno: older kernels
 * see the call as a back-edge in check_cfg() (EINVAL), 6.18 follows it
 * until the frame limit (E2BIG).  No oracle fact tells the two apart, so
 * recursion is not in this errno-exact catalogue.
 */
#include "catalogue.h"

/* Function NAME calls NEXT and returns what it returned. */
#define CALLS(NAME, NEXT)                                                    \
	LABEL(NAME),                                                         \
	BPF_CALL_LABEL(NEXT),                                                \
	BPF_EXIT_INSN()
/* Function NAME returns 8. */
#define LEAF(NAME)                                                           \
	LABEL(NAME),                                                         \
	BPF_MOV64_IMM(BPF_REG_0, 8),                                         \
	BPF_EXIT_INSN()

static const struct vrow rows[] = {
	{ .name = "calls.nine_frames",
	  .bad = PROG(
		CALLS("main", "f1"), CALLS("f1", "f2"), CALLS("f2", "f3"), CALLS("f3", "f4"),
		CALLS("f4", "f5"), CALLS("f5", "f6"), CALLS("f6", "f7"), CALLS("f7", "f8"),
		LEAF("f8"),					/* the 9th frame */
	  ),
	  .err = E2BIG, .log = "too deep",
	  .good = PROG(
		CALLS("main", "f1"), CALLS("f1", "f2"), CALLS("f2", "f3"), CALLS("f3", "f4"),
		CALLS("f4", "f5"), CALLS("f5", "f6"), CALLS("f6", "f7"),
		LEAF("f7"),					/* 8 frames */
	  ), .run = 1, .retval = 8 },

	{ .name = "calls.callee_reads_caller_r6",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_6, 6),
		BPF_CALL_LABEL("f"),
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),		/* not passed */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R6 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_1, 6),
		BPF_CALL_LABEL("f"),
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),		/* an argument */
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 6 },

	{ .name = "calls.callee_reads_unset_arg",
	  .bad = PROG(
		BPF_CALL_LABEL("f"),
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),		/* the caller never set r2 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R2 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 2),
		BPF_CALL_LABEL("f"),
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 2 },

	{ .name = "calls.callee_returns_unset_r0",
	  .bad = PROG(
		BPF_CALL_LABEL("f"),
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_EXIT_INSN(),				/* r0 never set */
	  ),
	  .err = EACCES, .log = "R0 !read_ok",
	  .good = PROG(
		BPF_CALL_LABEL("f"),
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "calls.caller_r1_after_call",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_CALL_LABEL("f"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),		/* clobbered by the call */
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "R1 !read_ok",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_6, 1),
		BPF_CALL_LABEL("f"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),		/* callee-saved */
		BPF_EXIT_INSN(),
		LABEL("f"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "calls.callee_writes_caller_stack_oob",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),		/* &caller's fp - 8 */
		BPF_CALL_LABEL("f"),
		RET0,
		LABEL("f"),
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 8, 0),		/* caller's fp + 0 */
		RET0,
	  ),
	  .err = EACCES, .log = "invalid write to stack",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),
		BPF_CALL_LABEL("f"),
		RET0,
		LABEL("f"),
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 0),		/* caller's fp - 8 */
		RET0,
	  ), .run = 1, .retval = 0 },
};
VCAT_GENERATOR(rows)
