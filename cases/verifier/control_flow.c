// SPDX-License-Identifier: GPL-2.0
/*
 * Control flow, checked before the walk by check_subprogs() and
 * check_cfg() in kernel/bpf/verifier.c: every jump lands inside its own
 * function and never in the second half of an LD_IMM64, the last
 * instruction of each function is an exit or an unconditional jump, and
 * every instruction is reachable.  All EINVAL.  These rows need raw jump
 * offsets: a label cannot name a place outside the program.
 *
 * Loops: before 5.3 any back-edge was refused; since "bpf: introduce
 * bounded loops" (5.3, every kernel we run) a privileged program may loop
 * if the verifier can see the loop end, and a loop it proves endless is
 * "infinite loop detected", EINVAL.  A loop the verifier cannot see the
 * end of runs into the 1M processed-instruction limit: see size.c.
 */
#include "catalogue.h"

#define LEN offsetof(struct __sk_buff, len)

static const struct vrow rows[] = {
	{ .name = "control_flow.ja_past_end",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_A_OFF(5),				/* goto +5: no such insn */
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "jump out of range",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_A_OFF(0),				/* goto +0 */
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.ja_before_start",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_A_OFF(-5),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "jump out of range",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_A_OFF(0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.cond_jump_past_end",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_0, 0, 10),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "jump out of range",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_0, 0, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.jmp32_past_end",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP32_IMM_OFF(BPF_JNE, BPF_REG_0, 1, 100),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "jump out of range",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP32_IMM_OFF(BPF_JNE, BPF_REG_0, 1, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.reg_jump_before_start",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_1, 0),
		BPF_JMP_REG_OFF(BPF_JEQ, BPF_REG_0, BPF_REG_1, -10),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "jump out of range",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_1, 0),
		BPF_JMP_REG_OFF(BPF_JEQ, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.jump_into_ld_imm64",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_0, 0, 1),	/* to the 2nd slot */
		BPF_LD_IMM64(BPF_REG_1, 0x1122334455667788ULL),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "ldimm64",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM_OFF(BPF_JEQ, BPF_REG_0, 0, 2),	/* over both slots */
		BPF_LD_IMM64(BPF_REG_1, 0x1122334455667788ULL),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.ja_into_ld_imm64",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_A_OFF(1),
		BPF_LD_IMM64(BPF_REG_1, 1),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "ldimm64",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM_OFF(BPF_JNE, BPF_REG_1, 0, 2),	/* over both slots */
		BPF_LD_IMM64(BPF_REG_1, 1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.unreachable_after_exit",
	  .bad = PROG(
		RET0,
		BPF_MOV64_IMM(BPF_REG_0, 1),		/* nothing jumps here */
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "unreachable insn",
	  .good = PROG(
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "one"),
		RET0,
		LABEL("one"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.unreachable_jumped_over",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_A("out"),
		BPF_MOV64_IMM(BPF_REG_0, 1),		/* skipped by everyone */
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "unreachable insn",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "out"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "control_flow.falls_off_end",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),		/* and no exit */
	  ),
	  .err = EINVAL, .log = "last insn is not an exit or jmp",
	  .good = PROG(
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.ends_in_cond_jump",
	  .bad = PROG(
		LABEL("top"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 1, "top"),	/* false: falls off */
	  ),
	  .err = EINVAL, .log = "last insn is not an exit or jmp",
	  .good = PROG(
		LABEL("top"),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 1, "top"),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.subprog_falls_off_end",
	  .bad = PROG(
		BPF_CALL_LABEL("sub"),
		BPF_EXIT_INSN(),
		LABEL("sub"),
		BPF_MOV64_IMM(BPF_REG_0, 1),		/* no exit */
	  ),
	  .err = EINVAL, .log = "last insn is not an exit or jmp",
	  .good = PROG(
		BPF_CALL_LABEL("sub"),
		BPF_EXIT_INSN(),
		LABEL("sub"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "control_flow.subprog_falls_into_next",
	  .bad = PROG(
		BPF_CALL_LABEL("a"),
		BPF_EXIT_INSN(),
		LABEL("a"),
		BPF_CALL_LABEL("b"),
		BPF_MOV64_IMM(BPF_REG_0, 2),		/* 'a' runs into 'b' */
		LABEL("b"),
		BPF_MOV64_IMM(BPF_REG_0, 3),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "last insn is not an exit or jmp",
	  .good = PROG(
		BPF_CALL_LABEL("a"),
		BPF_EXIT_INSN(),
		LABEL("a"),
		BPF_CALL_LABEL("b"),
		BPF_EXIT_INSN(),
		LABEL("b"),
		BPF_MOV64_IMM(BPF_REG_0, 3),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 3 },

	{ .name = "control_flow.jump_into_other_subprog",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "inside"),	/* into 'sub' */
		BPF_CALL_LABEL("sub"),
		BPF_EXIT_INSN(),
		LABEL("sub"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		LABEL("inside"),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "jump out of range",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "skip"),
		LABEL("skip"),
		BPF_CALL_LABEL("sub"),
		BPF_EXIT_INSN(),
		LABEL("sub"),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1 },

	{ .name = "control_flow.call_past_end",
	  .bad = PROG(
		BPF_CALL_REL(100),				/* bpf-to-bpf call to nowhere */
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_CALL_REL(2),				/* to the mov below */
		RET0,
		BPF_MOV64_IMM(BPF_REG_0, 4),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "control_flow.call_before_start",
	  .bad = PROG(
		BPF_CALL_REL(-100),
		RET0,
	  ),
	  .err = EINVAL,
	  .good = PROG(
		BPF_CALL_REL(2),				/* to the mov below */
		RET0,
		BPF_MOV64_IMM(BPF_REG_0, 4),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	/* ---- loops ---- */

	{ .name = "control_flow.self_loop",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("again"),
		BPF_JMP_A("again"),				/* goto -1 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "infinite loop detected",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("again"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 1),
		BPF_JMP_IMM(BPF_JLT, BPF_REG_0, 3, "again"),	/* bounded: 3 rounds */
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 3 },

	{ .name = "control_flow.loop_without_progress",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_1, 0),
		LABEL("again"),
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "again"),	/* r1 never changes */
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "infinite loop detected",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_1, 0),
		LABEL("again"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1),
		BPF_JMP_IMM(BPF_JLT, BPF_REG_1, 10, "again"),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 10 },

	{ .name = "control_flow.loop_on_packet_length",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, LEN),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("again"),
		BPF_JMP_IMM(BPF_JGT, BPF_REG_2, 0, "again"),	/* r2 > 0 forever */
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "infinite loop detected",
	  .good = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, LEN),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		LABEL("again"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 1),
		BPF_JMP_IMM(BPF_JLT, BPF_REG_0, 5, "again"),	/* bounded by r0, not r2 */
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 5 },
};
VCAT_GENERATOR(rows)
