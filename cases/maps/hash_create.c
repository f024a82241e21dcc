// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_HASH creation: what the kernel accepts and reports back, and
 * the rules of htab_map_alloc_check() (kernel/bpf/hashtab.c), unchanged in
 * their errnos from 5.10 to 6.18: zero sizes or max_entries are EINVAL,
 * flags outside HTAB_CREATE_FLAG_MASK are EINVAL.  Not pinned: a key larger
 * than the BPF stack (512 bytes) was E2BIG until 5.11 lifted the limit
 * (commit c6bde958a62b "bpf: Lift hashtab key_size limit"), with no BTF or
 * config fact to tell the two apart.
 */
#include "cases/maps/maps.h"

CASE("map.hash.create.info_reports_attrs", NEEDS(MAP(HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_HASH, .key_size = 12,
				.value_size = 20, .max_entries = 7,
				.map_flags = BPF_F_NO_PREALLOC };

	map_create_checked(&attr, "hash_info");
}

CASE("map.hash.create.key_size_zero_einval", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_HASH, 0, 8, 4, 0));
}

CASE("map.hash.create.value_size_zero_einval", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_HASH, 4, 0, 4, 0));
}

CASE("map.hash.create.max_entries_zero_einval", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_HASH, 4, 8, 0, 0));
}

CASE("map.hash.create.mmapable_flag_einval", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, BPF_F_MMAPABLE));
}

/* BPF_F_NO_COMMON_LRU only means something for LRU hashes. */
CASE("map.hash.create.no_common_lru_flag_einval", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, BPF_F_NO_COMMON_LRU));
}

/* The same full-table rule holds when elements are allocated on demand. */
CASE("map.hash.update.no_prealloc_full_e2big", NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u64 val = 1;
	__u32 key;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, BPF_F_NO_PREALLOC);

	ASSERT_FD(fd);
	for (key = 0; key < 2; key++)
		ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_ERRNO(E2BIG, map_update(fd, &key, &val, BPF_ANY));
	/* Replacing an existing key in a full table is still fine. */
	key = 0;
	ASSERT_OK(map_update(fd, &key, &val, BPF_EXIST));
}

/* Update flags above BPF_F_LOCK are unknown: EINVAL before any lookup. */
CASE("map.hash.update.unknown_flag_einval", NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 1;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, &val, BPF_F_LOCK << 1));
}

/* NOEXIST and EXIST together are not a valid request. */
CASE("map.hash.update.noexist_and_exist_einval", NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 1;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, &val, BPF_NOEXIST | BPF_EXIST));
}
