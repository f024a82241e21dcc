/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reporting a run: KTAP v1 on stdout as cases finish, and the results file
 * (JSON, schema in docs/results-json.md) at the end.
 */
#ifndef BPFCONFORM_REPORT_H
#define BPFCONFORM_REPORT_H

#include <stdio.h>

#include "case.h"
#include "result.h"

struct totals {
	unsigned pass, fail, skip, error;
};

void ktap_begin(FILE *out, size_t planned);
void ktap_result(FILE *out, size_t number, const char *name,
		 const struct case_result *res, int verbose);
/* The closing line: "N passed, N failed, N skipped[, N errors]". */
void ktap_end(FILE *out, const struct totals *t);
void totals_add(struct totals *t, enum outcome o);

/* The results file, written as cases finish so a crash loses little. */
struct json_report;
struct json_report *json_report_open(const char *path, char *err, size_t len);
void json_report_case(struct json_report *jr, const struct bc_case *c,
		      const struct case_result *res);
void json_report_close(struct json_report *jr, const struct totals *t,
		       double wall_ms, const char *leaks);

#endif
