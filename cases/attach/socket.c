// SPDX-License-Identifier: GPL-2.0
/*
 * SO_ATTACH_BPF / SO_DETACH_BPF (3.19): a socket filter program on a
 * socket, holding the program while attached.  The program counts the
 * datagrams the socket receives and keeps them whole (returns ~0: "keep
 * everything").  net/core/filter.c: a program of another type is EINVAL,
 * detaching with nothing attached ENOENT.  Also SO_ATTACH_REUSEPORT_EBPF
 * for an SK_REUSEPORT program on a reuseport group.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

#ifndef SO_ATTACH_BPF
#define SO_ATTACH_BPF 50
#endif
#ifndef SO_DETACH_BPF
#define SO_DETACH_BPF 27	/* SO_DETACH_FILTER */
#endif

/* A bound UDP socket and its address. */
static int udp_socket(struct sockaddr_in *a)
{
	socklen_t len = sizeof(*a);
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	SETUP(s >= 0);
	*a = (struct sockaddr_in){ .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	SETUP(bind(s, (struct sockaddr *)a, len) == 0);
	SETUP(getsockname(s, (struct sockaddr *)a, &len) == 0);
	return s;
}

/* Send one datagram to 'a' and receive it on 's'. */
static void deliver(int s, const struct sockaddr_in *a)
{
	struct timeval tv = { 1, 0 };
	char buf[8] = "bpf";
	int c = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	SETUP(c >= 0);
	SETUP(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0);
	SETUP(sendto(c, buf, sizeof(buf), 0, (const struct sockaddr *)a, sizeof(*a)) == sizeof(buf));
	SETUP(recv(s, buf, sizeof(buf), 0) == sizeof(buf));
	close(c);
}

static int attach(int s, int prog)
{
	return setsockopt(s, SOL_SOCKET, SO_ATTACH_BPF, &prog, sizeof(prog)) ? -errno : 0;
}

static int detach(int s)
{
	int zero = 0;

	return setsockopt(s, SOL_SOCKET, SO_DETACH_BPF, &zero, sizeof(zero)) ? -errno : 0;
}

CASE("attach.socket.so_attach_bpf.holds_and_runs_until_detach",
     NEEDS(PROG_TYPE(SOCKET_FILTER), MAP(ARRAY), HELPER(map_lookup_elem),
	   CMD(PROG_GET_FD_BY_ID), NETNS))
{
	int map = counter_map(), prog, s;
	struct sockaddr_in a;
	__u64 seen;
	__u32 id;

	prog = counter_prog(&(struct counter_spec){ .type = BPF_PROG_TYPE_SOCKET_FILTER,
						    .ret = -1 /* keep the whole packet */ });
	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	s = udp_socket(&a);
	ASSERT_OK(attach(s, prog));
	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	deliver(s, &a);
	ASSERT_EQ(1, counter_read(map));
	ASSERT_OK(detach(s));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
	seen = counter_read(map);
	deliver(s, &a);
	ASSERT_EQ(seen, counter_read(map));
}

CASE("attach.socket.so_attach_bpf.socket_close_frees",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_GET_FD_BY_ID), NETNS))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, -1), s;
	struct sockaddr_in a;
	__u32 id;

	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	s = udp_socket(&a);
	ASSERT_OK(attach(s, prog));
	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	close(s);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
}

CASE("attach.socket.so_attach_bpf.wrong_prog_type_einval",
     NEEDS(PROG_TYPE(XDP), NETNS))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_XDP, BPF_XDP, XDP_PASS), s;
	struct sockaddr_in a;

	ASSERT_FD(prog);
	s = udp_socket(&a);
	ASSERT_ERRNO(EINVAL, attach(s, prog));
}

CASE("attach.socket.so_detach_bpf.nothing_attached_enoent", NEEDS(NETNS))
{
	struct sockaddr_in a;
	int s = udp_socket(&a);

	ASSERT_ERRNO(ENOENT, detach(s));
}

#ifndef SO_ATTACH_REUSEPORT_EBPF
#define SO_ATTACH_REUSEPORT_EBPF 52
#endif

/* SO_ATTACH_REUSEPORT_EBPF (4.6 for socket filters, SK_REUSEPORT programs
 * 4.19): the reuseport group holds the program, which runs to pick the
 * receiving socket; returning SK_PASS without a selection leaves the
 * choice to the kernel's hash. */
CASE("attach.socket.so_attach_reuseport_ebpf.group_holds_and_runs",
     NEEDS(PROG_TYPE(SK_REUSEPORT), ATTACH(SK_REUSEPORT_SELECT), MAP(ARRAY),
	   CMD(PROG_GET_FD_BY_ID), NETNS))
{
	int map = counter_map(), prog, s[2], one = 1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	char buf[8] = "bpf";
	__u32 id;

	prog = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_SK_REUSEPORT, .attach = BPF_SK_REUSEPORT_SELECT,
		.ret = 1 /* SK_PASS */ });
	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	for (int i = 0; i < 2; i++) {
		s[i] = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		SETUP(s[i] >= 0);
		SETUP(setsockopt(s[i], SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) == 0);
		SETUP(bind(s[i], (struct sockaddr *)&a, len) == 0);
		SETUP(getsockname(s[i], (struct sockaddr *)&a, &len) == 0);
	}
	ASSERT_EQ(0, setsockopt(s[0], SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &prog, sizeof(prog)));
	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	{
		int c = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

		SETUP(c >= 0);
		SETUP(sendto(c, buf, sizeof(buf), 0, (struct sockaddr *)&a, len) == sizeof(buf));
		close(c);
	}
	ASSERT_LE(1, counter_wait(map, 1));
	close(s[0]);
	close(s[1]);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
}
