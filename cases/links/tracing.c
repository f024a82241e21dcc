// SPDX-License-Identifier: GPL-2.0
/*
 * Tracing attachments: BPF_RAW_TRACEPOINT_OPEN for a raw tracepoint
 * program by name and for a BTF-typed one (tp_btf), BPF_LINK_CREATE for
 * tp_btf (BPF_TRACE_RAW_TP), and the trampoline link
 * (BPF_LINK_TYPE_TRACING) of an fentry program.
 *
 * The tracepoint is sys_enter, fired by the case's own getppid(); the
 * program counts only the case's tgid (every task passes sys_enter).
 * fentry attaches to bpf_fentry_test1, which BPF_PROG_TEST_RUN of a
 * tracing program calls.
 *
 * History: RAW_TRACEPOINT_OPEN 4.17, as a link (BPF_LINK_TYPE_RAW_TRACEPOINT)
 * since 5.7; tp_btf and fentry 5.5; LINK_CREATE for tracing programs 5.10.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

static void fire(void)
{
	syscall(SYS_getppid);
}

static int raw_tp_open(int prog, const char *name)
{
	union bpf_attr attr = {
		.raw_tracepoint = { .name = (__u64)(unsigned long)name, .prog_fd = (__u32)prog },
	};

	return sys_bpf_raw_tracepoint_open(&attr);
}

static int raw_tp_counter(void)
{
	return counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_RAW_TRACEPOINT, .only_pid = getpid() });
}

static int tp_btf_counter(void)
{
	return counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_TRACING, .attach = BPF_TRACE_RAW_TP,
		.only_pid = getpid(),
		.attach_btf_id = (__u32)SETUP_RET(oracle_btf_id("btf_trace_sys_enter",
								BTF_KIND_TYPEDEF)),
	});
}

CASE("links.raw_tracepoint.sys_enter.pinned_link_lifecycle",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(RAW_TRACEPOINT_OPEN), LINK(RAW_TRACEPOINT),
	   HELPER(get_current_pid_tgid), CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int map = counter_map(), prog = raw_tp_counter(), link;

	ASSERT_FD(prog);
	link = raw_tp_open(prog, "sys_enter");
	ASSERT_FD(link);
	link_pin_lifecycle(link, prog, map, fire);
}

CASE("links.raw_tracepoint.sys_enter.info",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(RAW_TRACEPOINT_OPEN), LINK(RAW_TRACEPOINT),
	   CMD(OBJ_GET_INFO_BY_FD)))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0), link;
	struct bpf_link_info info;
	char name[32] = "";

	ASSERT_FD(prog);
	link = raw_tp_open(prog, "sys_enter");
	ASSERT_FD(link);
	memset(&info, 0, sizeof(info));
	info.raw_tracepoint.tp_name = (__u64)(unsigned long)name;
	info.raw_tracepoint.tp_name_len = sizeof(name);
	{
		__u32 len = sizeof(info);

		ASSERT_OK(obj_info(link, &info, &len));
	}
	ASSERT_EQ(BPF_LINK_TYPE_RAW_TRACEPOINT, info.type);
	ASSERT_EQ(id_of(OBJ_PROG, prog), info.prog_id);
	ASSERT_STREQ("sys_enter", name);
}

CASE("links.raw_tracepoint.unknown_name_enoent",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), CMD(RAW_TRACEPOINT_OPEN)))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0);

	ASSERT_FD(prog);
	ASSERT_ERRNO(ENOENT, raw_tp_open(prog, "bpfconform_no_such_tracepoint"));
}

/* A tp_btf program knows its tracepoint from its BTF id: no name. */
CASE("links.tp_btf.sys_enter.raw_tracepoint_open_runs",
     NEEDS(PROG_TYPE(TRACING), ATTACH(TRACE_RAW_TP), CMD(RAW_TRACEPOINT_OPEN),
	   LINK(RAW_TRACEPOINT),
	   BTF_TYPE("btf_trace_sys_enter"), HELPER(get_current_pid_tgid), MAP(ARRAY)))
{
	int map = counter_map(), prog = tp_btf_counter(), link;
	struct bpf_link_info info;

	ASSERT_FD(prog);
	link = raw_tp_open(prog, NULL);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_RAW_TRACEPOINT, info.type);
	fire();
	ASSERT_LE(1, counter_wait(map, 1));
	close(link);
	/* Closing the only fd of the link detaches it. */
	{
		__u64 seen = counter_read(map);

		fire();
		ASSERT_EQ(seen, counter_read(map));
	}
}

/* BPF_LINK_CREATE for raw tracepoints came in 6.10 with
 * bpf_raw_tp_link_attach (before, LINK_CREATE sent tp_btf programs to the
 * trampoline code, which refuses them). */
CASE("links.tp_btf.sys_enter.link_create_lifecycle",
     NEEDS(PROG_TYPE(TRACING), ATTACH(TRACE_RAW_TP), CMD(LINK_CREATE),
	   BTF_FUNC("bpf_raw_tp_link_attach"),
	   LINK(RAW_TRACEPOINT), BTF_TYPE("btf_trace_sys_enter"),
	   HELPER(get_current_pid_tgid), CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int map = counter_map(), prog = tp_btf_counter(), link;

	ASSERT_FD(prog);
	link = link_create(prog, 0, BPF_TRACE_RAW_TP, 0);
	ASSERT_FD(link);
	link_pin_lifecycle(link, prog, map, fire);
}

/* fentry: a trampoline link.  Fired by BPF_PROG_TEST_RUN of the program,
 * which calls bpf_fentry_test1(1) (net/bpf/test_run.c). */
CASE("links.tracing.fentry.trampoline_link_runs",
     NEEDS(PROG_TYPE(TRACING), ATTACH(TRACE_FENTRY), CMD(LINK_CREATE), LINK(TRACING),
	   BTF_FUNC("bpf_fentry_test1"), CMD(PROG_TEST_RUN), MAP(ARRAY)))
{
	int map = counter_map(), prog, link;
	struct test_run run = { 0 };
	struct bpf_link_info info;

	prog = counter_prog(&(struct counter_spec){
		.type = BPF_PROG_TYPE_TRACING, .attach = BPF_TRACE_FENTRY,
		.attach_btf_id = (__u32)SETUP_RET(oracle_btf_id("bpf_fentry_test1", BTF_KIND_FUNC)),
	});
	ASSERT_FD(prog);
	link = link_create(prog, 0, BPF_TRACE_FENTRY, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_TRACING, info.type);
	ASSERT_EQ(BPF_TRACE_FENTRY, info.tracing.attach_type);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_LE(1, counter_wait(map, 1));
}
