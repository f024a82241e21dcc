// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_ARRAY creation: the attributes come back through
 * OBJ_GET_INFO_BY_FD, and array_map_alloc_check() (kernel/bpf/arraymap.c)
 * refuses zero sizes, zero max_entries and flags outside
 * ARRAY_CREATE_FLAG_MASK (BPF_F_NO_PREALLOC among them: arrays are always
 * preallocated) with EINVAL, on every kernel since 4.x.
 */
#include "cases/maps/maps.h"

CASE("map.array.create.info_reports_attrs",
     NEEDS(MAP(ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4,
				.value_size = 24, .max_entries = 5 };

	map_create_checked(&attr, "array_info");
}

CASE("map.array.create.value_size_zero_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 0, 4, 0));
}

CASE("map.array.create.max_entries_zero_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 0, 0));
}

CASE("map.array.create.no_prealloc_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_NO_PREALLOC));
}

/* An index past the end does not exist for lookups. */
CASE("map.array.lookup.index_out_of_range_enoent", NEEDS(MAP(ARRAY), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 4;
	__u64 val;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, &val));
}

/* BPF_EXIST on an index that is in range: every element exists. */
CASE("map.array.update.exist_flag_ok", NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 2;
	__u64 val = 9, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_EXIST));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(9, seen);
}
