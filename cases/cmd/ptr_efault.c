// SPDX-License-Identifier: GPL-2.0
/*
 * Bad user pointers inside the attr: each command copies what its pointer
 * fields name from or to user memory, and a fault there is EFAULT.  The
 * pointer is a PROT_NONE page (bad_ptr.h).  Each case names one pointer
 * field; the rest of the attr is valid, so the fault is the only reason.
 */
#include <unistd.h>

#include "harness/case.h"
#include "harness/objects.h"
#include "bad_ptr.h"

#define PTR(p) ((__u64)(unsigned long)(p))

static int array_with_one(void)
{
	__u32 key = 0;
	__u64 val = 7;
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));

	SETUP_RET(map_update(fd, &key, &val, BPF_ANY));
	return fd;
}

static int hash_with_one(void)
{
	__u32 key = 1;
	__u64 val = 7;
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_HASH, 4, 8, 4, 0));

	SETUP_RET(map_update(fd, &key, &val, BPF_ANY));
	return fd;
}

static int elem_cmd(int (*cmd)(union bpf_attr *), int fd, __u64 key, __u64 value)
{
	union bpf_attr attr = { .map_fd = (__u32)fd, .key = key, .value = value };

	return cmd(&attr);
}

/* ---- element commands: map_lookup_elem() and friends copy the key in
 * (__bpf_copy_key) and the value in or out. ---- */

CASE("cmd.map_lookup_elem.ptr.bad_key_efault", NEEDS(CMD(MAP_LOOKUP_ELEM), MAP(ARRAY)))
{
	__u64 val;

	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_lookup_elem, array_with_one(), BAD_PTR,
				      PTR(&val)));
}

CASE("cmd.map_lookup_elem.ptr.bad_value_efault", NEEDS(CMD(MAP_LOOKUP_ELEM), MAP(ARRAY)))
{
	__u32 key = 0;

	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_lookup_elem, array_with_one(), PTR(&key),
				      BAD_PTR));
}

CASE("cmd.map_update_elem.ptr.bad_key_efault", NEEDS(CMD(MAP_UPDATE_ELEM), MAP(ARRAY)))
{
	__u64 val = 1;

	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_update_elem, array_with_one(), BAD_PTR,
				      PTR(&val)));
}

CASE("cmd.map_update_elem.ptr.bad_value_efault", NEEDS(CMD(MAP_UPDATE_ELEM), MAP(ARRAY)))
{
	__u32 key = 0;

	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_update_elem, array_with_one(), PTR(&key),
				      BAD_PTR));
}

CASE("cmd.map_delete_elem.ptr.bad_key_efault", NEEDS(CMD(MAP_DELETE_ELEM), MAP(HASH)))
{
	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_delete_elem, hash_with_one(), BAD_PTR, 0));
}

CASE("cmd.map_get_next_key.ptr.bad_key_efault", NEEDS(CMD(MAP_GET_NEXT_KEY), MAP(HASH)))
{
	__u32 next;

	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_get_next_key, hash_with_one(), BAD_PTR,
				      PTR(&next)));
}

/* key NULL asks for the first key, which is then copied out. */
CASE("cmd.map_get_next_key.ptr.bad_next_key_efault", NEEDS(CMD(MAP_GET_NEXT_KEY), MAP(HASH)))
{
	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_get_next_key, hash_with_one(), 0, BAD_PTR));
}

CASE("cmd.map_lookup_and_delete_elem.ptr.bad_key_efault",
     NEEDS(CMD(MAP_LOOKUP_AND_DELETE_ELEM), MAP(HASH)))
{
	__u64 val;

	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_lookup_and_delete_elem, hash_with_one(),
				      BAD_PTR, PTR(&val)));
}

/* A queue: every kernel with LOOKUP_AND_DELETE pops from one (hash maps
 * only since 5.14); the popped value cannot be copied out. */
CASE("cmd.map_lookup_and_delete_elem.ptr.bad_value_efault",
     NEEDS(CMD(MAP_LOOKUP_AND_DELETE_ELEM), MAP(QUEUE)))
{
	__u64 val = 7;
	int fd = (int)SETUP_RET(map_create(BPF_MAP_TYPE_QUEUE, 0, 8, 4, 0));

	SETUP_RET(map_update(fd, NULL, &val, BPF_ANY));
	ASSERT_ERRNO(EFAULT, elem_cmd(sys_bpf_map_lookup_and_delete_elem, fd, 0, BAD_PTR));
}

/* ---- batches: keys, values and the batch cursors ---- */

static int batch_cmd(int (*cmd)(union bpf_attr *), int fd, __u64 in, __u64 out,
		     __u64 keys, __u64 values, __u32 count)
{
	union bpf_attr attr = { .batch = { .in_batch = in, .out_batch = out, .keys = keys,
					   .values = values, .count = count,
					   .map_fd = (__u32)fd } };

	return cmd(&attr);
}

CASE("cmd.map_lookup_batch.ptr.bad_keys_efault", NEEDS(CMD(MAP_LOOKUP_BATCH), MAP(ARRAY)))
{
	__u32 out;
	__u64 vals[1];

	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_lookup_batch, array_with_one(), 0,
				       PTR(&out), BAD_PTR, PTR(vals), 1));
}

CASE("cmd.map_lookup_batch.ptr.bad_values_efault", NEEDS(CMD(MAP_LOOKUP_BATCH), MAP(ARRAY)))
{
	__u32 out, keys[1];

	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_lookup_batch, array_with_one(), 0,
				       PTR(&out), PTR(keys), BAD_PTR, 1));
}

CASE("cmd.map_lookup_batch.ptr.bad_in_batch_efault", NEEDS(CMD(MAP_LOOKUP_BATCH), MAP(ARRAY)))
{
	__u32 out, keys[1];
	__u64 vals[1];

	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_lookup_batch, array_with_one(), BAD_PTR,
				       PTR(&out), PTR(keys), PTR(vals), 1));
}

CASE("cmd.map_lookup_and_delete_batch.ptr.bad_keys_efault",
     NEEDS(CMD(MAP_LOOKUP_AND_DELETE_BATCH), MAP(HASH)))
{
	__u32 out;
	__u64 vals[4];

	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_lookup_and_delete_batch, hash_with_one(),
				       0, PTR(&out), BAD_PTR, PTR(vals), 4));
}

CASE("cmd.map_update_batch.ptr.bad_keys_efault", NEEDS(CMD(MAP_UPDATE_BATCH), MAP(ARRAY)))
{
	__u64 vals[1] = { 1 };

	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_update_batch, array_with_one(), 0, 0,
				       BAD_PTR, PTR(vals), 1));
}

CASE("cmd.map_update_batch.ptr.bad_values_efault", NEEDS(CMD(MAP_UPDATE_BATCH), MAP(ARRAY)))
{
	__u32 keys[1] = { 0 };

	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_update_batch, array_with_one(), 0, 0,
				       PTR(keys), BAD_PTR, 1));
}

CASE("cmd.map_delete_batch.ptr.bad_keys_efault", NEEDS(CMD(MAP_DELETE_BATCH), MAP(HASH)))
{
	ASSERT_ERRNO(EFAULT, batch_cmd(sys_bpf_map_delete_batch, hash_with_one(), 0, 0,
				       BAD_PTR, 0, 1));
}

/* ---- programs ---- */

static const struct bpf_insn ret0[] = {
	{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
	{ .code = BPF_JMP | BPF_EXIT },
};

static int load_attr(__u64 insns, __u64 license, __u32 log_level, __u64 log_buf, __u32 log_size)
{
	union bpf_attr attr = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER, .insn_cnt = 2, .insns = insns,
		.license = license, .log_level = log_level, .log_buf = log_buf,
		.log_size = log_size,
	};

	return sys_bpf_prog_load(&attr);
}

/* The twin of the three below: the same load with good pointers. */
CASE("cmd.prog_load.ptr.good_pointers_load", NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	static char log[4096];

	ASSERT_FD(load_attr(PTR(ret0), PTR("GPL"), 1, PTR(log), sizeof(log)));
}

CASE("cmd.prog_load.ptr.bad_insns_efault", NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EFAULT, load_attr(BAD_PTR, PTR("GPL"), 0, 0, 0));
}

CASE("cmd.prog_load.ptr.bad_license_efault", NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EFAULT, load_attr(PTR(ret0), BAD_PTR, 0, 0, 0));
}

/* The log is written as the verifier goes, and finalized at the end: a
 * log buffer that cannot be written fails the load even when the program
 * is fine. */
CASE("cmd.prog_load.ptr.bad_log_buf_efault", NEEDS(CMD(PROG_LOAD), PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EFAULT, load_attr(PTR(ret0), PTR("GPL"), 1, BAD_PTR, 4096));
}

static int trivial_socket_filter(void)
{
	return (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0));
}

CASE("cmd.prog_test_run.ptr.bad_data_in_efault",
     NEEDS(CMD(PROG_TEST_RUN), PROG_TYPE(SOCKET_FILTER)))
{
	union bpf_attr attr = { .test = { .prog_fd = (__u32)trivial_socket_filter(),
					  .data_in = BAD_PTR,
					  .data_size_in = sizeof(test_pkt_v4) } };

	ASSERT_ERRNO(EFAULT, sys_bpf_prog_test_run(&attr));
}

CASE("cmd.prog_test_run.ptr.bad_data_out_efault",
     NEEDS(CMD(PROG_TEST_RUN), PROG_TYPE(SOCKET_FILTER)))
{
	union bpf_attr attr = { .test = { .prog_fd = (__u32)trivial_socket_filter(),
					  .data_in = PTR(test_pkt_v4),
					  .data_size_in = sizeof(test_pkt_v4),
					  .data_out = BAD_PTR,
					  .data_size_out = sizeof(test_pkt_v4) } };

	ASSERT_ERRNO(EFAULT, sys_bpf_prog_test_run(&attr));
}

/* ---- pins ---- */

CASE("cmd.obj_pin.ptr.bad_pathname_efault", NEEDS(CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	union bpf_attr attr = { .pathname = BAD_PTR, .bpf_fd = (__u32)array_with_one() };

	ASSERT_ERRNO(EFAULT, sys_bpf_obj_pin(&attr));
}

CASE("cmd.obj_get.ptr.bad_pathname_efault", NEEDS(CMD(OBJ_GET), BPFFS))
{
	union bpf_attr attr = { .pathname = BAD_PTR };

	ASSERT_ERRNO(EFAULT, sys_bpf_obj_get(&attr));
}

/* ---- info, query, tracepoints ---- */

CASE("cmd.obj_get_info_by_fd.ptr.bad_info_efault", NEEDS(CMD(OBJ_GET_INFO_BY_FD), MAP(ARRAY)))
{
	union bpf_attr attr = { .info = { .bpf_fd = (__u32)array_with_one(),
					  .info_len = sizeof(struct bpf_map_info),
					  .info = BAD_PTR } };

	ASSERT_ERRNO(EFAULT, sys_bpf_obj_get_info_by_fd(&attr));
}

/* One program attached, so there is an ID to copy out. */
CASE("cmd.prog_query.ptr.bad_prog_ids_efault",
     NEEDS(CMD(PROG_QUERY), CMD(PROG_ATTACH), PROG_TYPE(CGROUP_SKB),
	   ATTACH(CGROUP_INET_INGRESS), CGROUP))
{
	int prog = (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_CGROUP_SKB,
						    BPF_CGROUP_INET_INGRESS, 1));
	union bpf_attr attr = { .query = { .target_fd = (__u32)case_cgroup_fd(),
					   .attach_type = BPF_CGROUP_INET_INGRESS,
					   .prog_ids = BAD_PTR, .prog_cnt = 1 } };

	SETUP_RET(prog_attach(prog, case_cgroup_fd(), BPF_CGROUP_INET_INGRESS, 0));
	ASSERT_ERRNO(EFAULT, sys_bpf_prog_query(&attr));
}

static int raw_tp_prog(void)
{
	return (int)SETUP_RET(prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0));
}

CASE("cmd.raw_tracepoint_open.ptr.bad_name_efault",
     NEEDS(CMD(RAW_TRACEPOINT_OPEN), PROG_TYPE(RAW_TRACEPOINT)))
{
	union bpf_attr attr = { .raw_tracepoint = { .name = BAD_PTR,
						    .prog_fd = (__u32)raw_tp_prog() } };

	ASSERT_ERRNO(EFAULT, sys_bpf_raw_tracepoint_open(&attr));
}

/* A raw tracepoint fd names its tracepoint: the name is copied to buf. */
CASE("cmd.task_fd_query.ptr.bad_buf_efault",
     NEEDS(CMD(TASK_FD_QUERY), CMD(RAW_TRACEPOINT_OPEN), PROG_TYPE(RAW_TRACEPOINT)))
{
	union bpf_attr open = { .raw_tracepoint = { .name = PTR("sys_enter"),
						    .prog_fd = (__u32)raw_tp_prog() } };
	int link = (int)SETUP_RET(sys_bpf_raw_tracepoint_open(&open));
	union bpf_attr attr = { .task_fd_query = { .pid = (__u32)getpid(), .fd = (__u32)link,
						   .buf = BAD_PTR, .buf_len = 64 } };

	ASSERT_ERRNO(EFAULT, sys_bpf_task_fd_query(&attr));
}

CASE("cmd.btf_load.ptr.bad_btf_efault", NEEDS(CMD(BTF_LOAD)))
{
	union bpf_attr attr = { .btf = BAD_PTR, .btf_size = 64 };

	ASSERT_ERRNO(EFAULT, sys_bpf_btf_load(&attr));
}
