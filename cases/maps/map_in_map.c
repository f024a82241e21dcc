// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_ARRAY_OF_MAPS and BPF_MAP_TYPE_HASH_OF_MAPS (4.12): the
 * outer map is created from an inner map template (inner_map_fd), values
 * are map fds on update and map IDs on syscall lookup.  An inserted map
 * must match the template (type, key/value size, flags, and max_entries
 * unless the template has BPF_F_INNER_MAP, 5.10): otherwise EINVAL.  Only
 * one level of nesting (bpf_map_meta_alloc(): EINVAL).  A program looks up
 * the inner map, then an element in it.
 */
#include <fcntl.h>

#include "cases/maps/maps.h"
#include "harness/lifetime.h"

static int outer_create(enum bpf_map_type type, int inner_fd, __u32 key_size)
{
	union bpf_attr attr = { .map_type = type, .key_size = key_size, .value_size = 4,
				.max_entries = 2, .inner_map_fd = (__u32)inner_fd };

	return map_create_attr(&attr);
}

CASE("map.array_of_maps.create.info_reports_attrs",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_ARRAY_OF_MAPS, .key_size = 4,
				.value_size = 4, .max_entries = 3 };

	ASSERT_FD(inner);
	attr.inner_map_fd = (__u32)inner;
	map_create_checked(&attr, "aom");
}

CASE("map.hash_of_maps.create.info_reports_attrs",
     NEEDS(MAP(HASH_OF_MAPS), MAP(HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	int inner = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0);
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_HASH_OF_MAPS, .key_size = 8,
				.value_size = 4, .max_entries = 3 };

	ASSERT_FD(inner);
	attr.inner_map_fd = (__u32)inner;
	map_create_checked(&attr, "hom");
}

CASE("map.array_of_maps.create.inner_fd_invalid_ebadf",
     NEEDS(MAP(ARRAY_OF_MAPS), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EBADF, outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, -1, 4));
}

CASE("map.hash_of_maps.create.inner_fd_not_a_map_einval",
     NEEDS(MAP(HASH_OF_MAPS), CMD(MAP_CREATE)))
{
	int file = open("/proc/self/stat", O_RDONLY);

	SETUP(file >= 0);
	ASSERT_ERRNO(EINVAL, outer_create(BPF_MAP_TYPE_HASH_OF_MAPS, file, 4));
}

CASE("map.array_of_maps.create.nested_template_einval",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_CREATE)))
{
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0), outer;

	ASSERT_FD(inner);
	outer = outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, inner, 4);
	ASSERT_FD(outer);
	ASSERT_ERRNO(EINVAL, outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, outer, 4));
}

/* Values are map fds: four bytes, nothing else. */
CASE("map.array_of_maps.create.value_size_not_4_einval",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_CREATE)))
{
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_ARRAY_OF_MAPS, .key_size = 4,
				.value_size = 8, .max_entries = 2 };

	ASSERT_FD(inner);
	attr.inner_map_fd = (__u32)inner;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

/* Update takes a map fd; lookup from the syscall side gives its ID. */
CASE("map.array_of_maps.update.lookup_gives_inner_id",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	int tmpl = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0), outer;
	__u32 key = 1, val, id = 0;

	ASSERT_FD(tmpl);
	ASSERT_FD(inner);
	outer = outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, tmpl, 4);
	ASSERT_FD(outer);
	val = (__u32)inner;
	ASSERT_OK(map_update(outer, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(outer, &key, &id));
	ASSERT_EQ(obj_id(OBJ_MAP, inner), id);
	key = 0;
	ASSERT_ERRNO(ENOENT, map_lookup(outer, &key, &id));
}

CASE("map.hash_of_maps.update.incompatible_value_size_einval",
     NEEDS(MAP(HASH_OF_MAPS), MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int tmpl = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);
	int other = map_create(BPF_MAP_TYPE_ARRAY, 4, 16, 2, 0), outer;
	__u32 key = 1, val;

	ASSERT_FD(tmpl);
	ASSERT_FD(other);
	outer = outer_create(BPF_MAP_TYPE_HASH_OF_MAPS, tmpl, 4);
	ASSERT_FD(outer);
	val = (__u32)other;
	ASSERT_ERRNO(EINVAL, map_update(outer, &key, &val, BPF_ANY));
}

CASE("map.array_of_maps.update.other_type_einval",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	int tmpl = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);
	int other = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0), outer;
	__u32 key = 0, val;

	ASSERT_FD(tmpl);
	ASSERT_FD(other);
	outer = outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, tmpl, 4);
	ASSERT_FD(outer);
	val = (__u32)other;
	ASSERT_ERRNO(EINVAL, map_update(outer, &key, &val, BPF_ANY));
}

/* Without BPF_F_INNER_MAP on the template, max_entries must match too. */
CASE("map.array_of_maps.update.other_max_entries_einval",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int tmpl = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0);
	int other = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0), outer;
	__u32 key = 0, val;

	ASSERT_FD(tmpl);
	ASSERT_FD(other);
	outer = outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, tmpl, 4);
	ASSERT_FD(outer);
	val = (__u32)other;
	ASSERT_ERRNO(EINVAL, map_update(outer, &key, &val, BPF_ANY));
}

/* With BPF_F_INNER_MAP (5.10, commit 4a8f87e60f6d) it need not. */
CASE("map.array_of_maps.update.inner_map_flag_other_max_entries_ok",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int tmpl = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, BPF_F_INNER_MAP);
	int other = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_INNER_MAP), outer;
	__u32 key = 0, val;

	ASSERT_FD(tmpl);
	ASSERT_FD(other);
	outer = outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, tmpl, 4);
	ASSERT_FD(outer);
	val = (__u32)other;
	ASSERT_OK(map_update(outer, &key, &val, BPF_ANY));
}

/* outer[0] -> inner; the program reads inner[1] through the outer map. */
CASE("map.array_of_maps.prog.lookup_through_outer",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(map_lookup_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0), outer, prog;
	__u32 key = 1, fdval;
	__u64 v = 4321;

	ASSERT_FD(inner);
	ASSERT_OK(map_update(inner, &key, &v, BPF_ANY));
	outer = case_map("outer", outer_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, inner, 4));
	ASSERT_FD(outer);
	key = 0, fdval = (__u32)inner;
	ASSERT_OK(map_update(outer, &key, &fdval, BPF_ANY));
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* r0 = lookup(outer, &(u32){0}) */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
			BPF_LD_MAP_FD(BPF_REG_1, "outer"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "fail"),
			/* r0 = lookup(inner, &(u32){1}) */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 1),
			BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "fail"),
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_0, 0),
			BPF_EXIT_INSN(),
			LABEL("fail"),
			BPF_MOV64_IMM(BPF_REG_0, 1),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(4321, run.retval);
}

/* The same through a hash of maps keyed by 8 bytes. */
CASE("map.hash_of_maps.prog.lookup_through_outer",
     NEEDS(MAP(HASH_OF_MAPS), MAP(ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(map_lookup_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0), outer, prog;
	__u64 okey = 77, v = 8765;
	__u32 key = 0, fdval;

	ASSERT_FD(inner);
	ASSERT_OK(map_update(inner, &key, &v, BPF_ANY));
	outer = case_map("outer", outer_create(BPF_MAP_TYPE_HASH_OF_MAPS, inner, 8));
	ASSERT_FD(outer);
	fdval = (__u32)inner;
	ASSERT_OK(map_update(outer, &okey, &fdval, BPF_ANY));
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* r0 = lookup(outer, &(u64){77}) */
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 77),
			BPF_LD_MAP_FD(BPF_REG_1, "outer"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -8),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "fail"),
			/* r0 = lookup(inner, &(u32){0}) */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -12, 0),
			BPF_MOV64_REG(BPF_REG_1, BPF_REG_0),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -12),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "fail"),
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_0, 0),
			BPF_EXIT_INSN(),
			LABEL("fail"),
			BPF_MOV64_IMM(BPF_REG_0, 1),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(8765, run.retval);
}
