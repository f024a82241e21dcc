/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the attach, link and lifecycle cases share: a program that counts
 * its runs in a named array map ("counter", key 0), so that "attached and
 * running" is observed, never assumed; and the actions that fire the hooks
 * (a UDP datagram over loopback, joining the case's cgroup, ...).
 *
 * Nothing here turns an errno into a skip: helpers return -errno, or end
 * the case with ERROR (SETUP) where the work is not what is being tested.
 */
#ifndef BPFCONFORM_CASES_LIFECYCLE_HOOKS_H
#define BPFCONFORM_CASES_LIFECYCLE_HOOKS_H

#include "harness/case.h"
#include "harness/lifetime.h"
#include "harness/objects.h"

/* Create the "counter" map (array, 1 x u64) and name it; SETUP on failure. */
int counter_map(void);
/* The counter's value now (SETUP on a failing lookup). */
__u64 counter_read(int map_fd);

struct counter_spec {
	enum bpf_prog_type type;
	enum bpf_attach_type attach;	/* expected_attach_type */
	int ret;			/* what the program returns */
	int only_pid;			/* count only this tgid (tracing hooks fire for all) */
	__u32 attach_btf_id;
	int attach_prog_fd;
};
/* Load a program that bumps "counter" and returns spec->ret; fd or -errno. */
int counter_prog(const struct counter_spec *spec);

/* Move the calling process into the case's cgroup (NEEDS(CGROUP)). */
void join_case_cgroup(void);

/* Send one UDP datagram to 127.0.0.1 (or ::1) on a port bound here, and
 * receive it; returns 0 or -errno (of the step that failed). */
int udp_loopback_roundtrip(int family);

/* Wait until the counter reaches at least 'want', a bounded time
 * (hooks on a receive path may run on another CPU a moment later). */
__u64 counter_wait(int map_fd, __u64 want);

/* The object's ID, or ERROR. */
__u32 id_of(enum obj_kind kind, int fd);

#endif

/* BPF_PROG_QUERY on 'target': up to *cnt ids into 'ids' (may be NULL);
 * *cnt and *attach_flags get what the kernel wrote.  0 or -errno. */
int prog_query(int target, enum bpf_attach_type type, __u32 query_flags,
	       __u32 *ids, __u32 *cnt, __u32 *attach_flags);

/* Does the kernel's BTF (/sys/kernel/btf/vmlinux) give struct 'type' a
 * member 'member'?  1 or 0; ERROR if the BTF cannot be read.  For picking
 * an expectation from a kernel fact the NEEDS cannot yet express. */
int kernel_struct_has_member(const char *type, const char *member);

/* A trivial CGROUP_SKB program returning 1 (allow), for order cases. */
int skb_allow_prog(void);

/* BPF_LINK_UPDATE and BPF_LINK_DETACH; 0 or -errno. */
int link_update(int link, int new_prog, __u32 flags, int old_prog);
int link_detach(int link);
/* The whole life of a link whose hook 'fire' triggers: close the prog fd
 * (alive, runs), pin the link (bpffs "link"), close its fd (alive, runs),
 * unpin (link and program gone, the hook no longer counts).  'link' and
 * 'prog' are fds; 'map' the counter. */
void link_pin_lifecycle(int link, int prog, int map, void (*fire)(void));

/* Wait until 'id' is no longer listed by *_GET_NEXT_ID: 0, or -ETIMEDOUT.
 * Unlike obj_wait_gone() it takes no reference while it looks: for maps
 * whose last user reference has side effects (a prog_array is emptied by
 * deferred work holding the map), polling with GET_FD_BY_ID keeps
 * restarting that work and the map alive. */
int id_wait_unlisted(enum obj_kind kind, __u32 id, unsigned ms);

/* Byte offset of 'member' in the kernel's struct 'type' (its BTF); ERROR
 * if there is none.  For programs that read kernel objects (iterators). */
__u32 kernel_member_offset(const char *type, const char *member);
/* Size of the kernel's struct 'type' (its BTF); ERROR if there is none. */
__u32 kernel_struct_size(const char *type);
