// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lifetime.h"
#include "objects.h"

static const struct {
	const char *name;
	int (*next_id)(union bpf_attr *);
	int (*fd_by_id)(union bpf_attr *);
} kinds[OBJ__COUNT] = {
	[OBJ_PROG] = { "prog", sys_bpf_prog_get_next_id, sys_bpf_prog_get_fd_by_id },
	[OBJ_MAP] = { "map", sys_bpf_map_get_next_id, sys_bpf_map_get_fd_by_id },
	[OBJ_LINK] = { "link", sys_bpf_link_get_next_id, sys_bpf_link_get_fd_by_id },
	[OBJ_BTF] = { "btf", sys_bpf_btf_get_next_id, sys_bpf_btf_get_fd_by_id },
};

const char *obj_kind_name(enum obj_kind kind)
{
	return kind < OBJ__COUNT ? kinds[kind].name : "?";
}

long obj_id(enum obj_kind kind, int fd)
{
	/* Every info struct starts with its type's fields; the id is at a
	 * different offset in each, so ask for the right struct. */
	union {
		struct bpf_prog_info prog;
		struct bpf_map_info map;
		struct bpf_link_info link;
		struct bpf_btf_info btf;
	} info;
	__u32 len = 0;
	int ret;

	memset(&info, 0, sizeof(info));
	switch (kind) {
	case OBJ_PROG: len = sizeof(info.prog); break;
	case OBJ_MAP: len = sizeof(info.map); break;
	case OBJ_LINK: len = sizeof(info.link); break;
	case OBJ_BTF: len = sizeof(info.btf); break;
	default: return -EINVAL;
	}
	ret = obj_info(fd, &info, &len);
	if (ret < 0)
		return ret;
	switch (kind) {
	case OBJ_PROG: return info.prog.id;
	case OBJ_MAP: return info.map.id;
	case OBJ_LINK: return info.link.id;
	default: return info.btf.id;
	}
}

int obj_fd_by_id(enum obj_kind kind, __u32 id)
{
	union bpf_attr attr = { .start_id = id };

	return kinds[kind].fd_by_id(&attr);
}

int obj_alive(enum obj_kind kind, __u32 id)
{
	int fd = obj_fd_by_id(kind, id);

	if (fd >= 0) {
		close(fd);
		return 1;
	}
	return fd == -ENOENT ? 0 : fd;
}

int obj_wait_gone(enum obj_kind kind, __u32 id, unsigned ms)
{
	struct timespec pause = { 0, 2 * 1000 * 1000 };	/* 2 ms */
	unsigned waited = 0;

	for (;;) {
		int alive = obj_alive(kind, id);

		if (alive <= 0)
			return alive;
		if (waited >= ms)
			return -ETIMEDOUT;
		nanosleep(&pause, NULL);
		waited += 2;
	}
}

long obj_ids(enum obj_kind kind, __u32 *ids, size_t cap)
{
	union bpf_attr attr;
	__u32 id = 0;
	long n = 0;

	for (;;) {
		int ret;

		memset(&attr, 0, sizeof(attr));
		attr.start_id = id;
		ret = kinds[kind].next_id(&attr);
		if (ret == -ENOENT)
			return n;
		if (ret < 0)
			return ret;
		id = attr.next_id;
		if ((size_t)n < cap)
			ids[n] = id;
		n++;
	}
}

long obj_count(enum obj_kind kind)
{
	return obj_ids(kind, NULL, 0);
}
