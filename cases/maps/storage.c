// SPDX-License-Identifier: GPL-2.0
/*
 * Local storage maps: SK_STORAGE (5.2), INODE_STORAGE (5.10, with
 * CONFIG_BPF_LSM), TASK_STORAGE (5.11), CGRP_STORAGE (6.2).  They hold one
 * value per kernel object, keyed from the syscall side by an fd of that
 * object (socket, file, pidfd, cgroup).  bpf_local_storage_map_alloc_check()
 * (sk_storage's own check before 5.10, same rules) wants BTF for key and
 * value, BPF_F_NO_PREALLOC, max_entries 0 and a 4-byte key: EINVAL
 * otherwise.  Our own BTF encoder describes the value.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cases/maps/maps.h"

#define VAL_SIZE 8

/* Create a local storage map of 'type' described by fresh BTF. */
static void storage_attr(union bpf_attr *attr, enum bpf_map_type type)
{
	__u32 key_id, value_id;
	int btf = map_btf_int_key(VAL_SIZE, 0, &key_id, &value_id);

	memset(attr, 0, sizeof(*attr));
	attr->map_type = type;
	attr->key_size = 4;
	attr->value_size = VAL_SIZE;
	attr->max_entries = 0;
	attr->map_flags = BPF_F_NO_PREALLOC;
	attr->btf_fd = (__u32)btf;
	attr->btf_key_type_id = key_id;
	attr->btf_value_type_id = value_id;
}

static int storage_create(enum bpf_map_type type)
{
	union bpf_attr attr;

	storage_attr(&attr, type);
	return map_create_attr(&attr);
}

/* Update through 'obj_fd', read it back, delete it, and see it gone. */
static void storage_roundtrip(int map, int obj_fd)
{
	__u64 val = 0x5eed, seen = 0;

	ASSERT_ERRNO(ENOENT, map_lookup(map, &obj_fd, &seen));
	ASSERT_OK(map_update(map, &obj_fd, &val, BPF_NOEXIST));
	ASSERT_ERRNO(EEXIST, map_update(map, &obj_fd, &val, BPF_NOEXIST));
	ASSERT_OK(map_lookup(map, &obj_fd, &seen));
	ASSERT_EQ(0x5eed, seen);
	ASSERT_OK(map_delete(map, &obj_fd));
	ASSERT_ERRNO(ENOENT, map_lookup(map, &obj_fd, &seen));
}

#define STORAGE_INFO_CASE(NAME, TYPE, ...)                                    \
	CASE("map." NAME ".create.info_reports_attrs",                        \
	     NEEDS(MAP(TYPE), CMD(MAP_CREATE), CMD(BTF_LOAD),                 \
		   CMD(OBJ_GET_INFO_BY_FD), ##__VA_ARGS__))                   \
	{                                                                     \
		union bpf_attr attr;                                          \
		storage_attr(&attr, BPF_MAP_TYPE_##TYPE);                     \
		map_create_checked(&attr, NAME);                              \
	}

STORAGE_INFO_CASE("sk_storage", SK_STORAGE)
STORAGE_INFO_CASE("inode_storage", INODE_STORAGE, CONFIG(BPF_LSM))
STORAGE_INFO_CASE("task_storage", TASK_STORAGE)
STORAGE_INFO_CASE("cgrp_storage", CGRP_STORAGE)

CASE("map.sk_storage.create.without_btf_einval", NEEDS(MAP(SK_STORAGE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_SK_STORAGE, 4, VAL_SIZE, 0,
					BPF_F_NO_PREALLOC));
}

CASE("map.task_storage.create.without_btf_einval", NEEDS(MAP(TASK_STORAGE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_TASK_STORAGE, 4, VAL_SIZE, 0,
					BPF_F_NO_PREALLOC));
}

CASE("map.sk_storage.create.prealloc_einval",
     NEEDS(MAP(SK_STORAGE), CMD(MAP_CREATE), CMD(BTF_LOAD)))
{
	union bpf_attr attr;

	storage_attr(&attr, BPF_MAP_TYPE_SK_STORAGE);
	attr.map_flags = 0;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

CASE("map.cgrp_storage.create.max_entries_nonzero_einval",
     NEEDS(MAP(CGRP_STORAGE), CMD(MAP_CREATE), CMD(BTF_LOAD)))
{
	union bpf_attr attr;

	storage_attr(&attr, BPF_MAP_TYPE_CGRP_STORAGE);
	attr.max_entries = 1;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

CASE("map.inode_storage.create.key_size_not_4_einval",
     NEEDS(MAP(INODE_STORAGE), CMD(MAP_CREATE), CMD(BTF_LOAD), CONFIG(BPF_LSM)))
{
	union bpf_attr attr;

	storage_attr(&attr, BPF_MAP_TYPE_INODE_STORAGE);
	attr.key_size = 8;
	ASSERT_ERRNO(EINVAL, map_create_attr(&attr));
}

CASE("map.sk_storage.update.socket_fd_roundtrip",
     NEEDS(MAP(SK_STORAGE), CMD(MAP_UPDATE_ELEM), CMD(BTF_LOAD), NETNS))
{
	int map = storage_create(BPF_MAP_TYPE_SK_STORAGE);

	ASSERT_FD(map);
	storage_roundtrip(map, loopback_socket(SOCK_DGRAM, NULL));
}

/* A key fd that is not a socket. */
CASE("map.sk_storage.update.non_socket_fd_enotsock",
     NEEDS(MAP(SK_STORAGE), CMD(MAP_UPDATE_ELEM), CMD(BTF_LOAD)))
{
	__u64 val = 1;
	int map = storage_create(BPF_MAP_TYPE_SK_STORAGE), fd;

	ASSERT_FD(map);
	fd = map;	/* a map fd is not a socket */
	ASSERT_ERRNO(ENOTSOCK, map_update(map, &fd, &val, BPF_ANY));
}

CASE("map.task_storage.update.pidfd_roundtrip",
     NEEDS(MAP(TASK_STORAGE), CMD(MAP_UPDATE_ELEM), CMD(BTF_LOAD)))
{
	int map = storage_create(BPF_MAP_TYPE_TASK_STORAGE);
	int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);

	SETUP(pidfd >= 0);
	ASSERT_FD(map);
	storage_roundtrip(map, pidfd);
}

CASE("map.cgrp_storage.update.cgroup_fd_roundtrip",
     NEEDS(MAP(CGRP_STORAGE), CMD(MAP_UPDATE_ELEM), CMD(BTF_LOAD), CGROUP))
{
	int map = storage_create(BPF_MAP_TYPE_CGRP_STORAGE);

	ASSERT_FD(map);
	storage_roundtrip(map, case_cgroup_fd());
}

/*
 * A cgroup_skb egress program creates the sending socket's storage with
 * bpf_sk_storage_get(..., BPF_LOCAL_STORAGE_GET_F_CREATE) and counts
 * packets in it; the syscall side reads the count through the socket's fd.
 * This process joins the case's cgroup, so its datagram passes the program.
 */
CASE("map.sk_storage.prog.created_by_program_read_by_syscall",
     NEEDS(MAP(SK_STORAGE), CMD(BTF_LOAD), PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS),
	   CMD(PROG_ATTACH), HELPER(sk_storage_get), HELPER(sk_fullsock), CGROUP, NETNS))
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(9),
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int map = case_map("sks", storage_create(BPF_MAP_TYPE_SK_STORAGE)), prog, procs, s;
	char path[600], pid[32];
	__u64 seen = 0;

	ASSERT_FD(map);
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_CGROUP_SKB,
		.attach = BPF_CGROUP_INET_EGRESS,
		.insns = PROG(
			/* sk = bpf_sk_fullsock(skb->sk); if (!sk) goto out */
			BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_1, offsetof(struct __sk_buff, sk)),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "out"),
			BPF_CALL_HELPER(sk_fullsock),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			/* v = sk_storage_get(sks, sk, NULL, F_CREATE); if (v) *(u64 *)v += 1 */
			BPF_LD_MAP_FD(BPF_REG_1, "sks"),
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_0),
			BPF_MOV64_IMM(BPF_REG_3, 0),
			BPF_MOV64_IMM(BPF_REG_4, BPF_LOCAL_STORAGE_GET_F_CREATE),
			BPF_CALL_HELPER(sk_storage_get),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0),
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 1),		/* allow */
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_attach(prog, case_cgroup_fd(), BPF_CGROUP_INET_EGRESS, 0));

	snprintf(path, sizeof(path), "%s/cgroup.procs", case_cgroup_path());
	snprintf(pid, sizeof(pid), "%d", getpid());
	procs = open(path, O_WRONLY);
	SETUP(procs >= 0);
	SETUP(write(procs, pid, strlen(pid)) > 0);
	close(procs);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	SETUP(s >= 0);
	ASSERT_ERRNO(ENOENT, map_lookup(map, &s, &seen));
	SETUP(sendto(s, "x", 1, 0, (struct sockaddr *)&addr, sizeof(addr)) == 1);
	SETUP(sendto(s, "y", 1, 0, (struct sockaddr *)&addr, sizeof(addr)) == 1);
	ASSERT_OK(map_lookup(map, &s, &seen));
	ASSERT_EQ(2, seen);
}
