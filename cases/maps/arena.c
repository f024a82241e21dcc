// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_ARENA (6.9, commit 317460317a02 "bpf: Introduce bpf_arena"):
 * a sparse memory region shared by programs and user space; max_entries
 * is its size in pages, key and value sizes are 0, and BPF_F_MMAPABLE is
 * required (arena_map_alloc(): EINVAL otherwise).  User space maps it and
 * pages appear on first touch.  Arenas have no elements for the syscall
 * side.
 */
#include <sys/mman.h>
#include <unistd.h>

#include "cases/maps/maps.h"

CASE("map.arena.create.info_reports_attrs",
     NEEDS(MAP(ARENA), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_ARENA, .max_entries = 4,
				.map_flags = BPF_F_MMAPABLE };

	map_create_checked(&attr, "arena");
}

CASE("map.arena.create.without_mmapable_einval", NEEDS(MAP(ARENA), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARENA, 0, 0, 4, 0));
}

CASE("map.arena.create.value_size_nonzero_einval", NEEDS(MAP(ARENA), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARENA, 0, 8, 4, BPF_F_MMAPABLE));
}

CASE("map.arena.create.max_entries_zero_einval", NEEDS(MAP(ARENA), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARENA, 0, 0, 0, BPF_F_MMAPABLE));
}

/* Pages appear on first touch from user space: writes to two pages of
 * the mapping read back. */
CASE("map.arena.mmap.touch_allocates_pages", NEEDS(MAP(ARENA), CMD(MAP_CREATE)))
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	int fd = map_create(BPF_MAP_TYPE_ARENA, 0, 0, 2, BPF_F_MMAPABLE);
	volatile __u64 *a;

	ASSERT_FD(fd);
	a = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(a != MAP_FAILED);
	a[0] = 0xa11a;
	a[pg / 8] = 0xb22b;
	ASSERT_EQ(0xa11a, a[0]);
	ASSERT_EQ(0xb22b, a[pg / 8]);
	munmap((void *)a, 2 * pg);
}

CASE("map.arena.lookup.einval", NEEDS(MAP(ARENA), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 0;
	__u64 val;
	int fd = map_create(BPF_MAP_TYPE_ARENA, 0, 0, 2, BPF_F_MMAPABLE);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_lookup(fd, &key, &val));
}
