/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differential runs: a generated program (insn/gen.h) runs in the kernel
 * (socket filter, BPF_PROG_TEST_RUN) and in the reference interpreter
 * (insn/interp.h); the map value (memory, spilled r0-r9, stack copy) and
 * the return value must agree.  Used by `bpfconform fuzz` and by the
 * fixed-seed cases isa.fuzz.*.
 */
#ifndef BPFCONFORM_FUZZ_H
#define BPFCONFORM_FUZZ_H

#include "../insn/gen.h"

struct fuzz_ctx {
	int map_fd;		/* the one array map every program uses */
	char *log;		/* verifier log of the last refused load */
	unsigned long programs, mismatches;
	int verifier_log;	/* print the minimized mismatch's verifier log */
	int no_fetch;		/* the programs leave out fetching atomics (for reports) */
	int add_only;		/* the programs' only atomic is ADD (for reports) */
};

enum fuzz_verdict {
	FUZZ_SAME = 0,
	FUZZ_DIFFERS,		/* kernel and interpreter disagree */
	FUZZ_REFUSED,		/* the verifier refused a program meant to be safe */
	FUZZ_BROKEN,		/* the interpreter faulted, or a syscall around the run failed */
};

struct fuzz_outcome {
	enum fuzz_verdict verdict;
	int err;			/* -errno of the load or run, if any */
	__u32 kernel_retval;
	unsigned char kernel[GEN_VALUE_SIZE];
	__u64 interp_r0;
	unsigned char interp[GEN_VALUE_SIZE];
	char why[200];			/* interpreter fault */
};

/* Create the map; 0 or -errno. */
int fuzz_open(struct fuzz_ctx *c);
void fuzz_close(struct fuzz_ctx *c);

/* Run one program both ways. */
enum fuzz_verdict fuzz_check(struct fuzz_ctx *c, const struct gen_prog *p,
			     struct fuzz_outcome *o);

/* Drop body ops while the program still shows the same kind of verdict. */
void fuzz_minimize(struct fuzz_ctx *c, struct gen_prog *p, enum fuzz_verdict kind);

/* Print a mismatch: the program, both results, and the minimized program,
 * one line at a time through 'emit'. */
void fuzz_report(struct fuzz_ctx *c, unsigned long long seed, unsigned long long index,
		 int v4, const struct gen_prog *p, const struct fuzz_outcome *o,
		 void (*emit)(const char *line, void *ctx), void *ctx);

#endif
