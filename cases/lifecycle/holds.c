// SPDX-License-Identifier: GPL-2.0
/*
 * References one BPF object holds on another, seen through IDs: a program
 * holds the maps it uses; a prog_array holds its programs and a map-in-map
 * its inner maps, until the element is deleted; BPF_PROG_BIND_MAP (5.10)
 * makes a program hold a map it does not use; a map or a program holds the
 * BTF object it was given (BPF_BTF_LOAD, 4.18).
 *
 * One kernel rule worth a case of its own: a prog_array is emptied when its
 * last user reference (fd or pin) goes, even while a program still holds
 * the map (kernel/bpf/arraymap.c, prog_array_map_clear on usercnt 0), so
 * that tail-call loops through pinned programs cannot keep themselves
 * alive.
 */
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/btf_build.h"

CASE("lifecycle.map.held_by_prog_using_it",
     NEEDS(MAP(ARRAY), PROG_TYPE(SOCKET_FILTER), HELPER(map_lookup_elem),
	   CMD(MAP_GET_FD_BY_ID)))
{
	int map = counter_map(), prog;
	__u32 map_id = id_of(OBJ_MAP, map);

	prog = counter_prog(&(struct counter_spec){ .type = BPF_PROG_TYPE_SOCKET_FILTER });
	ASSERT_FD(prog);
	close(map);
	ASSERT_EQ(1, obj_alive(OBJ_MAP, map_id));
	close(prog);
	ASSERT_OK(obj_wait_gone(OBJ_MAP, map_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.prog_array.holds_member_until_delete",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(MAP_DELETE_ELEM),
	   CMD(PROG_GET_FD_BY_ID)))
{
	int arr = map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 2, 0), prog;
	__u32 key = 0, id;

	ASSERT_FD(arr);
	prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	ASSERT_FD(prog);
	id = id_of(OBJ_PROG, prog);
	ASSERT_OK(map_update(arr, &key, &prog, BPF_ANY));
	close(prog);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, id));
	ASSERT_OK(map_delete(arr, &key));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, id, OBJ_GONE_TIMEOUT_MS));
}

/* The program P tail-calls through the array; member Q.  Closing the
 * array's last fd empties it (Q goes) while P keeps the map itself. */
CASE("lifecycle.prog_array.last_user_ref_clears_members",
     NEEDS(MAP(PROG_ARRAY), PROG_TYPE(SOCKET_FILTER), HELPER(tail_call),
	   CMD(PROG_GET_FD_BY_ID), CMD(MAP_GET_NEXT_ID)))
{
	int arr = case_map("jmp", map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 1, 0)), p, q;
	__u32 key = 0, arr_id, q_id;

	ASSERT_FD(arr);
	arr_id = id_of(OBJ_MAP, arr);
	p = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_LD_MAP_FD(BPF_REG_2, "jmp"),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_CALL_HELPER(tail_call),		/* tail_call(ctx, jmp, 0) */
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(p);
	q = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	ASSERT_FD(q);
	q_id = id_of(OBJ_PROG, q);
	ASSERT_OK(map_update(arr, &key, &q, BPF_ANY));
	close(q);
	close(arr);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, q_id, OBJ_GONE_TIMEOUT_MS));
	/* Watched through GET_NEXT_ID: an fd from GET_FD_BY_ID would be a new
	 * user reference, and closing it would empty the array again. */
	ASSERT_EQ(-ETIMEDOUT, id_wait_unlisted(OBJ_MAP, arr_id, 20));	/* still there */
	close(p);
	ASSERT_OK(id_wait_unlisted(OBJ_MAP, arr_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.map_in_map.holds_inner_until_delete",
     NEEDS(MAP(ARRAY_OF_MAPS), MAP(ARRAY), CMD(MAP_DELETE_ELEM), CMD(MAP_GET_FD_BY_ID)))
{
	int inner = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0), outer;
	union bpf_attr attr;
	__u32 key = 0, inner_id;

	ASSERT_FD(inner);
	inner_id = id_of(OBJ_MAP, inner);
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY_OF_MAPS;
	attr.key_size = 4;
	attr.value_size = 4;
	attr.max_entries = 1;
	attr.inner_map_fd = (__u32)inner;
	outer = sys_bpf_map_create(&attr);
	ASSERT_FD(outer);
	ASSERT_OK(map_update(outer, &key, &inner, BPF_ANY));
	close(inner);
	ASSERT_EQ(1, obj_alive(OBJ_MAP, inner_id));
	ASSERT_OK(map_delete(outer, &key));
	ASSERT_OK(obj_wait_gone(OBJ_MAP, inner_id, OBJ_GONE_TIMEOUT_MS));
}

static int bind_map(int prog, int map)
{
	union bpf_attr attr = { .prog_bind_map = { .prog_fd = (__u32)prog, .map_fd = (__u32)map } };

	return sys_bpf_prog_bind_map(&attr);
}

CASE("lifecycle.prog_bind_map.holds_map",
     NEEDS(CMD(PROG_BIND_MAP), MAP(ARRAY), PROG_TYPE(SOCKET_FILTER), CMD(MAP_GET_FD_BY_ID)))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0),
	    map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);
	struct bpf_prog_info info;
	__u32 map_id, ids[2];

	ASSERT_FD(prog);
	ASSERT_FD(map);
	map_id = id_of(OBJ_MAP, map);
	ASSERT_OK(bind_map(prog, map));
	/* Binding again is not an error (the map is already used). */
	ASSERT_OK(bind_map(prog, map));
	memset(&info, 0, sizeof(info));
	info.nr_map_ids = 2;
	info.map_ids = (__u64)(unsigned long)ids;
	{
		__u32 len = sizeof(info);

		ASSERT_OK(obj_info(prog, &info, &len));
	}
	ASSERT_EQ(1, info.nr_map_ids);
	ASSERT_EQ(map_id, ids[0]);
	close(map);
	ASSERT_EQ(1, obj_alive(OBJ_MAP, map_id));
	close(prog);
	ASSERT_OK(obj_wait_gone(OBJ_MAP, map_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.prog_bind_map.bad_flags_einval",
     NEEDS(CMD(PROG_BIND_MAP), MAP(ARRAY), PROG_TYPE(SOCKET_FILTER)))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0),
	    map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);
	union bpf_attr attr;

	ASSERT_FD(prog);
	ASSERT_FD(map);
	memset(&attr, 0, sizeof(attr));
	attr.prog_bind_map.prog_fd = (__u32)prog;
	attr.prog_bind_map.map_fd = (__u32)map;
	attr.prog_bind_map.flags = 1;
	ASSERT_ERRNO(EINVAL, sys_bpf_prog_bind_map(&attr));
}

/* BTF: int (4 bytes, id 1), long (8 bytes, id 2), int (void) (id 3),
 * func "main" of it (id 4). */
static int small_btf(void)
{
	struct btf_build *b = btf_build_new();
	__u32 i32 = btf_int(b, "int", 4, BTF_INT_SIGNED), proto;
	int fd;

	btf_int(b, "long", 8, BTF_INT_SIGNED);
	proto = btf_func_proto(b, i32);
	btf_func(b, "main", proto, BTF_LINK_GLOBAL);
	fd = btf_build_load(b);
	btf_build_free(b);
	return fd;
}

CASE("lifecycle.btf.close_fd_frees", NEEDS(CMD(BTF_LOAD), CMD(BTF_GET_FD_BY_ID)))
{
	int btf = small_btf();
	__u32 id;

	ASSERT_FD(btf);
	id = id_of(OBJ_BTF, btf);
	ASSERT_EQ(1, obj_alive(OBJ_BTF, id));
	close(btf);
	ASSERT_OK(obj_wait_gone(OBJ_BTF, id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.btf.held_by_map",
     NEEDS(CMD(BTF_LOAD), MAP(ARRAY), CMD(BTF_GET_FD_BY_ID), CMD(OBJ_GET_INFO_BY_FD)))
{
	int btf = small_btf(), map;
	struct bpf_map_info info;
	union bpf_attr attr;
	__u32 id;

	ASSERT_FD(btf);
	id = id_of(OBJ_BTF, btf);
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 1;
	attr.btf_fd = (__u32)btf;
	attr.btf_key_type_id = 1;
	attr.btf_value_type_id = 2;
	map = sys_bpf_map_create(&attr);
	ASSERT_FD(map);
	ASSERT_OK(map_info(map, &info));
	ASSERT_EQ(id, info.btf_id);
	close(btf);
	ASSERT_EQ(1, obj_alive(OBJ_BTF, id));
	close(map);
	ASSERT_OK(obj_wait_gone(OBJ_BTF, id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.btf.held_by_prog",
     NEEDS(CMD(BTF_LOAD), PROG_TYPE(SOCKET_FILTER), CMD(BTF_GET_FD_BY_ID)))
{
	struct { __u32 insn_off, type_id; } func_info = { 0, 4 };
	struct bpf_prog_info info;
	int btf = small_btf(), prog;
	__u32 id;

	ASSERT_FD(btf);
	id = id_of(OBJ_BTF, btf);
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
		.prog_btf_fd = btf,
		.func_info = &func_info, .func_info_cnt = 1,
		.func_info_rec_size = sizeof(func_info),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_info(prog, &info));
	ASSERT_EQ(id, info.btf_id);
	close(btf);
	ASSERT_EQ(1, obj_alive(OBJ_BTF, id));
	close(prog);
	ASSERT_OK(obj_wait_gone(OBJ_BTF, id, OBJ_GONE_TIMEOUT_MS));
}
