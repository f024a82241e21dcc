/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Results files read back (schema bpfconform-results/1, docs/results-json.md)
 * for the commands that compare runs: matrix, diff, expect, junit.
 */
#ifndef BPFCONFORM_MATRIX_RESULTS_H
#define BPFCONFORM_MATRIX_RESULTS_H

#include <stddef.h>

#include "../jsonparse.h"

struct kresult {
	const char *path;
	struct jval *root;
	const char *release;	/* kernel.release */
	char label[64];		/* column label: "6.1", or the results dir's name */
	int version[3];		/* for sorting: 5.10.223 -> {5, 10, 223} */
	const struct jval *cases;	/* array of case objects */
	const struct jval *oracle;
};

/* Load and check one results file; -1 with one line in 'err'. */
int results_load(const char *path, struct kresult *kr, char *err, size_t errlen);
void results_free(struct kresult *kr);
/* Sort kernels by version, oldest first. */
void results_sort(struct kresult *krs, size_t n);

/* The case called 'name', or NULL. */
const struct jval *results_case(const struct kresult *kr, const char *name);
/* "pass", "fail", "skip", "error" of a case, or NULL if the run lacks it. */
const char *results_outcome(const struct kresult *kr, const char *name);

/*
 * Whether the kernel declares 'member' of enum 'enum_name' (from the
 * oracle section): 1 yes, 0 no, -1 the run does not say.
 */
int results_declares(const struct kresult *kr, const char *enum_name, const char *member);
/* Visit every member of 'enum_name' the run's kernel declares, aliases
 * (BPF_PROG_RUN for BPF_PROG_TEST_RUN) once, under their first name. */
void results_enum_walk(const struct kresult *kr, const char *enum_name,
		       void (*cb)(const char *member, void *ctx), void *ctx);

/* Load several files (argv-style); prints the error and returns -1. */
int results_load_all(char **paths, size_t n, struct kresult **out);

#endif
