// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_ARRAY: the element rules every kernel since 3.19 keeps.
 * Arrays are preallocated and zero-filled; every index below max_entries
 * exists, so NOEXIST always fails and delete is refused.
 */
#include "harness/case.h"
#include "harness/objects.h"

CASE("map.array.lookup.zero_filled", NEEDS(MAP(ARRAY), CMD(MAP_CREATE), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 3;
	__u64 val = 0xdead;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_lookup(fd, &key, &val));
	ASSERT_EQ(0, val);
}

CASE("map.array.update.any_then_lookup", NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 1;
	__u64 val = 0x1122334455667788ULL, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ_U64(val, seen);
}

CASE("map.array.update.noexist_flag_eexist", NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 0;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EEXIST, map_update(fd, &key, &val, BPF_NOEXIST));
}

CASE("map.array.update.index_out_of_range_e2big", NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 4;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(E2BIG, map_update(fd, &key, &val, BPF_ANY));
}

CASE("map.array.delete.einval", NEEDS(MAP(ARRAY), CMD(MAP_DELETE_ELEM)))
{
	__u32 key = 0;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_delete(fd, &key));
}

CASE("map.array.create.key_size_not_4_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 8, 8, 4, 0));
}
