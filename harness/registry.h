/* SPDX-License-Identifier: GPL-2.0 */
/* The list of cases: collected at start-up, sorted by name, checked unique. */
#ifndef BPFCONFORM_REGISTRY_H
#define BPFCONFORM_REGISTRY_H

#include <stddef.h>

#include "case.h"

/* Collect CASE()s and run the generators.  Returns 0, or -1 after printing
 * one line about a duplicate or malformed name. */
int registry_init(void);
size_t registry_count(void);
const struct bc_case *registry_get(size_t i);

/* Name filters: -t GLOB (include, any of) and -x GLOB (exclude). */
struct filter {
	const char **include;
	size_t n_include;
	const char **exclude;
	size_t n_exclude;
};
int filter_match(const struct filter *f, const char *name);
/* A -t glob that matches no case: returns it (an error for the CLI). */
const char *filter_unmatched(const struct filter *f);

#endif
