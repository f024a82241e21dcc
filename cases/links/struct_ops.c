// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_LINK_TYPE_STRUCT_OPS (6.4, with BPF_F_LINK struct_ops maps): a TCP
 * congestion control written as struct_ops programs, registered by a
 * link.  The effect is observed through its name: while the link lives,
 * setsockopt(TCP_CONGESTION) finds it; once the link is gone, ENOENT.
 * The value layout (struct bpf_struct_ops_tcp_congestion_ops, its 'data'
 * member, the function members) is read from the kernel's BTF; the
 * programs' fds go where the function pointers are.  The map also needs a
 * BTF object of the loader's own (btf_fd; kernel/bpf/syscall.c map_create:
 * "the bpf_prog.o must have BTF"), any will do.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/btf_build.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

#define VALUE "bpf_struct_ops_tcp_congestion_ops"
#define BPF_F_LINK_MAP (1U << 13)	/* map_flags: the map is attached by a link */

/* A struct_ops program for member 'member' of tcp_congestion_ops. */
static int ca_prog(const char *member, int ret)
{
	/* expected_attach_type is the member's index; the leading members
	 * of tcp_congestion_ops are all function pointers, 8 bytes each. */
	__u32 index = kernel_member_offset("tcp_congestion_ops", member) / 8;

	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_STRUCT_OPS, .attach = (enum bpf_attach_type)index,
		.attach_btf_id = (__u32)SETUP_RET(oracle_btf_id("tcp_congestion_ops",
								BTF_KIND_STRUCT)),
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, ret),
			BPF_EXIT_INSN(),
		),
	});
}

/* The struct_ops map, its value filled in: ssthresh, cong_avoid and
 * undo_cwnd (the members tcp_register_congestion_control requires). */
static int ca_map(const char *name)
{
	__u32 size = kernel_struct_size(VALUE), data = kernel_member_offset(VALUE, "data");
	static const char *const members[] = { "ssthresh", "cong_avoid", "undo_cwnd" };
	unsigned char *value = calloc(1, size);
	struct btf_build *b = btf_build_new();
	union bpf_attr attr;
	__u32 key = 0;
	int map, btf;

	SETUP(value != NULL);
	btf_int(b, "int", 4, BTF_INT_SIGNED);
	btf = (int)SETUP_RET(btf_build_load(b));
	btf_build_free(b);
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_STRUCT_OPS;
	attr.key_size = 4;
	attr.value_size = size;
	attr.max_entries = 1;
	attr.map_flags = BPF_F_LINK_MAP;
	attr.btf_fd = (__u32)btf;
	attr.btf_vmlinux_value_type_id = (__u32)SETUP_RET(oracle_btf_id(VALUE, BTF_KIND_STRUCT));
	map = sys_bpf_map_create(&attr);
	ASSERT_FD(map);
	close(btf);
	for (int i = 0; i < 3; i++) {
		__u64 fd = (__u64)SETUP_RET(ca_prog(members[i], 2));

		memcpy(value + data + kernel_member_offset("tcp_congestion_ops", members[i]),
		       &fd, sizeof(fd));
	}
	snprintf((char *)value + data + kernel_member_offset("tcp_congestion_ops", "name"),
		 16, "%s", name);
	ASSERT_OK(map_update(map, &key, value, BPF_ANY));
	free(value);
	return map;
}

/* 0 if a TCP socket can use congestion control 'name', else -errno. */
static int use_ca(const char *name)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), ret;

	SETUP(s >= 0);
	ret = setsockopt(s, IPPROTO_TCP, TCP_CONGESTION, name, (socklen_t)strlen(name)) ? -errno : 0;
	close(s);
	return ret;
}

static int struct_ops_link(int map)
{
	union bpf_attr attr = {
		.link_create = { .map_fd = (__u32)map, .attach_type = BPF_STRUCT_OPS },
	};

	return sys_bpf_link_create(&attr);
}

CASE("links.struct_ops.tcp_ca.link_registers_until_closed",
     NEEDS(MAP(STRUCT_OPS), PROG_TYPE(STRUCT_OPS), LINK(STRUCT_OPS), ATTACH(STRUCT_OPS),
	   CMD(LINK_CREATE), BTF_TYPE(VALUE), CMD(BTF_LOAD), CMD(LINK_GET_FD_BY_ID), NETNS))
{
	struct timespec pause = { 0, 2 * 1000 * 1000 };
	struct bpf_link_info info;
	char name[16];
	int map, link, ret = 0;
	__u32 link_id;

	snprintf(name, sizeof(name), "bc%d", (int)getpid());
	map = ca_map(name);
	ASSERT_ERRNO(ENOENT, use_ca(name));
	link = struct_ops_link(map);
	ASSERT_FD(link);
	link_id = id_of(OBJ_LINK, link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_STRUCT_OPS, info.type);
	ASSERT_EQ(id_of(OBJ_MAP, map), info.struct_ops.map_id);
	ASSERT_OK(use_ca(name));
	close(link);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, link_id, OBJ_GONE_TIMEOUT_MS));
	for (int i = 0; i < 500 && !(ret = use_ca(name)); i++)
		nanosleep(&pause, NULL);
	ASSERT_ERRNO(ENOENT, ret);
}
