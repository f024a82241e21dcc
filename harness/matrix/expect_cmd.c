// SPDX-License-Identifier: GPL-2.0
/*
 * `bpfconform expect LIST|DIR RESULTS.json`: hold a run to a list of cases
 * known to fail on that kernel (ci/expect/<kernel>.txt).  Each line is a
 * case name or glob, then the reason (a kernel commit, a bug link):
 *
 *	# comment
 *	verifier.loop.bounded_accepted   needs commit 2589726d12a1 (5.3): bounded loops
 *
 * LIST may be a directory (ci/expect): the kernel's own list in it is used,
 * picked as `matrix --expect` picks it (expectations_path()).
 *
 * Exit 1 on a failure the list does not expect, and on an entry none of
 * whose cases fails any more (so the list shrinks instead of rotting).
 * Exit 2 on a malformed list or an entry that names no case at all.
 */
#include <fnmatch.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../command.h"
#include "expectations.h"
#include "results.h"

static int failing(const char *o)
{
	return o && (!strcmp(o, "fail") || !strcmp(o, "error"));
}

static int expect_main(int argc, char **argv)
{
	struct expectations list;
	struct stat st;
	char path[1024];
	struct expectation *e;
	struct kresult *k;
	size_t n;
	unsigned unexpected = 0, expected = 0, stale = 0, unknown = 0;

	if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-')
		return usage_error("expect wants a list and a results file: expect LIST RESULTS.json");
	if (results_load_all(argv + 2, 1, &k))
		return 2;
	/* A directory: the kernel's own list in it, as matrix --expect picks
	 * it; a kernel without one is held to an empty list. */
	if (!stat(argv[1], &st) && S_ISDIR(st.st_mode)) {
		if (!expectations_path(argv[1], k, path, sizeof(path)))
			snprintf(path, sizeof(path), "/dev/null");
		argv[1] = path;
	}
	if (expectations_load(argv[1], &list))
		return 2;
	e = list.v;
	n = list.n;
	for (size_t i = 0; i < k->cases->n; i++) {
		const char *name = json_get_str(k->cases->items[i], "name", "");
		const char *o = json_get_str(k->cases->items[i], "outcome", "");
		int listed = 0;

		for (size_t j = 0; j < n; j++) {
			if (fnmatch(e[j].glob, name, 0))
				continue;
			e[j].matched++;
			if (failing(o)) {
				e[j].failing++;
				listed = 1;
			}
		}
		if (!failing(o))
			continue;
		if (listed) {
			expected++;
		} else {
			printf("UNEXPECTED %s: %s: %s\n", o, name,
			       json_get_str(k->cases->items[i], "reason", ""));
			unexpected++;
		}
	}
	for (size_t j = 0; j < n; j++) {
		if (!e[j].matched) {
			printf("%s:%d: '%s' names no case of this run\n", argv[1], e[j].line, e[j].glob);
			unknown++;
		} else if (!e[j].failing) {
			printf("%s:%d: '%s' is expected to fail but passes now: remove it from the list "
			       "(%s)\n", argv[1], e[j].line, e[j].glob, e[j].reason);
			stale++;
		}
	}
	printf("expect %s (%s): %u expected failures, %u unexpected, %u stale entries, "
	       "%u unknown entries\n", argv[1], k->release, expected, unexpected, stale, unknown);
	results_free(k);
	free(k);
	expectations_free(&list);
	if (unknown)
		return 2;
	return unexpected || stale ? 1 : 0;
}
COMMAND("expect", expect_main, "expect LIST|DIR RESULTS.json",
	"check a run against its list of known failures (exit 1 on a surprise either way)");
