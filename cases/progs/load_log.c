// SPDX-License-Identifier: GPL-2.0
/*
 * The verifier log of BPF_PROG_LOAD: levels, a buffer too small (ENOSPC,
 * the log cut and NUL-terminated), attr validation, and log_true_size.
 *
 * History: since 6.4 (the "rotating log" series) the kernel keeps the end
 * of a log that does not fit unless BPF_LOG_FIXED is set, and reports the
 * size the whole log needed in log_true_size, a field added to union
 * bpf_attr then.  Whether the kernel has the field is the oracle fact the
 * log_true_size case picks its expectation from (struct member in BTF);
 * a kernel without it never writes those bytes, so they stay 0.
 * A buffer without a level, or unknown level bits, is EINVAL everywhere.
 */
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "cases/progs/progs.h"
#include "harness/btf_targets.h"

/* if (r1 == 0) r0 = 1; else r0 = 2: a branch gives level 2 more to say. */
static const struct bpf_insn branchy[] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 1 },
	{ .code = BPF_JMP | BPF_JEQ | BPF_K, .dst_reg = BPF_REG_1, .off = 1, .imm = 0 },
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 2 },
	{ .code = BPF_JMP | BPF_EXIT },
};

/* Raw attrs here: the cases are about the log fields prog_load() owns.
 * The program is four instructions with one forward jump of 1 (to the
 * exit), written out because labels need prog_load(). */
static void attr_for(union bpf_attr *attr, char *log, __u32 size, __u32 level)
{
	memset(attr, 0, sizeof(*attr));
	attr->prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr->insns = (__u64)(unsigned long)branchy;
	attr->insn_cnt = sizeof(branchy) / sizeof(branchy[0]);
	attr->license = (__u64)(unsigned long)"GPL";
	attr->log_buf = (__u64)(unsigned long)log;
	attr->log_size = size;
	attr->log_level = level;
}

static long close_ret(int fd)
{
	if (fd >= 0)
		close(fd);
	return fd;
}

CASE("prog.load.log.level1_written", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	static char log[65536];
	union bpf_attr attr;

	memset(log, 0x7f, sizeof(log));
	attr_for(&attr, log, sizeof(log), BPF_LOG_LEVEL1);
	ASSERT_FD(close_ret(sys_bpf_prog_load(&attr)));
	ASSERT_LT(0, strnlen(log, sizeof(log)));
	ASSERT_GT(sizeof(log), strnlen(log, sizeof(log)));	/* NUL-terminated */
}

CASE("prog.load.log.level2_says_more", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	static char l1[65536], l2[65536];
	union bpf_attr attr;

	attr_for(&attr, l1, sizeof(l1), BPF_LOG_LEVEL1);
	ASSERT_FD(close_ret(sys_bpf_prog_load(&attr)));
	attr_for(&attr, l2, sizeof(l2), BPF_LOG_LEVEL2);
	ASSERT_FD(close_ret(sys_bpf_prog_load(&attr)));
	ASSERT_LT(strlen(l1), strlen(l2));
}

/* A buffer too small for the log fails the load with ENOSPC; what fits is
 * there, NUL-terminated at the buffer's last byte. */
CASE("prog.load.log.small_buffer_enospc", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	char log[128];
	union bpf_attr attr;

	memset(log, 0x7f, sizeof(log));
	attr_for(&attr, log, sizeof(log), BPF_LOG_LEVEL2);
	ASSERT_ERRNO(ENOSPC, close_ret(sys_bpf_prog_load(&attr)));
	ASSERT_EQ(sizeof(log) - 1, strnlen(log, sizeof(log)));
}

CASE("prog.load.log.true_size", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	static char big[65536];
	char small[128];
	union bpf_attr attr;
	int has = btf_has_member("bpf_attr", "log_true_size");
	__u32 full;

	SETUP(has >= 0);
	attr_for(&attr, big, sizeof(big), BPF_LOG_LEVEL2);
	ASSERT_FD(close_ret(sys_bpf_prog_load(&attr)));
	full = (__u32)strlen(big) + 1;
	if (!has) {
		/* Before 6.4 the field is not the kernel's: never written. */
		ASSERT_EQ(0, attr.log_true_size);
		return;
	}
	ASSERT_EQ(full, attr.log_true_size);
	attr_for(&attr, small, sizeof(small), BPF_LOG_LEVEL2);
	ASSERT_ERRNO(ENOSPC, close_ret(sys_bpf_prog_load(&attr)));
	ASSERT_EQ(full, attr.log_true_size);	/* what the whole log needed */
}

CASE("prog.load.log.buffer_without_level_einval",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	char log[4096];
	union bpf_attr attr;

	attr_for(&attr, log, sizeof(log), 0);
	ASSERT_ERRNO(EINVAL, close_ret(sys_bpf_prog_load(&attr)));
}

CASE("prog.load.log.unknown_level_bits_einval",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	char log[4096];
	union bpf_attr attr;

	attr_for(&attr, log, sizeof(log), 0x80);
	ASSERT_ERRNO(EINVAL, close_ret(sys_bpf_prog_load(&attr)));
}
