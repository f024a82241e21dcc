// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_RHASH (7.x, rhtab_map_ops in kernel/bpf/hashtab.c): a hash
 * table on the kernel's resizable rhashtable, always allocated on demand
 * (created with BPF_F_NO_PREALLOC, as its selftests do).  The element
 * rules it shares with the other hash tables: NOEXIST on a present key is
 * EEXIST, EXIST on a missing one ENOENT, delete then lookup ENOENT.
 * Written from the kernel's selftests and documentation; the host (6.18)
 * does not declare the type, so these cases run on 7.2 only.
 */
#include "cases/maps/maps.h"

static int rhash_create(void)
{
	return map_create(BPF_MAP_TYPE_RHASH, 4, 8, 16, BPF_F_NO_PREALLOC);
}

CASE("map.rhash.create.info_reports_attrs",
     NEEDS(MAP(RHASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_RHASH, .key_size = 4,
				.value_size = 8, .max_entries = 16,
				.map_flags = BPF_F_NO_PREALLOC };

	map_create_checked(&attr, "rhash");
}

CASE("map.rhash.update.flags_exist_noexist",
     NEEDS(MAP(RHASH), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 5;
	__u64 val = 50, seen = 0;
	int fd = rhash_create();

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOENT, map_update(fd, &key, &val, BPF_EXIST));
	ASSERT_OK(map_update(fd, &key, &val, BPF_NOEXIST));
	ASSERT_ERRNO(EEXIST, map_update(fd, &key, &val, BPF_NOEXIST));
	val = 51;
	ASSERT_OK(map_update(fd, &key, &val, BPF_EXIST));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(51, seen);
}

CASE("map.rhash.delete.then_lookup_enoent",
     NEEDS(MAP(RHASH), CMD(MAP_DELETE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 9;
	__u64 val = 1;
	int fd = rhash_create();

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_delete(fd, &key));
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, &val));
	ASSERT_ERRNO(ENOENT, map_delete(fd, &key));
}
