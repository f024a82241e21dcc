// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_GET_NEXT_KEY on BPF_MAP_TYPE_HASH: a walk from a NULL key visits
 * every key exactly once and ends with ENOENT; a key that is not in the
 * table restarts the walk from the first key (htab_map_get_next_key(),
 * since 4.12), so a walk survives the deletion of the current key.
 */
#include "cases/maps/maps.h"

#define NKEYS 6

CASE("map.hash.get_next_key.walk_visits_each_once",
     NEEDS(MAP(HASH), CMD(MAP_GET_NEXT_KEY)))
{
	int seen[NKEYS] = { 0 };
	__u32 key, next;
	__u64 val = 0;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, NKEYS, 0), steps = 0, ret;

	ASSERT_FD(fd);
	for (key = 0; key < NKEYS; key++)
		ASSERT_OK(map_update(fd, &key, &val, BPF_NOEXIST));
	ret = map_next_key(fd, NULL, &next);
	while (ret == 0) {
		ASSERT_LT(next, NKEYS + 0u);
		seen[next]++;
		ASSERT_LE(++steps, NKEYS);
		key = next;
		ret = map_next_key(fd, &key, &next);
	}
	ASSERT_ERRNO(ENOENT, ret);
	for (key = 0; key < NKEYS; key++)
		ASSERT_EQ(1, seen[key]);
}

CASE("map.hash.get_next_key.empty_enoent", NEEDS(MAP(HASH), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 next;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOENT, map_next_key(fd, NULL, &next));
}

CASE("map.hash.get_next_key.missing_key_gives_first",
     NEEDS(MAP(HASH), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 key, first, next, missing = 1000;
	__u64 val = 0;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	for (key = 0; key < 3; key++)
		ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_next_key(fd, NULL, &first));
	ASSERT_OK(map_next_key(fd, &missing, &next));
	ASSERT_EQ(first, next);
}

/* The last key has no successor. */
CASE("map.hash.get_next_key.last_key_enoent", NEEDS(MAP(HASH), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 key = 5, next;
	__u64 val = 0;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_next_key(fd, NULL, &next));
	ASSERT_EQ(5, next);
	ASSERT_ERRNO(ENOENT, map_next_key(fd, &key, &next));
}

/* Arrays walk indices in order; the index past the end has no successor,
 * and an out-of-range index restarts at 0. */
CASE("map.array.get_next_key.in_order", NEEDS(MAP(ARRAY), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 key, next, big = 100;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 3, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_next_key(fd, NULL, &next));
	ASSERT_EQ(0, next);
	key = 0;
	ASSERT_OK(map_next_key(fd, &key, &next));
	ASSERT_EQ(1, next);
	key = 2;
	ASSERT_ERRNO(ENOENT, map_next_key(fd, &key, &next));
	ASSERT_OK(map_next_key(fd, &big, &next));
	ASSERT_EQ(0, next);
}
