// SPDX-License-Identifier: GPL-2.0
/*
 * Program size: bpf_prog_load() refuses an empty program and one of more
 * than BPF_COMPLEXITY_LIMIT_INSNS (1M) instructions for a privileged
 * caller, BPF_MAXINSNS (4096) for an unprivileged one, before the
 * verifier runs: E2BIG.  The verifier then stops after processing 1M
 * instructions ("BPF program is too large", E2BIG).  Both limits are 1M
 * since 5.2 ("bpf: increase complexity limit and maximum program size");
 * every kernel we run has them.  The unprivileged 4096 limit is behind
 * the unprivileged_bpf_disabled check on hosts that set it: see cases/priv.
 */
#include <stdlib.h>

#include "harness/case.h"
#include "harness/objects.h"

#define COMPLEXITY_LIMIT 1000000

/* r1 counts up until it wraps: the verifier walks every round and stops
 * at 1M processed instructions.  That takes a while (seconds; much longer
 * under emulation), so the load is made once, without the harness's
 * second load for a log, and the case has a long timeout. */
CASE("verifier.size.processed_over_1m.rejected_e2big",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)), .timeout = 300)
{
	static const struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },	/* r0 = 0 */
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_1 },	/* r1 = 0 */
		/* again: r1 += 1; if r1 != 0 goto again */
		{ .code = BPF_ALU64 | BPF_ADD | BPF_K, .dst_reg = BPF_REG_1, .imm = 1 },
		{ .code = BPF_JMP | BPF_JNE | BPF_K, .dst_reg = BPF_REG_1, .off = -2 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insn_cnt = 5,
		.insns = (__u64)(unsigned long)insns, .license = (__u64)(unsigned long)"GPL",
	};

	ASSERT_ERRNO(E2BIG, sys_bpf_prog_load(&attr));
}

CASE("verifier.size.processed_over_1m.twin_accepted",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_MOV64_IMM(BPF_REG_1, 0),
			LABEL("again"),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1),
			BPF_JMP_IMM(BPF_JNE, BPF_REG_1, 1000, "again"),	/* 1000 rounds */
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
			BPF_EXIT_INSN(),
		),
	});

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(1000, run.retval);
}

/* 'n' instructions: r0 = 0 repeated, then exit. */
static int load_n(size_t n)
{
	struct bpf_insn *insns = calloc(n, sizeof(*insns));
	int fd;

	SETUP(insns != NULL);
	for (size_t i = 0; i + 1 < n; i++)
		insns[i] = (struct bpf_insn){ .code = BPF_ALU64 | BPF_MOV | BPF_K };
	insns[n - 1] = (struct bpf_insn){ .code = BPF_JMP | BPF_EXIT };
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER, .raw = insns, .raw_cnt = n,
	});
	free(insns);
	return fd;
}

CASE("verifier.size.insn_cnt_over_1m.rejected_e2big",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(E2BIG, load_n(COMPLEXITY_LIMIT + 1));
}

/* The twin: more than the unprivileged 4096, far below 1M. */
CASE("verifier.size.insn_cnt_over_1m.twin_accepted",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_FD(load_n(BPF_MAXINSNS + 1));
}

CASE("verifier.size.insn_cnt_zero.rejected_e2big",
     NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(E2BIG, prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.raw = (const struct bpf_insn[]){ { .code = BPF_JMP | BPF_EXIT } },
		.raw_cnt = 0,
	}));
}
