/* SPDX-License-Identifier: GPL-2.0 */
/* Running cases: needs, fork, environment, timeout, verdict. */
#ifndef BPFCONFORM_RUNNER_H
#define BPFCONFORM_RUNNER_H

#include <stddef.h>

#include "case.h"
#include "result.h"

struct run_opts {
	unsigned timeout;	/* seconds, per case, unless the case says */
	unsigned jobs;		/* cases running at once (1: one after another) */
};

/* Decide the case's needs without running it: OUT_NONE if it may run,
 * else SKIP (with proof) or ERROR, with the reason in 'res'. */
enum outcome runner_decide_needs(const struct bc_case *c, struct case_result *res);

/*
 * Run 'n' cases; 'index[i]' is case i's position in the full list (it
 * names its cgroup).  Up to opts->jobs run at once, but 'done' is called
 * in order, i = 0 .. n-1, so the output does not depend on scheduling.
 */
void runner_run_all(const struct bc_case *const *cases, const size_t *index, size_t n,
		    const struct run_opts *opts,
		    void (*done)(size_t i, const struct bc_case *c,
				 const struct case_result *res, void *ctx),
		    void *ctx);

/* A result buffer shared with children (for results made outside a run). */
struct case_result *runner_result_alloc(void);

#endif
