// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_ASSOC_STRUCT_OPS (7.x): associate a program with a struct_ops
 * map.  prog_assoc_struct_ops() in kernel/bpf/syscall.c refuses flags
 * (none are defined), takes the program first (a bad fd is its errno), a
 * struct_ops program itself (EINVAL: it is associated by its map already),
 * and a map that is not a struct_ops map (EINVAL).
 */
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"

static int assoc(int map_fd, int prog_fd, __u32 flags)
{
	union bpf_attr attr = {
		.prog_assoc_struct_ops = {
			.map_fd = (__u32)map_fd, .prog_fd = (__u32)prog_fd, .flags = flags,
		},
	};

	return sys_bpf_prog_assoc_struct_ops(&attr);
}

#define NEEDS_ASSOC(...) NEEDS(CMD(PROG_ASSOC_STRUCT_OPS), PROG_TYPE(SOCKET_FILTER), \
			       MAP(ARRAY), ##__VA_ARGS__)

CASE("cmd.prog_assoc_struct_ops.flags_einval", NEEDS_ASSOC())
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	ASSERT_FD(prog);
	ASSERT_FD(map);
	ASSERT_ERRNO(EINVAL, assoc(map, prog, 1));
}

CASE("cmd.prog_assoc_struct_ops.closed_prog_fd_ebadf", NEEDS_ASSOC())
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	ASSERT_FD(prog);
	ASSERT_FD(map);
	close(prog);
	ASSERT_ERRNO(EBADF, assoc(map, prog, 0));
}

CASE("cmd.prog_assoc_struct_ops.closed_map_fd_ebadf", NEEDS_ASSOC())
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	ASSERT_FD(prog);
	ASSERT_FD(map);
	close(map);
	ASSERT_ERRNO(EBADF, assoc(map, prog, 0));
}

/* Only a struct_ops map can be associated with. */
CASE("cmd.prog_assoc_struct_ops.array_map_einval", NEEDS_ASSOC())
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	ASSERT_FD(prog);
	ASSERT_FD(map);
	ASSERT_ERRNO(EINVAL, assoc(map, prog, 0));
}
