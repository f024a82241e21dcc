// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_CREATE rules shared by every map type (map_create() in
 * kernel/bpf/syscall.c): an unknown type, read-only together with
 * write-only (for user space or for programs), an unknown NUMA node, a
 * bad name.  All EINVAL, from 5.10 to 6.18.  (The attr's size and tail
 * rules are cases/cmd's.)
 */
#include "cases/maps/maps.h"

CASE("map.create.unknown_type_einval", NEEDS(CMD(MAP_CREATE)))
{
	/* Far past any type a kernel declares. */
	ASSERT_ERRNO(EINVAL, map_create((enum bpf_map_type)0x7fff, 4, 8, 1, 0));
}

CASE("map.create.unspec_type_einval", NEEDS(MAP(UNSPEC), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_UNSPEC, 4, 8, 1, 0));
}

CASE("map.create.rdonly_and_wronly_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, BPF_F_RDONLY | BPF_F_WRONLY));
}

CASE("map.create.rdonly_prog_and_wronly_prog_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1,
					BPF_F_RDONLY_PROG | BPF_F_WRONLY_PROG));
}

/* BPF_F_NUMA_NODE with a node that does not exist. */
CASE("map.create.numa_node_invalid_einval", NEEDS(MAP(HASH), CMD(MAP_CREATE)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_HASH, .key_size = 4,
				.value_size = 8, .max_entries = 1,
				.map_flags = BPF_F_NUMA_NODE, .numa_node = 4096 };

	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

/* A name may hold only alphanumerics, '_' and '.'. */
CASE("map.create.name_bad_char_einval", NEEDS(MAP(ARRAY), CMD(MAP_CREATE)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4,
				.value_size = 8, .max_entries = 1 };

	memcpy(attr.map_name, "bad-name", 9);
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}
