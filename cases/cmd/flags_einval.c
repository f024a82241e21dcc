// SPDX-License-Identifier: GPL-2.0
/*
 * Unknown flag bits, types and command numbers: EINVAL.  Each command
 * masks its flags against what it knows and refuses the rest, so that a
 * later kernel can give the bits a meaning.  Where the flags are checked
 * before the command looks at its fds, the case sends a closed fd: the
 * same attr without the bad bit is EBADF (or ENOENT for a missing ID), so
 * the case shows that the bit, and nothing else, made it EINVAL.  The
 * bits used are far above any a kernel has defined so far.
 */
#include <limits.h>
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "harness/oracle.h"

#define PTR(p) ((__u64)(unsigned long)(p))
#define HIGH_BIT (1U << 30)

static int closed_fd(void)
{
	int fd = dup(2);

	SETUP(fd >= 0);
	close(fd);
	return fd;
}

/* ---- unknown commands ---- */

static void cmd_max(const char *member, long long val, void *ctx)
{
	long long *max = ctx;

	/* Newer kernels declare flag-like members (BPF_COMMON_ATTRS, 1 << 16)
	 * in enum bpf_cmd: the commands proper are the small numbers. */
	(void)member;
	if (val < 0x10000 && val > *max)
		*max = val;
}

/* The first command number the kernel's own enum bpf_cmd does not
 * declare: __sys_bpf()'s switch falls to its default, EINVAL. */
CASE("cmd.unknown.first_undeclared_einval", NEEDS(CMD(MAP_CREATE)))
{
	union bpf_attr attr = { 0 };
	long long max = -1;

	SETUP(oracle_enum_walk("bpf_cmd", cmd_max, &max) > 0);
	case_log("the kernel declares commands up to %lld", max);
	ASSERT_ERRNO(EINVAL, sys_bpf((int)max + 1, &attr, sizeof(attr)));
}

CASE("cmd.unknown.cmd_255_einval", NEEDS(CMD(MAP_CREATE)))
{
	union bpf_attr attr = { 0 };

	ASSERT_ERRNO(EINVAL, sys_bpf(255, &attr, sizeof(attr)));
}

/* ---- unknown types ---- */

CASE("cmd.map_create.type.unknown_einval", NEEDS(CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create((enum bpf_map_type)0xffff, 4, 8, 1, 0));
}

CASE("cmd.prog_load.type.unknown_einval", NEEDS(CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, prog_load_trivial((enum bpf_prog_type)0xffff, 0, 0));
}

CASE("cmd.prog_attach.type.unknown_einval", NEEDS(CMD(PROG_ATTACH)))
{
	int fd = closed_fd();

	ASSERT_ERRNO(EINVAL, prog_attach(fd, fd, (enum bpf_attach_type)0xffff, 0));
}

CASE("cmd.enable_stats.type.unknown_einval", NEEDS(CMD(ENABLE_STATS)))
{
	union bpf_attr attr = { .enable_stats = { .type = 0xffff } };

	ASSERT_ERRNO(EINVAL, sys_bpf_enable_stats(&attr));
}

/* ---- unknown flag bits ---- */

CASE("cmd.map_create.flags.unknown_einval", NEEDS(CMD(MAP_CREATE), MAP(ARRAY)))
{
	ASSERT_FD(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, HIGH_BIT));
}

/* BPF_F_RDONLY and BPF_F_WRONLY together: bpf_get_file_flag() says no. */
CASE("cmd.map_create.flags.rdonly_wronly_einval", NEEDS(CMD(MAP_CREATE), MAP(ARRAY)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_RDONLY | BPF_F_WRONLY));
}

CASE("cmd.map_lookup_elem.flags.unknown_einval", NEEDS(CMD(MAP_LOOKUP_ELEM), MAP(ARRAY)))
{
	__u32 key = 0;
	__u64 val;
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));

	ASSERT_OK(map_lookup_flags(fd, &key, &val, 0));
	ASSERT_ERRNO(EINVAL, map_lookup_flags(fd, &key, &val, 1ULL << 30));
}

CASE("cmd.map_update_elem.flags.unknown_einval", NEEDS(CMD(MAP_UPDATE_ELEM), MAP(ARRAY)))
{
	__u32 key = 0;
	__u64 val = 1;
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));

	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, &val, 1ULL << 30));
}

CASE("cmd.map_lookup_batch.flags.unknown_elem_flags_einval",
     NEEDS(CMD(MAP_LOOKUP_BATCH), MAP(ARRAY)))
{
	__u32 keys[1], out;
	__u64 vals[1];
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	union bpf_attr attr = { .batch = { .out_batch = PTR(&out), .keys = PTR(keys),
					   .values = PTR(vals), .count = 1,
					   .map_fd = (__u32)fd, .elem_flags = 1ULL << 30 } };

	ASSERT_ERRNO(EINVAL, sys_bpf_map_lookup_batch(&attr));
}

CASE("cmd.prog_load.flags.unknown_einval", NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	struct prog_spec spec = {
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	};

	ASSERT_FD(prog_load(&spec));
	spec.prog_flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, prog_load(&spec));
}

CASE("cmd.obj_pin.flags.unknown_einval", NEEDS(CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	union bpf_attr attr = { .pathname = PTR(bpffs_path("flags")), .bpf_fd = (__u32)fd,
				.file_flags = HIGH_BIT };

	ASSERT_ERRNO(EINVAL, sys_bpf_obj_pin(&attr));
	attr.file_flags = 0;
	ASSERT_OK(sys_bpf_obj_pin(&attr));
}

CASE("cmd.obj_get.flags.unknown_einval", NEEDS(CMD(OBJ_GET)))
{
	ASSERT_ERRNO(ENOENT, obj_get("/nonexistent-bpfconform/pin", 0));
	ASSERT_ERRNO(EINVAL, obj_get("/nonexistent-bpfconform/pin", HIGH_BIT));
}

/* bpf_get_file_flag() refuses read-only and write-only at once, before
 * the path is looked up. */
CASE("cmd.obj_get.flags.rdonly_wronly_einval", NEEDS(CMD(OBJ_GET)))
{
	ASSERT_ERRNO(EINVAL, obj_get("/nonexistent-bpfconform/pin", BPF_F_RDONLY | BPF_F_WRONLY));
}

CASE("cmd.prog_attach.flags.unknown_einval",
     NEEDS(CMD(PROG_ATTACH), ATTACH(CGROUP_INET_INGRESS)))
{
	int fd = closed_fd();

	ASSERT_ERRNO(EBADF, prog_attach(fd, fd, BPF_CGROUP_INET_INGRESS, 0));
	ASSERT_ERRNO(EINVAL, prog_attach(fd, fd, BPF_CGROUP_INET_INGRESS, HIGH_BIT));
}

CASE("cmd.prog_query.flags.unknown_einval",
     NEEDS(CMD(PROG_QUERY), ATTACH(CGROUP_INET_INGRESS)))
{
	union bpf_attr attr = { .query = { .target_fd = (__u32)closed_fd(),
					   .attach_type = BPF_CGROUP_INET_INGRESS } };

	ASSERT_ERRNO(EBADF, sys_bpf_prog_query(&attr));
	attr.query.query_flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, sys_bpf_prog_query(&attr));
}

CASE("cmd.prog_test_run.flags.unknown_einval",
     NEEDS(CMD(PROG_TEST_RUN), PROG_TYPE(SOCKET_FILTER)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0));

	ASSERT_OK(prog_test_run(fd, &run));
	run.flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, prog_test_run(fd, &run));
}

static void by_id_flags(int (*cmd)(union bpf_attr *))
{
	union bpf_attr attr = { .prog_id = INT_MAX - 1 };

	ASSERT_ERRNO(ENOENT, cmd(&attr));
	attr.open_flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, cmd(&attr));
}

CASE("cmd.prog_get_fd_by_id.flags.unknown_einval", NEEDS(CMD(PROG_GET_FD_BY_ID)))
{
	by_id_flags(sys_bpf_prog_get_fd_by_id);
}

CASE("cmd.map_get_fd_by_id.flags.unknown_einval", NEEDS(CMD(MAP_GET_FD_BY_ID)))
{
	by_id_flags(sys_bpf_map_get_fd_by_id);
}

CASE("cmd.btf_get_fd_by_id.flags.unknown_einval", NEEDS(CMD(BTF_GET_FD_BY_ID)))
{
	by_id_flags(sys_bpf_btf_get_fd_by_id);
}

CASE("cmd.link_get_fd_by_id.flags.unknown_einval", NEEDS(CMD(LINK_GET_FD_BY_ID)))
{
	by_id_flags(sys_bpf_link_get_fd_by_id);
}

CASE("cmd.task_fd_query.flags.unknown_einval", NEEDS(CMD(TASK_FD_QUERY)))
{
	union bpf_attr attr = { .task_fd_query = { .pid = (__u32)getpid(),
						   .fd = (__u32)closed_fd() } };

	ASSERT_ERRNO(EBADF, sys_bpf_task_fd_query(&attr));
	attr.task_fd_query.flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, sys_bpf_task_fd_query(&attr));
}

CASE("cmd.link_update.flags.unknown_einval", NEEDS(CMD(LINK_UPDATE)))
{
	union bpf_attr attr = { .link_update = { .link_fd = (__u32)closed_fd() } };

	ASSERT_ERRNO(EBADF, sys_bpf_link_update(&attr));
	attr.link_update.flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, sys_bpf_link_update(&attr));
}

CASE("cmd.iter_create.flags.unknown_einval", NEEDS(CMD(ITER_CREATE)))
{
	union bpf_attr attr = { .iter_create = { .link_fd = (__u32)closed_fd() } };

	ASSERT_ERRNO(EBADF, sys_bpf_iter_create(&attr));
	attr.iter_create.flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, sys_bpf_iter_create(&attr));
}

CASE("cmd.prog_bind_map.flags.unknown_einval",
     NEEDS(CMD(PROG_BIND_MAP), MAP(ARRAY), PROG_TYPE(SOCKET_FILTER)))
{
	union bpf_attr attr = { .prog_bind_map = {
		.prog_fd = (__u32)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0)),
		.map_fd = (__u32)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0)),
		.flags = HIGH_BIT } };

	ASSERT_ERRNO(EINVAL, sys_bpf_prog_bind_map(&attr));
	attr.prog_bind_map.flags = 0;
	ASSERT_OK(sys_bpf_prog_bind_map(&attr));
}

CASE("cmd.token_create.flags.unknown_einval", NEEDS(CMD(TOKEN_CREATE)))
{
	union bpf_attr attr = { .token_create = { .bpffs_fd = (__u32)closed_fd() } };

	ASSERT_ERRNO(EBADF, sys_bpf_token_create(&attr));
	attr.token_create.flags = HIGH_BIT;
	ASSERT_ERRNO(EINVAL, sys_bpf_token_create(&attr));
}
