/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A case's result, written by the child into memory shared with the
 * runner, so that a crash or a timeout still leaves what was said before.
 */
#ifndef BPFCONFORM_RESULT_H
#define BPFCONFORM_RESULT_H

#include <stddef.h>

enum outcome { OUT_NONE = 0, OUT_PASS, OUT_FAIL, OUT_SKIP, OUT_ERROR };

#define RESULT_REASON_MAX 512
#define RESULT_LOG_MAX (192 * 1024)

struct case_result {
	enum outcome outcome;
	unsigned checks;		/* assertions that held */
	unsigned failures;		/* assertions that did not */
	int skip_unproven;		/* a SKIP whose proof is a probe's guess */
	char reason[RESULT_REASON_MAX];	/* first failure, skip proof, or error */
	size_t log_len;
	char log[RESULT_LOG_MAX];	/* diagnostics, one per line, no '#' */
	size_t note_len;
	char notes[RESULT_LOG_MAX / 2];	/* printed only on failure */
	double duration_ms;		/* fork to verdict, filled by the runner */
	double inside_ms;		/* inside the case function, filled by the child */
};

const char *outcome_name(enum outcome o);

/* Child side: set by the runner before the case function is called. */
void child_begin(struct case_result *res, const char *name);
/* The case function returned. */
void child_end(void) __attribute__((noreturn));
/* The harness itself (not a case) decides a SKIP inside the child. */
void child_skip(const char *why, int unproven) __attribute__((noreturn));

/* After a failed check: print the last loaded program and its verifier
 * log, once, as failure notes (objects.c). */
void prog_explain_last(void);

#endif
