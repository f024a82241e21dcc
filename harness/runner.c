// SPDX-License-Identifier: GPL-2.0
/*
 * Each case runs in a forked child in its own process group.  The runner
 * waits with alarm() and waitpid() (no pidfd: the oldest kernel we boot is
 * 5.10), kills the whole group on a timeout, and turns how the child ended
 * into a verdict: a signal or a timeout is a FAIL with that reason, a child
 * that ended without a result is an ERROR.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "env.h"
#include "oracle.h"
#include "runner.h"

static volatile sig_atomic_t alarmed;

static void on_alarm(int sig)
{
	(void)sig;
	alarmed = 1;
}

struct case_result *runner_result_alloc(void)
{
	void *p = mmap(NULL, sizeof(struct case_result), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("bpfconform: mmap");
		exit(2);
	}
	return p;
}

static void reset(struct case_result *res)
{
	res->outcome = OUT_NONE;
	res->checks = res->failures = 0;
	res->skip_unproven = 0;
	res->reason[0] = 0;
	res->log_len = res->note_len = 0;
	res->log[0] = res->notes[0] = 0;
	res->duration_ms = 0;
}

enum outcome runner_decide_needs(const struct bc_case *c, struct case_result *res)
{
	unsigned bits = env_bits(c);

	for (const struct need *n = c->needs; n && n->kind; n++) {
		char why[256];

		if (n->kind == NEED_ENV)
			continue;
		switch (oracle_decide(n, why, sizeof(why))) {
		case ORACLE_HAVE:
			continue;
		case ORACLE_LACK:
			snprintf(res->reason, sizeof(res->reason), "%s", why);
			return res->outcome = OUT_SKIP;
		case ORACLE_UNKNOWN:
			snprintf(res->reason, sizeof(res->reason), "unproven: %s", why);
			res->skip_unproven = 1;
			return res->outcome = OUT_SKIP;
		case ORACLE_BROKEN:
			snprintf(res->reason, sizeof(res->reason), "%s", why);
			return res->outcome = OUT_ERROR;
		}
	}
	if (!env_privileged() && !(bits & ENV_UNPRIV)) {
		snprintf(res->reason, sizeof(res->reason),
			 "needs CAP_SYS_ADMIN; running without it");
		return res->outcome = OUT_SKIP;
	}
	return OUT_NONE;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void child(const struct bc_case *c, struct case_result *res, unsigned bits)
{
	char err[256];

	setpgid(0, 0);
	/* A case that prints must not corrupt the KTAP stream. */
	dup2(2, 1);
	child_begin(res, c->name);
	if (env_case_enter(bits, err, sizeof(err)))
		case_error(c->file, c->line, "environment: %s", err);
	c->fn(c->arg);
	child_end();
}

void runner_run(const struct bc_case *c, size_t index, struct case_result *res,
		const struct run_opts *opts)
{
	unsigned bits = env_bits(c), timeout = c->timeout ? c->timeout : opts->timeout;
	struct sigaction sa = { .sa_handler = on_alarm };
	double start = now_ms();
	char err[256];
	int status = 0;
	pid_t pid;

	reset(res);
	if (runner_decide_needs(c, res) != OUT_NONE)
		goto out;
	if (env_case_prepare(bits, index, err, sizeof(err))) {
		res->outcome = OUT_ERROR;
		snprintf(res->reason, sizeof(res->reason), "environment: %s", err);
		goto out;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		res->outcome = OUT_ERROR;
		snprintf(res->reason, sizeof(res->reason), "fork: %s", strerror(errno));
		goto cleanup;
	}
	if (!pid)
		child(c, res, bits);
	setpgid(pid, pid);	/* also in the child: whichever runs first */

	alarmed = 0;
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: waitpid returns EINTR */
	alarm(timeout);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR || alarmed) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
	}
	alarm(0);
	/* Whatever the case left running in its group goes with it. */
	kill(-pid, SIGKILL);

	if (alarmed) {
		res->outcome = OUT_FAIL;
		snprintf(res->reason, sizeof(res->reason), "timeout after %us", timeout);
	} else if (WIFSIGNALED(status)) {
		res->outcome = OUT_FAIL;
		snprintf(res->reason, sizeof(res->reason), "killed by signal %d (%s)",
			 WTERMSIG(status), strsignal(WTERMSIG(status)));
	} else if (res->outcome == OUT_NONE) {
		res->outcome = OUT_ERROR;
		snprintf(res->reason, sizeof(res->reason),
			 "the case ended without a result (exit status %d)",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
cleanup:
	env_case_cleanup(bits);
out:
	res->duration_ms = now_ms() - start;
}
