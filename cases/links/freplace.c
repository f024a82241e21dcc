// SPDX-License-Identifier: GPL-2.0
/*
 * freplace (5.6): a BPF_PROG_TYPE_EXT program replaces a global function
 * of another, already loaded program; BPF_LINK_CREATE makes the
 * replacement a BPF_LINK_TYPE_TRACING link (the trampoline is on the
 * target program, no ftrace involved).  The target calls its global
 * function sub(1) and returns what it returns; replaced, it returns 42.
 * Both programs carry BTF (func_info): the replacement's prototype must
 * match the replaced function's.
 */
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/btf_build.h"

struct func_info { __u32 insn_off, type_id; };

/* int (1); int main(void) (2, 3); int sub(int x) (4, 5). */
static int two_funcs_btf(void)
{
	struct btf_build *b = btf_build_new();
	__u32 i32 = btf_int(b, "int", 4, BTF_INT_SIGNED), proto;
	int fd;

	proto = btf_func_proto(b, i32);
	btf_func(b, "main", proto, BTF_LINK_STATIC);
	proto = btf_func_proto(b, i32);
	btf_param(b, "x", i32);
	btf_func(b, "sub", proto, BTF_LINK_GLOBAL);
	fd = btf_build_load(b);
	btf_build_free(b);
	return fd;
}

static int target_prog(int btf)
{
	static const struct func_info fi[] = { { 0, 3 }, { 3, 5 } };

	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_1, 1),
			BPF_CALL_LABEL("sub"),			/* r0 = sub(1) */
			BPF_EXIT_INSN(),
			LABEL("sub"),
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),	/* return x */
			BPF_EXIT_INSN(),
		),
		.prog_btf_fd = btf, .func_info = fi, .func_info_cnt = 2,
		.func_info_rec_size = sizeof(fi[0]),
	});
}

static int replacement(int btf, int target, int ret)
{
	static const struct func_info fi[] = { { 0, 5 } };

	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_EXT,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, ret),
			BPF_EXIT_INSN(),
		),
		.attach_prog_fd = (__u32)target, .attach_btf_id = 5,
		.prog_btf_fd = btf, .func_info = fi, .func_info_cnt = 1,
		.func_info_rec_size = sizeof(fi[0]),
	});
}

static __u32 run(int prog)
{
	struct test_run r = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };

	SETUP_RET(prog_test_run(prog, &r));
	return r.retval;
}

#define NEEDS_EXT(...) NEEDS(PROG_TYPE(EXT), PROG_TYPE(SOCKET_FILTER), CMD(BTF_LOAD), \
			     CMD(LINK_CREATE), LINK(TRACING), CMD(PROG_TEST_RUN), ##__VA_ARGS__)

CASE("links.tracing.freplace.link_replaces_until_closed",
     NEEDS_EXT(CMD(OBJ_GET_INFO_BY_FD), CMD(LINK_GET_FD_BY_ID)))
{
	int btf = two_funcs_btf(), target, ext, link;
	struct bpf_link_info info;
	__u32 link_id, ext_id;

	ASSERT_FD(btf);
	target = target_prog(btf);
	ASSERT_FD(target);
	ASSERT_EQ(1, run(target));
	ext = replacement(btf, target, 42);
	ASSERT_FD(ext);
	ext_id = id_of(OBJ_PROG, ext);
	link = link_create(ext, 0, 0, 0);
	ASSERT_FD(link);
	link_id = id_of(OBJ_LINK, link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_TRACING, info.type);
	ASSERT_EQ(id_of(OBJ_PROG, target), info.tracing.target_obj_id);
	ASSERT_EQ(42, run(target));
	/* The link holds the replacement. */
	close(ext);
	ASSERT_EQ(1, obj_alive(OBJ_PROG, ext_id));
	ASSERT_EQ(42, run(target));
	close(link);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, ext_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_EQ(1, run(target));
}

/* A replacement loaded for one target attaches once through its load-time
 * target; a second link for it without naming a target is refused. */
CASE("links.tracing.freplace.second_link_same_target_einval", NEEDS_EXT())
{
	int btf = two_funcs_btf(), target, ext;

	ASSERT_FD(btf);
	target = target_prog(btf);
	ASSERT_FD(target);
	ext = replacement(btf, target, 42);
	ASSERT_FD(ext);
	ASSERT_FD(link_create(ext, 0, 0, 0));
	ASSERT_ERRNO(EINVAL, link_create(ext, 0, 0, 0));
}
