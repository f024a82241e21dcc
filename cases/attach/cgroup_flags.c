// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_ATTACH flags on a cgroup (kernel/bpf/cgroup.c), seen through
 * BPF_PROG_QUERY: no flag (one program, a new one replaces it),
 * BPF_F_ALLOW_OVERRIDE (a sub-cgroup may attach its own), BPF_F_ALLOW_MULTI
 * (a list in attach order; the effective list runs the sub-cgroup's first,
 * then its ancestors'), BPF_F_REPLACE (swap one in place), and the ordering
 * flags BPF_F_BEFORE/BPF_F_AFTER.
 *
 * History: MULTI and OVERRIDE are 4.15; REPLACE 5.6; BEFORE/AFTER for
 * cgroups came with the cgroup mprog work in 6.16, which also gave struct
 * cgroup_bpf its 'revisions' member: that member, in the kernel's own BTF,
 * is the fact the ordering cases pick their expectation from (older
 * kernels reject the flags with EINVAL).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

#define EGRESS BPF_CGROUP_INET_EGRESS

static int attach_ex(int prog, int cg, __u32 flags, int replace, int relative)
{
	union bpf_attr attr = {
		.target_fd = (__u32)cg, .attach_bpf_fd = (__u32)prog,
		.attach_type = EGRESS, .attach_flags = flags,
		.replace_bpf_fd = (__u32)replace, .relative_fd = (__u32)relative,
	};

	return sys_bpf_prog_attach(&attr);
}

/* Query the case cgroup's own list into ids[]; returns the count. */
static __u32 query(int cg, __u32 qflags, __u32 *ids, __u32 *attach_flags)
{
	__u32 cnt = 8;

	SETUP_RET(prog_query(cg, EGRESS, qflags, ids, &cnt, attach_flags));
	return cnt;
}

/* A sub-cgroup of the case's, removed by the case: the checks between
 * its creation and its removal are EXPECT_, so that a failure still
 * removes it (the harness removes only the case's own directory). */
static int sub_cgroup(char *path, size_t len)
{
	int fd;

	snprintf(path, len, "%s/sub", case_cgroup_path());
	SETUP(mkdir(path, 0755) == 0);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	SETUP(fd >= 0);
	return fd;
}

#define NEEDS_ATTACH(...) NEEDS(PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS), \
				CMD(PROG_ATTACH), CMD(PROG_QUERY), CGROUP, ##__VA_ARGS__)

CASE("attach.cgroup.flags.none_new_prog_replaces_old", NEEDS_ATTACH(CMD(PROG_GET_FD_BY_ID)))
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog();
	__u32 ids[8], flags, a_id;

	ASSERT_FD(a);
	ASSERT_FD(b);
	a_id = id_of(OBJ_PROG, a);
	ASSERT_OK(prog_attach(a, cg, EGRESS, 0));
	ASSERT_OK(prog_attach(b, cg, EGRESS, 0));
	ASSERT_EQ(1, query(cg, 0, ids, &flags));
	ASSERT_EQ(id_of(OBJ_PROG, b), ids[0]);
	/* The cgroup dropped its reference on A: closing A frees it. */
	close(a);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, a_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("attach.cgroup.flags.multi_lists_in_attach_order", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), p[3];
	__u32 ids[8], flags;

	for (int i = 0; i < 3; i++) {
		p[i] = skb_allow_prog();
		ASSERT_FD(p[i]);
		ASSERT_OK(prog_attach(p[i], cg, EGRESS, BPF_F_ALLOW_MULTI));
	}
	ASSERT_EQ(3, query(cg, 0, ids, &flags));
	ASSERT_EQ(BPF_F_ALLOW_MULTI, flags);
	for (int i = 0; i < 3; i++)
		ASSERT_EQ(id_of(OBJ_PROG, p[i]), ids[i]);
}

/* The same program twice in one list is refused (EINVAL, not EEXIST). */
CASE("attach.cgroup.flags.multi_same_prog_twice_einval", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog();

	ASSERT_FD(a);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_ERRNO(EINVAL, prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
}

/* The flags of a cgroup's list are fixed by its first program. */
CASE("attach.cgroup.flags.multi_over_exclusive_eperm", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog();

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_OK(prog_attach(a, cg, EGRESS, 0));
	ASSERT_ERRNO(EPERM, prog_attach(b, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_ERRNO(EPERM, prog_attach(b, cg, EGRESS, BPF_F_ALLOW_OVERRIDE));
}

/* ALLOW_MULTI lists: detaching needs to name the program. */
CASE("attach.cgroup.flags.multi_detach_without_prog_einval",
     NEEDS_ATTACH(CMD(PROG_DETACH)))
{
	int cg = case_cgroup_fd(), a = skb_allow_prog();

	ASSERT_FD(a);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_ERRNO(EINVAL, prog_detach(0, cg, EGRESS));
	ASSERT_OK(prog_detach(a, cg, EGRESS));
}

/* A parent with a non-overridable program forbids attaching below it;
 * with ALLOW_OVERRIDE the sub-cgroup's own program takes its place there. */
CASE("attach.cgroup.flags.override_decides_sub_cgroup", NEEDS_ATTACH(CMD(PROG_DETACH)))
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog(), sub;
	__u32 ids[8], flags;
	char path[512];

	ASSERT_FD(a);
	ASSERT_FD(b);
	sub = sub_cgroup(path, sizeof(path));
	EXPECT_OK(prog_attach(a, cg, EGRESS, 0));
	EXPECT_ERRNO(EPERM, prog_attach(b, sub, EGRESS, 0));
	/* A list's flags change only once it is empty. */
	EXPECT_ERRNO(EPERM, prog_attach(a, cg, EGRESS, BPF_F_ALLOW_OVERRIDE));
	EXPECT_OK(prog_detach(a, cg, EGRESS));
	EXPECT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_OVERRIDE));
	EXPECT_EQ(1, query(cg, 0, ids, &flags));
	EXPECT_EQ(BPF_F_ALLOW_OVERRIDE, flags);
	EXPECT_OK(prog_attach(b, sub, EGRESS, 0));
	/* The sub-cgroup runs only its own program. */
	EXPECT_EQ(1, query(sub, BPF_F_QUERY_EFFECTIVE, ids, &flags));
	EXPECT_EQ(id_of(OBJ_PROG, b), ids[0]);
	close(sub);
	SETUP(rmdir(path) == 0);
}

CASE("attach.cgroup.flags.multi_effective_sub_first_then_parent", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog(), sub;
	__u32 ids[8], flags;
	char path[512];

	ASSERT_FD(a);
	ASSERT_FD(b);
	sub = sub_cgroup(path, sizeof(path));
	EXPECT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	EXPECT_OK(prog_attach(b, sub, EGRESS, BPF_F_ALLOW_MULTI));
	EXPECT_EQ(1, query(sub, 0, ids, &flags));
	EXPECT_EQ(2, query(sub, BPF_F_QUERY_EFFECTIVE, ids, &flags));
	EXPECT_EQ(id_of(OBJ_PROG, b), ids[0]);
	EXPECT_EQ(id_of(OBJ_PROG, a), ids[1]);
	close(sub);
	SETUP(rmdir(path) == 0);
}

CASE("attach.cgroup.flags.replace_swaps_in_place", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog(),
	    c = skb_allow_prog();
	__u32 ids[8], flags;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_OK(prog_attach(b, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_OK(attach_ex(c, cg, BPF_F_ALLOW_MULTI | BPF_F_REPLACE, a, 0));
	ASSERT_EQ(2, query(cg, 0, ids, &flags));
	ASSERT_EQ(id_of(OBJ_PROG, c), ids[0]);
	ASSERT_EQ(id_of(OBJ_PROG, b), ids[1]);
}

CASE("attach.cgroup.flags.replace_not_attached_enoent", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog(),
	    c = skb_allow_prog();

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_ERRNO(ENOENT, attach_ex(c, cg, BPF_F_ALLOW_MULTI | BPF_F_REPLACE, b, 0));
}

/* BPF_F_REPLACE only means something on a MULTI list. */
CASE("attach.cgroup.flags.replace_without_multi_einval", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), c = skb_allow_prog();

	ASSERT_FD(a);
	ASSERT_FD(c);
	ASSERT_OK(prog_attach(a, cg, EGRESS, 0));
	ASSERT_ERRNO(EINVAL, attach_ex(c, cg, BPF_F_REPLACE, a, 0));
}

/* BPF_F_BEFORE with no relative program: first in the list; BPF_F_AFTER
 * relative to a program: right behind it. */
CASE("attach.cgroup.order.before_and_after", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog(),
	    c = skb_allow_prog();
	__u32 ids[8], flags;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	if (!kernel_struct_has_member("cgroup_bpf", "revisions")) {
		/* Before the cgroup mprog API the flags are unknown here. */
		ASSERT_ERRNO(EINVAL, attach_ex(b, cg, BPF_F_ALLOW_MULTI | BPF_F_BEFORE, 0, 0));
		return;
	}
	ASSERT_OK(attach_ex(b, cg, BPF_F_ALLOW_MULTI | BPF_F_BEFORE, 0, 0));
	ASSERT_OK(attach_ex(c, cg, BPF_F_ALLOW_MULTI | BPF_F_AFTER, 0, b));
	ASSERT_EQ(3, query(cg, 0, ids, &flags));
	ASSERT_EQ(id_of(OBJ_PROG, b), ids[0]);
	ASSERT_EQ(id_of(OBJ_PROG, c), ids[1]);
	ASSERT_EQ(id_of(OBJ_PROG, a), ids[2]);
}

/* Relative to a program that is not in the list. */
CASE("attach.cgroup.order.relative_not_attached", NEEDS_ATTACH())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog(),
	    c = skb_allow_prog();

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	if (!kernel_struct_has_member("cgroup_bpf", "revisions")) {
		ASSERT_ERRNO(EINVAL, attach_ex(b, cg, BPF_F_ALLOW_MULTI | BPF_F_AFTER, 0, c));
		return;
	}
	ASSERT_ERRNO(ENOENT, attach_ex(b, cg, BPF_F_ALLOW_MULTI | BPF_F_AFTER, 0, c));
}
