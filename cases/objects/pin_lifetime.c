// SPDX-License-Identifier: GPL-2.0
/*
 * The reference-count rule for pins: a pin holds the object, OBJ_GET gives
 * a working fd to it, and unlinking the pin drops that reference.
 * (BPF_OBJ_PIN/BPF_OBJ_GET and bpffs: 4.4.)  More pin rules are in
 * pin_rules.c.
 */
#include <unistd.h>

#include "harness/case.h"
#include "harness/lifetime.h"
#include "harness/objects.h"

CASE("obj.pin.map.get_roundtrip", NEEDS(CMD(OBJ_PIN), CMD(OBJ_GET), MAP(ARRAY), BPFFS))
{
	__u32 key = 0;
	__u64 val = 77, seen = 0;
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0), fd2;

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_OK(obj_pin(fd, bpffs_path("m")));
	fd2 = obj_get(bpffs_path("m"), 0);
	ASSERT_FD(fd2);
	ASSERT_OK(map_lookup(fd2, &key, &seen));
	ASSERT_EQ(77, seen);
	ASSERT_EQ(obj_id(OBJ_MAP, fd), obj_id(OBJ_MAP, fd2));
}

CASE("obj.pin.existing_path_eexist", NEEDS(CMD(OBJ_PIN), MAP(ARRAY), BPFFS))
{
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	ASSERT_FD(fd);
	ASSERT_OK(obj_pin(fd, bpffs_path("m")));
	ASSERT_ERRNO(EEXIST, obj_pin(fd, bpffs_path("m")));
}

CASE("lifecycle.prog.close_fd_frees",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_GET_FD_BY_ID)))
{
	int fd = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	long id;

	ASSERT_FD(fd);
	id = obj_id(OBJ_PROG, fd);
	ASSERT_GT(id, 0);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, (__u32)id));
	close(fd);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, (__u32)id, OBJ_GONE_TIMEOUT_MS));
}

CASE("lifecycle.prog.pin_keeps_alive_unlink_frees",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(OBJ_PIN), CMD(OBJ_GET), BPFFS))
{
	int fd = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 7), fd2;
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	long id;

	ASSERT_FD(fd);
	id = obj_id(OBJ_PROG, fd);
	ASSERT_GT(id, 0);
	ASSERT_OK(obj_pin(fd, bpffs_path("p")));
	close(fd);
	/* The pin is the only reference now: the program must stay (no sleep:
	 * OBJ_GET and running the program below are the stronger proof). */
	ASSERT_EQ(1, obj_alive(OBJ_PROG, (__u32)id));
	fd2 = obj_get(bpffs_path("p"), 0);
	ASSERT_FD(fd2);
	ASSERT_OK(prog_test_run(fd2, &run));
	ASSERT_EQ(7, run.retval);
	close(fd2);
	SETUP(unlink(bpffs_path("p")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, (__u32)id, OBJ_GONE_TIMEOUT_MS));
}
