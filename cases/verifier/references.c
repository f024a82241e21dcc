// SPDX-License-Identifier: GPL-2.0
/*
 * Acquired references (4.20, "bpf: Add reference tracking to verifier"):
 * a socket from bpf_sk_lookup_tcp() is a reference that every path must
 * give back with bpf_sk_release() before exit ("Unreleased reference",
 * EINVAL), after a NULL check (EACCES: "sock_or_null" is not "sock"), and
 * not use once released (EACCES).  The programs are tc classifiers; the
 * lookups find no socket when run, so the twins return 0.
 */
#include "catalogue.h"

/* r0 = bpf_sk_lookup_tcp(ctx, &tuple, sizeof(tuple.ipv4), current netns, 0),
 * the tuple all zeros on the stack; the ctx is kept in r6. */
#define SK_LOOKUP                                                            \
	BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),                                 \
	BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 0),                              \
	BPF_ST_MEM(BPF_W, BPF_REG_10, -8, 0),                                \
	BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),                                \
	BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -16),                              \
	BPF_MOV64_IMM(BPF_REG_3, 12),                                        \
	BPF_MOV64_IMM(BPF_REG_4, -1),                                        \
	BPF_MOV64_IMM(BPF_REG_5, 0),                                         \
	BPF_CALL_HELPER(sk_lookup_tcp)

/* if (sk) bpf_sk_release(sk); return 0 */
#define RELEASE_AND_RET0                                                     \
	BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),                           \
	BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),                                 \
	BPF_CALL_HELPER(sk_release),                                         \
	LABEL("out"),                                                        \
	RET0

#define SK_ROW .type = BPF_PROG_TYPE_SCHED_CLS, .run = 1, .retval = 0,       \
	.needs = VNEEDS(HELPER(sk_lookup_tcp), HELPER(sk_release))

static const struct vrow rows[] = {
	{ .name = "references.sk_lookup_not_released",
	  .bad = PROG(
		SK_LOOKUP,
		RET0,					/* the socket is dropped */
	  ),
	  .err = EINVAL, .log = "Unreleased reference",
	  .good = PROG(
		SK_LOOKUP,
		RELEASE_AND_RET0,
	  ), SK_ROW },

	{ .name = "references.sk_released_on_one_path",
	  .bad = PROG(
		SK_LOOKUP,
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_6, offsetof(struct __sk_buff, len)),
		BPF_JMP_IMM(BPF_JGT, BPF_REG_2, 100, "out"),	/* long packet: leak */
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
		BPF_CALL_HELPER(sk_release),
		LABEL("out"),
		RET0,
	  ),
	  .err = EINVAL, .log = "Unreleased reference",
	  .good = PROG(
		SK_LOOKUP,
		RELEASE_AND_RET0,
	  ), SK_ROW },

	{ .name = "references.sk_release_without_null_check",
	  .bad = PROG(
		SK_LOOKUP,
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),		/* may be NULL */
		BPF_CALL_HELPER(sk_release),
		RET0,
	  ),
	  .err = EACCES, .log = "or_null",
	  .good = PROG(
		SK_LOOKUP,
		RELEASE_AND_RET0,
	  ), SK_ROW },

	{ .name = "references.sk_read_after_release",
	  .bad = PROG(
		SK_LOOKUP,
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
		BPF_CALL_HELPER(sk_release),
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_7, 0),	/* sk->bound_dev_if */
		LABEL("out"),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		SK_LOOKUP,
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_7, 0),	/* before the release */
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
		BPF_CALL_HELPER(sk_release),
		LABEL("out"),
		RET0,
	  ), SK_ROW },

	{ .name = "references.sk_released_twice",
	  .bad = PROG(
		SK_LOOKUP,
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_MOV64_REG(BPF_REG_7, BPF_REG_0),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
		BPF_CALL_HELPER(sk_release),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_7),
		BPF_CALL_HELPER(sk_release),			/* again */
		LABEL("out"),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		SK_LOOKUP,
		RELEASE_AND_RET0,
	  ), SK_ROW },

	{ .name = "references.sk_release_of_ctx",
	  .bad = PROG(
		BPF_CALL_HELPER(sk_release),			/* r1: ctx, not acquired */
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		SK_LOOKUP,
		RELEASE_AND_RET0,
	  ), SK_ROW },

	{ .name = "references.sk_lookup_in_subprog_leaked",
	  .bad = PROG(
		BPF_CALL_LABEL("lookup"),
		RET0,
		LABEL("lookup"),
		SK_LOOKUP,
		RET0,					/* leaks from the callee */
	  ),
	  .err = EINVAL, .log = "Unreleased reference",
	  .good = PROG(
		BPF_CALL_LABEL("lookup"),
		RET0,
		LABEL("lookup"),
		SK_LOOKUP,
		RELEASE_AND_RET0,
	  ), SK_ROW },
};
VCAT_GENERATOR(rows)
