/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lists of cases known to fail on a kernel (ci/expect/<kernel>.txt): one
 * case name or glob a line, then the reason.  Read by `expect`, which holds
 * a run to its list, and by `matrix --expect`, which shows listed failures
 * as known ones.
 */
#ifndef BPFCONFORM_MATRIX_EXPECTATIONS_H
#define BPFCONFORM_MATRIX_EXPECTATIONS_H

#include <stddef.h>

#include "results.h"

struct expectation {
	char *glob;
	char *reason;
	int line;
	unsigned matched, failing;	/* for `expect`'s accounting */
};

struct expectations {
	struct expectation *v;
	size_t n;
};

/* Parse a list; -1 after printing one line about what is wrong. */
int expectations_load(const char *path, struct expectations *out);
void expectations_free(struct expectations *e);
/*
 * The list for kernel 'k' in directory 'dir': DIR/<label>.txt, and for the
 * column labelled host (whatever kernel the machine runs) first
 * DIR/host-<release>.txt.  Returns 1 with the path, 0 when there is none.
 */
int expectations_path(const char *dir, const struct kresult *k, char *path, size_t len);
/* The entry 'name' matches, or NULL. */
const struct expectation *expectations_match(const struct expectations *e, const char *name);

#endif
