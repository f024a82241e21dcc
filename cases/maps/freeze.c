// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_FREEZE (5.2, commit 87df15de441b "bpf: add syscall side map
 * freeze support"): after it the syscall side may no longer write the map
 * (EPERM: map_get_sys_perms() drops FMODE_CAN_WRITE), and programs still
 * read it.  Not pinned: a second freeze, and a freeze through a read-only
 * fd.  5.2's map_freeze() answered EBUSY and success; 6.18 checks the fd's
 * write permission first and answers EPERM to both (seen on the host), and
 * stable kernels took the check as a fix, so no BTF fact or version tells
 * which a kernel has.
 */
#include "cases/maps/maps.h"

CASE("map.freeze.update_eperm", NEEDS(MAP(ARRAY), CMD(MAP_FREEZE), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 0;
	__u64 val = 1, seen = 5;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_freeze(fd));
	ASSERT_ERRNO(EPERM, map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(0, seen);
}

CASE("map.freeze.delete_eperm", NEEDS(MAP(HASH), CMD(MAP_FREEZE), CMD(MAP_DELETE_ELEM)))
{
	__u32 key = 3;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_freeze(fd));
	ASSERT_ERRNO(EPERM, map_delete(fd, &key));
}

/* A program still reads what the syscall side wrote before the freeze. */
CASE("map.freeze.prog_reads",
     NEEDS(MAP(ARRAY), CMD(MAP_FREEZE), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(map_lookup_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 key = 0;
	__u64 val = 1234;
	int map = case_map("frozen", map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
	int prog;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	ASSERT_OK(map_freeze(map));
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key = 0 */
			BPF_LD_MAP_FD(BPF_REG_1, "frozen"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_0, 0),	/* return *val */
			BPF_EXIT_INSN(),
			LABEL("out"),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(1234, run.retval);
}
