// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_MAP_TYPE_CGROUP_ARRAY (4.8): values are cgroup directory fds, 4
 * bytes; a fd that is not a cgroup is EBADF (cgroup_get_from_fd()).  The
 * syscall side cannot read them back: lookup is ENOTSUPP (no
 * map_fd_sys_lookup_elem for this type).
 */
#include <fcntl.h>

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
