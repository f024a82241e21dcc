// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_LINK_TYPE_NETKIT (6.7, CONFIG_NETKIT): programs on a netkit device's
 * primary side, an mprog list like tcx.  The device is made by the case
 * (rtnetlink, in its private namespace).  On kernels without netkit the
 * NEEDS make this a proven skip.
 */
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/netdev.h"

#define NEEDS_NK(...) NEEDS(PROG_TYPE(SCHED_CLS), ATTACH(NETKIT_PRIMARY), LINK(NETKIT), \
			    CMD(LINK_CREATE), CONFIG(NETKIT), NETNS, ##__VA_ARGS__)

CASE("links.netkit.primary.link_info_and_release",
     NEEDS_NK(CMD(OBJ_GET_INFO_BY_FD), CMD(PROG_QUERY), CMD(LINK_GET_FD_BY_ID)))
{
	int dev = (int)SETUP_RET(netdev_create("bcnk0", "netkit"));
	int prog = prog_load_trivial(BPF_PROG_TYPE_SCHED_CLS, 0, -1 /* TCX_NEXT */), link;
	struct bpf_link_info info;
	__u32 ids[2], cnt = 2, id;

	ASSERT_FD(prog);
	link = link_create(prog, dev, BPF_NETKIT_PRIMARY, 0);
	ASSERT_FD(link);
	id = id_of(OBJ_LINK, link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_NETKIT, info.type);
	ASSERT_EQ(dev, info.netkit.ifindex);
	ASSERT_EQ(BPF_NETKIT_PRIMARY, info.netkit.attach_type);
	ASSERT_OK(prog_query(dev, BPF_NETKIT_PRIMARY, 0, ids, &cnt, NULL));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, prog), ids[0]);
	close(link);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, id, OBJ_GONE_TIMEOUT_MS));
	cnt = 2;
	ASSERT_OK(prog_query(dev, BPF_NETKIT_PRIMARY, 0, ids, &cnt, NULL));
	ASSERT_EQ(0, cnt);
}

/* netkit programs go on a netkit device only: netkit_dev_fetch() answers
 * ENXIO for a device of another kind (seen on Debian's 6.12 and 7.2). */
CASE("links.netkit.primary.on_lo_enxio", NEEDS_NK())
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SCHED_CLS, 0, -1);

	ASSERT_FD(prog);
	ASSERT_ERRNO(ENXIO, link_create(prog, 1 /* lo */, BPF_NETKIT_PRIMARY, 0));
}
