// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"

static void parse_version(const char *release, int v[3])
{
	v[0] = v[1] = v[2] = 0;
	sscanf(release, "%d.%d.%d", &v[0], &v[1], &v[2]);
}

/*
 * Label a column: vmtest writes results/<kernel>/results.json, and that
 * directory's name ("6.1", "7.2", "host") is what a person asked for;
 * otherwise the release's major.minor.
 */
static void make_label(struct kresult *kr)
{
	const char *slash = strrchr(kr->path, '/');

	if (slash && !strcmp(slash + 1, "results.json") && slash > kr->path) {
		const char *start = slash - 1;

		while (start > kr->path && start[-1] != '/')
			start--;
		if (slash - start > 0 && slash - start < (long)sizeof(kr->label) &&
		    !(slash - start == 1 && *start == '.')) {
			snprintf(kr->label, sizeof(kr->label), "%.*s", (int)(slash - start), start);
			return;
		}
	}
	snprintf(kr->label, sizeof(kr->label), "%d.%d", kr->version[0], kr->version[1]);
}

int results_load(const char *path, struct kresult *kr, char *err, size_t errlen)
{
	const char *schema;

	memset(kr, 0, sizeof(*kr));
	kr->path = path;
	kr->root = json_load(path, err, errlen);
	if (!kr->root)
		return -1;
	schema = json_get_str(kr->root, "schema", NULL);
	if (!schema || strcmp(schema, "bpfconform-results/1")) {
		snprintf(err, errlen, "%s: not a bpfconform results file (schema %s)", path,
			 schema ? schema : "missing");
		goto bad;
	}
	kr->release = json_get_str(json_get(kr->root, "kernel"), "release", NULL);
	kr->cases = json_get(kr->root, "cases");
	kr->oracle = json_get(kr->root, "oracle");
	if (!kr->release || !kr->cases || kr->cases->type != J_ARRAY) {
		snprintf(err, errlen, "%s: results file lacks kernel.release or cases", path);
		goto bad;
	}
	for (size_t i = 0; i < kr->cases->n; i++) {
		const struct jval *c = kr->cases->items[i];

		if (!json_get_str(c, "name", NULL) || !json_get_str(c, "outcome", NULL)) {
			snprintf(err, errlen, "%s: case %zu lacks a name or an outcome", path, i);
			goto bad;
		}
	}
	parse_version(kr->release, kr->version);
	make_label(kr);
	return 0;
bad:
	json_free(kr->root);
	kr->root = NULL;
	return -1;
}

void results_free(struct kresult *kr)
{
	json_free(kr->root);
	kr->root = NULL;
}

static int by_version(const void *a, const void *b)
{
	const struct kresult *x = a, *y = b;

	for (int i = 0; i < 3; i++)
		if (x->version[i] != y->version[i])
			return x->version[i] < y->version[i] ? -1 : 1;
	return strcmp(x->label, y->label);
}

void results_sort(struct kresult *krs, size_t n)
{
	qsort(krs, n, sizeof(*krs), by_version);
}

const struct jval *results_case(const struct kresult *kr, const char *name)
{
	for (size_t i = 0; i < kr->cases->n; i++)
		if (!strcmp(json_get_str(kr->cases->items[i], "name", ""), name))
			return kr->cases->items[i];
	return NULL;
}

const char *results_outcome(const struct kresult *kr, const char *name)
{
	return json_get_str(results_case(kr, name), "outcome", NULL);
}

/* The oracle lists each enum as names, or as {"name": ..., "value": ...}. */
static const struct jval *enum_list(const struct kresult *kr, const char *enum_name)
{
	const struct jval *enums = json_get(kr->oracle, "enums"), *e;

	e = json_get(enums, enum_name);
	if (e && e->type == J_OBJECT)
		e = json_get(e, "members");
	return e && e->type == J_ARRAY ? e : NULL;
}

static const char *member_name(const struct jval *m)
{
	return m->type == J_STRING ? m->str : json_get_str(m, "name", "");
}

/* Aliases (BPF_PROG_RUN is BPF_PROG_TEST_RUN) are one feature: a member
 * whose value an earlier member has is not walked. */
static int is_alias(const struct jval *list, size_t i)
{
	const struct jval *v = json_get(list->items[i], "value");

	if (!v || v->type != J_NUMBER)
		return 0;
	for (size_t j = 0; j < i; j++)
		if (json_get_num(list->items[j], "value", -1) == v->num)
			return 1;
	return 0;
}

void results_enum_walk(const struct kresult *kr, const char *enum_name,
		       void (*cb)(const char *member, void *ctx), void *ctx)
{
	const struct jval *list = enum_list(kr, enum_name);

	for (size_t i = 0; list && i < list->n; i++)
		if (!is_alias(list, i))
			cb(member_name(list->items[i]), ctx);
}

int results_declares(const struct kresult *kr, const char *enum_name, const char *member)
{
	const struct jval *list = enum_list(kr, enum_name);

	if (!list)
		return -1;
	for (size_t i = 0; i < list->n; i++)
		if (!strcmp(member_name(list->items[i]), member))
			return 1;
	return 0;
}

int results_load_all(char **paths, size_t n, struct kresult **out)
{
	struct kresult *krs = calloc(n ? n : 1, sizeof(*krs));
	char err[512];

	for (size_t i = 0; i < n; i++) {
		if (results_load(paths[i], &krs[i], err, sizeof(err))) {
			fprintf(stderr, "bpfconform: %s\n", err);
			for (size_t j = 0; j < i; j++)
				results_free(&krs[j]);
			free(krs);
			return -1;
		}
	}
	*out = krs;
	return 0;
}
