// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_QUEUE and BPF_MAP_TYPE_STACK (4.20): keyless maps.  From
 * the syscall side push is UPDATE_ELEM with a NULL key, peek is LOOKUP_ELEM
 * and pop is LOOKUP_AND_DELETE_ELEM.  A full map is E2BIG unless BPF_EXIST
 * asks to drop the oldest element; an empty one is ENOENT.  Creation
 * (queue_stack_map_alloc_check()) wants key_size 0 and a value.
 */
#include "cases/maps/maps.h"

CASE("map.queue.create.info_reports_attrs",
     NEEDS(MAP(QUEUE), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_QUEUE, .key_size = 0,
				.value_size = 8, .max_entries = 4 };

	map_create_checked(&attr, "queue");
}

CASE("map.stack.create.info_reports_attrs",
     NEEDS(MAP(STACK), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_STACK, .key_size = 0,
				.value_size = 4, .max_entries = 3 };

	map_create_checked(&attr, "stack");
}

CASE("map.queue.create.key_size_nonzero_einval", NEEDS(MAP(QUEUE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_QUEUE, 4, 8, 4, 0));
}

CASE("map.stack.create.value_size_zero_einval", NEEDS(MAP(STACK), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_STACK, 0, 0, 4, 0));
}

CASE("map.queue.create.no_prealloc_einval", NEEDS(MAP(QUEUE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 4, BPF_F_NO_PREALLOC));
}

/* Push 1, 2, 3; peek does not remove; pops come out in 'order'. */
static void push_peek_pop(enum bpf_map_type type, const __u64 order[3])
{
	__u64 v, seen = 0;
	int fd = map_create(type, 0, 8, 3, 0);

	ASSERT_FD(fd);
	for (v = 1; v <= 3; v++)
		ASSERT_OK(map_update(fd, NULL, &v, BPF_ANY));
	ASSERT_OK(map_lookup(fd, NULL, &seen));
	ASSERT_EQ(order[0], seen);
	for (int i = 0; i < 3; i++) {
		ASSERT_OK(map_lookup_and_delete(fd, NULL, &seen));
		ASSERT_EQ(order[i], seen);
	}
	ASSERT_ERRNO(ENOENT, map_lookup_and_delete(fd, NULL, &seen));
	ASSERT_ERRNO(ENOENT, map_lookup(fd, NULL, &seen));
}

CASE("map.queue.pop.fifo_order",
     NEEDS(MAP(QUEUE), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_AND_DELETE_ELEM)))
{
	push_peek_pop(BPF_MAP_TYPE_QUEUE, (const __u64[]){ 1, 2, 3 });
}

CASE("map.stack.pop.lifo_order",
     NEEDS(MAP(STACK), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_AND_DELETE_ELEM)))
{
	push_peek_pop(BPF_MAP_TYPE_STACK, (const __u64[]){ 3, 2, 1 });
}

CASE("map.queue.push.full_e2big", NEEDS(MAP(QUEUE), CMD(MAP_UPDATE_ELEM)))
{
	__u64 v = 1;
	int fd = map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, NULL, &v, BPF_ANY));
	ASSERT_OK(map_update(fd, NULL, &v, BPF_ANY));
	ASSERT_ERRNO(E2BIG, map_update(fd, NULL, &v, BPF_ANY));
}

/* BPF_EXIST on a full queue drops the oldest element to make room. */
CASE("map.queue.push.exist_flag_overwrites_oldest",
     NEEDS(MAP(QUEUE), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_AND_DELETE_ELEM)))
{
	__u64 v, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 2, 0);

	ASSERT_FD(fd);
	for (v = 1; v <= 3; v++)
		ASSERT_OK(map_update(fd, NULL, &v, BPF_EXIST));
	ASSERT_OK(map_lookup_and_delete(fd, NULL, &seen));
	ASSERT_EQ(2, seen);
}

/* Queues have no keys to delete or walk. */
CASE("map.stack.delete.einval", NEEDS(MAP(STACK), CMD(MAP_DELETE_ELEM)))
{
	__u64 v = 1;
	int fd = map_create(BPF_MAP_TYPE_STACK, 0, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, NULL, &v, BPF_ANY));
	ASSERT_ERRNO(EINVAL, map_delete(fd, NULL));
}

/* A program pushes 7 and pops what the syscall pushed first (FIFO). */
CASE("map.queue.prog.push_pop",
     NEEDS(MAP(QUEUE), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(map_push_elem), HELPER(map_pop_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u64 v = 40, seen = 0;
	int map = case_map("q", map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 4, 0));
	int prog;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, NULL, &v, BPF_ANY));
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* push(q, &(u64){7}, 0) */
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 7),
			BPF_LD_MAP_FD(BPF_REG_1, "q"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -8),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_CALL_HELPER(map_push_elem),
			BPF_JMP_IMM(BPF_JNE, BPF_REG_0, 0, "fail"),
			/* if (pop(q, fp - 16)) goto fail; return *(u64 *)(fp - 16) */
			BPF_LD_MAP_FD(BPF_REG_1, "q"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -16),
			BPF_CALL_HELPER(map_pop_elem),
			BPF_JMP_IMM(BPF_JNE, BPF_REG_0, 0, "fail"),
			BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -16),
			BPF_EXIT_INSN(),
			LABEL("fail"),
			BPF_MOV64_IMM(BPF_REG_0, 1),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(40, run.retval);
	ASSERT_OK(map_lookup_and_delete(map, NULL, &seen));
	ASSERT_EQ(7, seen);
}

/*
 * A helper's error reaches the program as a 64-bit negative value.  Guards
 * commit d7ba4cc900bf ("bpf: return long from bpf_map_ops funcs", 6.5):
 * before it the verifier called the map's int-returning pop op directly
 * and -ENOENT arrived zero-extended (0x00000000fffffffe, seen on 6.1).  A
 * kernel that fails here lacks that fix.
 */
CASE("map.queue.prog.pop_empty_enoent_64bit",
     NEEDS(MAP(QUEUE), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN), HELPER(map_pop_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("q", map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 4, 0)), prog;

	ASSERT_FD(map);
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* return pop(q, fp - 8) == -ENOENT (all 64 bits) ? 1 : 2 */
			BPF_LD_MAP_FD(BPF_REG_1, "q"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -8),
			BPF_CALL_HELPER(map_pop_elem),
			BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
			BPF_MOV64_IMM(BPF_REG_0, 1),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, -ENOENT, "out"),
			BPF_MOV64_IMM(BPF_REG_0, 2),
			LABEL("out"),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(1, run.retval);
}
