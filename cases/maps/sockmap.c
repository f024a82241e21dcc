// SPDX-License-Identifier: GPL-2.0
/*
 * Socket maps with real sockets on loopback in a private netns:
 * SOCKMAP (4.14), SOCKHASH (4.18), REUSEPORT_SOCKARRAY (4.19).  Values are
 * socket fds on update; a syscall lookup gives the socket cookie when the
 * value is 8 bytes (sockmap/sockhash since 5.7, commit c1cdf65da060 "bpf:
 * sockmap: Allow lookup from syscall"; reuseport since 4.19).  A TCP socket
 * must be established or listening (EOPNOTSUPP otherwise); a fd that is
 * not a socket is ENOTSOCK.  A reuseport array wants a bound socket with
 * SO_REUSEPORT (EINVAL otherwise).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/maps/maps.h"

static __u64 cookie(int s)
{
	__u64 c = 0;
	socklen_t len = sizeof(c);

	SETUP(getsockopt(s, SOL_SOCKET, SO_COOKIE, &c, &len) == 0);
	return c;
}

CASE("map.sockmap.create.info_reports_attrs",
     NEEDS(MAP(SOCKMAP), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_SOCKMAP, .key_size = 4,
				.value_size = 8, .max_entries = 2 };

	map_create_checked(&attr, "sockmap");
}

CASE("map.sockhash.create.info_reports_attrs",
     NEEDS(MAP(SOCKHASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_SOCKHASH, .key_size = 12,
				.value_size = 4, .max_entries = 2 };

	map_create_checked(&attr, "sockhash");
}

CASE("map.reuseport_sockarray.create.info_reports_attrs",
     NEEDS(MAP(REUSEPORT_SOCKARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, .key_size = 4,
				.value_size = 8, .max_entries = 2 };

	map_create_checked(&attr, "reuseport");
}

CASE("map.sockmap.create.key_size_not_4_einval", NEEDS(MAP(SOCKMAP), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_SOCKMAP, 8, 4, 2, 0));
}

CASE("map.sockhash.create.value_size_2_einval", NEEDS(MAP(SOCKHASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_SOCKHASH, 4, 2, 2, 0));
}

CASE("map.reuseport_sockarray.create.value_size_2_einval",
     NEEDS(MAP(REUSEPORT_SOCKARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, 2, 2, 0));
}

CASE("map.sockmap.update.established_tcp_lookup_cookie",
     NEEDS(MAP(SOCKMAP), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM), NETNS))
{
	int map = map_create(BPF_MAP_TYPE_SOCKMAP, 4, 8, 2, 0);
	int s = loopback_socket(SOCK_STREAM, NULL);
	__u32 key = 1;
	__u64 val = (__u64)s, seen = 0;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(map, &key, &seen));
	ASSERT_EQ_U64(cookie(s), seen);
	ASSERT_OK(map_delete(map, &key));
	ASSERT_ERRNO(ENOENT, map_lookup(map, &key, &seen));
}

CASE("map.sockhash.update.established_tcp_lookup_cookie",
     NEEDS(MAP(SOCKHASH), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM), NETNS))
{
	int map = map_create(BPF_MAP_TYPE_SOCKHASH, 8, 8, 2, 0);
	int s = loopback_socket(SOCK_STREAM, NULL);
	__u64 key = 0xfeedULL, val = (__u64)s, seen = 0;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &val, BPF_NOEXIST));
	ASSERT_ERRNO(EEXIST, map_update(map, &key, &val, BPF_NOEXIST));
	ASSERT_OK(map_lookup(map, &key, &seen));
	ASSERT_EQ_U64(cookie(s), seen);
}

/* A TCP socket that is neither established nor listening. */
CASE("map.sockmap.update.unconnected_tcp_eopnotsupp",
     NEEDS(MAP(SOCKMAP), CMD(MAP_UPDATE_ELEM), NETNS))
{
	int map = map_create(BPF_MAP_TYPE_SOCKMAP, 4, 4, 2, 0);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	__u32 key = 0, val;

	SETUP(s >= 0);
	ASSERT_FD(map);
	val = (__u32)s;
	ASSERT_ERRNO(EOPNOTSUPP, map_update(map, &key, &val, BPF_ANY));
}

CASE("map.sockmap.update.non_socket_fd_enotsock",
     NEEDS(MAP(SOCKMAP), CMD(MAP_UPDATE_ELEM)))
{
	int map = map_create(BPF_MAP_TYPE_SOCKMAP, 4, 4, 2, 0);
	__u32 key = 0, val;

	ASSERT_FD(map);
	val = (__u32)map;
	ASSERT_ERRNO(ENOTSOCK, map_update(map, &key, &val, BPF_ANY));
}

CASE("map.reuseport_sockarray.update.bound_reuseport_udp_lookup_cookie",
     NEEDS(MAP(REUSEPORT_SOCKARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM), NETNS))
{
	struct sockaddr_in addr = { .sin_family = AF_INET,
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int map = map_create(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, 8, 2, 0);
	int s = socket(AF_INET, SOCK_DGRAM, 0), one = 1;
	__u32 key = 0;
	__u64 val, seen = 0;

	SETUP(s >= 0);
	SETUP(setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) == 0);
	SETUP(bind(s, (struct sockaddr *)&addr, sizeof(addr)) == 0);
	ASSERT_FD(map);
	val = (__u64)s;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(map, &key, &seen));
	ASSERT_EQ_U64(cookie(s), seen);
}

CASE("map.reuseport_sockarray.update.without_reuseport_einval",
     NEEDS(MAP(REUSEPORT_SOCKARRAY), CMD(MAP_UPDATE_ELEM), NETNS))
{
	int map = map_create(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, 4, 4, 2, 0);
	int s = loopback_socket(SOCK_DGRAM, NULL);
	__u32 key = 0, val;

	ASSERT_FD(map);
	val = (__u32)s;
	ASSERT_ERRNO(EINVAL, map_update(map, &key, &val, BPF_ANY));
}

/*
 * From a program, a lookup in a socket map returns a referenced socket
 * (5.8, commit 64d85290d79c "bpf: Allow bpf_map_lookup_elem for
 * SOCKMAP and SOCKHASH"), to be released with bpf_sk_release().  A tc
 * program reads the socket's family: AF_INET for the slot holding our TCP
 * socket, NULL (here 0xff) for an empty slot.
 */
static int sock_lookup_prog(__u32 key)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS,
		.insns = PROG(
			/* sk = lookup(socks, &key); if (!sk) return 0xff */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, key),
			BPF_LD_MAP_FD(BPF_REG_1, "socks"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JNE, BPF_REG_0, 0, "found"),
			BPF_MOV64_IMM(BPF_REG_0, 0xff),
			BPF_EXIT_INSN(),
			LABEL("found"),
			/* family = sk->family; sk_release(sk); return family */
			BPF_LDX_MEM(BPF_W, BPF_REG_6, BPF_REG_0, offsetof(struct bpf_sock, family)),
			BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
			BPF_CALL_HELPER(sk_release),
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_6),
			BPF_EXIT_INSN(),
		),
	});
}

static void check_prog_lookup(enum bpf_map_type type)
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("socks", map_create(type, 4, 4, 2, 0)), hit, miss;
	int s = loopback_socket(SOCK_STREAM, NULL);
	__u32 key = 0, val = (__u32)s;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	hit = sock_lookup_prog(0);
	ASSERT_FD(hit);
	ASSERT_OK(prog_test_run(hit, &run));
	ASSERT_EQ(AF_INET, run.retval);
	miss = sock_lookup_prog(1);
	ASSERT_FD(miss);
	ASSERT_OK(prog_test_run(miss, &run));
	ASSERT_EQ(0xff, run.retval);
}

CASE("map.sockmap.prog.lookup_returns_socket",
     NEEDS(MAP(SOCKMAP), PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN), HELPER(map_lookup_elem),
	   HELPER(sk_release), NETNS))
{
	check_prog_lookup(BPF_MAP_TYPE_SOCKMAP);
}

CASE("map.sockhash.prog.lookup_returns_socket",
     NEEDS(MAP(SOCKHASH), PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN), HELPER(map_lookup_elem),
	   HELPER(sk_release), NETNS))
{
	check_prog_lookup(BPF_MAP_TYPE_SOCKHASH);
}
