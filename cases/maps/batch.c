// SPDX-License-Identifier: GPL-2.0
/*
 * Batch commands (5.6, commit cb4d03ab499d "bpf: Add generic support for
 * lookup batch op" and its siblings; hash tables have their own
 * implementation, arrays use the generic one): LOOKUP_BATCH,
 * LOOKUP_AND_DELETE_BATCH, UPDATE_BATCH, DELETE_BATCH.  'count' is the room
 * on input and the number of elements done on output, also when the
 * command fails part way; lookups resume from the opaque out_batch cursor
 * passed back as in_batch and end with ENOENT.  A type without an
 * operation answers ENOTSUPP (arrays cannot delete).
 */
#include "cases/maps/maps.h"

#define PTR(p) ((__u64)(unsigned long)(p))

struct batch {
	const void *in;
	void *out;
	void *keys;
	void *values;
	__u32 count;
	__u64 elem_flags;
};

static int batch_cmd(int (*cmd)(union bpf_attr *), int fd, struct batch *b)
{
	union bpf_attr attr;
	int ret;

	memset(&attr, 0, sizeof(attr));
	attr.batch.map_fd = (__u32)fd;
	attr.batch.in_batch = PTR(b->in);
	attr.batch.out_batch = PTR(b->out);
	attr.batch.keys = PTR(b->keys);
	attr.batch.values = PTR(b->values);
	attr.batch.count = b->count;
	attr.batch.elem_flags = b->elem_flags;
	ret = cmd(&attr);
	b->count = attr.batch.count;
	return ret;
}

CASE("map.hash.batch.update_then_lookup_all",
     NEEDS(MAP(HASH), CMD(MAP_UPDATE_BATCH), CMD(MAP_LOOKUP_BATCH)))
{
	__u32 keys[5] = { 10, 11, 12, 13, 14 }, out_keys[8], cursor;
	__u64 vals[5] = { 100, 110, 120, 130, 140 }, out_vals[8];
	struct batch up = { .keys = keys, .values = vals, .count = 5 };
	struct batch look = { .out = &cursor, .keys = out_keys, .values = out_vals, .count = 8 };
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 8, 0), seen = 0;

	ASSERT_FD(fd);
	ASSERT_OK(batch_cmd(sys_bpf_map_update_batch, fd, &up));
	ASSERT_EQ(5, up.count);
	/* All five fit: the table is walked to its end in one call. */
	ASSERT_ERRNO(ENOENT, batch_cmd(sys_bpf_map_lookup_batch, fd, &look));
	ASSERT_EQ(5, look.count);
	for (__u32 i = 0; i < look.count; i++) {
		ASSERT_TRUE(out_keys[i] >= 10 && out_keys[i] <= 14);
		ASSERT_EQ(out_keys[i] * 10, out_vals[i]);
		seen |= 1 << (out_keys[i] - 10);
	}
	ASSERT_EQ(0x1f, seen);
}

/* Chunks of two through an array of five: 2, 2, then 1 and ENOENT; the
 * cursor carries the walk, every index comes exactly once, in order. */
CASE("map.array.batch.lookup_in_chunks",
     NEEDS(MAP(ARRAY), CMD(MAP_LOOKUP_BATCH)))
{
	__u32 keys[2], cursor_in = 0, cursor_out = 0, next = 0;
	__u64 vals[2];
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 5, 0), ret;
	struct batch b = { .out = &cursor_out, .keys = keys, .values = vals };

	ASSERT_FD(fd);
	for (__u32 k = 0; k < 5; k++) {
		__u64 v = 1000 + k;

		ASSERT_OK(map_update(fd, &k, &v, BPF_ANY));
	}
	for (int call = 0; call < 3; call++) {
		b.in = call ? &cursor_in : NULL;
		b.count = 2;
		ret = batch_cmd(sys_bpf_map_lookup_batch, fd, &b);
		if (call < 2) {
			ASSERT_OK(ret);
			ASSERT_EQ(2, b.count);
		} else {
			ASSERT_ERRNO(ENOENT, ret);
			ASSERT_EQ(1, b.count);
		}
		for (__u32 i = 0; i < b.count; i++, next++) {
			ASSERT_EQ(next, keys[i]);
			ASSERT_EQ(1000 + next, vals[i]);
		}
		cursor_in = cursor_out;
	}
	ASSERT_EQ(5, next);
}

/* Update stops at the first failing element; count says how far it got. */
CASE("map.array.batch.update_partial_e2big",
     NEEDS(MAP(ARRAY), CMD(MAP_UPDATE_BATCH)))
{
	__u32 keys[4] = { 0, 1, 7, 2 }, k = 2;
	__u64 vals[4] = { 5, 6, 7, 8 }, v = 0;
	struct batch b = { .keys = keys, .values = vals, .count = 4 };
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(E2BIG, batch_cmd(sys_bpf_map_update_batch, fd, &b));
	ASSERT_EQ(2, b.count);
	ASSERT_OK(map_lookup(fd, &k, &v));
	ASSERT_EQ(0, v);		/* the element after the failure was not written */
}

CASE("map.hash.batch.delete_partial_enoent",
     NEEDS(MAP(HASH), CMD(MAP_DELETE_BATCH)))
{
	__u32 keys[3] = { 1, 99, 2 }, k;
	__u64 v = 1;
	struct batch b = { .keys = keys, .count = 3 };
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 8, 0);

	ASSERT_FD(fd);
	for (k = 1; k <= 2; k++)
		ASSERT_OK(map_update(fd, &k, &v, BPF_ANY));
	ASSERT_ERRNO(ENOENT, batch_cmd(sys_bpf_map_delete_batch, fd, &b));
	ASSERT_EQ(1, b.count);
	k = 1;
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &k, &v));
	k = 2;
	ASSERT_OK(map_lookup(fd, &k, &v));
}

CASE("map.hash.batch.lookup_and_delete_empties",
     NEEDS(MAP(HASH), CMD(MAP_LOOKUP_AND_DELETE_BATCH), CMD(MAP_GET_NEXT_KEY)))
{
	__u32 keys[4], cursor, k, next;
	__u64 vals[4], v;
	struct batch b = { .out = &cursor, .keys = keys, .values = vals, .count = 4 };
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 8, 0);

	ASSERT_FD(fd);
	for (k = 0; k < 3; k++) {
		v = k + 50;
		ASSERT_OK(map_update(fd, &k, &v, BPF_ANY));
	}
	ASSERT_ERRNO(ENOENT, batch_cmd(sys_bpf_map_lookup_and_delete_batch, fd, &b));
	ASSERT_EQ(3, b.count);
	for (__u32 i = 0; i < b.count; i++)
		ASSERT_EQ(keys[i] + 50, vals[i]);
	ASSERT_ERRNO(ENOENT, map_next_key(fd, NULL, &next));
}

CASE("map.array.batch.delete_enotsupp", NEEDS(MAP(ARRAY), CMD(MAP_DELETE_BATCH)))
{
	__u32 keys[1] = { 0 };
	struct batch b = { .keys = keys, .count = 1 };
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOTSUPP, batch_cmd(sys_bpf_map_delete_batch, fd, &b));
}

/* elem_flags is BPF_F_LOCK or nothing; and F_LOCK wants a spin lock. */
CASE("map.hash.batch.lock_flag_without_spin_lock_einval",
     NEEDS(MAP(HASH), CMD(MAP_UPDATE_BATCH)))
{
	__u32 keys[1] = { 1 };
	__u64 vals[1] = { 1 };
	struct batch b = { .keys = keys, .values = vals, .count = 1,
			   .elem_flags = BPF_F_LOCK };
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 8, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, batch_cmd(sys_bpf_map_update_batch, fd, &b));
}
