// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_F_MMAPABLE arrays (5.5, commit fc9702273e2e "bpf: Add mmap() support
 * for BPF_MAP_TYPE_ARRAY"): the value area can be mmap()ed and shares
 * memory with lookups and updates.  Without the flag mmap() is EINVAL; a
 * frozen map cannot be mapped writable (EPERM), and a map with a writable
 * mapping cannot be frozen (EBUSY) (bpf_map_mmap() and map_freeze() in
 * kernel/bpf/syscall.c, 5.5 on).
 */
#include <sys/mman.h>
#include <unistd.h>

#include "cases/maps/maps.h"

static size_t page(void)
{
	return (size_t)sysconf(_SC_PAGESIZE);
}

/* mmap() returning 0 or -errno, the mapping in *out. */
static int map_mmap(int fd, size_t len, int prot, void **out)
{
	void *p = mmap(NULL, len, prot, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		return -errno;
	*out = p;
	return 0;
}

CASE("map.array.create.mmapable_info_reports_flag",
     NEEDS(MAP(ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4,
				.value_size = 8, .max_entries = 4,
				.map_flags = BPF_F_MMAPABLE };

	map_create_checked(&attr, "mmapable");
}

CASE("map.array.mmap.shares_with_syscalls",
     NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	__u64 *mem = NULL, val = 0x77, seen = 0;
	__u32 key = 2;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_MMAPABLE);

	ASSERT_FD(fd);
	ASSERT_OK(map_mmap(fd, page(), PROT_READ | PROT_WRITE, (void **)&mem));
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_EQ(0x77, mem[2]);
	mem[3] = 0x99;
	key = 3;
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(0x99, seen);
	munmap(mem, page());
}

CASE("map.array.mmap.without_flag_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	void *mem;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_mmap(fd, page(), PROT_READ, &mem));
}

/* Only arrays (and ring buffers, arenas) implement mmap: ENOTSUPP. */
CASE("map.hash.mmap.enotsupp", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	void *mem;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOTSUPP, map_mmap(fd, page(), PROT_READ, &mem));
}

/* The mapping may not reach past the value area. */
CASE("map.array.mmap.past_end_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	void *mem;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_MMAPABLE);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_mmap(fd, 2 * page(), PROT_READ, &mem));
}

CASE("map.array.mmap.frozen_writable_eperm",
     NEEDS(MAP(ARRAY), CMD(MAP_FREEZE)))
{
	void *mem = NULL;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_MMAPABLE);

	ASSERT_FD(fd);
	ASSERT_OK(map_freeze(fd));
	ASSERT_ERRNO(EPERM, map_mmap(fd, page(), PROT_READ | PROT_WRITE, &mem));
	ASSERT_OK(map_mmap(fd, page(), PROT_READ, &mem));
	munmap(mem, page());
}

CASE("map.array.freeze.writable_mapping_ebusy",
     NEEDS(MAP(ARRAY), CMD(MAP_FREEZE)))
{
	void *mem = NULL;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, BPF_F_MMAPABLE);

	ASSERT_FD(fd);
	ASSERT_OK(map_mmap(fd, page(), PROT_READ | PROT_WRITE, &mem));
	ASSERT_ERRNO(EBUSY, map_freeze(fd));
	munmap(mem, page());
}
