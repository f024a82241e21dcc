// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_TEST_RUN of the __sk_buff program types (sched_cls, sched_act,
 * cgroup_skb, lwt_in/out/xmit): retval, the packet written back to
 * data_out, ctx_in/ctx_out as a struct __sk_buff, and the input rules.
 *
 * bpf_prog_test_run_skb() (net/bpf/test_run.c) builds an skb from data_in,
 * which must hold at least an Ethernet header (ETH_HLEN, 14 bytes; EINVAL
 * otherwise).  ctx_in may set only the fields the kernel copies in (mark,
 * priority, ingress_ifindex, ifindex, cb, tstamp, wire_len, gso_segs,
 * gso_size, hwtstamp, ...); any other non-zero byte is EINVAL.  A data_out
 * smaller than the packet gets what fits and ENOSPC, with data_size_out set
 * to the full size (bpf_test_finish(), since 4.12).
 */
#include <stddef.h>
#include <time.h>

#include "cases/progs/progs.h"

static int load_ret(enum bpf_prog_type type, enum bpf_attach_type attach, int ret)
{
	return prog_load_trivial(type, attach, ret);
}

#define RUN_PKT(NAME) struct test_run NAME = { .data_in = test_pkt_v4, \
					       .data_size_in = sizeof(test_pkt_v4) }

CASE("prog.sched_cls.test_run.retval", NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	RUN_PKT(run);
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 2);	/* TC_ACT_SHOT */

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(2, run.retval);
}

CASE("prog.sched_act.test_run.retval", NEEDS(PROG_TYPE(SCHED_ACT), CMD(PROG_TEST_RUN)))
{
	RUN_PKT(run);
	int fd = load_ret(BPF_PROG_TYPE_SCHED_ACT, 0, 7);	/* TC_ACT_REDIRECT */

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(7, run.retval);
}

CASE("prog.cgroup_skb.test_run.retval",
     NEEDS(PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS), CMD(PROG_TEST_RUN)))
{
	RUN_PKT(run);
	int fd = load_ret(BPF_PROG_TYPE_CGROUP_SKB, BPF_CGROUP_INET_EGRESS, 1);

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(1, run.retval);
}

/* LWT programs see the packet from the network header: skb->len is what
 * was sent less the Ethernet header. */
static void lwt_len(enum bpf_prog_type type)
{
	RUN_PKT(run);
	int fd = prog_load(&(struct prog_spec){
		.type = type,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, offsetof(struct __sk_buff, len)),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(test_pkt_v4) - 14, run.retval);
}

CASE("prog.lwt_in.test_run.len_from_network_header",
     NEEDS(PROG_TYPE(LWT_IN), CMD(PROG_TEST_RUN)))
{
	lwt_len(BPF_PROG_TYPE_LWT_IN);
}

CASE("prog.lwt_out.test_run.len_from_network_header",
     NEEDS(PROG_TYPE(LWT_OUT), CMD(PROG_TEST_RUN)))
{
	lwt_len(BPF_PROG_TYPE_LWT_OUT);
}

CASE("prog.lwt_xmit.test_run.len_from_network_header",
     NEEDS(PROG_TYPE(LWT_XMIT), CMD(PROG_TEST_RUN)))
{
	lwt_len(BPF_PROG_TYPE_LWT_XMIT);
}

/* tc sees the whole frame (is_l2): skb->len is all 64 bytes. */
CASE("prog.sched_cls.test_run.len_includes_eth",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	RUN_PKT(run);
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, offsetof(struct __sk_buff, len)),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(test_pkt_v4), run.retval);
}

/* The program overwrites the first byte through direct packet access;
 * data_out carries the packet as the program left it. */
CASE("prog.sched_cls.test_run.data_out_written",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	unsigned char out[128] = { 0 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.data_out = out, .data_size_out = sizeof(out) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, offsetof(struct __sk_buff, data)),
			BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, offsetof(struct __sk_buff, data_end)),
			BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 1),
			BPF_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, "out"),	/* data + 1 > end */
			BPF_ST_MEM(BPF_B, BPF_REG_2, 0, 0xaa),			/* data[0] = 0xaa */
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(test_pkt_v4), run.data_size_out);
	ASSERT_EQ(0xaa, out[0]);
	ASSERT_MEMEQ(test_pkt_v4 + 1, out + 1, sizeof(test_pkt_v4) - 1);
}

CASE("prog.sched_cls.test_run.data_out_short_enospc",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	unsigned char out[16] = { 0 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.data_out = out, .data_size_out = sizeof(out) };
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOSPC, prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(test_pkt_v4), run.data_size_out);	/* the size it needed */
	ASSERT_MEMEQ(test_pkt_v4, out, sizeof(out));		/* what fitted */
}

CASE("prog.sched_cls.test_run.data_shorter_than_eth_einval",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = 13 };
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* ctx_in sets skb->mark; the program returns it; ctx_out has it back. */
CASE("prog.sched_cls.test_run.ctx_in_mark",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct __sk_buff in = { .mark = 0x1234 }, out = { 0 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.ctx_in = &in, .ctx_size_in = sizeof(in),
				.ctx_out = &out, .ctx_size_out = sizeof(out) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS,
		.insns = PROG(
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, offsetof(struct __sk_buff, mark)),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(0x1234, run.retval);
	/* The kernel writes its own struct __sk_buff, which grew (5.10 has
	 * 184 bytes): at most ours, and at least up to mark. */
	ASSERT_LE(run.ctx_size_out, sizeof(out));
	ASSERT_GE(run.ctx_size_out, offsetof(struct __sk_buff, mark) + sizeof(out.mark));
	ASSERT_EQ(0x1234, out.mark);
}

/* skb->len is not an input: a non-zero len in ctx_in is refused. */
CASE("prog.sched_cls.test_run.ctx_in_len_einval",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct __sk_buff in = { .len = 64 };
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.ctx_in = &in, .ctx_size_in = sizeof(in) };
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* The syscall checks ctx_in and ctx_size_in together (bpf_prog_test_run()
 * in kernel/bpf/syscall.c): a size without a buffer is EINVAL. */
CASE("prog.sched_cls.test_run.ctx_size_without_ctx_einval",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.ctx_size_in = sizeof(struct __sk_buff) };
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* repeat runs the program that many times: a counter in a map sees them. */
CASE("prog.sched_cls.test_run.repeat_runs_n_times",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN), MAP(ARRAY), HELPER(map_lookup_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.repeat = 17 };
	__u32 key = 0;
	__u64 count = 0;
	int map = case_map("counter", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	int fd;

	ASSERT_FD(map);
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS,
		.insns = PROG(
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),		/* r2 = &key */
			BPF_LD_MAP_FD(BPF_REG_1, "counter"),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0),	/* (*value)++ */
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_OK(map_lookup(map, &key, &count));
	ASSERT_EQ(17, count);
}

/* Only raw_tp (and XDP's live mode) take test_run flags: the skb run
 * refuses BPF_F_TEST_RUN_ON_CPU. */
CASE("prog.sched_cls.test_run.on_cpu_flag_einval",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.flags = BPF_F_TEST_RUN_ON_CPU };
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

/* duration is the mean time of one run in ns: times repeat, it cannot
 * exceed the time the whole command took. */
CASE("prog.sched_cls.test_run.duration_within_wall_time",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.repeat = 1000 };
	struct timespec t0, t1;
	int fd = load_ret(BPF_PROG_TYPE_SCHED_CLS, 0, 0);
	__u64 elapsed;

	ASSERT_FD(fd);
	SETUP(!clock_gettime(CLOCK_MONOTONIC, &t0));
	ASSERT_OK(prog_test_run(fd, &run));
	SETUP(!clock_gettime(CLOCK_MONOTONIC, &t1));
	elapsed = (__u64)(t1.tv_sec - t0.tv_sec) * 1000000000ULL + (__u64)t1.tv_nsec -
		  (__u64)t0.tv_nsec;
	ASSERT_LE((__u64)run.duration * run.repeat, elapsed);
}
