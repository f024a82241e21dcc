// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_PROG_ARRAY (4.2): values are program fds on update and
 * program IDs on syscall lookup (4.13); the first program inserted fixes
 * the array's program type, and a program of another type is EINVAL
 * (bpf_prog_map_compatible(), called bpf_prog_array_compatible() before
 * 5.15, same rule); bpf_tail_call() jumps to the slot's program and falls
 * through when the slot is empty.
 */
#include "cases/maps/maps.h"
#include "harness/lifetime.h"

CASE("map.prog_array.create.info_reports_attrs",
     NEEDS(MAP(PROG_ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_PROG_ARRAY, .key_size = 4,
				.value_size = 4, .max_entries = 4 };

	map_create_checked(&attr, "progs");
}

CASE("map.prog_array.create.value_size_not_4_einval",
     NEEDS(MAP(PROG_ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 8, 4, 0));
}

CASE("map.prog_array.update.lookup_gives_prog_id",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(MAP_UPDATE_ELEM),
	   CMD(MAP_LOOKUP_ELEM)))
{
	int map = map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0);
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	__u32 key = 1, val, id = 0;

	ASSERT_FD(map);
	ASSERT_FD(prog);
	val = (__u32)prog;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(map, &key, &id));
	ASSERT_EQ(obj_id(OBJ_PROG, prog), id);
}

CASE("map.prog_array.update.other_prog_type_einval",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), PROG_TYPE(XDP),
	   CMD(MAP_UPDATE_ELEM)))
{
	int map = map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0);
	int sf = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	int xdp = prog_load_trivial(BPF_PROG_TYPE_XDP, 0, 2);
	__u32 key = 0, val;

	ASSERT_FD(map);
	ASSERT_FD(sf);
	ASSERT_FD(xdp);
	val = (__u32)sf;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	key = 1, val = (__u32)xdp;
	ASSERT_ERRNO(EINVAL, map_update(map, &key, &val, BPF_ANY));
}

/* A map fd is not a program fd. */
CASE("map.prog_array.update.map_fd_einval",
     NEEDS(MAP(PROG_ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int map = map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0);
	__u32 key = 0, val;

	ASSERT_FD(map);
	val = (__u32)map;
	ASSERT_ERRNO(EINVAL, map_update(map, &key, &val, BPF_ANY));
}

static int tail_caller(void)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* tail_call(ctx, jmp, 0); return 1 if it falls through */
			BPF_LD_MAP_FD(BPF_REG_2, "jmp"),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_CALL_HELPER(tail_call),
			BPF_MOV64_IMM(BPF_REG_0, 1),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("map.prog_array.prog.tail_call_jumps",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN), HELPER(tail_call)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("jmp", map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0));
	int target = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 42), caller;
	__u32 key = 0, val;

	ASSERT_FD(map);
	ASSERT_FD(target);
	val = (__u32)target;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	caller = tail_caller();
	ASSERT_FD(caller);
	ASSERT_OK(prog_test_run(caller, &run));
	ASSERT_EQ(42, run.retval);
}

CASE("map.prog_array.prog.empty_slot_falls_through",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN), HELPER(tail_call)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("jmp", map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0));
	int caller;

	ASSERT_FD(map);
	caller = tail_caller();
	ASSERT_FD(caller);
	ASSERT_OK(prog_test_run(caller, &run));
	ASSERT_EQ(1, run.retval);
}

/* A program may only tail-call through an array that holds its own type:
 * an XDP program using an array owned by socket filters does not load
 * (bpf_check_tail_call() at load, EINVAL, since 4.x). */
CASE("map.prog_array.prog.owner_type_mismatch_einval",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), PROG_TYPE(XDP), HELPER(tail_call)))
{
	int map = case_map("jmp", map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0));
	int sf = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	__u32 key = 0, val;

	ASSERT_FD(map);
	ASSERT_FD(sf);
	val = (__u32)sf;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	ASSERT_ERRNO(EINVAL, prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_XDP,
		.insns = PROG(
			BPF_LD_MAP_FD(BPF_REG_2, "jmp"),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_CALL_HELPER(tail_call),
			BPF_MOV64_IMM(BPF_REG_0, 2),
			BPF_EXIT_INSN(),
		),
	}));
}

/* Deleting the slot's program makes the tail call fall through again. */
CASE("map.prog_array.delete.tail_call_falls_through",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN), CMD(MAP_DELETE_ELEM),
	   HELPER(tail_call)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("jmp", map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0));
	int target = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 42), caller;
	__u32 key = 0, val;

	ASSERT_FD(map);
	ASSERT_FD(target);
	val = (__u32)target;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	caller = tail_caller();
	ASSERT_FD(caller);
	ASSERT_OK(map_delete(map, &key));
	ASSERT_OK(prog_test_run(caller, &run));
	ASSERT_EQ(1, run.retval);
}
