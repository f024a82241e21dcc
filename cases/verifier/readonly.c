// SPDX-License-Identifier: GPL-2.0
/*
 * Writes through read-only pointers: a map created with BPF_F_RDONLY_PROG
 * (4.20) may be read by programs but not written, by store, atomic or
 * helper ("write into map forbidden", check_map_access_type(), EACCES).
 * Freezing such a map (BPF_MAP_FREEZE, 5.2) makes its contents constant
 * for the verifier as well; a program still may not write it.
 */
#include "catalogue.h"

#define RO_VALUE(MAP, ...)                                                   \
	LOOKUP(MAP),                                                         \
	BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),                           \
	__VA_ARGS__,                                                         \
	LABEL("out"),                                                        \
	RET0

#define H_LOOKUP VNEEDS(HELPER(map_lookup_elem))

static const struct vrow rows[] = {
	{ .name = "readonly.rdonly_prog_store",
	  .bad = PROG(RO_VALUE("ro",
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 1))),
	  .err = EACCES, .log = "write into map forbidden",
	  .good = PROG(RO_VALUE("ro",
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_RO, .needs = H_LOOKUP },

	{ .name = "readonly.rdonly_prog_stx",
	  .bad = PROG(RO_VALUE("ro",
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_STX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, 4))),
	  .err = EACCES, .log = "write into map forbidden",
	  .good = PROG(RO_VALUE("ro",
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_0, 4))),
	  .run = 1, .retval = 0, .maps = VM_RO, .needs = H_LOOKUP },

	{ .name = "readonly.rdonly_prog_atomic_add",
	  .bad = PROG(RO_VALUE("ro",
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0))),
	  .err = EACCES,
	  .good = PROG(RO_VALUE("arr",
		BPF_MOV64_IMM(BPF_REG_1, 1),
		BPF_ATOMIC_OP(BPF_DW, BPF_ADD, BPF_REG_0, BPF_REG_1, 0))),
	  .run = 1, .retval = 0, .maps = VM_RO | VM_ARR, .needs = H_LOOKUP },

	{ .name = "readonly.rdonly_prog_helper_writes_value",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		RO_VALUE("ro",
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_0),		/* destination: ro value */
		BPF_MOV64_IMM(BPF_REG_4, 4),
		BPF_CALL_HELPER(skb_load_bytes))),
	  .err = EACCES, .log = "write into map forbidden",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_1),
		RO_VALUE("arr",
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_MOV64_IMM(BPF_REG_2, 0),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_0),
		BPF_MOV64_IMM(BPF_REG_4, 4),
		BPF_CALL_HELPER(skb_load_bytes))),
	  .run = 1, .retval = 0, .maps = VM_RO | VM_ARR,
	  .needs = VNEEDS(HELPER(map_lookup_elem), HELPER(skb_load_bytes)) },

	{ .name = "readonly.rdonly_prog_direct_value_store",
	  .bad = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "ro", 0),
		BPF_ST_MEM(BPF_DW, BPF_REG_1, 0, 1),
		RET0,
	  ),
	  .err = EACCES, .log = "write into map forbidden",
	  .good = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "ro", 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0, .maps = VM_RO },

	{ .name = "readonly.frozen_direct_value_store",
	  .bad = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "frozen", 0),
		BPF_ST_MEM(BPF_W, BPF_REG_1, 4, 1),
		RET0,
	  ),
	  .err = EACCES, .log = "write into map forbidden",
	  .good = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "frozen", 0),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, 4),	/* a known constant: 0 */
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0, .maps = VM_FROZEN },

	{ .name = "readonly.frozen_lookup_value_store",
	  .bad = PROG(RO_VALUE("frozen",
		BPF_ST_MEM(BPF_B, BPF_REG_0, 7, 1))),
	  .err = EACCES, .log = "write into map forbidden",
	  .good = PROG(RO_VALUE("frozen",
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_0, 7))),
	  .run = 1, .retval = 0, .maps = VM_FROZEN, .needs = H_LOOKUP },
};
VCAT_GENERATOR(rows)
