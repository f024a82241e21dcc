// SPDX-License-Identifier: GPL-2.0
/*
 * Access flags at creation (5.2, commit 591fe9888d78 "bpf: add program side
 * {rd, wr}only support for maps" and earlier 6e71b04a8224 for the fd
 * side): BPF_F_RDONLY / BPF_F_WRONLY restrict what the syscall side may do
 * with the fd (EPERM), BPF_F_RDONLY_PROG / BPF_F_WRONLY_PROG what the
 * verifier lets a program do with the value (EACCES at load).
 */
#include "cases/maps/maps.h"

CASE("map.access.rdonly_fd_update_eperm", NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 0;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_RDONLY);

	ASSERT_FD(fd);
	ASSERT_OK(map_lookup(fd, &key, &val));
	ASSERT_ERRNO(EPERM, map_update(fd, &key, &val, BPF_ANY));
}

CASE("map.access.wronly_fd_lookup_eperm", NEEDS(MAP(ARRAY), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 0;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_WRONLY);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_ERRNO(EPERM, map_lookup(fd, &key, &val));
}

/* A walk reads keys: a write-only fd may not. */
CASE("map.access.wronly_fd_next_key_eperm", NEEDS(MAP(HASH), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 next;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 1, BPF_F_WRONLY);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EPERM, map_next_key(fd, NULL, &next));
}

/* Load a program that does 'store' (1) or 'load' (0) through a pointer to
 * the value of array map "m". */
static int value_access_prog(int store)
{
	if (store)
		return prog_load(&(struct prog_spec){
			.type = BPF_PROG_TYPE_SOCKET_FILTER,
			.insns = PROG(
				BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
				BPF_LD_MAP_FD(BPF_REG_1, "m"),
				BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
				BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
				BPF_CALL_HELPER(map_lookup_elem),
				BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
				BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 1),	/* *val = 1 */
				LABEL("out"),
				BPF_MOV64_IMM(BPF_REG_0, 0),
				BPF_EXIT_INSN(),
			),
		});
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
			BPF_LD_MAP_FD(BPF_REG_1, "m"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_0, 0),	/* return *val */
			LABEL("out"),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("map.access.rdonly_prog_store_eacces",
     NEEDS(MAP(ARRAY), PROG_TYPE(SOCKET_FILTER), HELPER(map_lookup_elem)))
{
	ASSERT_FD(case_map("m", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_RDONLY_PROG)));
	ASSERT_ERRNO(EACCES, value_access_prog(1));
	/* Reading is still allowed. */
	ASSERT_FD(value_access_prog(0));
}

CASE("map.access.wronly_prog_load_eacces",
     NEEDS(MAP(ARRAY), PROG_TYPE(SOCKET_FILTER), HELPER(map_lookup_elem)))
{
	ASSERT_FD(case_map("m", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_WRONLY_PROG)));
	ASSERT_ERRNO(EACCES, value_access_prog(0));
	ASSERT_FD(value_access_prog(1));
}

/* The syscall side is not restricted by the program-side flags. */
CASE("map.access.rdonly_prog_syscall_writes",
     NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 0;
	__u64 val = 3, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_RDONLY_PROG);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(3, seen);
}
