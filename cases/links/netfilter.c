// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_LINK_TYPE_NETFILTER (6.4): a BPF_PROG_TYPE_NETFILTER program as a
 * netfilter hook of the caller's network namespace, created by
 * BPF_LINK_CREATE with target_fd 0 and (pf, hooknum, priority).  A UDP
 * datagram over loopback passes NF_INET_LOCAL_IN.  net/netfilter/
 * nf_bpf_link.c: unknown families EAFNOSUPPORT, hooks beyond the family's
 * EPROTO, the reserved first/last priorities ERANGE, no program updates
 * (EOPNOTSUPP).
 */
#include <limits.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "cases/lifecycle/hooks.h"

/* From the kernel's uapi <linux/netfilter.h>, which clashes with libc's
 * <netinet/in.h>. */
#define NFPROTO_IPV4 2
#define NFPROTO_ARP 3
#define NF_INET_LOCAL_IN 1
#define NF_INET_NUMHOOKS 5
#define NF_ACCEPT 1

static int nf_link(int prog, __u32 pf, __u32 hook, __s32 priority)
{
	union bpf_attr attr = {
		.link_create = {
			.prog_fd = (__u32)prog, .attach_type = BPF_NETFILTER,
			.netfilter = { .pf = pf, .hooknum = hook, .priority = priority },
		},
	};

	return sys_bpf_link_create(&attr);
}

static void fire(void)
{
	SETUP_RET(udp_loopback_roundtrip(AF_INET));
}

static int nf_accept(void)
{
	return prog_load_trivial(BPF_PROG_TYPE_NETFILTER, BPF_NETFILTER, NF_ACCEPT);
}

#define NEEDS_NF(...) NEEDS(PROG_TYPE(NETFILTER), ATTACH(NETFILTER), LINK(NETFILTER), \
			    CMD(LINK_CREATE), NETNS, ##__VA_ARGS__)

CASE("links.netfilter.local_in.pinned_link_lifecycle",
     NEEDS_NF(CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int map = counter_map(), prog, link;

	prog = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_NETFILTER, .attach = BPF_NETFILTER, .ret = NF_ACCEPT });
	ASSERT_FD(prog);
	link = nf_link(prog, NFPROTO_IPV4, NF_INET_LOCAL_IN, 100);
	ASSERT_FD(link);
	link_pin_lifecycle(link, prog, map, fire);
}

CASE("links.netfilter.local_in.info", NEEDS_NF(CMD(OBJ_GET_INFO_BY_FD)))
{
	int prog = nf_accept(), link;
	struct bpf_link_info info;

	ASSERT_FD(prog);
	link = nf_link(prog, NFPROTO_IPV4, NF_INET_LOCAL_IN, -5);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_NETFILTER, info.type);
	ASSERT_EQ(NFPROTO_IPV4, info.netfilter.pf);
	ASSERT_EQ(NF_INET_LOCAL_IN, info.netfilter.hooknum);
	ASSERT_EQ(-5, info.netfilter.priority);
}

CASE("links.netfilter.bad_family_eafnosupport", NEEDS_NF())
{
	int prog = nf_accept();

	ASSERT_FD(prog);
	ASSERT_ERRNO(EAFNOSUPPORT, nf_link(prog, NFPROTO_ARP, 0, 100));
}

CASE("links.netfilter.bad_hook_eproto", NEEDS_NF())
{
	int prog = nf_accept();

	ASSERT_FD(prog);
	ASSERT_ERRNO(EPROTO, nf_link(prog, NFPROTO_IPV4, NF_INET_NUMHOOKS, 100));
}

CASE("links.netfilter.reserved_priority_erange", NEEDS_NF())
{
	int prog = nf_accept();

	ASSERT_FD(prog);
	ASSERT_ERRNO(ERANGE, nf_link(prog, NFPROTO_IPV4, NF_INET_LOCAL_IN, INT_MIN));
	ASSERT_ERRNO(ERANGE, nf_link(prog, NFPROTO_IPV4, NF_INET_LOCAL_IN, INT_MAX));
}

CASE("links.netfilter.update_eopnotsupp", NEEDS_NF(CMD(LINK_UPDATE)))
{
	int a = nf_accept(), b = nf_accept(), link;

	ASSERT_FD(a);
	ASSERT_FD(b);
	link = nf_link(a, NFPROTO_IPV4, NF_INET_LOCAL_IN, 100);
	ASSERT_FD(link);
	ASSERT_ERRNO(EOPNOTSUPP, link_update(link, b, 0, 0));
}
