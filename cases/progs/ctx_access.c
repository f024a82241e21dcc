// SPDX-License-Identifier: GPL-2.0
/*
 * Context access: each type's is_valid_access() says which bytes of its
 * context a program may read or write and at what size; anything else is
 * "invalid bpf_context access": EACCES (check_ctx_access()).
 *
 * Narrow loads (a byte or half of a u32 field) are allowed for plain
 * fields such as __sk_buff->len and converted by the verifier (4.15);
 * pointer fields (data, data_end) must be read whole.  A tracepoint's
 * first 8 bytes (the common_* fields) are not readable (tp_prog_is_valid_
 * access(), since 4.7).
 *
 * Writes go through a register (STX): a store of an immediate (ST) into
 * the context was refused outright before 6.x ("BPF_ST stores into R1 ctx
 * is not allowed", also EACCES), which would hide the rule under test.
 */
#include <stddef.h>

#include "cases/progs/progs.h"

static int load1(enum bpf_prog_type type, struct asm_prog insns)
{
	return prog_load(&(struct prog_spec){ .type = type, .insns = insns });
}

CASE("prog.xdp.ctx.read_data", NEEDS(PROG_TYPE(XDP)))
{
	ASSERT_FD(load1(BPF_PROG_TYPE_XDP, PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, offsetof(struct xdp_md, data)),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.xdp.ctx.write_data_eacces", NEEDS(PROG_TYPE(XDP)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_XDP, PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, offsetof(struct xdp_md, data)),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.xdp.ctx.read_past_end_eacces", NEEDS(PROG_TYPE(XDP)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_XDP, PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, 1024),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.sched_cls.ctx.write_mark", NEEDS(PROG_TYPE(SCHED_CLS)))
{
	ASSERT_FD(load1(BPF_PROG_TYPE_SCHED_CLS, PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, offsetof(struct __sk_buff, mark)),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.sched_cls.ctx.write_len_eacces", NEEDS(PROG_TYPE(SCHED_CLS)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_SCHED_CLS, PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, offsetof(struct __sk_buff, len)),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

/* A socket filter may not write skb->mark (only tc and friends may). */
CASE("prog.socket_filter.ctx.write_mark_eacces", NEEDS(PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_SOCKET_FILTER, PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, offsetof(struct __sk_buff, mark)),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

/* Socket filters see no direct packet pointers. */
CASE("prog.socket_filter.ctx.read_data_eacces", NEEDS(PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_SOCKET_FILTER, PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, offsetof(struct __sk_buff, data)),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

/* The low byte of skb->len through a narrow load, then run: 64 & 0xff. */
CASE("prog.sched_cls.ctx.narrow_load_len",
     NEEDS(PROG_TYPE(SCHED_CLS), CMD(PROG_TEST_RUN)))
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	int fd = load1(BPF_PROG_TYPE_SCHED_CLS, PROG(
		BPF_LDX_MEM(BPF_B, BPF_REG_0, BPF_REG_1, offsetof(struct __sk_buff, len)),
		BPF_EXIT_INSN(),
	));

	ASSERT_FD(fd);
	ASSERT_OK(prog_test_run(fd, &run));
	ASSERT_EQ(sizeof(test_pkt_v4), run.retval);
}

CASE("prog.sched_cls.ctx.narrow_load_data_eacces", NEEDS(PROG_TYPE(SCHED_CLS)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_SCHED_CLS, PROG(
		BPF_LDX_MEM(BPF_H, BPF_REG_2, BPF_REG_1, offsetof(struct __sk_buff, data)),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.sched_cls.ctx.misaligned_read_eacces", NEEDS(PROG_TYPE(SCHED_CLS)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_SCHED_CLS, PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, offsetof(struct __sk_buff, len) + 1),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.tracepoint.ctx.read_common_fields_eacces", NEEDS(PROG_TYPE(TRACEPOINT)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_TRACEPOINT, PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

CASE("prog.tracepoint.ctx.read_after_common_fields", NEEDS(PROG_TYPE(TRACEPOINT)))
{
	ASSERT_FD(load1(BPF_PROG_TYPE_TRACEPOINT, PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 8),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

/* Writing a tracepoint's context is never allowed. */
CASE("prog.tracepoint.ctx.write_eacces", NEEDS(PROG_TYPE(TRACEPOINT)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_TRACEPOINT, PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_2, 8),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}

/* A raw tracepoint's context is its u64 arguments: read-only. */
CASE("prog.raw_tracepoint.ctx.write_eacces", NEEDS(PROG_TYPE(RAW_TRACEPOINT)))
{
	ASSERT_ERRNO(EACCES, load1(BPF_PROG_TYPE_RAW_TRACEPOINT, PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_2, 0),
		BPF_MOV64_IMM(BPF_REG_0, 0),
		BPF_EXIT_INSN(),
	)));
}
