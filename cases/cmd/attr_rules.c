// SPDX-License-Identifier: GPL-2.0
/*
 * The attr rules every bpf() command shares, generated from one table.
 *
 * __sys_bpf() (kernel/bpf/syscall.c) first calls bpf_check_uarg_tail_zero():
 * a size over PAGE_SIZE is E2BIG, a size larger than the kernel's own
 * union bpf_attr is accepted only if every byte past it is zero (E2BIG
 * otherwise); every kernel we run has these rules.
 * Then it copies the attr (EFAULT for an unreadable one) and dispatches;
 * each command starts with CHECK_ATTR(): any non-zero byte past the
 * command's last field is EINVAL.  Then the command looks up its fds: an fd
 * that is not open is EBADF, an fd of the wrong kind mostly EINVAL (the
 * cgroup fd of attach/detach/query is EBADF: cgroup_get_from_fd() refuses
 * anything that is not a cgroup2 directory with EBADF), and an object ID
 * that does not exist is ENOENT.
 *
 * Each row has a "baseline" attr that the kernel refuses for a reason that
 * is neither E2BIG nor EINVAL (a closed fd, a missing ID, an empty
 * program), or accepts; a rule case then changes one thing and sees the
 * errno change, so every case can fail both ways.  Which byte is "past the
 * command's last field" depends on the kernel: it is read from the running
 * kernel's BTF (attr_layout.h).
 *
 * Kernel history: before 6.5 an unprivileged caller got EPERM from
 * __sys_bpf() before any of this; these cases run with full privilege.
 * OBJ_GET_INFO_BY_FD has returned EBADFD (not EBADF) for a closed fd since
 * it was added in 4.13.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "attr_layout.h"

#define PAGE 4096
#define PTR(p) ((__u64)(unsigned long)(p))

/* What goes into the command's fd (or ID) field. */
enum fd_kind { FD_CLOSED, FD_FILE };

struct cmd_rule {
	int cmd;
	const char *name;	/* in case names: cmd.<name>.<rule> */
	const char *anchor;	/* a field of the command's struct (attr_layout.h) */
	const struct need *needs;
	/* Fill the baseline attr; 'fd' goes into the command's fd field. */
	void (*base)(union bpf_attr *a, int fd);
	int base_err;		/* errno of the baseline; 0: it succeeds */
	int file_err;		/* errno with a regular file as the fd; 0: no fd field */
	int by_id;		/* the baseline names a missing ID (ENOENT), no fd */
	/* The fd the baseline uses (NULL: a closed one), and the errno for
	 * a closed fd when that is not the baseline's (0: base_err). */
	int (*base_fd)(void);
	int closed_err;
	/* An fd of another kind of bpf object for the fd field (a program
	 * where a map is wanted, a map where a program, link, cgroup or
	 * bpffs is), and the errno it gets; NULL: no such case. */
	int (*other_fd)(void);
	int other_err;
};

static void b_map_create(union bpf_attr *a, int fd)
{
	/* A valid array with BTF ids, whose BTF fd is 'fd': map_create()
	 * allocates the map, then btf_get_by_fd() refuses the fd. */
	a->map_type = BPF_MAP_TYPE_ARRAY;
	a->key_size = 4;
	a->value_size = 8;
	a->max_entries = 1;
	a->btf_fd = (__u32)fd;
	a->btf_key_type_id = 1;
	a->btf_value_type_id = 1;
}

static void b_map_fd(union bpf_attr *a, int fd)
{
	static __u64 key, value;

	a->map_fd = (__u32)fd;
	a->key = PTR(&key);
	a->value = PTR(&value);
}

static void b_batch(union bpf_attr *a, int fd)
{
	a->batch.map_fd = (__u32)fd;
}

static struct bpf_insn load_insns[4];

static void b_prog_load(union bpf_attr *a, int fd)
{
	/* r1 = map 'fd'; r0 = 0; exit: the verifier resolves the map fd
	 * (resolve_pseudo_ldimm64) before it checks anything else. */
	load_insns[0] = (struct bpf_insn){ .code = BPF_LD | BPF_DW | BPF_IMM,
		.dst_reg = BPF_REG_1, .src_reg = BPF_PSEUDO_MAP_FD, .imm = fd };
	load_insns[1] = (struct bpf_insn){ 0 };
	load_insns[2] = (struct bpf_insn){ .code = BPF_ALU64 | BPF_MOV | BPF_K };
	load_insns[3] = (struct bpf_insn){ .code = BPF_JMP | BPF_EXIT };
	a->prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a->insn_cnt = 4;
	a->insns = PTR(load_insns);
	a->license = PTR("GPL");
}

static void b_map_key(union bpf_attr *a, int fd)
{
	static __u64 key;

	a->map_fd = (__u32)fd;
	a->key = PTR(&key);
}

static void b_map_only(union bpf_attr *a, int fd)
{
	a->map_fd = (__u32)fd;
}

/* A path whose directory does not exist: user_path_create() says ENOENT
 * once the fd has been found to be a bpf object. */
static void b_obj_pin(union bpf_attr *a, int fd)
{
	a->pathname = PTR("/nonexistent-bpfconform/pin");
	a->bpf_fd = (__u32)fd;
}

static int array_map(void)
{
	return (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
}

static void b_obj_get(union bpf_attr *a, int fd)
{
	(void)fd;
	a->pathname = PTR("/nonexistent-bpfconform/pin");
}

static void b_prog_attach(union bpf_attr *a, int fd)
{
	a->target_fd = (__u32)fd;
	a->attach_bpf_fd = (__u32)fd;
	a->attach_type = BPF_CGROUP_INET_INGRESS;
}

static void b_prog_detach(union bpf_attr *a, int fd)
{
	a->target_fd = (__u32)fd;
	a->attach_type = BPF_CGROUP_INET_INGRESS;
}

static void b_test_run(union bpf_attr *a, int fd)
{
	a->test.prog_fd = (__u32)fd;
}

static void b_next_id(union bpf_attr *a, int fd)
{
	(void)fd;
	/* Past the last ID the kernel hands out (idr_alloc_cyclic below
	 * INT_MAX): nothing follows it. */
	a->start_id = INT_MAX - 1;
}

static void b_fd_by_id(union bpf_attr *a, int fd)
{
	(void)fd;
	a->prog_id = INT_MAX - 1;
}

static void b_info(union bpf_attr *a, int fd)
{
	static struct bpf_prog_info info;

	a->info.bpf_fd = (__u32)fd;
	a->info.info_len = sizeof(info);
	a->info.info = PTR(&info);
}

static void b_query(union bpf_attr *a, int fd)
{
	a->query.target_fd = (__u32)fd;
	a->query.attach_type = BPF_CGROUP_INET_INGRESS;
}

static void b_raw_tp(union bpf_attr *a, int fd)
{
	a->raw_tracepoint.name = PTR("sys_enter");
	a->raw_tracepoint.prog_fd = (__u32)fd;
}

static void b_btf_load(union bpf_attr *a, int fd)
{
	(void)fd;
	/* An unreadable BTF blob: btf_parse() copies it and fails. */
	a->btf = PTR(16);
	a->btf_size = 64;
}

static void b_task_fd_query(union bpf_attr *a, int fd)
{
	a->task_fd_query.pid = (__u32)getpid();
	a->task_fd_query.fd = (__u32)fd;
}

static void b_link_create(union bpf_attr *a, int fd)
{
	a->link_create.prog_fd = (__u32)fd;
	a->link_create.target_fd = (__u32)fd;
	a->link_create.attach_type = BPF_CGROUP_INET_INGRESS;
}

static void b_link_update(union bpf_attr *a, int fd)
{
	a->link_update.link_fd = (__u32)fd;
	a->link_update.new_prog_fd = (__u32)fd;
}

static void b_enable_stats(union bpf_attr *a, int fd)
{
	(void)fd;
	a->enable_stats.type = BPF_STATS_RUN_TIME;
}

static void b_iter_create(union bpf_attr *a, int fd)
{
	a->iter_create.link_fd = (__u32)fd;
}

static void b_link_detach(union bpf_attr *a, int fd)
{
	a->link_detach.link_fd = (__u32)fd;
}

static void b_bind_map(union bpf_attr *a, int fd)
{
	a->prog_bind_map.prog_fd = (__u32)fd;
	a->prog_bind_map.map_fd = (__u32)fd;
}

static void b_token_create(union bpf_attr *a, int fd)
{
	a->token_create.bpffs_fd = (__u32)fd;
}

static void b_stream_read(union bpf_attr *a, int fd)
{
	static char buf[64];

	a->prog_stream_read.stream_buf = PTR(buf);
	a->prog_stream_read.stream_buf_len = sizeof(buf);
	a->prog_stream_read.stream_id = 1;
	a->prog_stream_read.prog_fd = (__u32)fd;
}

static int prog_fd(void)
{
	return (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0));
}

#define N(...) (const struct need[]){ __VA_ARGS__, { NEED_END, 0, 0 } }

static const struct cmd_rule rules[] = {
	{ .cmd = BPF_MAP_CREATE, .name = "map_create", .anchor = "map_type",
	  .needs = N(CMD(MAP_CREATE), MAP(ARRAY)),
	  .base = b_map_create, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_LOOKUP_ELEM, .name = "map_lookup_elem", .anchor = "map_fd",
	  .needs = N(CMD(MAP_LOOKUP_ELEM)),
	  .base = b_map_fd, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_UPDATE_ELEM, .name = "map_update_elem", .anchor = "map_fd",
	  .needs = N(CMD(MAP_UPDATE_ELEM)),
	  .base = b_map_fd, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	/* DELETE_ELEM's last field is key, FREEZE's map_fd: their baselines
	 * leave value and key zero. */
	{ .cmd = BPF_MAP_DELETE_ELEM, .name = "map_delete_elem", .anchor = "map_fd",
	  .needs = N(CMD(MAP_DELETE_ELEM)),
	  .base = b_map_key, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_GET_NEXT_KEY, .name = "map_get_next_key", .anchor = "map_fd",
	  .needs = N(CMD(MAP_GET_NEXT_KEY)),
	  .base = b_map_fd, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_PROG_LOAD, .name = "prog_load", .anchor = "prog_type",
	  .needs = N(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)),
	  .base = b_prog_load, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	/* bpf_fd_probe_obj() tries map, prog and link, and answers EINVAL
	 * for anything else, a closed fd included.  The baseline pins a
	 * real map to a path that cannot exist. */
	{ .cmd = BPF_OBJ_PIN, .name = "obj_pin", .anchor = "pathname",
	  .needs = N(CMD(OBJ_PIN), MAP(ARRAY)),
	  .base = b_obj_pin, .base_err = ENOENT,
	  .file_err = EINVAL, .base_fd = array_map, .closed_err = EINVAL },
	{ .cmd = BPF_OBJ_GET, .name = "obj_get", .anchor = "pathname",
	  .needs = N(CMD(OBJ_GET)),
	  .base = b_obj_get, .base_err = ENOENT },
	{ .cmd = BPF_PROG_ATTACH, .name = "prog_attach", .anchor = "attach_bpf_fd",
	  .needs = N(CMD(PROG_ATTACH), ATTACH(CGROUP_INET_INGRESS)),
	  .base = b_prog_attach, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	/* The fd here is the cgroup's: a regular file is EBADF. */
	{ .cmd = BPF_PROG_DETACH, .name = "prog_detach", .anchor = "attach_bpf_fd",
	  .needs = N(CMD(PROG_DETACH), ATTACH(CGROUP_INET_INGRESS)),
	  .base = b_prog_detach, .base_err = EBADF,
	  .file_err = EBADF, .other_fd = array_map, .other_err = EBADF },
	{ .cmd = BPF_PROG_TEST_RUN, .name = "prog_test_run", .anchor = "test",
	  .needs = N(CMD(PROG_TEST_RUN)),
	  .base = b_test_run, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_PROG_GET_NEXT_ID, .name = "prog_get_next_id", .anchor = "start_id",
	  .needs = N(CMD(PROG_GET_NEXT_ID)),
	  .base = b_next_id, .base_err = ENOENT,
	  .by_id = 1 },
	{ .cmd = BPF_MAP_GET_NEXT_ID, .name = "map_get_next_id", .anchor = "start_id",
	  .needs = N(CMD(MAP_GET_NEXT_ID)),
	  .base = b_next_id, .base_err = ENOENT,
	  .by_id = 1 },
	{ .cmd = BPF_PROG_GET_FD_BY_ID, .name = "prog_get_fd_by_id", .anchor = "start_id",
	  .needs = N(CMD(PROG_GET_FD_BY_ID)),
	  .base = b_fd_by_id, .base_err = ENOENT,
	  .by_id = 1 },
	{ .cmd = BPF_MAP_GET_FD_BY_ID, .name = "map_get_fd_by_id", .anchor = "start_id",
	  .needs = N(CMD(MAP_GET_FD_BY_ID)),
	  .base = b_fd_by_id, .base_err = ENOENT,
	  .by_id = 1 },
	/* EBADFD, not EBADF: bpf_obj_get_info_by_fd() says so for an empty fd. */
	{ .cmd = BPF_OBJ_GET_INFO_BY_FD, .name = "obj_get_info_by_fd", .anchor = "info",
	  .needs = N(CMD(OBJ_GET_INFO_BY_FD)),
	  .base = b_info, .base_err = EBADFD,
	  .file_err = EINVAL },
	{ .cmd = BPF_PROG_QUERY, .name = "prog_query", .anchor = "query",
	  .needs = N(CMD(PROG_QUERY), ATTACH(CGROUP_INET_INGRESS)),
	  .base = b_query, .base_err = EBADF,
	  .file_err = EBADF, .other_fd = array_map, .other_err = EBADF },
	{ .cmd = BPF_RAW_TRACEPOINT_OPEN, .name = "raw_tracepoint_open", .anchor = "raw_tracepoint",
	  .needs = N(CMD(RAW_TRACEPOINT_OPEN)),
	  .base = b_raw_tp, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_BTF_LOAD, .name = "btf_load", .anchor = "btf",
	  .needs = N(CMD(BTF_LOAD)),
	  .base = b_btf_load, .base_err = EFAULT },
	{ .cmd = BPF_BTF_GET_FD_BY_ID, .name = "btf_get_fd_by_id", .anchor = "start_id",
	  .needs = N(CMD(BTF_GET_FD_BY_ID)),
	  .base = b_fd_by_id, .base_err = ENOENT,
	  .by_id = 1 },
	/* A regular file is neither a bpf link nor a perf event: ENOTSUPP. */
	{ .cmd = BPF_TASK_FD_QUERY, .name = "task_fd_query", .anchor = "task_fd_query",
	  .needs = N(CMD(TASK_FD_QUERY)),
	  .base = b_task_fd_query, .base_err = EBADF,
	  .file_err = ENOTSUPP, .other_fd = array_map, .other_err = ENOTSUPP },
	{ .cmd = BPF_MAP_LOOKUP_AND_DELETE_ELEM, .name = "map_lookup_and_delete_elem",
	  .anchor = "map_fd",
	  .needs = N(CMD(MAP_LOOKUP_AND_DELETE_ELEM)),
	  .base = b_map_fd, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_FREEZE, .name = "map_freeze", .anchor = "map_fd",
	  .needs = N(CMD(MAP_FREEZE)),
	  .base = b_map_only, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_BTF_GET_NEXT_ID, .name = "btf_get_next_id", .anchor = "start_id",
	  .needs = N(CMD(BTF_GET_NEXT_ID)),
	  .base = b_next_id, .base_err = ENOENT,
	  .by_id = 1 },
	{ .cmd = BPF_MAP_LOOKUP_BATCH, .name = "map_lookup_batch", .anchor = "batch",
	  .needs = N(CMD(MAP_LOOKUP_BATCH)),
	  .base = b_batch, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_LOOKUP_AND_DELETE_BATCH, .name = "map_lookup_and_delete_batch",
	  .anchor = "batch",
	  .needs = N(CMD(MAP_LOOKUP_AND_DELETE_BATCH)),
	  .base = b_batch, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_UPDATE_BATCH, .name = "map_update_batch", .anchor = "batch",
	  .needs = N(CMD(MAP_UPDATE_BATCH)),
	  .base = b_batch, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_MAP_DELETE_BATCH, .name = "map_delete_batch", .anchor = "batch",
	  .needs = N(CMD(MAP_DELETE_BATCH)),
	  .base = b_batch, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = prog_fd, .other_err = EINVAL },
	{ .cmd = BPF_LINK_CREATE, .name = "link_create", .anchor = "link_create",
	  .needs = N(CMD(LINK_CREATE), ATTACH(CGROUP_INET_INGRESS)),
	  .base = b_link_create, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_LINK_UPDATE, .name = "link_update", .anchor = "link_update",
	  .needs = N(CMD(LINK_UPDATE)),
	  .base = b_link_update, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_LINK_GET_FD_BY_ID, .name = "link_get_fd_by_id", .anchor = "start_id",
	  .needs = N(CMD(LINK_GET_FD_BY_ID)),
	  .base = b_fd_by_id, .base_err = ENOENT,
	  .by_id = 1 },
	{ .cmd = BPF_LINK_GET_NEXT_ID, .name = "link_get_next_id", .anchor = "start_id",
	  .needs = N(CMD(LINK_GET_NEXT_ID)),
	  .base = b_next_id, .base_err = ENOENT,
	  .by_id = 1 },
	/* The baseline succeeds: an fd that keeps run-time stats on while open. */
	{ .cmd = BPF_ENABLE_STATS, .name = "enable_stats", .anchor = "enable_stats",
	  .needs = N(CMD(ENABLE_STATS)),
	  .base = b_enable_stats, .base_err = 0 },
	{ .cmd = BPF_ITER_CREATE, .name = "iter_create", .anchor = "iter_create",
	  .needs = N(CMD(ITER_CREATE)),
	  .base = b_iter_create, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_LINK_DETACH, .name = "link_detach", .anchor = "link_detach",
	  .needs = N(CMD(LINK_DETACH)),
	  .base = b_link_detach, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_PROG_BIND_MAP, .name = "prog_bind_map", .anchor = "prog_bind_map",
	  .needs = N(CMD(PROG_BIND_MAP)),
	  .base = b_bind_map, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	/* bpf_token_create(): the fd must be the root of a bpffs mount. */
	{ .cmd = BPF_TOKEN_CREATE, .name = "token_create", .anchor = "token_create",
	  .needs = N(CMD(TOKEN_CREATE)),
	  .base = b_token_create, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
	{ .cmd = BPF_PROG_STREAM_READ_BY_FD, .name = "prog_stream_read_by_fd",
	  .anchor = "prog_stream_read",
	  .needs = N(CMD(PROG_STREAM_READ_BY_FD)),
	  .base = b_stream_read, .base_err = EBADF,
	  .file_err = EINVAL, .other_fd = array_map, .other_err = EINVAL },
};

/* ---- helpers ---------------------------------------------------------- */

/* A zeroed buffer of two pages: the attr, and room past PAGE_SIZE. */
static unsigned char *attr_buf(void)
{
	static unsigned char buf[2 * PAGE] __attribute__((aligned(8)));

	memset(buf, 0, sizeof(buf));
	return buf;
}

/* An fd number that is not open. */
static int closed_fd(void)
{
	int fd = dup(2);

	SETUP(fd >= 0);
	close(fd);
	return fd;
}

static int regular_fd(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	SETUP(fd >= 0);
	return fd;
}

static unsigned kernel_size(void)
{
	const char *why = "";
	unsigned size = attr_kernel_size(&why);

	if (!size)
		case_error(__FILE__, __LINE__, "union bpf_attr: %s", why);
	return size;
}

/* A successful baseline returns an fd or 0; compare outcomes, not fds. */
static void expect_base(const struct cmd_rule *r, long ret, const char *what)
{
	if (r->base_err) {
		case_log("%s: %s", what, ret < 0 ? errno_name((int)-ret) : "success");
		ASSERT_ERRNO(r->base_err, ret);
	} else {
		ASSERT_OK(ret);
	}
}

/* ---- the rules -------------------------------------------------------- */

static int base_fd(const struct cmd_rule *r)
{
	return r->base_fd ? r->base_fd() : closed_fd();
}

/* size > PAGE_SIZE: E2BIG whatever the bytes. */
static void size_over_page(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();

	r->base((union bpf_attr *)buf, base_fd(r));
	ASSERT_ERRNO(E2BIG, sys_bpf(r->cmd, buf, PAGE + 1));
}

/* size == PAGE_SIZE, the last byte non-zero: E2BIG. */
static void page_nonzero_tail(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();

	r->base((union bpf_attr *)buf, base_fd(r));
	buf[PAGE - 1] = 1;
	ASSERT_ERRNO(E2BIG, sys_bpf(r->cmd, buf, PAGE));
}

/* size == PAGE_SIZE, zeros past the attr: the same outcome as the exact
 * size (the baseline's errno, or success). */
static void page_zero_tail(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();
	r->base((union bpf_attr *)buf, base_fd(r));
	expect_base(r, sys_bpf(r->cmd, buf, kernel_size()), "exact size");
	expect_base(r, sys_bpf(r->cmd, buf, PAGE), "PAGE_SIZE, zero tail");
}

/* One non-zero byte just past the command's fields (CHECK_ATTR): EINVAL.
 * Where the command's struct fills the kernel's whole union (PROG_LOAD on
 * 6.18), the first byte past its fields is past the kernel's attr, and
 * the size rule answers: E2BIG. */
static void nonzero_tail(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();
	const char *why = "";
	unsigned size = kernel_size(), end = attr_struct_end(r->anchor, &why);

	if (!end)
		case_error(__FILE__, __LINE__, "%s's fields in union bpf_attr: %s",
			   r->name, why);
	r->base((union bpf_attr *)buf, base_fd(r));
	/* the baseline without the byte is neither EINVAL nor E2BIG */
	expect_base(r, sys_bpf(r->cmd, buf, size), "without the tail byte");
	buf[end] = 1;
	if (end < size) {
		case_log("byte %u of %u (kernel BTF: end of the struct holding '%s')",
			 end, size, r->anchor);
		ASSERT_ERRNO(EINVAL, sys_bpf(r->cmd, buf, size));
	} else {
		case_log("the command's fields end at %u, the kernel's union bpf_attr "
			 "at %u: the byte past them is past the attr", end, size);
		ASSERT_ERRNO(E2BIG, sys_bpf(r->cmd, buf, end + 1));
	}
}

/* The attr itself unreadable: EFAULT. */
static void attr_unmapped(const void *arg)
{
	const struct cmd_rule *r = arg;
	void *page = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SETUP(page != MAP_FAILED);
	ASSERT_ERRNO(EFAULT, sys_bpf(r->cmd, page, kernel_size()));
}

/* The command's fd field: not open (the baseline). */
static void fd_closed(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();

	r->base((union bpf_attr *)buf, closed_fd());
	ASSERT_ERRNO(r->closed_err ? r->closed_err : r->base_err,
		     sys_bpf(r->cmd, buf, kernel_size()));
}

/* The command's fd field: a bpf object of another kind. */
static void fd_other(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();

	r->base((union bpf_attr *)buf, r->other_fd());
	ASSERT_ERRNO(r->other_err, sys_bpf(r->cmd, buf, kernel_size()));
}

/* The command's fd field: a regular file. */
static void fd_regular(const void *arg)
{
	const struct cmd_rule *r = arg;
	unsigned char *buf = attr_buf();

	r->base((union bpf_attr *)buf, regular_fd());
	ASSERT_ERRNO(r->file_err, sys_bpf(r->cmd, buf, kernel_size()));
}

/* The row's needs and one more. */
static const struct need *with_need(const struct need *needs, struct need extra)
{
	size_t n = 0;
	struct need *all;

	while (needs[n].kind != NEED_END)
		n++;
	all = calloc(n + 2, sizeof(*all));
	if (!all)
		abort();
	memcpy(all, needs, n * sizeof(*all));
	all[n] = extra;
	return all;
}

/* The registry keeps the pointer: each case lives for the run. */
static void add_needs(const struct cmd_rule *r, const char *rule, void (*fn)(const void *),
		      const struct need *needs)
{
	struct bc_case *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	*c = (struct bc_case){
		.name = case_strdup("cmd.%s.%s", r->name, rule),
		.fn = fn, .arg = r, .needs = needs,
		.file = __FILE__, .line = __LINE__,
	};
	case_add(c);
}

static void add(const struct cmd_rule *r, const char *rule, void (*fn)(const void *))
{
	add_needs(r, rule, fn, r->needs);
}

/* "EBADF" -> "ebadf", for case names. */
static const char *lower_errno(int err)
{
	char *s = case_strdup("%s", errno_name(err));

	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

static void generate(void)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct cmd_rule *r = &rules[i];

		add(r, "attr.size_over_page_e2big", size_over_page);
		add(r, "attr.page_nonzero_tail_e2big", page_nonzero_tail);
		add(r, "attr.page_zero_tail_accepted", page_zero_tail);
		add(r, "attr.nonzero_tail_einval", nonzero_tail);
		add(r, "ptr.attr_unmapped_efault", attr_unmapped);
		if (r->by_id)
			add(r, "id.missing_enoent", fd_closed);
		else if (r->file_err)
			add(r, case_strdup("fd.closed_%s", lower_errno(r->closed_err ?
						r->closed_err : r->base_err)), fd_closed);
		if (r->file_err)
			add(r, case_strdup("fd.regular_file_%s", lower_errno(r->file_err)),
			    fd_regular);
		if (r->other_fd)
			add_needs(r, case_strdup("fd.other_bpf_object_%s",
						 lower_errno(r->other_err)), fd_other,
				  with_need(r->needs, r->other_fd == prog_fd ?
					    (struct need)PROG_TYPE(SOCKET_FILTER) :
					    (struct need)MAP(ARRAY)));
	}
}
CASE_GENERATOR(generate)
