// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_TEST_RUN of XDP programs (bpf_prog_test_run_xdp(),
 * net/bpf/test_run.c): the action is the retval, the frame as the program
 * left it comes back in data_out (moved heads and tails change its size).
 *
 * Not checked: a frame shorter than an Ethernet header.  5.10 runs it (its
 * check looked at the padded size), 6.1 to 6.18 refuse it with EINVAL, and
 * a 2025 change drops the check for XDP again; no kernel fact separates
 * the three.
 */
#include <stddef.h>

#include "cases/progs/progs.h"

CASE("prog.xdp.test_run.pass_retval", NEEDS(PROG_TYPE(XDP), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = prog_load_trivial(BPF_PROG_TYPE_XDP, 0, XDP_PASS);

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(XDP_PASS, run.retval);
}

/* Swap nothing, just write: the first byte becomes 0x55 and XDP_TX. */
CASE("prog.xdp.test_run.data_out_written", NEEDS(PROG_TYPE(XDP), CMD(PROG_TEST_RUN)))
{
	unsigned char out[128] = { 0 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.data_out = out, .data_size_out = sizeof(out) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_XDP,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, offsetof(struct xdp_md, data)),
			BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, offsetof(struct xdp_md, data_end)),
			BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 1),
			BPF_MOV64_IMM(BPF_REG_0, XDP_ABORTED),
			BPF_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, "out"),	/* data + 1 > end */
			BPF_ST_MEM(BPF_B, BPF_REG_2, 0, 0x55),			/* data[0] = 0x55 */
			BPF_MOV64_IMM(BPF_REG_0, XDP_TX),
			LABEL("out"),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(XDP_TX, run.retval);
	ASSERT_EQ(sizeof(test_pkt_v4), run.data_size_out);
	ASSERT_EQ(0x55, out[0]);
	ASSERT_MEMEQ(test_pkt_v4 + 1, out + 1, sizeof(test_pkt_v4) - 1);
}

/* bpf_xdp_adjust_head(ctx, 14) drops the Ethernet header: data_out is the
 * frame from the IP header on. */
CASE("prog.xdp.test_run.adjust_head_shrinks_data_out",
     NEEDS(PROG_TYPE(XDP), CMD(PROG_TEST_RUN), HELPER(xdp_adjust_head)))
{
	unsigned char out[128] = { 0 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.data_out = out, .data_size_out = sizeof(out) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_XDP,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_2, 14),
			BPF_CALL_HELPER(xdp_adjust_head),	/* r0 = adjust_head(ctx, 14) */
			BPF_MOV64_IMM(BPF_REG_1, XDP_PASS),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, XDP_ABORTED),
			LABEL("out"),
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(XDP_PASS, run.retval);
	ASSERT_EQ(sizeof(test_pkt_v4) - 14, run.data_size_out);
	ASSERT_MEMEQ(test_pkt_v4 + 14, out, sizeof(test_pkt_v4) - 14);
}

/* An XDP program that returns a value outside enum xdp_action still runs
 * under test_run: the retval is what it returned (no action is taken). */
CASE("prog.xdp.test_run.unknown_action_is_retval",
     NEEDS(PROG_TYPE(XDP), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = prog_load_trivial(BPF_PROG_TYPE_XDP, 0, 1000);

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(1000, run.retval);
}
