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
static int mark_starts;		/* BPFCONFORM_MARK_START=1 in the environment */

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
	res->duration_ms = res->inside_ms = 0;
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

static void child(const struct bc_case *c, struct case_result *res,
		  const struct env_case *ec)
{
	char err[256];

	setpgid(0, 0);
	/* A case that prints must not corrupt the KTAP stream. */
	dup2(2, 1);
	child_begin(res, c->name);
	if (env_case_enter(ec, err, sizeof(err)))
		case_error(c->file, c->line, "environment: %s", err);
	c->fn(c->arg);
	child_end();
}

/* A case running in a child, or about to. */
struct slot {
	pid_t pid;		/* 0: free */
	size_t i;		/* position in this run */
	const struct bc_case *c;
	struct case_result *res;	/* shared with the child */
	struct env_case ec;
	double start, deadline;
	unsigned timeout;
	int timed_out;
};

/* Start case i in 'sl'.  Returns 1 if it is running, 0 if it was decided
 * without running (its result is in sl->res). */
static int start(struct slot *sl, const struct bc_case *c, size_t i, size_t index,
		 const struct run_opts *opts)
{
	char err[256];
	pid_t pid;

	sl->c = c;
	sl->i = i;
	sl->start = now_ms();
	sl->timeout = c->timeout ? c->timeout : opts->timeout;
	sl->deadline = sl->start + sl->timeout * 1e3;
	sl->timed_out = 0;
	sl->ec.bits = env_bits(c);
	reset(sl->res);
	if (runner_decide_needs(c, sl->res) != OUT_NONE)
		return 0;
	if (env_case_prepare(&sl->ec, index, err, sizeof(err))) {
		sl->res->outcome = OUT_ERROR;
		snprintf(sl->res->reason, sizeof(sl->res->reason), "environment: %s", err);
		return 0;
	}
	/* Under vmtest the console parser blames a kernel splat on the case
	 * that was running: it needs to see each case begin. */
	if (mark_starts)
		printf("# start %zu %s\n", i + 1, c->name);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		sl->res->outcome = OUT_ERROR;
		snprintf(sl->res->reason, sizeof(sl->res->reason), "fork: %s", strerror(errno));
		env_case_cleanup(&sl->ec);
		return 0;
	}
	if (!pid)
		child(c, sl->res, &sl->ec);
	setpgid(pid, pid);	/* also in the child: whichever runs first */
	sl->pid = pid;
	return 1;
}

/* The child of 'sl' ended with 'status': turn that into a verdict. */
static void finish(struct slot *sl, int status)
{
	struct case_result *res = sl->res;

	/* Whatever the case left running in its group goes with it. */
	kill(-sl->pid, SIGKILL);
	sl->pid = 0;
	if (sl->timed_out) {
		res->outcome = OUT_FAIL;
		snprintf(res->reason, sizeof(res->reason), "timeout after %us", sl->timeout);
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
	env_case_cleanup(&sl->ec);
}

/* Kill the cases whose time is up; arm the alarm for the next deadline. */
static void police(struct slot *slots, unsigned nslots)
{
	double now = now_ms(), next = 0;

	for (unsigned s = 0; s < nslots; s++) {
		if (!slots[s].pid || slots[s].timed_out)
			continue;
		if (now >= slots[s].deadline) {
			slots[s].timed_out = 1;
			kill(-slots[s].pid, SIGKILL);
			kill(slots[s].pid, SIGKILL);
		} else if (!next || slots[s].deadline < next) {
			next = slots[s].deadline;
		}
	}
	alarmed = 0;
	/* alarm() counts whole seconds: round up, never 0 (which cancels). */
	alarm(next ? (unsigned)((next - now) / 1e3) + 1 : 0);
}

/*
 * A slot's case has its verdict.  If it is next in line it goes out at
 * once (always so with one job), followed by any held ones now in line;
 * otherwise it is held in a copy until the ones before it are out.
 */
static void deliver(struct slot *sl, const struct bc_case *const *cases,
		    struct case_result **held, size_t *emit,
		    void (*done)(size_t i, const struct bc_case *c,
				 const struct case_result *res, void *ctx),
		    void *ctx)
{
	sl->res->duration_ms = now_ms() - sl->start;
	if (sl->i != *emit) {
		held[sl->i] = malloc(sizeof(*sl->res));
		memcpy(held[sl->i], sl->res, sizeof(*sl->res));
		return;
	}
	done((*emit)++, sl->c, sl->res, ctx);
	while (held[*emit]) {
		done(*emit, cases[*emit], held[*emit], ctx);
		free(held[*emit]);
		held[(*emit)++] = NULL;
	}
}

void runner_run_all(const struct bc_case *const *cases, const size_t *index, size_t n,
		    const struct run_opts *opts,
		    void (*done)(size_t i, const struct bc_case *c,
				 const struct case_result *res, void *ctx),
		    void *ctx)
{
	unsigned nslots = opts->jobs ? opts->jobs : 1, running = 0;
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	/* one more than n: held[n] stays NULL and ends deliver()'s walk */
	struct case_result **held = calloc(n + 1, sizeof(*held));
	struct slot *slots = calloc(nslots, sizeof(*slots));
	size_t next = 0, emit = 0;

	sigaction(SIGALRM, &sa, NULL);
	mark_starts = getenv("BPFCONFORM_MARK_START") && !strcmp(getenv("BPFCONFORM_MARK_START"), "1");
	for (unsigned s = 0; s < nslots; s++)
		slots[s].res = runner_result_alloc();

	while (emit < n) {
		/* Fill free slots.  A result that is not next in line is held
		 * in a copy until the ones before it are out. */
		for (unsigned s = 0; s < nslots && next < n; s++) {
			struct slot *sl = &slots[s];

			if (sl->pid)
				continue;
			if (start(sl, cases[next], next, index[next], opts))
				running++;
			else
				deliver(sl, cases, held, &emit, done, ctx);
			next++;
		}
		if (!running)
			continue;

		int status;
		pid_t pid;

		police(slots, nslots);
		pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno != EINTR)
				break;	/* no children: cannot happen while running > 0 */
			continue;	/* the alarm: police() on the next round */
		}
		for (unsigned s = 0; s < nslots; s++) {
			struct slot *sl = &slots[s];

			if (sl->pid != pid)
				continue;
			finish(sl, status);
			running--;
			deliver(sl, cases, held, &emit, done, ctx);
		}
	}
	alarm(0);
	for (unsigned s = 0; s < nslots; s++)
		munmap(slots[s].res, sizeof(*slots[s].res));
	free(slots);
	free(held);
}
