// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_HASH element operations beyond update flags:
 * LOOKUP_AND_DELETE_ELEM (hash types since 5.14, commit 3e87f192b405
 * "bpf: Add lookup_and_delete_elem support to hashtab"; before it the
 * command answered ENOTSUPP for anything but queue/stack, so the case needs
 * the kernel function that implements it), BPF_F_LOCK with and without a
 * bpf_spin_lock in the value (4.20), and the helpers seen from a program.
 */
#include "cases/maps/maps.h"

CASE("map.hash.lookup_and_delete.returns_and_removes",
     NEEDS(MAP(HASH), CMD(MAP_LOOKUP_AND_DELETE_ELEM),
	   BTF_FUNC("htab_map_lookup_and_delete_elem")))
{
	__u32 key = 4;
	__u64 val = 0xabcdef, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup_and_delete(fd, &key, &seen));
	ASSERT_EQ_U64(val, seen);
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, &seen));
	ASSERT_ERRNO(ENOENT, map_lookup_and_delete(fd, &key, &seen));
}

CASE("map.hash.update.lock_flag_without_spin_lock_einval",
     NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 1;
	__u64 val = 1;
	int fd = map_create(BPF_MAP_TYPE_HASH, 4, 8, 2, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, &val, BPF_F_LOCK));
}

/* With a struct bpf_spin_lock in the value (described by BTF), F_LOCK
 * updates and lookups copy the value around the lock; the lock word itself
 * is never copied out. */
CASE("map.hash.update.lock_flag_with_spin_lock",
     NEEDS(MAP(HASH), CMD(MAP_UPDATE_ELEM), CMD(BTF_LOAD), BTF_TYPE("bpf_spin_lock")))
{
	__u32 key_id, value_id, key = 1;
	__u32 val[4] = { 0x5a5a5a5a, 11, 22, 33 }, seen[4] = { 0xff, 0, 0, 0 };
	int btf = map_btf_int_key(sizeof(val), 1, &key_id, &value_id);
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_HASH, .key_size = 4,
				.value_size = sizeof(val), .max_entries = 2,
				.btf_fd = (__u32)btf, .btf_key_type_id = key_id,
				.btf_value_type_id = value_id };
	int fd = map_create_attr(&attr);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, val, BPF_ANY | BPF_F_LOCK));
	ASSERT_OK(map_lookup_flags(fd, &key, seen, BPF_F_LOCK));
	ASSERT_EQ(0, seen[0]);			/* the lock reads as 0 */
	ASSERT_EQ(11, seen[1]);
	ASSERT_EQ(33, seen[3]);
}

/* One program run updates key 1, reads key 2 (written by the syscall) and
 * deletes key 3; the syscall side sees all three. */
CASE("map.hash.prog.lookup_update_delete",
     NEEDS(MAP(HASH), PROG_TYPE(SOCKET_FILTER), CMD(PROG_TEST_RUN),
	   HELPER(map_lookup_elem), HELPER(map_update_elem), HELPER(map_delete_elem)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 key;
	__u64 val, seen = 0;
	int map = case_map("h", map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0));
	int prog;

	ASSERT_FD(map);
	key = 2, val = 222;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	key = 3, val = 333;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			/* update(h, &(u32){1}, &(u64){111}, BPF_ANY) */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 1),
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 111),
			BPF_LD_MAP_FD(BPF_REG_1, "h"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -16),
			BPF_MOV64_IMM(BPF_REG_4, BPF_ANY),
			BPF_CALL_HELPER(map_update_elem),
			BPF_JMP_IMM(BPF_JNE, BPF_REG_0, 0, "fail"),
			/* if (delete(h, &(u32){3}) != 0) goto fail */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 3),
			BPF_LD_MAP_FD(BPF_REG_1, "h"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_delete_elem),
			BPF_JMP_IMM(BPF_JNE, BPF_REG_0, 0, "fail"),
			/* r0 = lookup(h, &(u32){2}); return r0 ? *(u32 *)r0 : 1 */
			BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 2),
			BPF_LD_MAP_FD(BPF_REG_1, "h"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
			BPF_CALL_HELPER(map_lookup_elem),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "fail"),
			BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_0, 0),
			BPF_EXIT_INSN(),
			LABEL("fail"),
			BPF_MOV64_IMM(BPF_REG_0, 1),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(222, run.retval);
	key = 1;
	ASSERT_OK(map_lookup(map, &key, &seen));
	ASSERT_EQ(111, seen);
	key = 3;
	ASSERT_ERRNO(ENOENT, map_lookup(map, &key, &seen));
}
