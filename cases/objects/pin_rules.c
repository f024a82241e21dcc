// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_OBJ_PIN and BPF_OBJ_GET rules (kernel/bpf/inode.c): pins live only in
 * a bpf filesystem (a directory elsewhere: EPERM), an existing name is
 * EEXIST, OBJ_GET of a file that is not a pin EACCES.  BPF_F_RDONLY and
 * BPF_F_WRONLY on OBJ_GET give a map fd that refuses the other direction
 * (EPERM), both at once EINVAL; a program ignores them, a link opens only
 * read-write (bpf_obj_do_get: EINVAL).  Pins go into directories made with
 * mkdir(2) in bpffs, rename(2) moves them, unlink(2) drops their
 * reference.
 *
 * History: file_flags on OBJ_GET 4.15; rename in bpffs 4.12; path_fd 6.5.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"

static int array_map(void)
{
	return map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);
}

#define NEEDS_PIN(...) NEEDS(CMD(OBJ_PIN), CMD(OBJ_GET), MAP(ARRAY), BPFFS, ##__VA_ARGS__)

/* kernel/bpf/inode.c bpf_obj_do_pin: a parent that is not a bpffs
 * directory is refused with EPERM. */
CASE("obj.pin.outside_bpffs_eperm", NEEDS_PIN())
{
	char dir[] = "/tmp/bpfconform-pin.XXXXXX", path[64];
	int fd = array_map(), ret;

	ASSERT_FD(fd);
	SETUP(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/m", dir);
	ret = obj_pin(fd, path);
	unlink(path);
	rmdir(dir);
	ASSERT_ERRNO(EPERM, ret);
}

CASE("obj.pin.not_bpf_fd_einval", NEEDS(CMD(OBJ_PIN), BPFFS))
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	SETUP(fd >= 0);
	ASSERT_ERRNO(EINVAL, obj_pin(fd, bpffs_path("null")));
}

CASE("obj.get.missing_path_enoent", NEEDS(CMD(OBJ_GET), BPFFS))
{
	ASSERT_ERRNO(ENOENT, obj_get(bpffs_path("nothing-here"), 0));
}

/* A regular file is not a pin (bpf_inode_type: EACCES). */
CASE("obj.get.not_a_pin_eacces", NEEDS(CMD(OBJ_GET)))
{
	ASSERT_ERRNO(EACCES, obj_get("/proc/self/status", 0));
}

CASE("obj.get.map_rdonly_refuses_update", NEEDS_PIN(CMD(MAP_UPDATE_ELEM)))
{
	__u32 key = 0;
	__u64 val = 1;
	int fd = array_map(), ro;

	ASSERT_FD(fd);
	ASSERT_OK(obj_pin(fd, bpffs_path("m")));
	ro = obj_get(bpffs_path("m"), BPF_F_RDONLY);
	ASSERT_FD(ro);
	ASSERT_OK(map_lookup(ro, &key, &val));
	ASSERT_ERRNO(EPERM, map_update(ro, &key, &val, BPF_ANY));
}

CASE("obj.get.map_wronly_refuses_lookup", NEEDS_PIN(CMD(MAP_LOOKUP_ELEM)))
{
	__u32 key = 0;
	__u64 val = 1;
	int fd = array_map(), wo;

	ASSERT_FD(fd);
	ASSERT_OK(obj_pin(fd, bpffs_path("m")));
	wo = obj_get(bpffs_path("m"), BPF_F_WRONLY);
	ASSERT_FD(wo);
	ASSERT_OK(map_update(wo, &key, &val, BPF_ANY));
	ASSERT_ERRNO(EPERM, map_lookup(wo, &key, &val));
}

CASE("obj.get.rdonly_and_wronly_einval", NEEDS_PIN())
{
	int fd = array_map();

	ASSERT_FD(fd);
	ASSERT_OK(obj_pin(fd, bpffs_path("m")));
	ASSERT_ERRNO(EINVAL, obj_get(bpffs_path("m"), BPF_F_RDONLY | BPF_F_WRONLY));
}

/* A program's fd has no read/write distinction: the flags are ignored. */
CASE("obj.get.prog_rdonly_accepted", NEEDS(CMD(OBJ_PIN), CMD(OBJ_GET),
					   PROG_TYPE(SOCKET_FILTER), BPFFS))
{
	int fd = prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0), got;

	ASSERT_FD(fd);
	ASSERT_OK(obj_pin(fd, bpffs_path("p")));
	got = obj_get(bpffs_path("p"), BPF_F_RDONLY);
	ASSERT_FD(got);
	ASSERT_EQ(id_of(OBJ_PROG, fd), id_of(OBJ_PROG, got));
}

/* A link opens only read-write. */
CASE("obj.get.link_rdonly_einval",
     NEEDS(CMD(OBJ_PIN), CMD(OBJ_GET), PROG_TYPE(RAW_TRACEPOINT), CMD(RAW_TRACEPOINT_OPEN),
	   LINK(RAW_TRACEPOINT), BPFFS))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0), link;
	union bpf_attr attr;

	ASSERT_FD(prog);
	memset(&attr, 0, sizeof(attr));
	attr.raw_tracepoint.name = (__u64)(unsigned long)"sys_enter";
	attr.raw_tracepoint.prog_fd = (__u32)prog;
	link = sys_bpf_raw_tracepoint_open(&attr);
	ASSERT_FD(link);
	ASSERT_OK(obj_pin(link, bpffs_path("l")));
	ASSERT_ERRNO(EINVAL, obj_get(bpffs_path("l"), BPF_F_RDONLY));
	ASSERT_ERRNO(EINVAL, obj_get(bpffs_path("l"), BPF_F_WRONLY));
	ASSERT_FD(obj_get(bpffs_path("l"), 0));
}

/* mkdir in bpffs, pin inside, rename, unlink: the object follows its
 * last reference. */
CASE("obj.pin.mkdir_rename_unlink", NEEDS_PIN())
{
	int fd = array_map(), got;
	__u32 id;

	ASSERT_FD(fd);
	id = id_of(OBJ_MAP, fd);
	ASSERT_EQ(0, mkdir(bpffs_path("dir"), 0700));
	ASSERT_OK(obj_pin(fd, bpffs_path("dir/m")));
	close(fd);
	{
		char from[256], to[256];

		snprintf(from, sizeof(from), "%s", bpffs_path("dir/m"));
		snprintf(to, sizeof(to), "%s", bpffs_path("dir/renamed"));
		ASSERT_EQ(0, rename(from, to));
	}
	ASSERT_ERRNO(ENOENT, obj_get(bpffs_path("dir/m"), 0));
	got = obj_get(bpffs_path("dir/renamed"), 0);
	ASSERT_FD(got);
	ASSERT_EQ(id, id_of(OBJ_MAP, got));
	close(got);
	/* A directory with a pin in it is not empty. */
	ASSERT_EQ(-1, rmdir(bpffs_path("dir")));
	ASSERT_EQ(ENOTEMPTY, errno);
	ASSERT_EQ(0, unlink(bpffs_path("dir/renamed")));
	ASSERT_OK(obj_wait_gone(OBJ_MAP, id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_EQ(0, rmdir(bpffs_path("dir")));
}

/* Two pins are two references: the object stays until both are gone. */
CASE("lifecycle.map.two_pins_two_references", NEEDS_PIN(CMD(MAP_GET_FD_BY_ID)))
{
	int fd = array_map();
	__u32 id;

	ASSERT_FD(fd);
	id = id_of(OBJ_MAP, fd);
	ASSERT_OK(obj_pin(fd, bpffs_path("a")));
	ASSERT_OK(obj_pin(fd, bpffs_path("b")));
	close(fd);
	SETUP(unlink(bpffs_path("a")) == 0);
	ASSERT_EQ(1, obj_alive(OBJ_MAP, id));
	SETUP(unlink(bpffs_path("b")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_MAP, id, OBJ_GONE_TIMEOUT_MS));
}

/* A pinned link: OBJ_GET gives a link fd; unlink lets it go. */
CASE("lifecycle.link.pin_get_unlink",
     NEEDS(CMD(OBJ_PIN), CMD(OBJ_GET), PROG_TYPE(RAW_TRACEPOINT), CMD(RAW_TRACEPOINT_OPEN),
	   LINK(RAW_TRACEPOINT), CMD(LINK_GET_FD_BY_ID), BPFFS))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0), link, got;
	union bpf_attr attr;
	__u32 id;

	ASSERT_FD(prog);
	memset(&attr, 0, sizeof(attr));
	attr.raw_tracepoint.name = (__u64)(unsigned long)"sys_enter";
	attr.raw_tracepoint.prog_fd = (__u32)prog;
	link = sys_bpf_raw_tracepoint_open(&attr);
	ASSERT_FD(link);
	id = id_of(OBJ_LINK, link);
	ASSERT_OK(obj_pin(link, bpffs_path("l")));
	close(link);
	got = obj_get(bpffs_path("l"), 0);
	ASSERT_FD(got);
	ASSERT_EQ(id, id_of(OBJ_LINK, got));
	close(got);
	SETUP(unlink(bpffs_path("l")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, id, OBJ_GONE_TIMEOUT_MS));
}
