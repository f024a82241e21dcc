// SPDX-License-Identifier: GPL-2.0
/*
 * `bpfconform diff OLD.json NEW.json`: what changed between two runs.
 * A regression is a case that passed and now fails or errors, a case that
 * passed and is now skipped (the feature became unsupported), or an enum
 * value the old kernel declared and the new one does not.  Exit 1 when
 * there is a regression, so CI can gate on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../command.h"
#include "results.h"

static const char *const enums[] = {
	"bpf_cmd", "bpf_prog_type", "bpf_map_type", "bpf_attach_type", "bpf_link_type",
	"bpf_func_id",
};

struct report {
	unsigned regressions, fixes, supported, new_cases, removed;
};

static int bad(const char *o)
{
	return o && (!strcmp(o, "fail") || !strcmp(o, "error"));
}

static void compare_case(const struct kresult *old, const struct jval *nc, struct report *r)
{
	const char *name = json_get_str(nc, "name", "");
	const char *was = results_outcome(old, name), *now = json_get_str(nc, "outcome", "");
	const char *reason = json_get_str(nc, "reason", "");

	if (!was) {
		printf("new case: %s (%s)\n", name, now);
		r->new_cases++;
	} else if (!strcmp(was, "pass") && (bad(now) || !strcmp(now, "skip"))) {
		printf("REGRESSION: %s: %s -> %s: %s\n", name, was, now, reason);
		r->regressions++;
	} else if (bad(was) && !strcmp(now, "pass")) {
		printf("fixed: %s: %s -> pass\n", name, was);
		r->fixes++;
	} else if (!strcmp(was, "skip") && !strcmp(now, "pass")) {
		printf("newly supported: %s: skip -> pass\n", name);
		r->supported++;
	} else if (!bad(was) && bad(now)) {
		printf("REGRESSION: %s: %s -> %s: %s\n", name, was, now, reason);
		r->regressions++;
	} else if (strcmp(was, now)) {
		printf("changed: %s: %s -> %s\n", name, was, now);
	}
}

struct enum_ctx {
	const struct kresult *other;
	const char *enum_name;
	const char *label;
	unsigned *count;
};

static void absent_in_other(const char *member, void *ctx)
{
	struct enum_ctx *e = ctx;

	if (results_declares(e->other, e->enum_name, member) == 0) {
		printf("%s: %s\n", e->label, member);
		(*e->count)++;
	}
}

static int diff_main(int argc, char **argv)
{
	struct kresult *k;
	struct report r = { 0 };

	if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-')
		return usage_error("diff wants two results files: diff OLD.json NEW.json");
	if (results_load_all(argv + 1, 2, &k))
		return 2;
	printf("diff %s (%s) -> %s (%s)\n", k[0].path, k[0].release, k[1].path, k[1].release);
	for (size_t i = 0; i < k[1].cases->n; i++)
		compare_case(&k[0], k[1].cases->items[i], &r);
	for (size_t i = 0; i < k[0].cases->n; i++) {
		const char *name = json_get_str(k[0].cases->items[i], "name", "");

		if (!results_case(&k[1], name)) {
			printf("removed case: %s\n", name);
			r.removed++;
		}
	}
	for (size_t e = 0; e < sizeof(enums) / sizeof(enums[0]); e++) {
		struct enum_ctx lost = { &k[1], enums[e], "REGRESSION: no longer declared", &r.regressions };
		struct enum_ctx gained = { &k[0], enums[e], "newly declared", &r.supported };

		results_enum_walk(&k[0], enums[e], absent_in_other, &lost);
		results_enum_walk(&k[1], enums[e], absent_in_other, &gained);
	}
	printf("%u regressions, %u fixed, %u newly supported, %u new cases, %u removed cases\n",
	       r.regressions, r.fixes, r.supported, r.new_cases, r.removed);
	results_free(&k[0]);
	results_free(&k[1]);
	free(k);
	return r.regressions ? 1 : 0;
}
COMMAND("diff", diff_main, "diff OLD.json NEW.json",
	"regressions, fixes and new support between two runs (exit 1 on a regression)");
