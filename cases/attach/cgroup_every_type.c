// SPDX-License-Identifier: GPL-2.0
/*
 * Every cgroup attach type of enum bpf_attach_type, from one table: for
 * each, BPF_PROG_ATTACH/QUERY/DETACH, the attach lifecycle (the cgroup's
 * reference keeps a closed program alive and running until it is
 * detached), and the link lifecycle (BPF_LINK_CREATE holds the program, a
 * pin holds the link, unpinning frees both and the hook stops running it).
 *
 * "Running" is observed: each hook is fired by the case's own process,
 * moved into the case's cgroup, and the program counts its runs in a map.
 *
 * Kernel history: cgroup links (BPF_LINK_TYPE_CGROUP) came in 5.7, so all
 * of 5.10's types have them; SOCK_RELEASE 5.9, GETPEERNAME/GETSOCKNAME 5.8,
 * LSM_CGROUP 6.0, the UNIX_* hooks 6.7.  Each row's NEEDS names its attach
 * and program type, so a kernel without one skips with the BTF's proof.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

/* ---- triggers: each fires its hook once or more, in the case's cgroup -- */

static void loopback(int family, struct sockaddr_storage *ss, socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;

		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
		*len = sizeof(*a);
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;

		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		*len = sizeof(*a);
	}
}

/* A UDP socket bound to the loopback address (an ephemeral port). */
static int udp_bound(int family, struct sockaddr_storage *ss, socklen_t *len)
{
	int s = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	SETUP(s >= 0);
	loopback(family, ss, len);
	SETUP(bind(s, (struct sockaddr *)ss, *len) == 0);
	SETUP(getsockname(s, (struct sockaddr *)ss, len) == 0);
	return s;
}

static void fire_udp4(void) { SETUP_RET(udp_loopback_roundtrip(AF_INET)); }
static void fire_udp6(void) { SETUP_RET(udp_loopback_roundtrip(AF_INET6)); }

static void fire_sock_create(void)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	SETUP(s >= 0);
	close(s);
}

static void fire_bind(int family)
{
	struct sockaddr_storage ss;
	socklen_t len;

	close(udp_bound(family, &ss, &len));
}
static void fire_bind4(void) { fire_bind(AF_INET); }
static void fire_bind6(void) { fire_bind(AF_INET6); }

/* connect() a UDP socket to the loopback; then getpeername/getsockname. */
static int udp_connected(int family)
{
	struct sockaddr_storage ss, peer;
	socklen_t len, plen;
	int srv = udp_bound(family, &ss, &len), s;

	s = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	SETUP(s >= 0);
	SETUP(connect(s, (struct sockaddr *)&ss, len) == 0);
	plen = sizeof(peer);
	SETUP(getpeername(s, (struct sockaddr *)&peer, &plen) == 0);
	plen = sizeof(peer);
	SETUP(getsockname(s, (struct sockaddr *)&peer, &plen) == 0);
	close(srv);
	return s;
}
static void fire_connect4(void) { close(udp_connected(AF_INET)); }
static void fire_connect6(void) { close(udp_connected(AF_INET6)); }

/* A TCP connection over loopback: SOCK_OPS sees TCP_CONNECT_CB and more. */
static void fire_tcp4(void)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), c, a;

	SETUP(l >= 0);
	loopback(AF_INET, &ss, &len);
	SETUP(bind(l, (struct sockaddr *)&ss, len) == 0);
	SETUP(getsockname(l, (struct sockaddr *)&ss, &len) == 0);
	SETUP(listen(l, 1) == 0);
	c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	SETUP(c >= 0);
	SETUP(connect(c, (struct sockaddr *)&ss, len) == 0);
	a = accept(l, NULL, NULL);
	SETUP(a >= 0);
	close(a);
	close(c);
	close(l);
}

static void fire_device(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	SETUP(fd >= 0);
	close(fd);
}

static void fire_sysctl(void)
{
	char buf[64];
	int fd = open("/proc/sys/kernel/ostype", O_RDONLY | O_CLOEXEC);

	SETUP(fd >= 0);
	SETUP(read(fd, buf, sizeof(buf)) > 0);
	close(fd);
}

static void fire_sockopt(void)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), one = 1, type = 0;
	socklen_t len = sizeof(type);

	SETUP(s >= 0);
	SETUP(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == 0);
	SETUP(getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len) == 0);
	close(s);
}

/* AF_UNIX datagram sockets on abstract addresses: a server bound to a
 * name; a client that sends to it by address, connects, and asks for
 * both names; the server receives with the sender's address. */
static void fire_unix(void)
{
	struct sockaddr_un srv = { .sun_family = AF_UNIX }, cli = { .sun_family = AF_UNIX },
		from;
	socklen_t slen, clen, flen = sizeof(from);
	char buf[8] = "bpf";
	int s, c;

	snprintf(srv.sun_path + 1, sizeof(srv.sun_path) - 1, "bpfconform-%d-s", (int)getpid());
	snprintf(cli.sun_path + 1, sizeof(cli.sun_path) - 1, "bpfconform-%d-c", (int)getpid());
	slen = offsetof(struct sockaddr_un, sun_path) + 1 + strlen(srv.sun_path + 1);
	clen = offsetof(struct sockaddr_un, sun_path) + 1 + strlen(cli.sun_path + 1);
	s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	c = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	SETUP(s >= 0 && c >= 0);
	SETUP(bind(s, (struct sockaddr *)&srv, slen) == 0);
	SETUP(bind(c, (struct sockaddr *)&cli, clen) == 0);
	SETUP(sendto(c, buf, sizeof(buf), 0, (struct sockaddr *)&srv, slen) == sizeof(buf));
	SETUP(recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen) == sizeof(buf));
	SETUP(connect(c, (struct sockaddr *)&srv, slen) == 0);
	flen = sizeof(from);
	SETUP(getpeername(c, (struct sockaddr *)&from, &flen) == 0);
	flen = sizeof(from);
	SETUP(getsockname(c, (struct sockaddr *)&from, &flen) == 0);
	close(c);
	close(s);
}

/* ---- the table ------------------------------------------------------ */

struct cg_hook {
	const char *name;		/* for the case names */
	struct need attach, prog;	/* ATTACH(...), PROG_TYPE(...) */
	int ret;			/* what "allow" is for this hook */
	void (*fire)(void);
	const char *lsm_hook;		/* LSM_CGROUP: the bpf_lsm_* function */
	int line;			/* the row, for the cases' file:line */
};

#define HOOK(N, A, P, R, F) { N, ATTACH(A), PROG_TYPE(P), R, F, NULL, __LINE__ }

static const struct cg_hook hooks[] = {
	HOOK("inet_ingress", CGROUP_INET_INGRESS, CGROUP_SKB, 1, fire_udp4),
	HOOK("inet_egress", CGROUP_INET_EGRESS, CGROUP_SKB, 1, fire_udp4),
	HOOK("inet_sock_create", CGROUP_INET_SOCK_CREATE, CGROUP_SOCK, 1, fire_sock_create),
	HOOK("inet_sock_release", CGROUP_INET_SOCK_RELEASE, CGROUP_SOCK, 1, fire_sock_create),
	HOOK("inet4_post_bind", CGROUP_INET4_POST_BIND, CGROUP_SOCK, 1, fire_bind4),
	HOOK("inet6_post_bind", CGROUP_INET6_POST_BIND, CGROUP_SOCK, 1, fire_bind6),
	HOOK("sock_ops", CGROUP_SOCK_OPS, SOCK_OPS, 1, fire_tcp4),
	HOOK("device", CGROUP_DEVICE, CGROUP_DEVICE, 1, fire_device),
	HOOK("inet4_bind", CGROUP_INET4_BIND, CGROUP_SOCK_ADDR, 1, fire_bind4),
	HOOK("inet6_bind", CGROUP_INET6_BIND, CGROUP_SOCK_ADDR, 1, fire_bind6),
	HOOK("inet4_connect", CGROUP_INET4_CONNECT, CGROUP_SOCK_ADDR, 1, fire_connect4),
	HOOK("inet6_connect", CGROUP_INET6_CONNECT, CGROUP_SOCK_ADDR, 1, fire_connect6),
	HOOK("udp4_sendmsg", CGROUP_UDP4_SENDMSG, CGROUP_SOCK_ADDR, 1, fire_udp4),
	HOOK("udp6_sendmsg", CGROUP_UDP6_SENDMSG, CGROUP_SOCK_ADDR, 1, fire_udp6),
	HOOK("udp4_recvmsg", CGROUP_UDP4_RECVMSG, CGROUP_SOCK_ADDR, 1, fire_udp4),
	HOOK("udp6_recvmsg", CGROUP_UDP6_RECVMSG, CGROUP_SOCK_ADDR, 1, fire_udp6),
	HOOK("inet4_getpeername", CGROUP_INET4_GETPEERNAME, CGROUP_SOCK_ADDR, 1, fire_connect4),
	HOOK("inet6_getpeername", CGROUP_INET6_GETPEERNAME, CGROUP_SOCK_ADDR, 1, fire_connect6),
	HOOK("inet4_getsockname", CGROUP_INET4_GETSOCKNAME, CGROUP_SOCK_ADDR, 1, fire_connect4),
	HOOK("inet6_getsockname", CGROUP_INET6_GETSOCKNAME, CGROUP_SOCK_ADDR, 1, fire_connect6),
	HOOK("unix_connect", CGROUP_UNIX_CONNECT, CGROUP_SOCK_ADDR, 1, fire_unix),
	HOOK("unix_sendmsg", CGROUP_UNIX_SENDMSG, CGROUP_SOCK_ADDR, 1, fire_unix),
	HOOK("unix_recvmsg", CGROUP_UNIX_RECVMSG, CGROUP_SOCK_ADDR, 1, fire_unix),
	HOOK("unix_getpeername", CGROUP_UNIX_GETPEERNAME, CGROUP_SOCK_ADDR, 1, fire_unix),
	HOOK("unix_getsockname", CGROUP_UNIX_GETSOCKNAME, CGROUP_SOCK_ADDR, 1, fire_unix),
	HOOK("sysctl", CGROUP_SYSCTL, CGROUP_SYSCTL, 1, fire_sysctl),
	HOOK("getsockopt", CGROUP_GETSOCKOPT, CGROUP_SOCKOPT, 1, fire_sockopt),
	HOOK("setsockopt", CGROUP_SETSOCKOPT, CGROUP_SOCKOPT, 1, fire_sockopt),
	/* A BPF LSM program per cgroup, on the socket_create hook. */
	{ "lsm_socket_create", ATTACH(LSM_CGROUP), PROG_TYPE(LSM), 1, fire_sock_create,
	  "bpf_lsm_socket_create", __LINE__ },
};

static int load_hook_prog(const struct cg_hook *h)
{
	struct counter_spec spec = {
		.type = (enum bpf_prog_type)h->prog.value,
		.attach = (enum bpf_attach_type)h->attach.value, .ret = h->ret,
	};

	if (h->lsm_hook)
		spec.attach_btf_id = (__u32)SETUP_RET(oracle_btf_id(h->lsm_hook, BTF_KIND_FUNC));
	return counter_prog(&spec);
}

/* Attach with flags 0, QUERY shows exactly it, DETACH empties the list. */
static void attach_query_detach(const void *arg)
{
	const struct cg_hook *h = arg;
	enum bpf_attach_type type = (enum bpf_attach_type)h->attach.value;
	int cg = case_cgroup_fd(), prog;
	__u32 ids[4], cnt = 4, flags = ~0U;

	counter_map();
	prog = load_hook_prog(h);
	ASSERT_FD(prog);
	ASSERT_OK(prog_attach(prog, cg, type, 0));
	ASSERT_OK(prog_query(cg, type, 0, ids, &cnt, &flags));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(id_of(OBJ_PROG, prog), ids[0]);
	ASSERT_EQ(0, flags);
	ASSERT_OK(prog_detach(prog, cg, type));
	cnt = 4;
	ASSERT_OK(prog_query(cg, type, 0, ids, &cnt, &flags));
	ASSERT_EQ(0, cnt);
	/* Nothing attached any more: a second detach finds nothing. */
	ASSERT_ERRNO(ENOENT, prog_detach(prog, cg, type));
}

/* attach -> close the fd -> alive and running -> detach -> gone, silent. */
static void attached_lifecycle(const void *arg)
{
	const struct cg_hook *h = arg;
	enum bpf_attach_type type = (enum bpf_attach_type)h->attach.value;
	int cg = case_cgroup_fd(), map = counter_map(), prog, again;
	__u64 before;
	__u32 id;

	prog = load_hook_prog(h);
	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	ASSERT_OK(prog_attach(prog, cg, type, 0));
	close(prog);
	join_case_cgroup();
	/* The cgroup's reference is the only one now. */
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	h->fire();
	ASSERT_LE(1, counter_wait(map, 1));
	/* Detach by an fd found through the ID. */
	again = obj_fd_by_id(OBJ_PROG, id);
	ASSERT_FD(again);
	ASSERT_OK(prog_detach(again, cg, type));
	close(again);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
	before = counter_read(map);
	h->fire();
	ASSERT_EQ(before, counter_read(map));
}

/* link -> close prog fd -> alive, running; pin the link, close its fd ->
 * alive; unpin -> link and program gone, the hook no longer runs it. */
static void link_lifecycle(const void *arg)
{
	const struct cg_hook *h = arg;
	enum bpf_attach_type type = (enum bpf_attach_type)h->attach.value;
	int cg = case_cgroup_fd(), map = counter_map(), prog, link;
	struct bpf_link_info info;
	__u32 prog_id, link_id;
	__u64 seen;

	prog = load_hook_prog(h);
	ASSERT_FD(prog);
	prog_id = id_of(OBJ_PROG, prog);
	link = link_create(prog, cg, type, 0);
	ASSERT_FD(link);
	link_id = id_of(OBJ_LINK, link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_CGROUP, info.type);
	ASSERT_EQ(prog_id, info.prog_id);
	ASSERT_EQ(type, info.cgroup.attach_type);
	close(prog);
	join_case_cgroup();
	ASSERT_EQ(1, obj_alive(OBJ_PROG, prog_id));
	h->fire();
	seen = counter_wait(map, 1);
	ASSERT_LE(1, seen);
	ASSERT_OK(obj_pin(link, bpffs_path("link")));
	close(link);
	ASSERT_EQ(1, obj_alive(OBJ_LINK, link_id));
	h->fire();
	ASSERT_LT(seen, counter_wait(map, seen + 1));
	SETUP(unlink(bpffs_path("link")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
	seen = counter_read(map);
	h->fire();
	ASSERT_EQ(seen, counter_read(map));
}

static struct need *needs_for(const struct cg_hook *h, const struct need *extra, int nextra)
{
	struct need *n = calloc((size_t)nextra + 6, sizeof(*n));
	int i = 0;

	n[i++] = h->attach;
	n[i++] = h->prog;
	if (h->lsm_hook)
		n[i++] = (struct need)BTF_FUNC(h->lsm_hook);
	for (int j = 0; j < nextra; j++)
		n[i++] = extra[j];
	return n;
}

static void add(const char *fmt, const struct cg_hook *h, void (*fn)(const void *),
		const struct need *extra, int nextra)
{
	struct bc_case *c = calloc(1, sizeof(*c));

	c->name = case_strdup(fmt, h->name);
	c->fn = fn;
	c->arg = h;
	c->needs = needs_for(h, extra, nextra);
	c->file = __FILE__;
	c->line = h->line;
	case_add(c);
}

static void generate(void)
{
	static const struct need attach_needs[] = {
		CMD(PROG_ATTACH), CMD(PROG_DETACH), CMD(PROG_QUERY), CGROUP, NETNS,
	};
	static const struct need life_needs[] = {
		CMD(PROG_ATTACH), CMD(PROG_DETACH), CMD(PROG_GET_FD_BY_ID), MAP(ARRAY),
		HELPER(map_lookup_elem), CGROUP, NETNS,
	};
	static const struct need link_needs[] = {
		CMD(LINK_CREATE), LINK(CGROUP), CMD(OBJ_PIN), CMD(LINK_GET_FD_BY_ID),
		CMD(OBJ_GET_INFO_BY_FD), MAP(ARRAY), HELPER(map_lookup_elem), BPFFS,
		CGROUP, NETNS,
	};
#define N(a) (int)(sizeof(a) / sizeof(a[0]))
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		add("attach.cgroup.%s.attach_query_detach", &hooks[i], attach_query_detach,
		    attach_needs, N(attach_needs));
		add("lifecycle.cgroup.%s.attached_runs_until_detach", &hooks[i],
		    attached_lifecycle, life_needs, N(life_needs));
		add("links.cgroup.%s.pinned_link_lifecycle", &hooks[i], link_lifecycle,
		    link_needs, N(link_needs));
	}
#undef N
}
CASE_GENERATOR(generate)
