// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_QUERY on a cgroup beyond the list of IDs: per-program attach
 * flags (query.prog_attach_flags, added with LSM_CGROUP in 6.0: the
 * BPF_LSM_CGROUP member of enum bpf_attach_type is the fact), the list's
 * revision (query.revision, with the cgroup mprog API in 6.16: the
 * 'revisions' member of struct cgroup_bpf), a prog_cnt too small for the
 * list (ENOSPC, with the count the list has), and a count-only query.
 */
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

#define EGRESS BPF_CGROUP_INET_EGRESS

#define NEEDS_Q(...) NEEDS(PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS), CMD(PROG_ATTACH), \
			   CMD(PROG_QUERY), CGROUP, ##__VA_ARGS__)

CASE("attach.cgroup.query.too_small_enospc_with_count", NEEDS_Q())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog();
	__u32 ids[1] = { 0 }, cnt = 1;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_OK(prog_attach(b, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_ERRNO(ENOSPC, prog_query(cg, EGRESS, 0, ids, &cnt, NULL));
	ASSERT_EQ(2, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, a), ids[0]);
}

CASE("attach.cgroup.query.count_only", NEEDS_Q())
{
	int cg = case_cgroup_fd(), a = skb_allow_prog();
	__u32 cnt = 0, flags = 0;

	ASSERT_FD(a);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_OK(prog_query(cg, EGRESS, 0, NULL, &cnt, &flags));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(BPF_F_ALLOW_MULTI, flags);
}

CASE("attach.cgroup.query.per_prog_flags_and_revision",
     NEEDS_Q(ATTACH(LSM_CGROUP), LINK(CGROUP), CMD(LINK_CREATE)))
{
	int cg = case_cgroup_fd(), a = skb_allow_prog(), b = skb_allow_prog();
	__u32 ids[4], pflags[4] = { ~0U, ~0U, ~0U, ~0U };
	union bpf_attr attr;
	__u64 rev1;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_OK(prog_attach(a, cg, EGRESS, BPF_F_ALLOW_MULTI));
	memset(&attr, 0, sizeof(attr));
	attr.query.target_fd = (__u32)cg;
	attr.query.attach_type = EGRESS;
	attr.query.prog_ids = (__u64)(unsigned long)ids;
	attr.query.prog_attach_flags = (__u64)(unsigned long)pflags;
	attr.query.prog_cnt = 4;
	ASSERT_OK(sys_bpf_prog_query(&attr));
	ASSERT_EQ(1, attr.query.prog_cnt);
	/* Per program: the flags it was attached with. */
	ASSERT_EQ(BPF_F_ALLOW_MULTI, pflags[0]);
	rev1 = attr.query.revision;
	ASSERT_FD(link_create(b, cg, EGRESS, 0));
	memset(&attr, 0, sizeof(attr));
	attr.query.target_fd = (__u32)cg;
	attr.query.attach_type = EGRESS;
	ASSERT_OK(sys_bpf_prog_query(&attr));
	ASSERT_EQ(2, attr.query.prog_cnt);
	if (kernel_struct_has_member("cgroup_bpf", "revisions")) {
		/* Every change to the list bumps its revision. */
		ASSERT_EQ(rev1 + 1, attr.query.revision);
	} else {
		ASSERT_EQ(0, attr.query.revision);
	}
}
