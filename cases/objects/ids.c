// SPDX-License-Identifier: GPL-2.0
/*
 * Object IDs: *_GET_NEXT_ID walks the live IDs in increasing order,
 * *_GET_FD_BY_ID gives a new reference to a live object and ENOENT for one
 * that is gone; MAP_GET_FD_BY_ID takes open_flags (BPF_F_RDONLY/WRONLY).
 *
 * History: prog/map IDs 4.13, BTF IDs 5.0, link IDs 5.8.
 */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/btf_build.h"

static int next_id(enum obj_kind kind, __u32 start, __u32 *next)
{
	union bpf_attr attr = { .start_id = start };
	int ret;

	switch (kind) {
	case OBJ_PROG: ret = sys_bpf_prog_get_next_id(&attr); break;
	case OBJ_MAP: ret = sys_bpf_map_get_next_id(&attr); break;
	case OBJ_LINK: ret = sys_bpf_link_get_next_id(&attr); break;
	default: ret = sys_bpf_btf_get_next_id(&attr); break;
	}
	*next = attr.next_id;
	return ret;
}

/* One object of each kind, made here. */
static int make(enum obj_kind kind)
{
	switch (kind) {
	case OBJ_PROG:
		return prog_load_trivial(BPF_PROG_TYPE_SOCKET_FILTER, 0, 0);
	case OBJ_MAP:
		return map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);
	case OBJ_LINK: {
		int prog = prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0);
		union bpf_attr attr = {
			.raw_tracepoint = { .name = (__u64)(unsigned long)"sys_enter",
					    .prog_fd = (__u32)SETUP_RET(prog) },
		};
		int link = sys_bpf_raw_tracepoint_open(&attr);

		close(prog);
		return link;
	}
	default: {
		struct btf_build *b = btf_build_new();
		int fd;

		btf_int(b, "int", 4, BTF_INT_SIGNED);
		fd = btf_build_load(b);
		btf_build_free(b);
		return fd;
	}
	}
}

struct id_kind {
	enum obj_kind kind;
	struct need needs[5];	/* zero-terminated */
};

static const struct id_kind kinds[] = {
	{ OBJ_PROG, { CMD(PROG_GET_NEXT_ID), CMD(PROG_GET_FD_BY_ID), PROG_TYPE(SOCKET_FILTER) } },
	{ OBJ_MAP, { CMD(MAP_GET_NEXT_ID), CMD(MAP_GET_FD_BY_ID), MAP(ARRAY) } },
	{ OBJ_LINK, { CMD(LINK_GET_NEXT_ID), CMD(LINK_GET_FD_BY_ID), LINK(RAW_TRACEPOINT),
		      CMD(RAW_TRACEPOINT_OPEN) } },
	{ OBJ_BTF, { CMD(BTF_GET_NEXT_ID), CMD(BTF_GET_FD_BY_ID), CMD(BTF_LOAD) } },
};

/* The ID right before ours leads to ours; the largest ID leads nowhere. */
static void next_id_finds_ours(const void *arg)
{
	const struct id_kind *k = arg;
	int fd = make(k->kind);
	__u32 id, next = 0;

	ASSERT_FD(fd);
	id = id_of(k->kind, fd);
	ASSERT_OK(next_id(k->kind, id - 1, &next));
	ASSERT_EQ(id, next);
	ASSERT_ERRNO(ENOENT, next_id(k->kind, INT_MAX - 1, &next));
	/* IDs are below INT_MAX: a start at or past it is refused. */
	ASSERT_ERRNO(EINVAL, next_id(k->kind, INT_MAX, &next));
}

/* GET_FD_BY_ID is a new reference: the object outlives the first fd. */
static void fd_by_id_is_a_reference(const void *arg)
{
	const struct id_kind *k = arg;
	int fd = make(k->kind), again;
	__u32 id;

	ASSERT_FD(fd);
	id = id_of(k->kind, fd);
	again = obj_fd_by_id(k->kind, id);
	ASSERT_FD(again);
	ASSERT_NE(fd, again);
	close(fd);
	ASSERT_EQ(id, id_of(k->kind, again));
	close(again);
	ASSERT_OK(obj_wait_gone(k->kind, id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_ERRNO(ENOENT, obj_fd_by_id(k->kind, id));
}

static void generate(void)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const char *name = obj_kind_name(kinds[i].kind);
		struct bc_case *c = calloc(2, sizeof(*c));

		c[0] = (struct bc_case){
			.name = case_strdup("obj.id.%s.next_id_finds_ours", name),
			.fn = next_id_finds_ours, .arg = &kinds[i], .needs = kinds[i].needs,
			.file = __FILE__, .line = __LINE__,
		};
		c[1] = (struct bc_case){
			.name = case_strdup("obj.id.%s.fd_by_id_reference_then_enoent", name),
			.fn = fd_by_id_is_a_reference, .arg = &kinds[i], .needs = kinds[i].needs,
			.file = __FILE__, .line = __LINE__,
		};
		case_add(&c[0]);
		case_add(&c[1]);
	}
}
CASE_GENERATOR(generate)

static int map_fd_by_id(__u32 id, __u32 open_flags)
{
	union bpf_attr attr = { .map_id = id, .open_flags = open_flags };

	return sys_bpf_map_get_fd_by_id(&attr);
}

CASE("obj.id.map.fd_by_id_rdonly_refuses_update",
     NEEDS(CMD(MAP_GET_FD_BY_ID), MAP(ARRAY), CMD(MAP_UPDATE_ELEM)))
{
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0), ro;
	__u32 key = 0;
	__u64 val = 5;

	ASSERT_FD(fd);
	ro = map_fd_by_id(id_of(OBJ_MAP, fd), BPF_F_RDONLY);
	ASSERT_FD(ro);
	ASSERT_OK(map_lookup(ro, &key, &val));
	ASSERT_ERRNO(EPERM, map_update(ro, &key, &val, BPF_ANY));
}

CASE("obj.id.map.fd_by_id_unknown_open_flags_einval",
     NEEDS(CMD(MAP_GET_FD_BY_ID), MAP(ARRAY)))
{
	int fd = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0);

	ASSERT_FD(fd);
	ASSERT_ERRNO(EINVAL, map_fd_by_id(id_of(OBJ_MAP, fd), BPF_F_RDONLY | BPF_F_WRONLY));
	ASSERT_ERRNO(EINVAL, map_fd_by_id(id_of(OBJ_MAP, fd), 1U << 30));
}
