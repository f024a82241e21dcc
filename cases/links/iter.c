// SPDX-License-Identifier: GPL-2.0
/*
 * BPF iterators (5.8): a tracing program of expected_attach_type
 * BPF_TRACE_ITER on the "bpf_map" target (attach_btf_id of the kernel's
 * bpf_iter_bpf_map), linked with BPF_LINK_CREATE (BPF_LINK_TYPE_ITER);
 * BPF_ITER_CREATE makes a readable fd from the link, and so does open(2)
 * of the pinned link.  The program writes each map's ID with
 * bpf_seq_write(); the case finds its own map's ID in what it reads.
 */
#include <fcntl.h>
#include <unistd.h>

#include "cases/lifecycle/hooks.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

static int iter_prog(void)
{
	__u32 id_off = kernel_member_offset("bpf_map", "id");

	return prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_TRACING, .attach = BPF_TRACE_ITER,
		.attach_btf_id = (__u32)SETUP_RET(oracle_btf_id("bpf_iter_bpf_map", BTF_KIND_FUNC)),
		.insns = PROG(
			BPF_LDX_MEM(BPF_DW, BPF_REG_6, BPF_REG_1, 0),	/* r6 = ctx->meta */
			BPF_LDX_MEM(BPF_DW, BPF_REG_7, BPF_REG_1, 8),	/* r7 = ctx->map */
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_7, 0, "out"),	/* the end */
			BPF_LDX_MEM(BPF_W, BPF_REG_8, BPF_REG_7, id_off), /* r8 = map->id */
			BPF_STX_MEM(BPF_W, BPF_REG_10, BPF_REG_8, -4),
			BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_6, 0),	/* r1 = meta->seq */
			BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),		/* r2 = &id */
			BPF_MOV64_IMM(BPF_REG_3, 4),
			BPF_CALL_HELPER(seq_write),
			LABEL("out"),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
}

static int iter_create(int link, __u32 flags)
{
	union bpf_attr attr = { .iter_create = { .link_fd = (__u32)link, .flags = flags } };

	return sys_bpf_iter_create(&attr);
}

/* Read the iterator to its end; 1 if 'id' is among the IDs it wrote. */
static int lists_id(int fd, __u32 id)
{
	__u32 buf[256];
	int found = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		SETUP(n % 4 == 0);
		for (ssize_t i = 0; i < n / 4; i++)
			if (buf[i] == id)
				found = 1;
	}
	SETUP(n == 0);
	return found;
}

#define NEEDS_ITER(...) NEEDS(PROG_TYPE(TRACING), ATTACH(TRACE_ITER), LINK(ITER), \
			      CMD(LINK_CREATE), BTF_FUNC("bpf_iter_bpf_map"), \
			      HELPER(seq_write), MAP(ARRAY), ##__VA_ARGS__)

CASE("links.iter.bpf_map.iter_create_reads_our_map", NEEDS_ITER(CMD(ITER_CREATE)))
{
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0), prog = iter_prog(), link, it;
	struct bpf_link_info info;

	ASSERT_FD(map);
	ASSERT_FD(prog);
	link = link_create(prog, 0, BPF_TRACE_ITER, 0);
	ASSERT_FD(link);
	ASSERT_OK(link_info(link, &info));
	ASSERT_EQ(BPF_LINK_TYPE_ITER, info.type);
	it = iter_create(link, 0);
	ASSERT_FD(it);
	ASSERT_EQ(1, lists_id(it, id_of(OBJ_MAP, map)));
	/* A second iterator from the same link starts from the beginning. */
	close(it);
	it = iter_create(link, 0);
	ASSERT_FD(it);
	ASSERT_EQ(1, lists_id(it, id_of(OBJ_MAP, map)));
}

CASE("links.iter.bpf_map.pinned_link_reads_and_unpin_frees",
     NEEDS_ITER(CMD(OBJ_PIN), CMD(LINK_GET_FD_BY_ID), BPFFS))
{
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0), prog = iter_prog(), link, it;
	__u32 link_id, prog_id;

	ASSERT_FD(map);
	ASSERT_FD(prog);
	prog_id = id_of(OBJ_PROG, prog);
	link = link_create(prog, 0, BPF_TRACE_ITER, 0);
	ASSERT_FD(link);
	link_id = id_of(OBJ_LINK, link);
	ASSERT_OK(obj_pin(link, bpffs_path("maps")));
	close(link);
	close(prog);
	/* Reading the pinned link: each open(2) is a new iterator. */
	it = open(bpffs_path("maps"), O_RDONLY | O_CLOEXEC);
	ASSERT_FD(it);
	ASSERT_EQ(1, lists_id(it, id_of(OBJ_MAP, map)));
	close(it);
	SETUP(unlink(bpffs_path("maps")) == 0);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
}

/* An open iterator holds the program, not the link (kernel/bpf/
 * bpf_iter.c prepare_seq_file takes a program reference): the link goes
 * with its fd, the iterator still reads, and the program goes with it. */
CASE("links.iter.bpf_map.open_iterator_holds_prog_not_link",
     NEEDS_ITER(CMD(ITER_CREATE), CMD(LINK_GET_FD_BY_ID), CMD(PROG_GET_FD_BY_ID)))
{
	int map = map_create(BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0), prog = iter_prog(), link, it;
	__u32 link_id, prog_id;

	ASSERT_FD(map);
	ASSERT_FD(prog);
	prog_id = id_of(OBJ_PROG, prog);
	link = link_create(prog, 0, BPF_TRACE_ITER, 0);
	ASSERT_FD(link);
	link_id = id_of(OBJ_LINK, link);
	it = iter_create(link, 0);
	ASSERT_FD(it);
	close(link);
	close(prog);
	ASSERT_OK(obj_wait_gone(OBJ_LINK, link_id, OBJ_GONE_TIMEOUT_MS));
	ASSERT_EQ(1, obj_alive(OBJ_PROG, prog_id));
	ASSERT_EQ(1, lists_id(it, id_of(OBJ_MAP, map)));
	close(it);
	ASSERT_OK(obj_wait_gone(OBJ_PROG, prog_id, OBJ_GONE_TIMEOUT_MS));
}

CASE("links.iter.iter_create_flags_einval", NEEDS_ITER(CMD(ITER_CREATE)))
{
	int prog = iter_prog(), link;

	ASSERT_FD(prog);
	link = link_create(prog, 0, BPF_TRACE_ITER, 0);
	ASSERT_FD(link);
	ASSERT_ERRNO(EINVAL, iter_create(link, 1));
}

CASE("links.iter.iter_create_on_other_link_einval",
     NEEDS(CMD(ITER_CREATE), PROG_TYPE(RAW_TRACEPOINT), CMD(RAW_TRACEPOINT_OPEN)))
{
	int prog = prog_load_trivial(BPF_PROG_TYPE_RAW_TRACEPOINT, 0, 0), link;
	union bpf_attr attr;

	ASSERT_FD(prog);
	memset(&attr, 0, sizeof(attr));
	attr.raw_tracepoint.name = (__u64)(unsigned long)"sys_enter";
	attr.raw_tracepoint.prog_fd = (__u32)prog;
	link = sys_bpf_raw_tracepoint_open(&attr);
	ASSERT_FD(link);
	ASSERT_ERRNO(EINVAL, iter_create(link, 0));
}
