// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_LPM_TRIE (4.11): keys are struct bpf_lpm_trie_key_hdr (a
 * 4-byte prefix length) followed by the data bytes, big-endian order;
 * lookup finds the longest stored prefix that matches.  trie_alloc()
 * insists on BPF_F_NO_PREALLOC and on key_size of at least 4 + 1 bytes.
 */
#include <arpa/inet.h>

#include "cases/maps/maps.h"

struct lpm_v4 {
	__u32 prefixlen;
	__u8 addr[4];
};

#define V4(A, B, C, D) { A, B, C, D }

CASE("map.lpm_trie.create.info_reports_attrs",
     NEEDS(MAP(LPM_TRIE), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_LPM_TRIE,
				.key_size = sizeof(struct lpm_v4), .value_size = 8,
				.max_entries = 16, .map_flags = BPF_F_NO_PREALLOC };

	map_create_checked(&attr, "lpm");
}

CASE("map.lpm_trie.create.prealloc_einval", NEEDS(MAP(LPM_TRIE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_LPM_TRIE, sizeof(struct lpm_v4), 8, 16, 0));
}

/* A key with no data bytes after the prefix length is too small. */
CASE("map.lpm_trie.create.key_without_data_einval", NEEDS(MAP(LPM_TRIE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_LPM_TRIE, 4, 8, 16, BPF_F_NO_PREALLOC));
}

CASE("map.lpm_trie.lookup.longest_prefix_wins",
     NEEDS(MAP(LPM_TRIE), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	struct lpm_v4 net8 = { 8, V4(10, 0, 0, 0) }, net16 = { 16, V4(10, 1, 0, 0) };
	struct lpm_v4 host = { 32, V4(10, 1, 2, 3) }, other = { 32, V4(10, 2, 0, 1) };
	struct lpm_v4 outside = { 32, V4(11, 0, 0, 1) };
	__u64 v8 = 8, v16 = 16, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_LPM_TRIE, sizeof(struct lpm_v4), 8, 16,
			    BPF_F_NO_PREALLOC);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &net8, &v8, BPF_ANY));
	ASSERT_OK(map_update(fd, &net16, &v16, BPF_ANY));
	ASSERT_OK(map_lookup(fd, &host, &seen));
	ASSERT_EQ(16, seen);
	ASSERT_OK(map_lookup(fd, &other, &seen));
	ASSERT_EQ(8, seen);
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &outside, &seen));
}

/* Removing the longer prefix exposes the shorter one again. */
CASE("map.lpm_trie.delete.falls_back_to_shorter",
     NEEDS(MAP(LPM_TRIE), CMD(MAP_DELETE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	struct lpm_v4 net8 = { 8, V4(10, 0, 0, 0) }, net16 = { 16, V4(10, 1, 0, 0) };
	struct lpm_v4 host = { 32, V4(10, 1, 2, 3) };
	__u64 v8 = 8, v16 = 16, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_LPM_TRIE, sizeof(struct lpm_v4), 8, 16,
			    BPF_F_NO_PREALLOC);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &net8, &v8, BPF_ANY));
	ASSERT_OK(map_update(fd, &net16, &v16, BPF_ANY));
	ASSERT_OK(map_delete(fd, &net16));
	ASSERT_OK(map_lookup(fd, &host, &seen));
	ASSERT_EQ(8, seen);
	ASSERT_ERRNO(ENOENT, map_delete(fd, &net16));
}

/* A prefix longer than the key's data bits is EINVAL. */
CASE("map.lpm_trie.update.prefixlen_too_long_einval",
     NEEDS(MAP(LPM_TRIE), CMD(MAP_UPDATE_ELEM)))
{
	struct lpm_v4 bad = { 33, V4(10, 0, 0, 0) };
	__u64 v = 1;
	int fd = map_create(BPF_MAP_TYPE_LPM_TRIE, sizeof(struct lpm_v4), 8, 16,
			    BPF_F_NO_PREALLOC);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &bad, &v, BPF_ANY));
}
