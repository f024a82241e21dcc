// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_LRU_HASH (4.10): a full table evicts instead of failing with
 * E2BIG, and LRU maps are always preallocated (BPF_F_NO_PREALLOC is
 * ENOTSUPP, the kernel-internal 524, since 4.10; htab_map_alloc_check()).
 */
#include "cases/maps/maps.h"

CASE("map.lru_hash.create.info_reports_attrs",
     NEEDS(MAP(LRU_HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_LRU_HASH, .key_size = 4,
				.value_size = 8, .max_entries = 16 };

	map_create_checked(&attr, "lru_hash");
}

CASE("map.lru_hash.create.no_prealloc_enotsupp", NEEDS(MAP(LRU_HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(ENOTSUPP, map_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, 16, BPF_F_NO_PREALLOC));
}

CASE("map.lru_hash.create.value_size_zero_einval", NEEDS(MAP(LRU_HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_LRU_HASH, 4, 0, 16, 0));
}

/* Four times as many distinct keys as entries: every update succeeds, the
 * newest key is present, and no more than max_entries keys remain. */
CASE("map.lru_hash.update.full_evicts",
     NEEDS(MAP(LRU_HASH), CMD(MAP_UPDATE_ELEM), CMD(MAP_GET_NEXT_KEY)))
{
	enum { MAX = 8 };
	__u32 key, next;
	__u64 val = 0;
	int fd = map_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, MAX, 0), n = 0, ret;

	ASSERT_FD(fd);
	for (key = 0; key < 4 * MAX; key++) {
		val = key;
		ASSERT_OK(map_update(fd, &key, &val, BPF_NOEXIST));
	}
	key = 4 * MAX - 1;
	ASSERT_OK(map_lookup(fd, &key, &val));
	ASSERT_EQ(4 * MAX - 1, val);
	for (ret = map_next_key(fd, NULL, &next); ret == 0; ret = map_next_key(fd, &key, &next)) {
		key = next;
		n++;
		ASSERT_LE(n, 4 * MAX);
	}
	ASSERT_ERRNO(ENOENT, ret);
	ASSERT_LE(n, MAX);
	ASSERT_GT(n, 0);
}

/* BPF_F_NO_COMMON_LRU gives each CPU its own LRU list; max_entries is
 * rounded to a multiple of the possible CPUs so each list has entries. */
CASE("map.lru_hash.create.no_common_lru_rounds_max_entries",
     NEEDS(MAP(LRU_HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	int ncpus = possible_cpus();
	struct bpf_map_info info;
	int fd = map_create(BPF_MAP_TYPE_LRU_HASH, 4, 8, ncpus * 4 + 1, BPF_F_NO_COMMON_LRU);

	ASSERT_FD(fd);
	ASSERT_OK(map_info(fd, &info));
	ASSERT_EQ(0, info.max_entries % ncpus);
	ASSERT_LE(ncpus * 4, info.max_entries);
}
