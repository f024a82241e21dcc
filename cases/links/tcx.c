// SPDX-License-Identifier: GPL-2.0
/*
 * tcx (6.6): BPF_LINK_TYPE_TCX and BPF_PROG_ATTACH on a device's ingress
 * or egress, the first user of the kernel's mprog API: programs in an
 * ordered list placed with BPF_F_BEFORE/BPF_F_AFTER relative to a program
 * (or to the whole list), guarded by the list's revision
 * (expected_revision; a stale one is ESTALE), listed by BPF_PROG_QUERY
 * with the revision.  Here on lo in a private namespace: a UDP datagram
 * over 127.0.0.1 passes lo's ingress.
 */
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "cases/lifecycle/hooks.h"

#define TCX_PASS 0

static void fire(void)
{
	SETUP_RET(udp_loopback_roundtrip(AF_INET));
}

static int lo(void)
{
	int idx = (int)if_nametoindex("lo");

	SETUP(idx > 0);
	return idx;
}

static int tc_pass(void)
{
	return prog_load_trivial(BPF_PROG_TYPE_SCHED_CLS, 0, TCX_PASS);
}

static int tcx_attach(int prog, __u32 flags, int relative, __u64 revision)
{
	union bpf_attr attr = {
		.target_ifindex = (__u32)lo(), .attach_bpf_fd = (__u32)prog,
		.attach_type = BPF_TCX_INGRESS, .attach_flags = flags,
		.relative_fd = (__u32)relative, .expected_revision = revision,
	};

	return sys_bpf_prog_attach(&attr);
}

static int tcx_link(int prog, __u32 flags, int relative, __u64 revision)
{
	union bpf_attr attr = {
		.link_create = {
			.prog_fd = (__u32)prog, .target_ifindex = (__u32)lo(),
			.attach_type = BPF_TCX_INGRESS, .flags = flags,
			.tcx = { .relative_fd = (__u32)relative, .expected_revision = revision },
		},
	};

	return sys_bpf_link_create(&attr);
}

/* Query lo's ingress list: count, ids, revision. */
static __u32 tcx_query(__u32 *ids, __u64 *revision)
{
	union bpf_attr attr = {
		.query = {
			.target_ifindex = (__u32)lo(), .attach_type = BPF_TCX_INGRESS,
			.prog_ids = (__u64)(unsigned long)ids, .count = 8,
		},
	};

	SETUP_RET(sys_bpf_prog_query(&attr));
	*revision = attr.query.revision;
	return attr.query.count;
}

#define NEEDS_TCX(...) NEEDS(PROG_TYPE(SCHED_CLS), ATTACH(TCX_INGRESS), LINK(TCX), NETNS, \
			     ##__VA_ARGS__)

CASE("links.tcx.lo_ingress.pinned_link_lifecycle",
     NEEDS_TCX(CMD(LINK_CREATE), CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int map = counter_map(), prog, link;
	struct bpf_link_info info;

	prog = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS, .ret = TCX_PASS });
	ASSERT_FD(prog);
	link = tcx_link(prog, 0, 0, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_TCX, info.type);
	ASSERT_EQ(lo(), info.tcx.ifindex);
	ASSERT_EQ(BPF_TCX_INGRESS, info.tcx.attach_type);
	link_pin_lifecycle(link, prog, map, fire);
}

CASE("attach.tcx.lo_ingress.before_after_order_and_revision",
     NEEDS_TCX(CMD(PROG_ATTACH), CMD(PROG_QUERY), CMD(PROG_DETACH)))
{
	int a = tc_pass(), b = tc_pass(), c = tc_pass();
	__u32 ids[8];
	__u64 rev, rev2;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_EQ(0, tcx_query(ids, &rev));
	ASSERT_OK(tcx_attach(a, 0, 0, 0));
	ASSERT_OK(tcx_attach(b, BPF_F_BEFORE, 0, 0));		/* first of all */
	ASSERT_OK(tcx_attach(c, BPF_F_AFTER, b, 0));		/* right behind b */
	ASSERT_EQ(3, tcx_query(ids, &rev2));
	ASSERT_EQ(id_of(OBJ_PROG, b), ids[0]);
	ASSERT_EQ(id_of(OBJ_PROG, c), ids[1]);
	ASSERT_EQ(id_of(OBJ_PROG, a), ids[2]);
	/* Each change bumps the revision. */
	ASSERT_EQ(rev + 3, rev2);
	ASSERT_OK(prog_detach(c, lo(), BPF_TCX_INGRESS));
	ASSERT_EQ(2, tcx_query(ids, &rev));
	ASSERT_EQ(rev2 + 1, rev);
}

CASE("attach.tcx.lo_ingress.stale_revision_estale",
     NEEDS_TCX(CMD(PROG_ATTACH), CMD(PROG_QUERY), CMD(LINK_CREATE)))
{
	int a = tc_pass(), b = tc_pass();
	__u32 ids[8];
	__u64 rev;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_OK(tcx_attach(a, 0, 0, 0));
	tcx_query(ids, &rev);
	ASSERT_ERRNO(ESTALE, tcx_attach(b, 0, 0, rev + 1));
	ASSERT_ERRNO(ESTALE, tcx_link(b, 0, 0, rev + 1));
	ASSERT_FD(tcx_link(b, 0, 0, rev));
}

CASE("attach.tcx.lo_ingress.same_prog_twice_eexist", NEEDS_TCX(CMD(PROG_ATTACH)))
{
	int a = tc_pass();

	ASSERT_FD(a);
	ASSERT_OK(tcx_attach(a, 0, 0, 0));
	ASSERT_ERRNO(EEXIST, tcx_attach(a, 0, 0, 0));
}

CASE("attach.tcx.lo_ingress.relative_not_attached_enoent", NEEDS_TCX(CMD(PROG_ATTACH)))
{
	int a = tc_pass(), b = tc_pass(), c = tc_pass();

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_OK(tcx_attach(a, 0, 0, 0));
	ASSERT_ERRNO(ENOENT, tcx_attach(b, BPF_F_BEFORE, c, 0));
}
