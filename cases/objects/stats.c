// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_ENABLE_STATS (5.8): while the returned fd is open, programs count
 * their runs (run_cnt) and time (run_time_ns) in BPF_OBJ_GET_INFO_BY_FD.
 * Statistics are global (a static key counted by every holder, and the
 * kernel.bpf_stats_enabled sysctl): "not counted after the fd is closed"
 * is checked only when a run before enabling them was not counted either,
 * i.e. nobody else on the host held them then.
 */
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

static int enable_stats(__u32 type)
{
	union bpf_attr attr = { .enable_stats = { .type = type } };

	return sys_bpf_enable_stats(&attr);
}

CASE("obj.stats.run_time.counts_while_fd_open",
     NEEDS(CMD(ENABLE_STATS), CMD(PROG_TEST_RUN), PROG_TYPE(SOCKET_FILTER)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4),
				.repeat = 5 };
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0), stats;
	struct bpf_prog_info info;

	__u64 before;

	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_OK(prog_info(prog, &info));
	before = info.run_cnt;	/* 0 unless someone else holds statistics on */
	stats = enable_stats(BPF_STATS_RUN_TIME);
	ASSERT_FD(stats);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_OK(prog_info(prog, &info));
	ASSERT_EQ(before + 5, info.run_cnt);
	ASSERT_LT(0, info.run_time_ns);
	close(stats);
	if (before) {
		case_log("another bpf() user held statistics on: not checking that they stop");
		return;
	}
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_OK(prog_info(prog, &info));
	ASSERT_EQ(5, info.run_cnt);
}

CASE("obj.stats.unknown_type_einval", NEEDS(CMD(ENABLE_STATS)))
{
	ASSERT_ERRNO(EINVAL, enable_stats(BPF_STATS_RUN_TIME + 1));
}
