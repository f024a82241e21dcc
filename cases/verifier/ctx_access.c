// SPDX-License-Identifier: GPL-2.0
/*
 * Context access: each program type says which bytes of its context it
 * may read and write, at which sizes (its is_valid_access() callback:
 * sk_filter_is_valid_access(), xdp_is_valid_access(), ...).  Anything else
 * is "invalid bpf_context access", EACCES.  Socket filters may read most
 * of __sk_buff but not the packet pointers or tc_classid, and may write
 * only cb[] (with BPF_STX: BPF_ST into a context is refused by kernels
 * before 6.x whatever the field).  XDP packet bytes are reached through data and data_end, with
 * a bounds check the verifier can follow (check_packet_access(), EACCES);
 * a variable offset that could leave the packet is refused while it is
 * computed (check_reg_sane_offset(), EINVAL).
 */
#include "catalogue.h"

#define SKB(F) offsetof(struct __sk_buff, F)
#define XDP(F) offsetof(struct xdp_md, F)

/* r0 = r1->len, read in some way; twin: the plain 4-byte read. */
#define SKB_READ(NAME, INSN)                                                 \
	{ .name = "ctx." NAME,                                               \
	  .bad = PROG(                                                       \
		INSN,                                                        \
		RET0,                                                        \
	  ),                                                                 \
	  .err = EACCES, .log = "invalid bpf_context access",                \
	  .good = PROG(                                                      \
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, SKB(len)),          \
		BPF_EXIT_INSN(),                                             \
	  ), .run = 1, .retval = 50 }

/* XDP: r2 = data, r3 = data_end, r0 = XDP_PASS. */
#define XDP_PTRS                                                             \
	BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, XDP(data)),                 \
	BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_1, XDP(data_end)),             \
	BPF_MOV64_IMM(BPF_REG_0, XDP_PASS)

#define XDP_ROW .type = BPF_PROG_TYPE_XDP, .run = 1, .retval = XDP_PASS

static const struct vrow rows[] = {
	SKB_READ("skb_read_past_end", BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, 1000)),
	SKB_READ("skb_read_negative", BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, -4)),
	SKB_READ("skb_read_misaligned", BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, SKB(len) + 1)),
	SKB_READ("skb_read_len_as_dw", BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, SKB(len))),
	SKB_READ("socket_filter_read_data", BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, SKB(data))),
	SKB_READ("socket_filter_read_data_end",
		 BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, SKB(data_end))),
	SKB_READ("socket_filter_read_tc_classid",
		 BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, SKB(tc_classid))),

	{ .name = "ctx.skb_write_len",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, SKB(len)),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid bpf_context access",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, SKB(cb[0])),	/* cb[] is writable */
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "ctx.socket_filter_write_mark",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, SKB(mark)),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid bpf_context access",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 1),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, SKB(cb[4])),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "ctx.socket_filter_write_priority",
	  .bad = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, SKB(priority)),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid bpf_context access",
	  .good = PROG(
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_STX_MEM(BPF_W, BPF_REG_1, BPF_REG_2, SKB(cb[1])),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "ctx.xdp_read_past_end",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, 100),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid bpf_context access",
	  .good = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, XDP(ingress_ifindex)),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "ctx.xdp_write_data",
	  .bad = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_1, XDP(data), 0),	/* move the packet? no */
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid bpf_context access",
	  .good = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, XDP(data)),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "ctx.xdp_read_data_as_dw",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_1, XDP(data)),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid bpf_context access",
	  .good = PROG(
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_1, XDP(data)),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	/* ---- packet bytes ---- */

	{ .name = "packet.read_without_bounds_check",
	  .bad = PROG(
		XDP_PTRS,
		BPF_LDX_MEM(BPF_B, BPF_REG_4, BPF_REG_2, 0),	/* data[0], unchecked */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid access to packet",
	  .good = PROG(
		XDP_PTRS,
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 1),
		BPF_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, "out"),	/* data + 1 > end */
		BPF_LDX_MEM(BPF_B, BPF_REG_4, BPF_REG_2, 0),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "packet.read_past_checked_length",
	  .bad = PROG(
		XDP_PTRS,
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 4),
		BPF_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, "out"),	/* 4 bytes proven */
		BPF_LDX_MEM(BPF_W, BPF_REG_4, BPF_REG_2, 2),		/* bytes 2..5 */
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid access to packet",
	  .good = PROG(
		XDP_PTRS,
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 6),
		BPF_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, "out"),
		BPF_LDX_MEM(BPF_W, BPF_REG_4, BPF_REG_2, 2),
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "packet.write_without_bounds_check",
	  .bad = PROG(
		XDP_PTRS,
		BPF_ST_MEM(BPF_B, BPF_REG_2, 0, 0),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid access to packet",
	  .good = PROG(
		XDP_PTRS,
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_2),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_4, 1),
		BPF_JMP_REG(BPF_JGT, BPF_REG_4, BPF_REG_3, "out"),
		BPF_LDX_MEM(BPF_B, BPF_REG_5, BPF_REG_2, 0),
		BPF_STX_MEM(BPF_B, BPF_REG_2, BPF_REG_5, 0),	/* write back what was there */
		LABEL("out"),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "packet.data_end_arithmetic",
	  .bad = PROG(
		XDP_PTRS,
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, 1),		/* data_end + 1 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "pkt_end",
	  .good = PROG(
		XDP_PTRS,
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, 1),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "packet.data_end_deref",
	  .bad = PROG(
		XDP_PTRS,
		BPF_LDX_MEM(BPF_B, BPF_REG_4, BPF_REG_3, 0),	/* *data_end */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES,
	  .good = PROG(
		XDP_PTRS,
		BPF_MOV64_REG(BPF_REG_4, BPF_REG_3),
		BPF_ALU64_REG(BPF_SUB, BPF_REG_4, BPF_REG_2),	/* length, a scalar */
		BPF_EXIT_INSN(),
	  ), XDP_ROW },

	{ .name = "packet.unbounded_offset",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_6, XDP(data)),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_6, XDP(data_end)),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_2, BPF_REG_0),	/* data + u32 */
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "pointer be out of bounds",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_AND, BPF_REG_0, 15),
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_6, XDP(data)),
		BPF_LDX_MEM(BPF_W, BPF_REG_3, BPF_REG_6, XDP(data_end)),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_2, BPF_REG_0),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ), XDP_ROW, .needs = VNEEDS(HELPER(get_prandom_u32)) },

	/* Legacy packet loads are for socket-buffer programs only. */
	{ .name = "packet.ld_abs_in_xdp",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_B, 0),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ),
	  .err = EINVAL, .log = "not allowed for this program type",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_0, XDP_PASS),
		BPF_EXIT_INSN(),
	  ), XDP_ROW },
};
VCAT_GENERATOR(rows)
