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

#include "catalogue.h"

#define COMPLEXITY_LIMIT 1000000

static const struct vrow rows[] = {
	/* r1 counts up until it wraps: the verifier walks every round. */
	{ .name = "size.processed_over_1m",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_1, 0),
		LABEL("again"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1),
		BPF_JMP_IMM(BPF_JNE, BPF_REG_1, 0, "again"),
		BPF_EXIT_INSN(),
	  ),
	  .err = E2BIG, .log = "too large",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_MOV64_IMM(BPF_REG_1, 0),
		LABEL("again"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1),
		BPF_JMP_IMM(BPF_JNE, BPF_REG_1, 1000, "again"),	/* 1000 rounds */
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 1000 },
};
VCAT_GENERATOR(rows)

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
