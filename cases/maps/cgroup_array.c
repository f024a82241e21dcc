// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_CGROUP_ARRAY (4.8): values are cgroup directory fds, 4
 * bytes; a fd that is not a cgroup is EBADF (cgroup_get_from_fd()).  The
 * syscall side cannot read them back: lookup is ENOTSUPP (no
 * map_fd_sys_lookup_elem for this type).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/maps/maps.h"

CASE("map.cgroup_array.create.info_reports_attrs",
     NEEDS(MAP(CGROUP_ARRAY), CMD(MAP_CREATE), CMD(OBJ_GET_INFO_BY_FD)))
{
	union bpf_attr attr = { .map_type = BPF_MAP_TYPE_CGROUP_ARRAY, .key_size = 4,
				.value_size = 4, .max_entries = 2 };

	map_create_checked(&attr, "cgroups");
}

CASE("map.cgroup_array.create.value_size_8_einval", NEEDS(MAP(CGROUP_ARRAY), CMD(MAP_CREATE)))
{
	ASSERT_ERRNO(EINVAL, map_create(BPF_MAP_TYPE_CGROUP_ARRAY, 4, 8, 2, 0));
}

CASE("map.cgroup_array.update.cgroup_fd",
     NEEDS(MAP(CGROUP_ARRAY), CMD(MAP_UPDATE_ELEM), CMD(MAP_DELETE_ELEM), CGROUP))
{
	int fd = map_create(BPF_MAP_TYPE_CGROUP_ARRAY, 4, 4, 2, 0);
	__u32 key = 1, val = (__u32)case_cgroup_fd(), seen;

	ASSERT_FD(fd);
	ASSERT_OK(map_update(fd, &key, &val, BPF_ANY));
	ASSERT_ERRNO(ENOTSUPP, map_lookup(fd, &key, &seen));
	ASSERT_OK(map_delete(fd, &key));
	ASSERT_ERRNO(ENOENT, map_delete(fd, &key));
}

CASE("map.cgroup_array.update.non_cgroup_fd_ebadf",
     NEEDS(MAP(CGROUP_ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_CGROUP_ARRAY, 4, 4, 2, 0);
	int file = open("/proc/self/stat", O_RDONLY);
	__u32 key = 0, val;

	SETUP(file >= 0);
	ASSERT_FD(fd);
	val = (__u32)file;
	ASSERT_ERRNO(EBADF, map_update(fd, &key, &val, BPF_ANY));
}

/*
 * bpf_current_task_under_cgroup() from a raw tracepoint program run with
 * BPF_PROG_TEST_RUN, which runs in the calling task: slot 0 holds the
 * case's cgroup, which this process joins (1), slot 1 a child cgroup it is
 * not in (0).
 */
CASE("map.cgroup_array.prog.current_task_under_cgroup",
     NEEDS(MAP(CGROUP_ARRAY), PROG_TYPE(RAW_TRACEPOINT), CMD(PROG_TEST_RUN),
	   HELPER(current_task_under_cgroup), CGROUP))
{
	struct test_run run = { 0 };
	char path[600], pid[32];
	int map = case_map("cgs", map_create(BPF_MAP_TYPE_CGROUP_ARRAY, 4, 4, 2, 0));
	int child, procs, prog;
	__u32 key, val;

	ASSERT_FD(map);
	snprintf(path, sizeof(path), "%s/child", case_cgroup_path());
	SETUP(mkdir(path, 0755) == 0);
	child = open(path, O_RDONLY | O_DIRECTORY);
	SETUP(child >= 0);
	key = 0, val = (__u32)case_cgroup_fd();
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	key = 1, val = (__u32)child;
	ASSERT_OK(map_update(map, &key, &val, BPF_ANY));
	snprintf(path, sizeof(path), "%s/cgroup.procs", case_cgroup_path());
	snprintf(pid, sizeof(pid), "%d", getpid());
	procs = open(path, O_WRONLY);
	SETUP(procs >= 0);
	SETUP(write(procs, pid, strlen(pid)) > 0);
	close(procs);

	for (key = 0; key < 2; key++) {
		prog = prog_load(&(struct prog_spec){
			.type = BPF_PROG_TYPE_RAW_TRACEPOINT,
			.insns = PROG(
				/* return current_task_under_cgroup(cgs, key) */
				BPF_LD_MAP_FD(BPF_REG_1, "cgs"),
				BPF_MOV64_IMM(BPF_REG_2, key),
				BPF_CALL_HELPER(current_task_under_cgroup),
				BPF_EXIT_INSN(),
			),
		});
		ASSERT_FD(prog);
		ASSERT_OK(prog_test_run(prog, &run));
		ASSERT_EQ(key == 0 ? 1 : 0, run.retval);
	}
}
