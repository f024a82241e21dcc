// SPDX-License-Identifier: GPL-2.0
/*
 * Cgroup links beyond their lifecycle (kernel/bpf/cgroup.c): BPF_LINK_UPDATE
 * swaps the program in place (with BPF_F_REPLACE the old one must match:
 * EPERM; a program of another type: EINVAL), BPF_LINK_DETACH leaves a
 * defunct link whose updates are ENOLINK, links and PROG_ATTACH share one
 * list (links are ALLOW_MULTI: an exclusive PROG_ATTACH over them is
 * EPERM), and, where the kernel has the cgroup mprog API (the
 * 'revisions' member of struct cgroup_bpf in its BTF, 6.16), links are
 * placed with BPF_F_BEFORE/BPF_F_AFTER; before it, link flags are EINVAL.
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

#define EGRESS BPF_CGROUP_INET_EGRESS

static void fire(void)
{
	SETUP_RET(udp_loopback_roundtrip(AF_INET));
}

static int cg_link(int prog, __u32 flags, int relative)
{
	union bpf_attr attr = {
		.link_create = {
			.prog_fd = (__u32)prog, .target_fd = (__u32)case_cgroup_fd(),
			.attach_type = EGRESS, .flags = flags,
			.cgroup = { .relative_fd = (__u32)relative },
		},
	};

	return sys_bpf_link_create(&attr);
}

#define NEEDS_CGL(...) NEEDS(PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS), LINK(CGROUP), \
			     CMD(LINK_CREATE), CGROUP, ##__VA_ARGS__)

CASE("links.cgroup.update.swaps_program_and_runs_new",
     NEEDS_CGL(CMD(LINK_UPDATE), CMD(PROG_QUERY), MAP(ARRAY), NETNS))
{
	int map = counter_map(), quiet = skb_allow_prog(), counting, link;
	__u32 ids[4], cnt = 4;

	counting = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_CGROUP_SKB, .attach = EGRESS, .ret = 1 });
	ASSERT_FD(quiet);
	ASSERT_FD(counting);
	link = cg_link(quiet, 0, 0);
	ASSERT_FD(link);
	join_case_cgroup();
	fire();
	ASSERT_EQ(0, counter_read(map));
	ASSERT_OK(link_update(link, counting, 0, 0));
	ASSERT_OK(prog_query(case_cgroup_fd(), EGRESS, 0, ids, &cnt, NULL));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, counting), ids[0]);
	fire();
	ASSERT_LE(1, counter_wait(map, 1));
}

CASE("links.cgroup.update.replace_wrong_old_eperm", NEEDS_CGL(CMD(LINK_UPDATE)))
{
	int a = skb_allow_prog(), b = skb_allow_prog(), c = skb_allow_prog(), link;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	link = cg_link(a, 0, 0);
	ASSERT_FD(link);
	ASSERT_ERRNO(EPERM, link_update(link, c, BPF_F_REPLACE, b));
	ASSERT_OK(link_update(link, c, BPF_F_REPLACE, a));
}

CASE("links.cgroup.update.other_prog_type_einval",
     NEEDS_CGL(CMD(LINK_UPDATE), PROG_TYPE(CGROUP_SOCK), ATTACH(CGROUP_INET_SOCK_CREATE)))
{
	int a = skb_allow_prog(), link,
	    s = prog_load_trivial(BPF_PROG_TYPE_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, 1);

	ASSERT_FD(a);
	ASSERT_FD(s);
	link = cg_link(a, 0, 0);
	ASSERT_FD(link);
	ASSERT_ERRNO(EINVAL, link_update(link, s, 0, 0));
}

CASE("links.cgroup.detach.defunct_link_update_enolink",
     NEEDS_CGL(CMD(LINK_DETACH), CMD(LINK_UPDATE), CMD(PROG_QUERY), CMD(OBJ_GET_INFO_BY_FD)))
{
	int a = skb_allow_prog(), b = skb_allow_prog(), link;
	struct bpf_link_info info;
	__u32 cnt = 0;

	ASSERT_FD(a);
	ASSERT_FD(b);
	link = cg_link(a, 0, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_detach(link));
	ASSERT_OK(prog_query(case_cgroup_fd(), EGRESS, 0, NULL, &cnt, NULL));
	ASSERT_EQ(0, cnt);
	/* The link is still an object, attached to no cgroup. */
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(0, info.cgroup.cgroup_id);
	ASSERT_ERRNO(ENOLINK, link_update(link, b, 0, 0));
}

CASE("links.cgroup.mixed.exclusive_attach_over_link_eperm",
     NEEDS_CGL(CMD(PROG_ATTACH), CMD(PROG_QUERY)))
{
	int a = skb_allow_prog(), b = skb_allow_prog(), c = skb_allow_prog();
	__u32 ids[4], cnt = 4, flags;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_FD(cg_link(a, 0, 0));
	ASSERT_ERRNO(EPERM, prog_attach(b, case_cgroup_fd(), EGRESS, 0));
	/* ALLOW_MULTI joins the list the link made. */
	ASSERT_OK(prog_attach(c, case_cgroup_fd(), EGRESS, BPF_F_ALLOW_MULTI));
	ASSERT_OK(prog_query(case_cgroup_fd(), EGRESS, 0, ids, &cnt, &flags));
	ASSERT_EQ(2, cnt);
	ASSERT_EQ(BPF_F_ALLOW_MULTI, flags);
	ASSERT_EQ(id_of(OBJ_PROG, a), ids[0]);
	ASSERT_EQ(id_of(OBJ_PROG, c), ids[1]);
}

CASE("links.cgroup.order.before_relative_link", NEEDS_CGL(CMD(PROG_QUERY)))
{
	int a = skb_allow_prog(), b = skb_allow_prog(), la;
	__u32 ids[4], cnt = 4;

	ASSERT_FD(a);
	ASSERT_FD(b);
	la = cg_link(a, 0, 0);
	ASSERT_FD(la);
	if (!kernel_struct_has_member("cgroup_bpf", "revisions")) {
		/* cgroup_bpf_link_attach before 6.16: flags must be 0. */
		ASSERT_ERRNO(EINVAL, cg_link(b, BPF_F_BEFORE | BPF_F_LINK, la));
		return;
	}
	/* BPF_F_LINK: the relative fd names a link, not a program. */
	ASSERT_FD(cg_link(b, BPF_F_BEFORE | BPF_F_LINK, la));
	ASSERT_OK(prog_query(case_cgroup_fd(), EGRESS, 0, ids, &cnt, NULL));
	ASSERT_EQ(2, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, b), ids[0]);
	ASSERT_EQ(id_of(OBJ_PROG, a), ids[1]);
}
