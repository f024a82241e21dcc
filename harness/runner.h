/* SPDX-License-Identifier: GPL-2.0 */
/* Running one case: needs, fork, environment, timeout, verdict. */
#ifndef BPFCONFORM_RUNNER_H
#define BPFCONFORM_RUNNER_H

#include "case.h"
#include "result.h"

struct run_opts {
	unsigned timeout;	/* seconds, per case, unless the case says */
};

/* Decide the case's needs without running it: OUT_NONE if it may run,
 * else SKIP (with proof) or ERROR, with the reason in 'res'. */
enum outcome runner_decide_needs(const struct bc_case *c, struct case_result *res);

/* Run case number 'index' (its position in the full list) into 'res',
 * which must be memory shared with children (runner_result_alloc()). */
void runner_run(const struct bc_case *c, size_t index, struct case_result *res,
		const struct run_opts *opts);

struct case_result *runner_result_alloc(void);

#endif
