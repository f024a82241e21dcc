// SPDX-License-Identifier: GPL-2.0
/*
 * Return values the verifier enforces at program exit (check_return_code()):
 * a value outside the hook's range is EINVAL ("At program exit the register
 * R0 has ... should have been in ...").
 *   cgroup_skb ingress, cgroup_sock, cgroup_device, cgroup_sysctl,
 *   cgroup_sockopt, sk_lookup, netfilter          0 or 1
 *   cgroup_skb egress                              0..3 (congestion
 *                                                  notification bits, 5.3)
 *   sock_addr bind                                 0..3 (5.12 bit 1:
 *                                                  bypass the port check)
 *   sock_addr recvmsg/getpeername/getsockname      1 only
 *   lsm (int hooks)                                -MAX_ERRNO..0, since the
 *                                                  verifier asks
 *                                                  bpf_lsm_get_retval_range()
 *                                                  (6.9; before, any value)
 * The range is known statically: a constant R0 is checked at load.
 */
#include "cases/progs/progs.h"
#include "harness/oracle/btf.h"

#define RETVAL_CASE(NAME, T, A, RET, ERR, ...)                                       \
	CASE("prog." NAME, NEEDS(PROG_TYPE(T), CMD(PROG_LOAD), ##__VA_ARGS__))       \
	{                                                                            \
		int fd = prog_load_trivial(BPF_PROG_TYPE_##T, A, RET);               \
		if (ERR)                                                             \
			ASSERT_ERRNO(ERR, fd);                                       \
		else                                                                 \
			ASSERT_FD(fd);                                               \
	}

RETVAL_CASE("cgroup_skb.retval.ingress_1", CGROUP_SKB, BPF_CGROUP_INET_INGRESS, 1, 0,
	    ATTACH(CGROUP_INET_INGRESS))
RETVAL_CASE("cgroup_skb.retval.ingress_2_einval", CGROUP_SKB, BPF_CGROUP_INET_INGRESS, 2,
	    EINVAL, ATTACH(CGROUP_INET_INGRESS))
RETVAL_CASE("cgroup_skb.retval.egress_3", CGROUP_SKB, BPF_CGROUP_INET_EGRESS, 3, 0,
	    ATTACH(CGROUP_INET_EGRESS))
RETVAL_CASE("cgroup_skb.retval.egress_4_einval", CGROUP_SKB, BPF_CGROUP_INET_EGRESS, 4,
	    EINVAL, ATTACH(CGROUP_INET_EGRESS))
RETVAL_CASE("cgroup_sock.retval.2_einval", CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, 2,
	    EINVAL, ATTACH(CGROUP_INET_SOCK_CREATE))
RETVAL_CASE("cgroup_sock.retval.0", CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, 0, 0,
	    ATTACH(CGROUP_INET_SOCK_CREATE))
RETVAL_CASE("cgroup_device.retval.2_einval", CGROUP_DEVICE, BPF_CGROUP_DEVICE, 2, EINVAL,
	    ATTACH(CGROUP_DEVICE))
RETVAL_CASE("cgroup_sysctl.retval.2_einval", CGROUP_SYSCTL, BPF_CGROUP_SYSCTL, 2, EINVAL,
	    ATTACH(CGROUP_SYSCTL))
RETVAL_CASE("cgroup_sockopt.retval.2_einval", CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT, 2,
	    EINVAL, ATTACH(CGROUP_SETSOCKOPT))
RETVAL_CASE("cgroup_sockopt.retval.minus1_einval", CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, -1,
	    EINVAL, ATTACH(CGROUP_GETSOCKOPT))
RETVAL_CASE("cgroup_sock_addr.retval.recvmsg_0_einval", CGROUP_SOCK_ADDR,
	    BPF_CGROUP_UDP4_RECVMSG, 0, EINVAL, ATTACH(CGROUP_UDP4_RECVMSG))
RETVAL_CASE("cgroup_sock_addr.retval.getpeername_0_einval", CGROUP_SOCK_ADDR,
	    BPF_CGROUP_INET4_GETPEERNAME, 0, EINVAL, ATTACH(CGROUP_INET4_GETPEERNAME))
RETVAL_CASE("cgroup_sock_addr.retval.connect_0", CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT,
	    0, 0, ATTACH(CGROUP_INET4_CONNECT))
RETVAL_CASE("cgroup_sock_addr.retval.connect_2_einval", CGROUP_SOCK_ADDR,
	    BPF_CGROUP_INET4_CONNECT, 2, EINVAL, ATTACH(CGROUP_INET4_CONNECT))
RETVAL_CASE("sk_lookup.retval.2_einval", SK_LOOKUP, BPF_SK_LOOKUP, 2, EINVAL,
	    ATTACH(SK_LOOKUP))
RETVAL_CASE("netfilter.retval.2_einval", NETFILTER, BPF_NETFILTER, 2, EINVAL,
	    ATTACH(NETFILTER), CONFIG(NETFILTER_BPF_LINK))
/* Types without a range accept any constant. */
RETVAL_CASE("socket_filter.retval.any", SOCKET_FILTER, 0, 12345, 0)
RETVAL_CASE("xdp.retval.any", XDP, 0, 12345, 0)

static int lsm_file_open_returning(int ret)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_LSM, .attach = BPF_LSM_MAC,
		.attach_btf_id = target_btf_id("bpf_lsm_file_open", BTF_KIND_FUNC),
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, ret),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("prog.lsm.retval.positive_einval",
     NEEDS(PROG_TYPE(LSM), ATTACH(LSM_MAC), CMD(PROG_LOAD), CONFIG(BPF_LSM),
	   BTF_FUNC("bpf_lsm_file_open"), BTF_FUNC("bpf_lsm_get_retval_range")))
{
	ASSERT_ERRNO(EINVAL, lsm_file_open_returning(1));
}

CASE("prog.lsm.retval.minus_eperm",
     NEEDS(PROG_TYPE(LSM), ATTACH(LSM_MAC), CMD(PROG_LOAD), CONFIG(BPF_LSM),
	   BTF_FUNC("bpf_lsm_file_open"), BTF_FUNC("bpf_lsm_get_retval_range")))
{
	ASSERT_FD(lsm_file_open_returning(-EPERM));
}
