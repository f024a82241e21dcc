/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The run's environment.  Nothing of the host's global state is left
 * changed: the runner moves into a private mount namespace at start-up,
 * each case that needs bpffs mounts its own instance in a namespace of its
 * own (so its pins die with it), a case that needs networking gets a
 * network namespace, and cgroup cases get a directory that is removed
 * after them.
 */
#ifndef BPFCONFORM_ENV_H
#define BPFCONFORM_ENV_H

#include <stddef.h>

#include "case.h"

/* Set up the process-wide part.  Without privilege this does nothing and
 * env_privileged() says 0.  Returns -1 with a reason on a real failure. */
int env_init(char *err, size_t len);
void env_fini(void);
int env_privileged(void);
/* Where cgroup2 is mounted for this run ("" if it could not be). */
const char *env_cgroup_root(void);

/* The union of the case's NEED_ENV bits. */
unsigned env_bits(const struct bc_case *c);
/* What the parent prepares for one case. */
struct env_case {
	unsigned bits;
	char cgroup[192];	/* the case's cgroup directory, if ENV_CGROUP */
};

/* Parent, before fork: create what the child will enter. */
int env_case_prepare(struct env_case *ec, size_t index, char *err, size_t len);
/* Child, after fork: enter it.  Returns -1 with a reason (an ERROR). */
int env_case_enter(const struct env_case *ec, char *err, size_t len);
/* Parent, after the child is gone. */
void env_case_cleanup(struct env_case *ec);

/* Bring a network interface up (lo inside a fresh netns starts down). */
int env_link_up(const char *ifname);

#endif
