// SPDX-License-Identifier: GPL-2.0
/*
 * Objects outlive the process that made them only through a reference it
 * leaves behind: a child process loads a program (and links it) and exits;
 * with a pin or an attachment the objects survive and keep running, without
 * one they vanish with the child's fds.  The child reports its IDs (or the
 * errno of the step that failed) through a pipe; the case checks them.
 */
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

struct child_report {
	int err;		/* 0, or -errno of the failing step */
	__u32 prog_id, link_id;
};

enum child_work { LOAD_PIN, LOAD_ONLY, XDP_LINK_PIN, XDP_LINK_ONLY, CGROUP_ATTACH };

static void child(enum child_work work, int out)
{
	struct child_report r = { 0 };
	int prog, link = -1;

	if (work == XDP_LINK_PIN || work == XDP_LINK_ONLY)
		prog = counter_prog(&(struct counter_spec){
			.type = BPF_PROG_TYPE_XDP, .attach = BPF_XDP, .ret = XDP_PASS });
	else if (work == CGROUP_ATTACH)
		prog = counter_prog(&(struct counter_spec){
			.type = BPF_PROG_TYPE_CGROUP_SKB, .attach = BPF_CGROUP_INET_EGRESS,
			.ret = 1 });
	else
		prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 7);
	r.err = prog < 0 ? prog : 0;
	if (!r.err)
		r.prog_id = (__u32)obj_id(OBJ_PROG, prog);
	if (!r.err && work == LOAD_PIN)
		r.err = obj_pin(prog, bpffs_path("p"));
	if (!r.err && (work == XDP_LINK_PIN || work == XDP_LINK_ONLY)) {
		link = link_create(prog, (int)if_nametoindex("lo"), BPF_XDP, 0);
		r.err = link < 0 ? link : 0;
		if (!r.err)
			r.link_id = (__u32)obj_id(OBJ_LINK, link);
		if (!r.err && work == XDP_LINK_PIN)
			r.err = obj_pin(link, bpffs_path("link"));
	}
	if (!r.err && work == CGROUP_ATTACH)
		r.err = prog_attach(prog, case_cgroup_fd(), BPF_CGROUP_INET_EGRESS, 0);
	if (write(out, &r, sizeof(r)) != sizeof(r))
		_exit(1);
	_exit(0);
}

/* Run 'work' in a child that exits; its report, after it has exited. */
static struct child_report in_child(enum child_work work)
{
	struct child_report r;
	int fds[2], status;
	pid_t pid;

	SETUP(pipe(fds) == 0);
	pid = fork();
	SETUP(pid >= 0);
	if (!pid) {
		close(fds[0]);
		child(work, fds[1]);
	}
	close(fds[1]);
	SETUP(read(fds[0], &r, sizeof(r)) == sizeof(r));
	close(fds[0]);
	SETUP(waitpid(pid, &status, 0) == pid);
	SETUP(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ASSERT_OK(r.err);
	return r;
}

static void fire(void)
{
	SETUP_RET(udp_loopback_roundtrip(AF_INET));
}

CASE("lifecycle.fork.child_pinned_prog_survives",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_PIN), CMD(OBJ_GET), CMD(PROG_TEST_RUN), BPFFS))
{
	struct child_report r = in_child(LOAD_PIN);
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd;

	ASSERT_EQ(1, obj_alive(OBJ_PROG, r.prog_id));
	fd = obj_get(bpffs_path("p"), 0);
	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(7, run.retval);
	close(fd);
	SETUP(unlink(bpffs_path("p")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, r.prog_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.fork.child_unpinned_prog_vanishes",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_GET_FD_BY_ID)))
{
	struct child_report r = in_child(LOAD_ONLY);

	ASSERT_OK(obj_wait_gone(OBJ_PROG, r.prog_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.fork.child_pinned_xdp_link_survives_and_runs",
     NEEDS(PROG_TYPE(XDP), LINK(XDP), CMD(LINK_CREATE), CMD(OBJ_PIN), MAP(ARRAY),
	   BPFFS, NETNS))
{
	int map = counter_map();
	struct child_report r = in_child(XDP_LINK_PIN);
	__u64 seen;

	ASSERT_EQ(1, obj_alive(OBJ_LINK, r.link_id));
	ASSERT_EQ(1, obj_alive(OBJ_PROG, r.prog_id));
	fire();
	ASSERT_LE(1, counter_wait(map, 1));
	SETUP(unlink(bpffs_path("link")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, r.link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, r.prog_id, OBJ_GONE_TIMEOUT_MS));
	seen = counter_read(map);
	fire();
	ASSERT_EQ(seen, counter_read(map));
}

CASE("lifecycle.fork.child_unpinned_xdp_link_vanishes",
     NEEDS(PROG_TYPE(XDP), LINK(XDP), CMD(LINK_CREATE), MAP(ARRAY), NETNS))
{
	int map = counter_map();
	struct child_report r = in_child(XDP_LINK_ONLY);
	__u64 seen;

	ASSERT_OK(obj_wait_gone(OBJ_LINK, r.link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, r.prog_id, OBJ_GONE_TIMEOUT_MS));
	seen = counter_read(map);
	fire();
	ASSERT_EQ(seen, counter_read(map));
}

/* A PROG_ATTACH attachment is the cgroup's reference, not the process's. */
CASE("lifecycle.fork.child_cgroup_attach_survives_and_runs",
     NEEDS(PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS), CMD(PROG_ATTACH),
	   CMD(PROG_DETACH), MAP(ARRAY), CGROUP, NETNS))
{
	int map = counter_map(), fd;
	struct child_report r = in_child(CGROUP_ATTACH);

	ASSERT_EQ(1, obj_alive(OBJ_PROG, r.prog_id));
	join_case_cgroup();
	fire();
	ASSERT_LE(1, counter_wait(map, 1));
	fd = obj_fd_by_id(OBJ_PROG, r.prog_id);
	ASSERT_FD(fd);
	ASSERT_OK(prog_detach(fd, case_cgroup_fd(), BPF_CGROUP_INET_EGRESS));
	close(fd);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, r.prog_id, OBJ_GONE_TIMEOUT_MS));
}
