// SPDX-License-Identifier: GPL-2.0
/*
 * Tracepoint programs on a perf event: perf_event_open() of the
 * raw_syscalls:sys_enter tracepoint for the case's own task, then either
 * PERF_EVENT_IOC_SET_BPF (the event holds the program) or BPF_LINK_CREATE
 * with BPF_PERF_EVENT (BPF_LINK_TYPE_PERF_EVENT, 5.15); BPF_TASK_FD_QUERY
 * (4.18) names what the event's program is attached to.
 *
 * The tracepoint's id is read from tracefs, mounted by the case in its own
 * mount namespace (NEEDS(BPFFS) gives it one) when it is not mounted.
 */
#include <fcntl.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

#define TP_ID "/sys/kernel/tracing/events/raw_syscalls/sys_enter/id"

static void fire(void)
{
	syscall(SYS_getppid);
}

/* The tracepoint as a perf event of this task, not yet enabled. */
static int tracepoint_event(void)
{
	struct perf_event_attr attr;
	char buf[32] = "";
	int fd, n;

	if (access(TP_ID, R_OK))
		SETUP(mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL) == 0);
	fd = open(TP_ID, O_RDONLY | O_CLOEXEC);
	SETUP(fd >= 0);
	n = (int)read(fd, buf, sizeof(buf) - 1);
	SETUP(n > 0);
	close(fd);
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_TRACEPOINT;
	attr.size = sizeof(attr);
	attr.config = strtoull(buf, NULL, 10);
	attr.sample_period = 1;
	attr.disabled = 1;
	fd = (int)syscall(SYS_perf_event_open, &attr, 0 /* this task */, -1, -1,
			  PERF_FLAG_FD_CLOEXEC);
	SETUP(fd >= 0);
	return fd;
}

static int tp_counter(void)
{
	return counter_prog(&(struct counter_spec){ .type = BPF_PROG_TYPE_TRACEPOINT });
}

#define NEEDS_TP(...) NEEDS(PROG_TYPE(TRACEPOINT), MAP(ARRAY), BPFFS, ##__VA_ARGS__)

/* The event holds the program: closing the prog fd keeps it running;
 * closing the event frees it. */
CASE("attach.perf_event.tracepoint.set_bpf_holds_prog", NEEDS_TP(CMD(PROG_GET_FD_BY_ID)))
{
	int map = counter_map(), prog = tp_counter(), ev = tracepoint_event();
	__u32 id;

	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	ASSERT_EQ(0, ioctl(ev, PERF_EVENT_IOC_SET_BPF, prog));
	SETUP(ioctl(ev, PERF_EVENT_IOC_ENABLE, 0) == 0);
	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	fire();
	ASSERT_LE(1, counter_wait(map, 1));
	close(ev);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
}

CASE("attach.perf_event.tracepoint.second_set_bpf_eexist", NEEDS_TP())
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_TRACEPOINT, 0, 0), ev = tracepoint_event();

	ASSERT_FD(prog);
	ASSERT_EQ(0, ioctl(ev, PERF_EVENT_IOC_SET_BPF, prog));
	ASSERT_EQ(-1, ioctl(ev, PERF_EVENT_IOC_SET_BPF, prog));
	ASSERT_EQ(EEXIST, errno);
}

CASE("attach.task_fd_query.tracepoint_names_sys_enter",
     NEEDS_TP(CMD(TASK_FD_QUERY)))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_TRACEPOINT, 0, 0), ev = tracepoint_event();
	char name[64] = "";
	union bpf_attr attr;

	ASSERT_FD(prog);
	ASSERT_EQ(0, ioctl(ev, PERF_EVENT_IOC_SET_BPF, prog));
	memset(&attr, 0, sizeof(attr));
	attr.task_fd_query.pid = (__u32)getpid();
	attr.task_fd_query.fd = (__u32)ev;
	attr.task_fd_query.buf = (__u64)(unsigned long)name;
	attr.task_fd_query.buf_len = sizeof(name);
	ASSERT_OK(sys_bpf_task_fd_query(&attr));
	ASSERT_EQ(id_of(OBJ_PROG, prog), attr.task_fd_query.prog_id);
	ASSERT_EQ(BPF_FD_TYPE_TRACEPOINT, attr.task_fd_query.fd_type);
	ASSERT_STREQ("sys_enter", name);
}

CASE("links.perf_event.tracepoint.pinned_link_lifecycle",
     NEEDS_TP(CMD(LINK_CREATE), ATTACH(PERF_EVENT), LINK(PERF_EVENT), CMD(OBJ_PIN)))
{
	int map = counter_map(), prog = tp_counter(), ev = tracepoint_event(), link;
	struct bpf_link_info info;

	ASSERT_FD(prog);
	link = link_create(prog, ev, BPF_PERF_EVENT, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_PERF_EVENT, info.type);
	SETUP(ioctl(ev, PERF_EVENT_IOC_ENABLE, 0) == 0);
	/* The link holds the event too. */
	close(ev);
	link_pin_lifecycle(link, prog, map, fire);
}
