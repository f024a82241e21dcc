// SPDX-License-Identifier: GPL-2.0
/* BPF_MAP_TYPE_HASH: existence flags and a full table. */
#include "harness/case.h"
#include "harness/objects.h"

CASE("map.hash.update.exist_flag_on_missing_enoent", NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 7;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOENT, map_update(fd, &key, &val, BPF_EXIST));
}

CASE("map.hash.update.noexist_flag_on_existing_eexist", NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 7;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_NOEXIST));
	ASSERT_ERRNO(EEXIST, map_update(fd, &key, &val, BPF_NOEXIST));
}

CASE("map.hash.update.full_e2big", NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0);

	ASSERT_FD(fd);
	for (__u32 key = 0; key < 2; key++)
		ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	__u32 third = 2;
	ASSERT_ERRNO(E2BIG, map_update(fd, &third, &val, BPF_ANY));
}

CASE("map.hash.delete.then_lookup_enoent", NEEDS(MAP(HASH), CMD(MAP_DELETE_ELEM)))
{
	__u32 key = 9;
	__u64 val = 5;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_delete(fd, &key));
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, &val));
	ASSERT_ERRNO(ENOENT, map_delete(fd, &key));
}
