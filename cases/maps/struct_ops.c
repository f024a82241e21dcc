// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_STRUCT_OPS (5.6, commit 85d33df357b6 "bpf: Introduce
 * BPF_MAP_TYPE_STRUCT_OPS"): one element (key 0) whose value is a kernel
 * struct_ops value type named by its vmlinux BTF id
 * (btf_vmlinux_value_type_id), here struct bpf_struct_ops_tcp_congestion_ops.
 * bpf_struct_ops_map_alloc_check(): key_size 4, max_entries 1 and a value
 * type id, EINVAL otherwise; a type id that is no struct_ops value type is
 * ENOTSUPP; value_size must be the type's size (EINVAL).  The map cannot be
 * frozen (ENOTSUPP).  Although the value type is the kernel's, map_create()
 * wants btf_fd to be a BTF object of the user's (the program's BTF, in
 * libbpf's use): a one-type blob from our encoder serves.  Registering one (programs for its members, a link)
 * belongs to the struct_ops cases.
 */
#include <stdlib.h>

#include "cases/maps/maps.h"
#include "harness/btf_build.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

#define VALUE_TYPE "bpf_struct_ops_tcp_congestion_ops"

/* The attr for a valid map: the value type's id and size from vmlinux BTF,
 * and a BTF object of our own. */
static void struct_ops_attr(union bpf_attr *attr)
{
	struct btf_build *b = btf_build_new();
	int own;
	const struct btf *btf = oracle_vmlinux_btf();
	long id;

	SETUP(btf != NULL);
	id = btf_find(btf, VALUE_TYPE, BTF_KIND_STRUCT);
	SETUP(id > 0);
	memset(attr, 0, sizeof(*attr));
	attr->map_type = BPF_MAP_TYPE_STRUCT_OPS;
	attr->key_size = 4;
	attr->value_size = btf_type_by_id(btf, (uint32_t)id)->size;
	attr->max_entries = 1;
	attr->btf_vmlinux_value_type_id = (__u32)id;
	btf_int(b, "int", 4, BTF_INT_SIGNED);
	own = btf_build_load(b);
	btf_build_free(b);
	attr->btf_fd = (__u32)SETUP_RET(own);
}

#define STRUCT_OPS_NEEDS(...)                                                 \
	NEEDS(MAP(STRUCT_OPS), CMD(MAP_CREATE), CMD(BTF_LOAD), BTF_TYPE(VALUE_TYPE),     \
	      ##__VA_ARGS__)

CASE("map.struct_ops.create.info_reports_attrs", STRUCT_OPS_NEEDS(CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr;
	struct bpf_map_info info;
	int fd;

	struct_ops_attr(&attr);
	fd = map_create_checked(&attr, "tcp_ca");
	ASSERT_OK(map_info(fd, &info));
	ASSERT_EQ(attr.btf_vmlinux_value_type_id, info.btf_vmlinux_value_type_id);
}

CASE("map.struct_ops.create.max_entries_2_einval", STRUCT_OPS_NEEDS())
{
	union bpf_attr attr;

	struct_ops_attr(&attr);
	attr.max_entries = 2;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

CASE("map.struct_ops.create.without_value_type_einval", STRUCT_OPS_NEEDS())
{
	union bpf_attr attr;

	struct_ops_attr(&attr);
	attr.btf_vmlinux_value_type_id = 0;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

CASE("map.struct_ops.create.value_size_mismatch_einval", STRUCT_OPS_NEEDS())
{
	union bpf_attr attr;

	struct_ops_attr(&attr);
	attr.value_size += 8;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

/* A vmlinux struct that is not a struct_ops value type. */
CASE("map.struct_ops.create.not_a_value_type_enotsupp",
     STRUCT_OPS_NEEDS(BTF_TYPE("task_struct")))
{
	union bpf_attr attr;

	struct_ops_attr(&attr);
	attr.btf_vmlinux_value_type_id = (__u32)oracle_btf_id("task_struct", BTF_KIND_STRUCT);
	ASSERT_ERRNO(ENOTSUPP, map_create_attr(&attr));
}

/* The one element exists (unregistered) from creation; there is no other. */
CASE("map.struct_ops.lookup.only_key_0", STRUCT_OPS_NEEDS(CMD(MAP_LOOKUP_ELEM)))
{
	union bpf_attr attr;
	__u32 key = 0;
	void *val;
	int fd;

	struct_ops_attr(&attr);
	val = calloc(1, attr.value_size);
	SETUP(val);
	fd = map_create_attr(&attr);
	ASSERT_FD(fd);
	ASSERT_OK(map_lookup(fd, &key, val));
	key = 1;
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, val));
	free(val);
}

CASE("map.struct_ops.freeze.enotsupp", STRUCT_OPS_NEEDS(CMD(MAP_FREEZE)))
{
	union bpf_attr attr;
	int fd;

	struct_ops_attr(&attr);
	fd = map_create_attr(&attr);
	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOTSUPP, map_freeze(fd));
}
