// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_LINK_TYPE_XDP on the loopback device of a private network namespace
 * (generic XDP: lo has no driver hook).  The program counts the packets it
 * sees; a UDP datagram over 127.0.0.1 passes lo's receive path.
 *
 * History: XDP links came in 5.9 (BPF_LINK_TYPE_XDP); one XDP program per
 * device and mode, a second link is EBUSY; LINK_UPDATE swaps the program
 * (BPF_F_REPLACE checks the old one: EPERM on a mismatch); LINK_DETACH
 * (5.9) leaves a defunct link that updates refuse with ENOLINK, as does
 * deleting the device under it.  On a veth (made by the case through
 * rtnetlink) a driver-mode program excludes a generic one (EEXIST,
 * net/core/dev.c dev_xdp_attach: the two cannot be active together).
 */
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/netdev.h"

static void fire(void)
{
	SETUP_RET(udp_loopback_roundtrip(AF_INET));
}

static int lo_index(void)
{
	int idx = (int)if_nametoindex("lo");

	SETUP(idx > 0);
	return idx;
}

static int xdp_counter(void)
{
	return counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_XDP, .attach = BPF_XDP, .ret = XDP_PASS });
}

static int xdp_pass(void)
{
	return prog_load_trivial(BPF_PROG_TYPE_XDP, BPF_XDP, XDP_PASS);
}

#define NEEDS_XDP(...) NEEDS(PROG_TYPE(XDP), ATTACH(XDP), LINK(XDP), CMD(LINK_CREATE), \
			     NETNS, ##__VA_ARGS__)

CASE("links.xdp.lo.pinned_link_lifecycle",
     NEEDS_XDP(CMD(OBJ_PIN), CMD(LINK_GET_FD_BY_ID), MAP(ARRAY), BPFFS))
{
	int map = counter_map(), prog = xdp_counter(), link;

	ASSERT_FD(prog);
	link = link_create(prog, lo_index(), BPF_XDP, 0);
	ASSERT_FD(link);
	link_pin_lifecycle(link, prog, map, fire);
}

CASE("links.xdp.lo.info", NEEDS_XDP(CMD(OBJ_GET_INFO_BY_FD)))
{
	int prog = xdp_pass(), link;
	struct bpf_link_info info;

	ASSERT_FD(prog);
	link = link_create(prog, lo_index(), BPF_XDP, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_XDP, info.type);
	ASSERT_EQ(id_of(OBJ_LINK, link), info.id);
	ASSERT_EQ(id_of(OBJ_PROG, prog), info.prog_id);
	ASSERT_EQ(lo_index(), info.xdp.ifindex);
}

CASE("links.xdp.lo.second_link_ebusy", NEEDS_XDP())
{
	int a = xdp_pass(), b = xdp_pass();

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(link_create(a, lo_index(), BPF_XDP, 0));
	ASSERT_ERRNO(EBUSY, link_create(b, lo_index(), BPF_XDP, 0));
}

CASE("links.xdp.lo.update_swaps_program", NEEDS_XDP(CMD(LINK_UPDATE), MAP(ARRAY)))
{
	int map = counter_map(), pass = xdp_pass(), counting = xdp_counter(), link;
	struct bpf_link_info info;

	ASSERT_FD(pass);
	ASSERT_FD(counting);
	link = link_create(pass, lo_index(), BPF_XDP, 0);
	ASSERT_FD(link);
	fire();
	ASSERT_EQ(0, counter_read(map));
	ASSERT_OK(link_update(link, counting, 0, 0));
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(id_of(OBJ_PROG, counting), info.prog_id);
	fire();
	ASSERT_LE(1, counter_wait(map, 1));
}

CASE("links.xdp.lo.update_replace_wrong_old_eperm", NEEDS_XDP(CMD(LINK_UPDATE)))
{
	int a = xdp_pass(), b = xdp_pass(), c = xdp_pass(), link;

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	link = link_create(a, lo_index(), BPF_XDP, 0);
	ASSERT_FD(link);
	ASSERT_ERRNO(EPERM, link_update(link, c, BPF_F_REPLACE, b));
	ASSERT_OK(link_update(link, c, BPF_F_REPLACE, a));
}

/* A new program of another type cannot take the place of an XDP one. */
CASE("links.xdp.lo.update_other_type_einval",
     NEEDS_XDP(CMD(LINK_UPDATE), PROG_TYPE(SOCKET_FILTER)))
{
	int a = xdp_pass(), s = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0), link;

	ASSERT_FD(a);
	ASSERT_FD(s);
	link = link_create(a, lo_index(), BPF_XDP, 0);
	ASSERT_FD(link);
	ASSERT_ERRNO(EINVAL, link_update(link, s, 0, 0));
}

CASE("links.xdp.lo.detach_leaves_defunct_link",
     NEEDS_XDP(CMD(LINK_DETACH), CMD(LINK_UPDATE), CMD(OBJ_GET_INFO_BY_FD), MAP(ARRAY)))
{
	int map = counter_map(), prog = xdp_counter(), other = xdp_pass(), link;
	struct bpf_link_info info;
	__u64 seen;

	ASSERT_FD(prog);
	ASSERT_FD(other);
	link = link_create(prog, lo_index(), BPF_XDP, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_detach(link));
	/* The link object lives on while its fd is open, attached nowhere. */
	ASSERT_EQ(1, obj_alive(OBJ_LINK, id_of(OBJ_LINK, link)));
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(0, info.xdp.ifindex);
	seen = counter_read(map);
	fire();
	ASSERT_EQ(seen, counter_read(map));
	ASSERT_ERRNO(ENOLINK, link_update(link, other, 0, 0));
	/* The device is free again. */
	ASSERT_FD(link_create(other, lo_index(), BPF_XDP, 0));
}

/* ---- on a veth: native (driver) mode, and the device going away -------- */

#define XDP_FLAGS_SKB_MODE (1U << 1)
#define XDP_FLAGS_DRV_MODE (1U << 2)

/* Native and generic XDP cannot be active together (EEXIST); a second
 * link in the same mode is EBUSY. */
CASE("links.xdp.veth.drv_excludes_skb_mode_eexist",
     NEEDS_XDP(CMD(OBJ_GET_INFO_BY_FD), CONFIG(VETH)))
{
	int dev = (int)SETUP_RET(netdev_create("bcveth0", "veth"));
	int a = xdp_pass(), b = xdp_pass(), c = xdp_pass();

	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(c);
	ASSERT_FD(link_create(a, dev, BPF_XDP, XDP_FLAGS_DRV_MODE));
	ASSERT_ERRNO(EEXIST, link_create(b, dev, BPF_XDP, XDP_FLAGS_SKB_MODE));
	ASSERT_ERRNO(EBUSY, link_create(c, dev, BPF_XDP, XDP_FLAGS_DRV_MODE));
}

/* The device is deleted under the link: the link stays, defunct
 * (ifindex 0), and still holds its program until its fd closes. */
CASE("links.xdp.veth.device_deleted_link_defunct",
     NEEDS_XDP(CMD(OBJ_GET_INFO_BY_FD), CMD(LINK_UPDATE), CMD(PROG_GET_FD_BY_ID),
	       CONFIG(VETH)))
{
	int dev = (int)SETUP_RET(netdev_create("bcveth0", "veth"));
	int prog = xdp_pass(), other = xdp_pass(), link;
	struct bpf_link_info info;
	__u32 prog_id;

	ASSERT_FD(prog);
	ASSERT_FD(other);
	prog_id = id_of(OBJ_PROG, prog);
	link = link_create(prog, dev, BPF_XDP, XDP_FLAGS_DRV_MODE);
	ASSERT_FD(link);
	close(prog);
	SETUP_RET(netdev_delete("bcveth0"));
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(0, info.xdp.ifindex);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, prog_id));
	ASSERT_ERRNO(ENOLINK, link_update(link, other, 0, 0));
	close(link);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
}
