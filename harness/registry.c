// SPDX-License-Identifier: GPL-2.0
/*
 * Cases registered by CASE() are pointers in the "bc_cases" section; the
 * linker provides its bounds.  Generators add table-made cases.  The list
 * is sorted by name so that numbering and output order are stable.
 */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

extern const struct bc_case *const __start_bc_cases[] __attribute__((weak));
extern const struct bc_case *const __stop_bc_cases[] __attribute__((weak));
extern const struct bc_generator *const __start_bc_generators[] __attribute__((weak));
extern const struct bc_generator *const __stop_bc_generators[] __attribute__((weak));

static const struct bc_case **cases;
static size_t ncases, cap;

void case_add(const struct bc_case *c)
{
	if (ncases == cap) {
		cap = cap ? cap * 2 : 1024;
		cases = realloc(cases, cap * sizeof(*cases));
		if (!cases) {
			perror("bpfconform: realloc");
			exit(2);
		}
	}
	cases[ncases++] = c;
}

char *case_strdup(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0) {
		perror("bpfconform: vasprintf");
		exit(2);
	}
	va_end(ap);
	return s;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct bc_case *const *)a)->name,
		      (*(const struct bc_case *const *)b)->name);
}

/* area.subject.behaviour: at least two dots, [a-z0-9_.-] only. */
static int name_ok(const char *name)
{
	int dots = 0;

	if (!name || !*name || *name == '.')
		return 0;
	for (const char *p = name; *p; p++) {
		if (*p == '.') {
			if (p[1] == '.' || p[1] == 0)
				return 0;
			dots++;
		} else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			     *p == '_' || *p == '-')) {
			return 0;
		}
	}
	return dots >= 2;
}

int registry_init(void)
{
	for (const struct bc_case *const *p = __start_bc_cases; p < __stop_bc_cases; p++)
		case_add(*p);
	for (const struct bc_generator *const *g = __start_bc_generators;
	     g < __stop_bc_generators; g++)
		(*g)->fn();
	if (ncases)
		qsort(cases, ncases, sizeof(*cases), by_name);
	for (size_t i = 0; i < ncases; i++) {
		if (!name_ok(cases[i]->name)) {
			fprintf(stderr, "bpfconform: case at %s:%d has a malformed name \"%s\" "
				"(want area.subject.behaviour in [a-z0-9_-])\n",
				cases[i]->file, cases[i]->line, cases[i]->name);
			return -1;
		}
		if (i && !strcmp(cases[i]->name, cases[i - 1]->name)) {
			fprintf(stderr, "bpfconform: case name \"%s\" is used twice: %s:%d and %s:%d\n",
				cases[i]->name, cases[i - 1]->file, cases[i - 1]->line,
				cases[i]->file, cases[i]->line);
			return -1;
		}
	}
	return 0;
}

size_t registry_count(void)
{
	return ncases;
}

const struct bc_case *registry_get(size_t i)
{
	return i < ncases ? cases[i] : NULL;
}

static int any_match(const char **globs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!fnmatch(globs[i], name, 0))
			return 1;
	return 0;
}

int filter_match(const struct filter *f, const char *name)
{
	if (f->n_include && !any_match(f->include, f->n_include, name))
		return 0;
	return !any_match(f->exclude, f->n_exclude, name);
}

const char *filter_unmatched(const struct filter *f)
{
	for (size_t i = 0; i < f->n_include; i++) {
		size_t j;

		for (j = 0; j < ncases; j++)
			if (!fnmatch(f->include[i], cases[j]->name, 0))
				break;
		if (j == ncases)
			return f->include[i];
	}
	return NULL;
}
