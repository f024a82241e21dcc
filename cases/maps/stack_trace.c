// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_STACK_TRACE (4.6): key is a stack id (4 bytes), value an
 * array of u64 instruction pointers (a multiple of 8 bytes;
 * stack_map_alloc(): EINVAL otherwise).  Only programs fill it
 * (bpf_get_stackid()); the syscall side may read and delete but not
 * update (EINVAL).
 */
#include "cases/maps/maps.h"

CASE("map.stack_trace.create.info_reports_attrs",
     NEEDS(MAP(STACK_TRACE), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_STACK_TRACE, .key_size = 4,
				.value_size = 8 * 8, .max_entries = 4 };

	map_create_checked(&attr, "stacks");
}

CASE("map.stack_trace.create.value_size_not_multiple_of_8_einval",
     NEEDS(MAP(STACK_TRACE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_STACK_TRACE, 4, 12, 4, 0));
}

CASE("map.stack_trace.create.key_size_8_einval", NEEDS(MAP(STACK_TRACE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_STACK_TRACE, 8, 64, 4, 0));
}

CASE("map.stack_trace.update.from_syscall_einval",
     NEEDS(MAP(STACK_TRACE), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 0;
	__u64 ips[8] = { 0 };
	int fd = map_create(BPF_MAP_TYPE_STACK_TRACE, 4, sizeof(ips), 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, ips, BPF_ANY));
}

/* No stack has been recorded: lookup, delete and the walk find nothing. */
CASE("map.stack_trace.lookup.empty_enoent",
     NEEDS(MAP(STACK_TRACE), CMD(MAP_LOOKUP_ELEM), CMD(MAP_DELETE_ELEM), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 key = 1, next;
	__u64 ips[8];
	int fd = map_create(BPF_MAP_TYPE_STACK_TRACE, 4, sizeof(ips), 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, ips));
	ASSERT_ERRNO(ENOENT, map_delete(fd, &key));
	ASSERT_ERRNO(ENOENT, map_next_key(fd, NULL, &next));
}

/*
 * A raw tracepoint program run with BPF_PROG_TEST_RUN (5.10, commit
 * 1b4d60ec162f) records the kernel stack it runs on with
 * bpf_get_stackid(); the returned id is a key the syscall side can read:
 * a non-empty array of instruction pointers.
 */
CASE("map.stack_trace.prog.get_stackid_then_lookup",
     NEEDS(MAP(STACK_TRACE), PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN),
	   HELPER(get_stackid), CMD(MAP_LOOKUP_ELEM)))
{
	struct test_run run = { 0 };
	__u64 ips[16] = { 0 };
	int map = case_map("stacks", map_create(BPF_MAP_TYPE_STACK_TRACE, 4, sizeof(ips), 4, 0));
	int prog;
	__u32 id;

	ASSERT_FD(map);
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_RAW_TRACEPOINT,
		.insns = PROG(
			/* return get_stackid(ctx, stacks, 0) */
			BPF_LD_MAP_FD(BPF_REG_2, "stacks"),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_CALL_HELPER(get_stackid),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	id = run.retval;
	ASSERT_LT(id, 4u);			/* an id, not an error */
	ASSERT_OK(map_lookup(map, &id, ips));
	ASSERT_NE(0, ips[0]);
}
