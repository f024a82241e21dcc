// SPDX-License-Identifier: GPL-2.0
/*
 * Map values: a pointer from bpf_map_lookup_elem() may be NULL until a
 * check proves otherwise, and once proven it reaches value_size bytes and
 * no further, with a constant or bounded variable offset.  check_map_access()
 * and the pointer-arithmetic bounds in adjust_ptr_min_max_vals() refuse
 * with EACCES.  Map fds and direct value addresses in LD_IMM64 are
 * resolved before the walk (resolve_pseudo_ldimm64()): a fd that is not
 * open is EBADF, an offset past the value or a map without direct value
 * access is EINVAL.
 */
#include "catalogue.h"

/* The map value, proven non-NULL, in r0; then BODY; then return 0. */
#define VALUE(MAP, ...)                                                      \
	LOOKUP(MAP),                                                         \
	BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),                           \
	__VA_ARGS__,                                                         \
	LABEL("out"),                                                        \
	RET0

#define H_LOOKUP VNEEDS(HELPER(map_lookup_elem))
#define H_LOOKUP_RND VNEEDS(HELPER(map_lookup_elem), HELPER(get_prandom_u32))

static const struct vrow rows[] = {
	{ .name = "map_value.read_past_end",
	  .bad = PROG(VALUE("arr",
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 8))),	/* value_size is 8 */
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(VALUE("arr",
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.write_past_end",
	  .bad = PROG(VALUE("arr",
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 8, 1))),
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(VALUE("arr",
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 1))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.read_straddles_end",
	  .bad = PROG(VALUE("arr",
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 4))),	/* bytes 4..11 */
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(VALUE("arr",
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_0, 4))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.read_negative_offset",
	  .bad = PROG(VALUE("arr",
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_0, -4))),
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(VALUE("arr",
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.const_add_past_end",
	  .bad = PROG(VALUE("arr",
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 8),		/* r0 += 8 */
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_0, 0))),
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(VALUE("arr",
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 7),
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.unbounded_index",
	  .bad = PROG(VALUE("arr",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),	/* value + random */
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_6, 0))),
	  .err = EINVAL, .log = "unbounded min value",
	  .good = PROG(VALUE("arr",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_AND, BPF_REG_0, 7),		/* random & 7 */
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_6, 0))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP_RND },

	{ .name = "map_value.bounded_index_too_large",
	  .bad = PROG(VALUE("arr",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_AND, BPF_REG_0, 15),		/* 0..15 > value_size */
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_6, 0))),
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(VALUE("arr",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_AND, BPF_REG_0, 7),
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_6, 0))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP_RND },

	{ .name = "map_value.signed_index_unbounded_below",
	  .bad = PROG(VALUE("arr",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_ALU64_IMM(BPF_ARSH, BPF_REG_0, 32),		/* a signed 32-bit value */
		BPF_JMP_IMM(BPF_JSGT, BPF_REG_0, 7, "out"),	/* only an upper bound */
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_6, 0))),
	  .err = EINVAL, .log = "out of bounds",
	  .good = PROG(VALUE("arr",
		BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),
		BPF_CALL_HELPER(get_prandom_u32),
		BPF_ALU64_IMM(BPF_LSH, BPF_REG_0, 32),
		BPF_ALU64_IMM(BPF_ARSH, BPF_REG_0, 32),
		BPF_JMP_IMM(BPF_JSGT, BPF_REG_0, 7, "out"),
		BPF_JMP_IMM(BPF_JSLT, BPF_REG_0, 0, "out"),	/* and a lower one */
		BPF_ALU64_REG(BPF_ADD, BPF_REG_6, BPF_REG_0),
		BPF_LDX_MEM(BPF_B, BPF_REG_1, BPF_REG_6, 0))),
	  .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP_RND },

	/* ---- NULL ---- */

	{ .name = "map_value.read_without_null_check",
	  .bad = PROG(
		LOOKUP("hash"),
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0),	/* r0 may be NULL */
		RET0,
	  ),
	  .err = EACCES, .log = "map_value_or_null",
	  .good = PROG(VALUE("hash",
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_HASH, .needs = H_LOOKUP },

	{ .name = "map_value.write_without_null_check",
	  .bad = PROG(
		LOOKUP("hash"),
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 1),
		RET0,
	  ),
	  .err = EACCES, .log = "map_value_or_null",
	  .good = PROG(VALUE("hash",
		BPF_ST_MEM(BPF_DW, BPF_REG_0, 0, 1))),
	  .run = 1, .retval = 0, .maps = VM_HASH, .needs = H_LOOKUP },

	{ .name = "map_value.null_check_inverted",
	  .bad = PROG(
		LOOKUP("hash"),
		BPF_JMP_IMM(BPF_JNE, BPF_REG_0, 0, "out"),	/* falls through on NULL */
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0),
		LABEL("out"),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(VALUE("hash",
		BPF_LDX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_HASH, .needs = H_LOOKUP },

	{ .name = "map_value.arith_before_null_check",
	  .bad = PROG(
		LOOKUP("hash"),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 4),		/* on value-or-NULL */
		BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_0, 0),
		LABEL("out"),
		RET0,
	  ),
	  .err = EACCES, .log = "map_value_or_null",
	  .good = PROG(VALUE("hash",
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 4),
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_0, 0))),
	  .run = 1, .retval = 0, .maps = VM_HASH, .needs = H_LOOKUP },

	{ .name = "map_value.maybe_null_as_helper_key",
	  .bad = PROG(
		LOOKUP("hash"),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_0),		/* key = value-or-NULL */
		BPF_LD_MAP_FD(BPF_REG_1, "hash"),
		BPF_CALL_HELPER(map_lookup_elem),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(VALUE("hash",
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_0),
		BPF_LD_MAP_FD(BPF_REG_1, "hash"),
		BPF_CALL_HELPER(map_lookup_elem))),
	  .run = 1, .retval = 0, .maps = VM_HASH, .needs = H_LOOKUP },

	/* ---- helper arguments that name a map or a key ---- */

	{ .name = "map_value.lookup_map_arg_scalar",
	  .bad = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		BPF_MOV64_IMM(BPF_REG_1, 0),			/* not a map */
		BPF_CALL_HELPER(map_lookup_elem),
		RET0,
	  ),
	  .err = EACCES, .log = "expected=map_ptr",
	  .good = PROG(
		LOOKUP("arr"),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.lookup_key_below_512",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -516),	/* key at fp - 516 */
		BPF_LD_MAP_FD(BPF_REG_1, "arr"),
		BPF_CALL_HELPER(map_lookup_elem),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		LOOKUP("arr"),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR, .needs = H_LOOKUP },

	{ .name = "map_value.update_value_below_512",
	  .bad = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),		/* key */
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -520),	/* value at fp - 520 */
		BPF_MOV64_IMM(BPF_REG_4, 0),
		BPF_LD_MAP_FD(BPF_REG_1, "arr"),
		BPF_CALL_HELPER(map_update_elem),
		RET0,
	  ),
	  .err = EACCES,
	  .good = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 0),
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -4),
		BPF_MOV64_REG(BPF_REG_3, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_3, -16),
		BPF_MOV64_IMM(BPF_REG_4, 0),
		BPF_LD_MAP_FD(BPF_REG_1, "arr"),
		BPF_CALL_HELPER(map_update_elem),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR, .needs = VNEEDS(HELPER(map_update_elem)) },

	/* ---- LD_IMM64 with a map ---- */

	{ .name = "map_value.ld_map_fd_not_open",
	  .bad = PROG(
		BPF_LD_MAP_FD_RAW(BPF_REG_1, 1 << 20),		/* no such fd */
		RET0,
	  ),
	  .err = EBADF,
	  .good = PROG(
		BPF_LD_MAP_FD(BPF_REG_1, "arr"),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR },

	{ .name = "map_value.direct_value_past_end",
	  .bad = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "arr", 8),		/* &value + 8 */
		RET0,
	  ),
	  .err = EINVAL, .log = "invalid access to map value pointer",
	  .good = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "arr", 4),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0, .maps = VM_ARR },

	{ .name = "map_value.direct_value_of_hash",
	  .bad = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "hash", 0),		/* no fixed value */
		RET0,
	  ),
	  .err = EINVAL, .log = "no direct value access support",
	  .good = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "arr", 0),
		RET0,
	  ), .run = 1, .retval = 0, .maps = VM_ARR | VM_HASH },

	{ .name = "map_value.direct_value_read_past_end",
	  .bad = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "arr", 4),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),	/* bytes 4..11 */
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid access to map value",
	  .good = PROG(
		BPF_LD_MAP_VALUE(BPF_REG_1, "arr", 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_1, 0),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0, .maps = VM_ARR },
};
VCAT_GENERATOR(rows)
