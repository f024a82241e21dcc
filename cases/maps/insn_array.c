// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_INSN_ARRAY (7.x, kernel/bpf/bpf_insn_array.c, "Copyright
 * (c) 2025 Isovalent"): a table of instruction offsets of one program,
 * used by the verifier and JITs for jump tables.  Key 4 bytes, value
 * struct bpf_insn_array_value { u32 orig_off, xlated_off, jitted_off, pad }
 * (16 bytes), no map flags (insn_array_alloc_check(): EINVAL); the kernel
 * makes it read-only for programs (BPF_F_RDONLY_PROG in the reported
 * flags).  User space writes only orig_off (xlated/jitted offsets are the
 * kernel's: EINVAL), and elements cannot be deleted (EINVAL).
 * Written from the kernel source; the host (6.18) does not declare the
 * type, so these cases run on 7.2 only.
 */
#include "cases/maps/maps.h"

/* struct bpf_insn_array_value; not in our uapi copy yet. */
struct insn_array_value {
	__u32 orig_off;
	__u32 xlated_off;
	__u32 jitted_off;
	__u32 pad;
};

CASE("map.insn_array.create.info_reports_attrs",
     NEEDS(MAP(INSN_ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_INSN_ARRAY, .key_size = 4,
				.value_size = sizeof(struct insn_array_value),
				.max_entries = 4 };

	map_create_checked_flags(&attr, "insn_array", BPF_F_RDONLY_PROG);
}

CASE("map.insn_array.create.value_size_8_einval", NEEDS(MAP(INSN_ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_INSN_ARRAY, 4, 8, 4, 0));
}

CASE("map.insn_array.create.flags_einval", NEEDS(MAP(INSN_ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_INSN_ARRAY, 4,
					sizeof(struct insn_array_value), 4, BPF_F_RDONLY_PROG));
}

CASE("map.insn_array.update.orig_off_roundtrip",
     NEEDS(MAP(INSN_ARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	struct insn_array_value val = { .orig_off = 3 }, seen;
	__u32 key = 1;
	int fd = map_create(BPF_MAP_TYPE_INSN_ARRAY, 4, sizeof(val), 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	memset(&seen, 0xff, sizeof(seen));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(3, seen.orig_off);
}

CASE("map.insn_array.update.xlated_off_einval",
     NEEDS(MAP(INSN_ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	struct insn_array_value val = { .orig_off = 3, .xlated_off = 3 };
	__u32 key = 0;
	int fd = map_create(BPF_MAP_TYPE_INSN_ARRAY, 4, sizeof(val), 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, &val, BPF_ANY));
}

CASE("map.insn_array.delete.einval", NEEDS(MAP(INSN_ARRAY), CMD(MAP_DELETE_ELEM)))
{
	__u32 key = 0;
	int fd = map_create(BPF_MAP_TYPE_INSN_ARRAY, 4, sizeof(struct insn_array_value), 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_delete(fd, &key));
}
