/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Privilege inside a case: drop the capabilities bpf() looks at, in the
 * case's own forked child, so that one case can compare what a privileged
 * and an unprivileged caller get.  Libc only: the raw capset/capget
 * syscalls, as env.c does.
 *
 *	int disabled = priv_unprivileged_bpf_disabled();	// 0, 1, 2
 *	int fd = map_create(...);				// privileged
 *	SETUP_RET(priv_drop_bpf_caps());
 *	ASSERT_ERRNO(EPERM, map_create(...));			// unprivileged
 *
 * Dropping is for the rest of the child's life: there is no way back,
 * and none is needed, since the child ends with the case.
 */
#ifndef BPFCONFORM_PRIV_H
#define BPFCONFORM_PRIV_H

#include <sys/types.h>

#define PRIV_CAP_NET_ADMIN 12
#define PRIV_CAP_SYS_ADMIN 21
#define PRIV_CAP_PERFMON 38
#define PRIV_CAP_BPF 39

/* 1 if 'cap' is in the effective set, 0 if not, -errno on failure. */
int priv_have_cap(int cap);
/* Remove 'cap' from the effective, permitted and inheritable sets.
 * 0 or -errno. */
int priv_drop_cap(int cap);
/* Drop CAP_SYS_ADMIN, CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN: what
 * bpf() checks (bpf_capable(), perfmon_capable(), bpf_net_capable(),
 * capable(CAP_SYS_ADMIN)).  0 or -errno. */
int priv_drop_bpf_caps(void);
/* Drop every capability and become 'uid'/'gid' (setresgid, setresuid):
 * a plain user.  0 or -errno. */
int priv_become_user(uid_t uid, gid_t gid);

/* kernel.unprivileged_bpf_disabled: 0, 1 or 2, or -errno if unreadable.
 * Read, never written. */
int priv_unprivileged_bpf_disabled(void);

#endif
