// SPDX-License-Identifier: GPL-2.0
/*
 * XDP redirect maps and their value formats:
 *  - DEVMAP (4.14) and DEVMAP_HASH (5.4): value is an ifindex (4 bytes) or
 *    struct bpf_devmap_val (ifindex + program fd, 8 bytes, 5.8); a missing
 *    device is EINVAL (__dev_map_alloc_node()).
 *  - CPUMAP (4.15): key is a CPU, value a queue size (4 bytes) or struct
 *    bpf_cpumap_val (qsize + program fd, 5.9); a key at or past max_entries
 *    is E2BIG.
 *  - XSKMAP (4.18): value is an AF_XDP socket fd; another socket is
 *    EOPNOTSUPP.
 * Device maps are read-only for programs: the kernel adds BPF_F_RDONLY_PROG
 * to their flags (5.8, commit fbee97feed9b "bpf: Add support to attach bpf
 * program to a devmap entry"), and info reports it.
 * A program redirects through a devmap with bpf_redirect_map(): XDP_REDIRECT
 * when the key is there, else the action in the flags' low bits (5.3,
 * commit 43e74c0267a3 "bpf_xdp_redirect_map: Perform map lookup in eBPF
 * helper").
 */
#include <sys/socket.h>

#include "cases/maps/maps.h"

#define LO_IFINDEX 1	/* lo is the first device of every network namespace */

CASE("map.devmap.create.info_reports_attrs",
     NEEDS(MAP(DEVMAP), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_DEVMAP, .key_size = 4,
				.value_size = 4, .max_entries = 4 };

	map_create_checked_flags(&attr, "devmap", BPF_F_RDONLY_PROG);
}

CASE("map.devmap_hash.create.info_reports_attrs",
     NEEDS(MAP(DEVMAP_HASH), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_DEVMAP_HASH, .key_size = 4,
				.value_size = 8, .max_entries = 4 };

	map_create_checked_flags(&attr, "devmap_hash", BPF_F_RDONLY_PROG);
}

CASE("map.cpumap.create.info_reports_attrs",
     NEEDS(MAP(CPUMAP), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_CPUMAP, .key_size = 4,
				.value_size = 4, .max_entries = 1 };

	map_create_checked(&attr, "cpumap");
}

CASE("map.xskmap.create.info_reports_attrs",
     NEEDS(MAP(XSKMAP), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_XSKMAP, .key_size = 4,
				.value_size = 4, .max_entries = 2 };

	map_create_checked(&attr, "xskmap");
}

/* Neither an ifindex nor struct bpf_devmap_val. */
CASE("map.devmap.create.value_size_12_einval", NEEDS(MAP(DEVMAP), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_DEVMAP, 4, 12, 4, 0));
}

CASE("map.devmap_hash.create.key_size_8_einval", NEEDS(MAP(DEVMAP_HASH), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_DEVMAP_HASH, 8, 4, 4, 0));
}

CASE("map.cpumap.create.value_size_12_einval", NEEDS(MAP(CPUMAP), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_CPUMAP, 4, 12, 1, 0));
}

CASE("map.xskmap.create.value_size_8_einval", NEEDS(MAP(XSKMAP), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_XSKMAP, 4, 8, 2, 0));
}

CASE("map.devmap.update.lo_ifindex_roundtrip",
     NEEDS(MAP(DEVMAP), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM), NETNS))
{
	__u32 key = 2, val = LO_IFINDEX, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_DEVMAP, 4, 4, 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(LO_IFINDEX, seen);
	ASSERT_OK(map_delete(fd, &key));
	ASSERT_ERRNO(ENOENT, map_lookup(fd, &key, &seen));
}

/* struct bpf_devmap_val with no program (bpf_prog.fd <= 0 means none). */
CASE("map.devmap_hash.update.devmap_val_roundtrip",
     NEEDS(MAP(DEVMAP_HASH), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM), NETNS))
{
	struct bpf_devmap_val val = { .ifindex = LO_IFINDEX, .bpf_prog.fd = -1 }, seen;
	__u32 key = 1000;
	int fd = map_create(BPF_MAP_TYPE_DEVMAP_HASH, 4, sizeof(val), 4, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	memset(&seen, 0xff, sizeof(seen));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(LO_IFINDEX, seen.ifindex);
	ASSERT_EQ(0, seen.bpf_prog.id);	/* no program */
}

CASE("map.devmap.update.missing_ifindex_einval",
     NEEDS(MAP(DEVMAP), CMD(MAP_UPDATE_ELEM), NETNS))
{
	__u32 key = 0, val = 4242;	/* a fresh netns has only lo */
	int fd = map_create(BPF_MAP_TYPE_DEVMAP, 4, 4, 4, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_update(fd, &key, &val, BPF_ANY));
}

CASE("map.cpumap.update.qsize_roundtrip",
     NEEDS(MAP(CPUMAP), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 0, qsize = 192, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_CPUMAP, 4, 4, 1, 0);

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &qsize, BPF_ANY));
	ASSERT_OK(map_lookup(fd, &key, &seen));
	ASSERT_EQ(192, seen);
}

CASE("map.cpumap.update.key_past_max_entries_e2big",
     NEEDS(MAP(CPUMAP), CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 1, qsize = 192;
	int fd = map_create(BPF_MAP_TYPE_CPUMAP, 4, 4, 1, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(E2BIG, map_update(fd, &key, &qsize, BPF_ANY));
}

CASE("map.xskmap.update.udp_socket_eopnotsupp",
     NEEDS(MAP(XSKMAP), CMD(MAP_UPDATE_ELEM), NETNS))
{
	int fd = map_create(BPF_MAP_TYPE_XSKMAP, 4, 4, 2, 0);
	__u32 key = 0, val;

	ASSERT_FD(fd);
	val = (__u32)loopback_socket(SOCK_DGRAM, NULL);
	ASSERT_ERRNO(EOPNOTSUPP, map_update(fd, &key, &val, BPF_ANY));
}

/* An XDP program redirecting through "dm": key 0 holds lo, key 1 is empty
 * and the flags ask for XDP_PASS (2) as the fallback. */
static int redirect_prog(int key)
{
	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_XDP,
		.insns = PROG(
			/* return redirect_map(dm, key, XDP_PASS) */
			BPF_LD_MAP_FD(BPF_REG_1, "dm"),
			BPF_MOV64_IMM(BPF_REG_2, key),
			BPF_MOV64_IMM(BPF_REG_3, 2),
			BPF_CALL_HELPER(redirect_map),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("map.devmap.prog.redirect_map_hit_and_miss",
     NEEDS(MAP(DEVMAP), PROG_TYPE(XDP), CMD(PROG_TEST_RUN), HELPER(redirect_map), NETNS))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 key = 0, val = LO_IFINDEX;
	int map = case_map("dm", map_create(BPF_MAP_TYPE_DEVMAP, 4, 4, 2, 0)), hit, miss;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	hit = redirect_prog(0);
	ASSERT_FD(hit);
	ASSERT_OK(prog_test_run(hit, &run));
	ASSERT_EQ(4, run.retval);		/* XDP_REDIRECT */
	miss = redirect_prog(1);
	ASSERT_FD(miss);
	ASSERT_OK(prog_test_run(miss, &run));
	ASSERT_EQ(2, run.retval);		/* XDP_PASS */
}

/* Through a DEVMAP_HASH and a CPUMAP the same helper redirects when the key
 * holds an entry. */
CASE("map.devmap_hash.prog.redirect_map_hit",
     NEEDS(MAP(DEVMAP_HASH), PROG_TYPE(XDP), CMD(PROG_TEST_RUN), HELPER(redirect_map), NETNS))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 key = 0, val = LO_IFINDEX;
	int map = case_map("dm", map_create(BPF_MAP_TYPE_DEVMAP_HASH, 4, 4, 2, 0)), prog;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	prog = redirect_prog(0);
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(4, run.retval);		/* XDP_REDIRECT */
}

CASE("map.cpumap.prog.redirect_map_hit",
     NEEDS(MAP(CPUMAP), PROG_TYPE(XDP), CMD(PROG_TEST_RUN), HELPER(redirect_map)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	__u32 key = 0, qsize = 192;
	int map = case_map("dm", map_create(BPF_MAP_TYPE_CPUMAP, 4, 4, 1, 0)), prog;

	ASSERT_FD(map);
	ASSERT_OK(map_update(map, &key, &qsize, BPF_ANY));
	prog = redirect_prog(0);
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(4, run.retval);		/* XDP_REDIRECT */
}

/* An XSKMAP slot without a socket: the fallback action in the flags. */
CASE("map.xskmap.prog.redirect_map_empty_falls_back",
     NEEDS(MAP(XSKMAP), PROG_TYPE(XDP), CMD(PROG_TEST_RUN), HELPER(redirect_map)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int map = case_map("dm", map_create(BPF_MAP_TYPE_XSKMAP, 4, 4, 2, 0)), prog;

	ASSERT_FD(map);
	prog = redirect_prog(1);
	ASSERT_FD(prog);
	ASSERT_OK(prog_test_run(prog, &run));
	ASSERT_EQ(2, run.retval);		/* XDP_PASS */
}
