// SPDX-License-Identifier: GPL-2.0
/*
 * What runs inside the forked child around a case: the assertion back-ends
 * and the diagnostics buffer.  The child never prints; the runner does, in
 * order, from the shared result.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "case.h"
#include "result.h"

static struct case_result *res;
static const char *running;
static struct timespec began;

/* Time inside the case, so a benchmark can tell it from fork and wait. */
static void clock_inside(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	res->inside_ms = (now.tv_sec - began.tv_sec) * 1e3 + (now.tv_nsec - began.tv_nsec) / 1e6;
}

void child_begin(struct case_result *r, const char *name)
{
	res = r;
	running = name;
	clock_gettime(CLOCK_MONOTONIC, &began);
}

const char *case_name(void)
{
	return running;
}

static void append(char *buf, size_t *len, size_t cap, const char *fmt, va_list ap)
{
	int n;

	if (*len + 2 >= cap)
		return;
	n = vsnprintf(buf + *len, cap - *len - 1, fmt, ap);
	if (n < 0)
		return;
	*len += (size_t)n < cap - *len - 1 ? (size_t)n : cap - *len - 2;
	buf[(*len)++] = '\n';
	buf[*len] = 0;
}

void case_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	append(res->log, &res->log_len, sizeof(res->log), fmt, ap);
	va_end(ap);
}

void case_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	append(res->notes, &res->note_len, sizeof(res->notes), fmt, ap);
	va_end(ap);
}

void case_passed_check(void)
{
	res->checks++;
}

static void set_reason(const char *file, int line, const char *fmt, va_list ap)
{
	char msg[RESULT_REASON_MAX - 64];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (!res->reason[0])
		snprintf(res->reason, sizeof(res->reason), "%s:%d: %s", file, line, msg);
	case_log("%s:%d: %s", file, line, msg);
}

void case_failed(int go_on, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	res->failures++;
	va_start(ap, fmt);
	set_reason(file, line, fmt, ap);
	va_end(ap);
	prog_explain_last();
	if (!go_on) {
		res->outcome = OUT_FAIL;
		clock_inside();
		_exit(0);
	}
}

void case_error(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	res->reason[0] = 0;	/* the error is the story, not an earlier failure */
	set_reason(file, line, fmt, ap);
	va_end(ap);
	res->outcome = OUT_ERROR;
	clock_inside();
	_exit(0);
}

void child_skip(const char *why, int unproven)
{
	snprintf(res->reason, sizeof(res->reason), "%s", why);
	res->skip_unproven = unproven;
	res->outcome = OUT_SKIP;
	_exit(0);
}

void child_end(void)
{
	clock_inside();
	if (res->failures)
		res->outcome = OUT_FAIL;
	else if (!res->checks) {
		res->outcome = OUT_ERROR;
		snprintf(res->reason, sizeof(res->reason), "the case asserted nothing");
	} else
		res->outcome = OUT_PASS;
	_exit(0);
}

void bc_check_ret(int go_on, const char *file, int line, const char *expr,
		  long long ret, int want_err)
{
	if (!want_err && ret >= 0) {
		res->checks++;
		return;
	}
	if (want_err && ret == -want_err) {
		res->checks++;
		return;
	}
	/* case_failed() also prints the last program and its verifier log:
	 * a surprise about a load explains itself. */
	if (want_err && ret >= 0)
		case_failed(1, file, line, "expected %s to fail with %s, it returned %lld",
			    expr, errno_name(want_err), ret);
	else if (want_err)
		case_failed(1, file, line, "expected %s to fail with %s, it failed with %s",
			    expr, errno_name(want_err), errno_name((int)-ret));
	else
		case_failed(1, file, line, "expected %s to succeed, it failed with %s",
			    expr, errno_name((int)-ret));
	if (!go_on) {
		res->outcome = OUT_FAIL;
		_exit(0);
	}
}
