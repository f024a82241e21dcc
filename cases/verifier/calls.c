// SPDX-License-Identifier: GPL-2.0
/*
 * bpf-to-bpf calls (4.16): at most MAX_CALL_FRAMES frames deep ("the call
 * stack of 9 frames is too deep", check_func_call(), E2BIG).  The limit
 * was 8 for years and is larger in 7.x; the cases read it from the
 * kernel's BTF, where it sizes struct bpf_verifier_state's frame[], and
 * build a chain one frame too deep and one just deep enough.  A callee sees only R1-R5 from its caller and gives back
 * only R0: the caller's R6-R9 are not the callee's, and R1-R5 are scratch
 * after the call (EACCES "!read_ok").  The combined stack of a call chain
 * is in stack.c.
 *
 * Recursion is refused everywhere, but not with one errno: older kernels
 * see the call as a back-edge in check_cfg() (EINVAL), 6.18 follows it
 * until the frame limit (E2BIG).  No oracle fact tells the two apart, so
 * recursion is not in this errno-exact catalogue.
 */
#include <stdlib.h>

#include "catalogue.h"
#include "kernel_limits.h"

static const struct vrow rows[] = {
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

/* A chain of 'frames' frames: each function calls the next ("call +1;
 * exit"), the last returns 8. */
static int load_chain(unsigned frames)
{
	size_t n = 2 * (size_t)frames;
	struct bpf_insn *insns = calloc(n, sizeof(*insns));
	int fd;

	SETUP(insns != NULL);
	for (unsigned f = 0; f + 1 < frames; f++) {
		insns[2 * f] = (struct bpf_insn){ .code = BPF_JMP | BPF_CALL,
						  .src_reg = BPF_PSEUDO_CALL, .imm = 1 };
		insns[2 * f + 1] = (struct bpf_insn){ .code = BPF_JMP | BPF_EXIT };
	}
	insns[n - 2] = (struct bpf_insn){ .code = BPF_ALU64 | BPF_MOV | BPF_K,
					  .dst_reg = BPF_REG_0, .imm = 8 };
	insns[n - 1] = (struct bpf_insn){ .code = BPF_JMP | BPF_EXIT };
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .raw = insns, .raw_cnt = n,
	});
	free(insns);
	return fd;
}

static unsigned max_frames(void)
{
	const char *why = "";
	unsigned max = kernel_array_len("bpf_verifier_state", "frame", &why);

	if (!max)
		case_error(__FILE__, __LINE__, "MAX_CALL_FRAMES from BTF: %s", why);
	case_log("kernel BTF: bpf_verifier_state.frame[%u]", max);
	return max;
}

CASE("verifier.calls.one_frame_too_deep.rejected_e2big",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(E2BIG, load_chain(max_frames() + 1));
}

CASE("verifier.calls.one_frame_too_deep.twin_accepted",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = load_chain(max_frames());

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(8, run.retval);
}
