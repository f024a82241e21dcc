// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_LINK_TYPE_NETNS (5.8): programs attached to a network namespace,
 * named by an fd of /proc/self/ns/net.  sk_lookup (5.9) may have several
 * links and runs on every socket lookup of the namespace (a UDP datagram
 * over loopback is looked up); the flow dissector has one program per
 * namespace, attached either by BPF_PROG_ATTACH (the caller's namespace)
 * or by a link, not both.
 */
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

static int netns_fd(void)
{
	int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);

	SETUP(fd >= 0);
	return fd;
}

static void fire(void)
{
	SETUP_RET(udp_loopback_roundtrip(AF_INET));
}

static int sk_lookup_counter(void)
{
	return counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_SK_LOOKUP, .attach = BPF_SK_LOOKUP, .ret = 1 /* SK_PASS */ });
}

#define NEEDS_SKL(...) NEEDS(PROG_TYPE(SK_LOOKUP), ATTACH(SK_LOOKUP), LINK(NETNS), \
			     CMD(LINK_CREATE), NETNS, ##__VA_ARGS__)
#define NEEDS_FD(...) NEEDS(PROG_TYPE(FLOW_DISSECTOR), ATTACH(FLOW_DISSECTOR), NETNS, \
			    ##__VA_ARGS__)

CASE("links.netns.sk_lookup.pinned_link_lifecycle",
     NEEDS_SKL(CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int map = counter_map(), prog = sk_lookup_counter(), ns = netns_fd(), link;

	ASSERT_FD(prog);
	link = link_create(prog, ns, BPF_SK_LOOKUP, 0);
	ASSERT_FD(link);
	link_pin_lifecycle(link, prog, map, fire);
}

CASE("links.netns.sk_lookup.query_lists_links_in_order",
     NEEDS_SKL(CMD(PROG_QUERY), CMD(OBJ_GET_INFO_BY_FD)))
{
	int ns = netns_fd(), p[2], l[2];
	struct bpf_link_info info;
	__u32 ids[4], cnt = 4;

	for (int i = 0; i < 2; i++) {
		p[i] = prog_load_trivial(BPF_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, 1);
		ASSERT_FD(p[i]);
		l[i] = link_create(p[i], ns, BPF_SK_LOOKUP, 0);
		ASSERT_FD(l[i]);
	}
	ASSERT_OK(prog_query(ns, BPF_SK_LOOKUP, 0, ids, &cnt, NULL));
	ASSERT_EQ(2, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, p[0]), ids[0]);
	ASSERT_EQ(id_of(OBJ_PROG, p[1]), ids[1]);
	ASSERT_OK(link_info(l[0], &info));
	ASSERT_EQ(BPF_LINK_TYPE_NETNS, info.type);
	ASSERT_EQ(BPF_SK_LOOKUP, info.netns.attach_type);
	ASSERT_NE(0, info.netns.netns_ino);
}

/* LINK_DETACH empties the namespace's list and leaves a defunct link. */
CASE("links.netns.sk_lookup.detach_then_update_enolink",
     NEEDS_SKL(CMD(LINK_DETACH), CMD(LINK_UPDATE), CMD(PROG_QUERY)))
{
	int ns = netns_fd(), a, b, link;
	__u32 cnt = 0;

	a = prog_load_trivial(BPF_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, 1);
	ASSERT_FD(a);
	b = prog_load_trivial(BPF_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, 1);
	ASSERT_FD(b);
	link = link_create(a, ns, BPF_SK_LOOKUP, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_detach(link));
	ASSERT_OK(prog_query(ns, BPF_SK_LOOKUP, 0, NULL, &cnt, NULL));
	ASSERT_EQ(0, cnt);
	ASSERT_ERRNO(ENOLINK, link_update(link, b, 0, 0));
}

CASE("attach.netns.flow_dissector.attach_query_detach",
     NEEDS_FD(CMD(PROG_ATTACH), CMD(PROG_QUERY), CMD(PROG_DETACH)))
{
	int ns = netns_fd(), prog = prog_load_trivial(BPF_PROG_TYPE_FLOW_DISSECTOR, 0, 0);
	__u32 ids[2], cnt = 2;

	ASSERT_FD(prog);
	/* PROG_ATTACH works on the caller's namespace: target_fd is 0. */
	ASSERT_OK(prog_attach(prog, 0, BPF_FLOW_DISSECTOR, 0));
	ASSERT_OK(prog_query(ns, BPF_FLOW_DISSECTOR, 0, ids, &cnt, NULL));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, prog), ids[0]);
	ASSERT_OK(prog_detach(prog, 0, BPF_FLOW_DISSECTOR));
	cnt = 2;
	ASSERT_OK(prog_query(ns, BPF_FLOW_DISSECTOR, 0, ids, &cnt, NULL));
	ASSERT_EQ(0, cnt);
}

CASE("links.netns.flow_dissector.link_excludes_prog_attach",
     NEEDS_FD(CMD(LINK_CREATE), LINK(NETNS), CMD(PROG_ATTACH), CMD(PROG_QUERY)))
{
	int ns = netns_fd(), a = prog_load_trivial(BPF_PROG_TYPE_FLOW_DISSECTOR, 0, 0),
	    b = prog_load_trivial(BPF_PROG_TYPE_FLOW_DISSECTOR, 0, 0), link;
	__u32 ids[2], cnt = 2;

	ASSERT_FD(a);
	ASSERT_FD(b);
	link = link_create(a, ns, BPF_FLOW_DISSECTOR, 0);
	ASSERT_FD(link);
	ASSERT_OK(prog_query(ns, BPF_FLOW_DISSECTOR, 0, ids, &cnt, NULL));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, a), ids[0]);
	ASSERT_ERRNO(EEXIST, prog_attach(b, 0, BPF_FLOW_DISSECTOR, 0));
	ASSERT_ERRNO(E2BIG, link_create(b, ns, BPF_FLOW_DISSECTOR, 0));
}
