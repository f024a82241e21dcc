// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_CGROUP_STORAGE (4.19) and PERCPU_CGROUP_STORAGE (4.20):
 * storage that exists per (cgroup, attach type) while a program using it
 * is attached.  The key is struct bpf_cgroup_storage_key (cgroup inode id,
 * attach type) or, since 5.9 (commit 7d9c3427894f "bpf: Make cgroup
 * storages shared between programs on the same cgroup"), a bare u64 cgroup
 * id; max_entries must be 0 (cgroup_storage_map_alloc(): EINVAL).  A
 * program reaches its cgroup's storage with bpf_get_local_storage().
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/maps/maps.h"

CASE("map.cgroup_storage.create.info_reports_attrs",
     NEEDS(MAP(CGROUP_STORAGE), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_CGROUP_STORAGE,
				.key_size = sizeof(struct bpf_cgroup_storage_key),
				.value_size = 8 };

	map_create_checked(&attr, "cg_storage");
}

CASE("map.percpu_cgroup_storage.create.info_reports_attrs",
     NEEDS(MAP(PERCPU_CGROUP_STORAGE), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE,
				.key_size = 8, .value_size = 4 };

	map_create_checked(&attr, "pcpu_cg_storage");
}

CASE("map.cgroup_storage.create.max_entries_nonzero_einval",
     NEEDS(MAP(CGROUP_STORAGE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_CGROUP_STORAGE,
					sizeof(struct bpf_cgroup_storage_key), 8, 1, 0));
}

CASE("map.cgroup_storage.create.key_size_4_einval", NEEDS(MAP(CGROUP_STORAGE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_CGROUP_STORAGE, 4, 8, 0, 0));
}

CASE("map.percpu_cgroup_storage.create.value_size_zero_einval",
     NEEDS(MAP(PERCPU_CGROUP_STORAGE), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE, 8, 0, 0, 0));
}

/* Storage exists only for attached (cgroup, type) pairs: nothing yet. */
CASE("map.cgroup_storage.lookup.unattached_enoent",
     NEEDS(MAP(CGROUP_STORAGE), CMD(MAP_LOOKUP_ELEM)))
{
	struct bpf_cgroup_storage_key key = { .cgroup_inode_id = 1,
					      .attach_type = BPF_CGROUP_INET_EGRESS };
	__u64 val;
	int fd = map_create(BPF_MAP_TYPE_CGROUP_STORAGE, sizeof(key), 8, 0, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, &val));
}

/*
 * A cgroup_skb egress program counts packets in its cgroup storage.  Once
 * attached to the case's cgroup the storage exists (value 0); the syscall
 * side writes a start value, this process joins the cgroup and sends one
 * UDP datagram on loopback, and the count goes up by at least one.
 */
CASE("map.cgroup_storage.prog.counts_in_attached_cgroup",
     NEEDS(MAP(CGROUP_STORAGE), PROG_TYPE(CGROUP_SKB), ATTACH(CGROUP_INET_EGRESS),
	   CMD(PROG_ATTACH), HELPER(get_local_storage), CGROUP, NETNS))
{
	struct bpf_cgroup_storage_key key = { .attach_type = BPF_CGROUP_INET_EGRESS };
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(9),
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	__u64 val = 1000, seen = 0;
	struct stat st;
	char path[600], pid[32];
	int map = case_map("cgs", map_create(BPF_MAP_TYPE_CGROUP_STORAGE, sizeof(key), 8, 0, 0));
	int prog, procs, s;

	ASSERT_FD(map);
	prog = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_CGROUP_SKB,
		.attach = BPF_CGROUP_INET_EGRESS,
		.insns = PROG(
			/* r0 = get_local_storage(cgs, 0); *(u64 *)r0 += 1 */
			BPF_LD_MAP_FD(BPF_REG_1, "cgs"),
			BPF_MOV64_IMM(BPF_REG_2, 0),
			BPF_CALL_HELPER(get_local_storage),
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0),
			BPF_MOV64_IMM(BPF_REG_0, 1),		/* allow */
			BPF_EXIT_INSN(),
		),
	});
	ASSERT_FD(prog);
	ASSERT_OK(prog_attach(prog, case_cgroup_fd(), BPF_CGROUP_INET_EGRESS, 0));
	SETUP(stat(case_cgroup_path(), &st) == 0);
	key.cgroup_inode_id = st.st_ino;	/* a cgroup2 directory's inode is its id */
	ASSERT_OK(map_lookup(map, &key, &seen));
	ASSERT_EQ(0, seen);
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));

	snprintf(path, sizeof(path), "%s/cgroup.procs", case_cgroup_path());
	snprintf(pid, sizeof(pid), "%d", getpid());
	procs = open(path, O_WRONLY);
	SETUP(procs >= 0);
	SETUP(write(procs, pid, strlen(pid)) > 0);
	close(procs);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	SETUP(s >= 0);
	SETUP(sendto(s, "x", 1, 0, (struct sockaddr *)&addr, sizeof(addr)) == 1);
	close(s);

	ASSERT_OK(map_lookup(map, &key, &seen));
	ASSERT_LE(1001, seen);
}
