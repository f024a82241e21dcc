/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The feature matrix: rows are kernel enum values (commands, program, map,
 * attach and link types), the ISA level and areas of behaviour; columns
 * are kernels; a cell says what the kernel declares and how its cases did.
 */
#ifndef BPFCONFORM_MATRIX_MODEL_H
#define BPFCONFORM_MATRIX_MODEL_H

#include <stddef.h>

#include "expectations.h"
#include "results.h"

enum cell_state {
	CELL_PASS,		/* declared, its cases pass */
	CELL_FAIL,		/* declared, a case fails or errors */
	CELL_KNOWN_FAIL,	/* declared, cases fail only as ci/expect lists */
	CELL_UNDECLARED,	/* not in this kernel's enum */
	CELL_COMPILED_OUT,	/* declared, cases skip: a CONFIG option is not set */
	CELL_SKIPPED,		/* declared, cases skip for another proven reason */
	CELL_UNEXERCISED,	/* declared, no case exercises it */
	CELL_UNKNOWN,		/* the run does not say */
};

struct cell {
	enum cell_state state;
	unsigned pass, fail, skip, known;	/* known: listed failures */
	char detail[96];	/* CONFIG_X, or the first skip or failure reason */
};

struct row {
	char name[96];		/* shown: "ARRAY", "v4", "map.hash" */
	char full[96];		/* the kernel's spelling, or the area */
	struct cell *cells;	/* one per kernel */
};

struct section {
	const char *title;
	struct row *rows;
	size_t n;
};

struct diff_row {
	const char *name;
	const char **outcomes;	/* one per kernel, NULL if the run lacks it */
};

struct matrix {
	struct kresult *k;
	size_t nk;
	struct section *sections;
	size_t nsections;
	const struct expectations *expect;	/* per kernel, or NULL */
	struct diff_row *diffs;
	size_t ndiffs;
};

/* 'expect', when not NULL, holds each kernel's list of known failures
 * (an empty list where a kernel has none). */
void matrix_build(struct matrix *m, struct kresult *k, size_t nk,
		  const struct expectations *expect);
const char *cell_state_name(enum cell_state s);
/* The short text of a cell, as the tables print it. */
void cell_text(const struct cell *c, char *buf, size_t len);

void matrix_write_md(const struct matrix *m, FILE *out);
void matrix_write_html(const struct matrix *m, FILE *out);
void matrix_write_json(const struct matrix *m, FILE *out);

#endif
