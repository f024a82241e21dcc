// SPDX-License-Identifier: GPL-2.0
/*
 * Programs on a sockmap: BPF_PROG_ATTACH with the map as target (4.17)
 * and BPF_LINK_TYPE_SOCKMAP links (6.10), for the stream verdict hook.
 * The verdict program runs on data a socket in the map receives: a TCP
 * connection over loopback, the accepted end put in the map, bytes sent
 * by the other end.  A link holds its program and its map; one program
 * per hook (a second link, or PROG_ATTACH over a link: EBUSY).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

#define VERDICT BPF_SK_SKB_STREAM_VERDICT
#define SK_PASS 1

static int sockmap(void)
{
	return map_create(BPF_MAP_TYPE_SOCKMAP, 4, 4, 1, 0);
}

static int verdict_counter(void)
{
	return counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_SK_SKB, .attach = VERDICT, .ret = SK_PASS });
}

static int sockmap_link(int prog, int map)
{
	return link_create(prog, map, VERDICT, 0);
}

/* A TCP pair over loopback; the accepted end goes into 'map' at key 0;
 * then 'c' sends a few bytes and 'a' reads them. */
static void traffic(int map)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct timeval tv = { 1, 0 };
	socklen_t len = sizeof(sa);
	char buf[8] = "bpf";
	__u32 key = 0;
	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), c, a;

	SETUP(l >= 0);
	SETUP(bind(l, (struct sockaddr *)&sa, len) == 0);
	SETUP(getsockname(l, (struct sockaddr *)&sa, &len) == 0);
	SETUP(listen(l, 1) == 0);
	c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	SETUP(c >= 0);
	SETUP(connect(c, (struct sockaddr *)&sa, len) == 0);
	a = accept(l, NULL, NULL);
	SETUP(a >= 0);
	SETUP(setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0);
	SETUP_RET(map_update(map, &key, &a, BPF_ANY));
	SETUP(send(c, buf, sizeof(buf), 0) == sizeof(buf));
	SETUP(recv(a, buf, sizeof(buf), 0) > 0);
	close(a);
	close(c);
	close(l);
}

#define NEEDS_SM(...) NEEDS(PROG_TYPE(SK_SKB), ATTACH(SK_SKB_STREAM_VERDICT), \
			    MAP(SOCKMAP), NETNS, ##__VA_ARGS__)

CASE("links.sockmap.stream_verdict.link_holds_prog_and_map_and_runs",
     NEEDS_SM(CMD(LINK_CREATE), LINK(SOCKMAP), MAP(ARRAY), CMD(OBJ_GET_INFO_BY_FD)))
{
	int map = counter_map(), sm = sockmap(), prog = verdict_counter(), link;
	struct bpf_link_info info;
	__u32 sm_id, prog_id;

	ASSERT_FD(sm);
	ASSERT_FD(prog);
	sm_id = id_of(OBJ_MAP, sm);
	prog_id = id_of(OBJ_PROG, prog);
	link = sockmap_link(prog, sm);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_SOCKMAP, info.type);
	ASSERT_EQ(sm_id, info.sockmap.map_id);
	ASSERT_EQ(VERDICT, info.sockmap.attach_type);
	close(prog);
	traffic(sm);
	ASSERT_LE(1, counter_wait(map, 1));
	close(sm);
	ASSERT_EQ(1, obj_alive(OBJ_MAP, sm_id));
	ASSERT_EQ(1, obj_alive(OBJ_PROG, prog_id));
	close(link);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(id_wait_unlisted(OBJ_MAP, sm_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("links.sockmap.stream_verdict.second_link_ebusy",
     NEEDS_SM(CMD(LINK_CREATE), LINK(SOCKMAP), CMD(PROG_ATTACH)))
{
	int sm = sockmap(), a = prog_load_trivial(BPF_PROG_TYPE_SK_SKB, VERDICT, SK_PASS),
	    b = prog_load_trivial(BPF_PROG_TYPE_SK_SKB, VERDICT, SK_PASS);

	ASSERT_FD(sm);
	ASSERT_FD(a);
	ASSERT_FD(b);
	ASSERT_FD(sockmap_link(a, sm));
	ASSERT_ERRNO(EBUSY, sockmap_link(b, sm));
	ASSERT_ERRNO(EBUSY, prog_attach(b, sm, VERDICT, 0));
}

/* PROG_QUERY on a sockmap came in 5.19: sock_map_bpf_prog_query is the
 * kernel function that answers it. */
CASE("attach.sockmap.stream_verdict.attach_query_detach_runs",
     NEEDS_SM(CMD(PROG_ATTACH), CMD(PROG_QUERY), CMD(PROG_DETACH), MAP(ARRAY),
	      BTF_FUNC("sock_map_bpf_prog_query")))
{
	int map = counter_map(), sm = sockmap(), prog = verdict_counter();
	__u32 ids[2], cnt = 2, prog_id;

	ASSERT_FD(sm);
	ASSERT_FD(prog);
	prog_id = id_of(OBJ_PROG, prog);
	ASSERT_OK(prog_attach(prog, sm, VERDICT, 0));
	ASSERT_OK(prog_query(sm, VERDICT, 0, ids, &cnt, NULL));
	ASSERT_EQ(1, cnt);
	ASSERT_EQ(prog_id, ids[0]);
	traffic(sm);
	ASSERT_LE(1, counter_wait(map, 1));
	ASSERT_OK(prog_detach(prog, sm, VERDICT));
	cnt = 2;
	ASSERT_OK(prog_query(sm, VERDICT, 0, ids, &cnt, NULL));
	ASSERT_EQ(0, cnt);
	ASSERT_ERRNO(ENOENT, prog_detach(prog, sm, VERDICT));
}

/* The map holds an attached program: it goes with the map. */
CASE("lifecycle.sockmap.attached_prog_lives_with_map",
     NEEDS_SM(CMD(PROG_ATTACH), CMD(PROG_GET_FD_BY_ID)))
{
	int sm = sockmap(), prog = prog_load_trivial(BPF_PROG_TYPE_SK_SKB, VERDICT, SK_PASS);
	__u32 prog_id;

	ASSERT_FD(sm);
	ASSERT_FD(prog);
	prog_id = id_of(OBJ_PROG, prog);
	ASSERT_OK(prog_attach(prog, sm, VERDICT, 0));
	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, prog_id));
	close(sm);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
}

/* SK_MSG verdict on a sockmap: runs on sendmsg() of a socket in the map. */
CASE("attach.sockmap.msg_verdict.runs_on_send_and_lives_with_map",
     NEEDS(PROG_TYPE(SK_MSG), ATTACH(SK_MSG_VERDICT), MAP(SOCKMAP), CMD(PROG_ATTACH),
	   CMD(PROG_GET_FD_BY_ID), MAP(ARRAY), NETNS))
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(sa);
	int map = counter_map(), sm = sockmap(), prog, l, c, a;
	char buf[8] = "bpf";
	__u32 key = 0, id;

	ASSERT_FD(sm);
	prog = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_SK_MSG, .attach = BPF_SK_MSG_VERDICT, .ret = SK_PASS });
	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	ASSERT_OK(prog_attach(prog, sm, BPF_SK_MSG_VERDICT, 0));
	close(prog);
	l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	SETUP(l >= 0);
	SETUP(bind(l, (struct sockaddr *)&sa, len) == 0);
	SETUP(getsockname(l, (struct sockaddr *)&sa, &len) == 0);
	SETUP(listen(l, 1) == 0);
	c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	SETUP(c >= 0);
	SETUP(connect(c, (struct sockaddr *)&sa, len) == 0);
	a = accept(l, NULL, NULL);
	SETUP(a >= 0);
	SETUP_RET(map_update(sm, &key, &c, BPF_ANY));
	SETUP(send(c, buf, sizeof(buf), 0) == sizeof(buf));
	SETUP(recv(a, buf, sizeof(buf), 0) > 0);
	ASSERT_LE(1, counter_wait(map, 1));
	close(a);
	close(c);
	close(l);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	close(sm);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
}
