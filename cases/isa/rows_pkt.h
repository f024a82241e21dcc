/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The legacy packet loads, LD_ABS and LD_IND (B/H/W), in a socket filter:
 * R0 = ntoh(*(size *)(skb->data + imm [+ src])).  The program must hold the
 * context in R6; the loads clobber R1-R5 like a call.  A load outside the
 * packet ends the program with return value 0 (RFC 9669 appendix,
 * "legacy packet access"; Linux rewrites the loads into calls with that
 * exit path, bpf_gen_ld_abs() in net/core/filter.c).  A socket filter's
 * data starts at the network header: test_pkt_v4 from byte 14, an IPv4
 * header of 45 00 00 32 ...
 */
#include "isa.h"

static const struct isa_row isa_pkt_rows[] = {
	ISA_ROW("isa.ld.abs_b.first_byte", 0x45,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),		/* r6 = ctx */
		BPF_LD_ABS(BPF_B, 0),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.abs_h.network_order", 0x0032,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_H, 2),				/* IPv4 total length */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.abs_w.network_order", 0x7f000001,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_W, 12),				/* source address */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.abs_w.payload", 0x62706663,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_W, 28),				/* UDP payload: "bpfc" */
		BPF_EXIT_INSN(),
	),
	ISA_ABORT("isa.ld.abs_w.past_end_returns_0",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_LD_ABS(BPF_W, 47),				/* bytes 47..50 of 50 */
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.ind_b.register_offset", 0x11,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_7, 8),
		BPF_LD_IND(BPF_B, BPF_REG_7, 1),		/* byte 9: protocol UDP */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.ind_h.register_offset", 0x1092,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_7, 20),
		BPF_LD_IND(BPF_H, BPF_REG_7, 2),		/* UDP destination port 4242 */
		BPF_EXIT_INSN(),
	),
	ISA_ROW("isa.ld.ind_w.register_offset", 0x7f000001,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_7, 10),
		BPF_LD_IND(BPF_W, BPF_REG_7, 6),		/* destination address */
		BPF_EXIT_INSN(),
	),
	ISA_ABORT("isa.ld.ind_w.past_end_returns_0",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_7, 100),
		BPF_LD_IND(BPF_W, BPF_REG_7, 0),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	),
	ISA_ABORT("isa.ld.ind_b.negative_offset_returns_0",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_7, -1),
		BPF_LD_IND(BPF_B, BPF_REG_7, 0),
		BPF_MOV64_IMM(BPF_REG_0, 1),
		BPF_EXIT_INSN(),
	),
	ISA_REJECT("isa.ld.abs_w.clobbers_r2_eacces", EACCES,
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		BPF_MOV64_IMM(BPF_REG_2, 2),
		BPF_LD_ABS(BPF_W, 0),
		BPF_MOV64_REG(BPF_REG_0, BPF_REG_2),		/* r2 is scratch now */
		BPF_EXIT_INSN(),
	),
};
