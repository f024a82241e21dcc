// SPDX-License-Identifier: GPL-2.0
/*
 * The stack: 512 bytes below R10, accessed at negative offsets only;
 * aligned when the program asks for strict alignment; spilled pointers
 * filled back whole; and at most 512 bytes over a chain of bpf-to-bpf
 * calls.  check_stack_access_within_bounds(), check_ptr_alignment() and
 * check_max_stack_depth() in kernel/bpf/verifier.c: all EACCES.
 *
 * The misalignment rows set BPF_F_STRICT_ALIGNMENT, and so do their
 * aligned twins: recent kernels check stack alignment always (the spill
 * tracking relies on it), older ones only under the flag or on
 * architectures without efficient unaligned access; with the flag every
 * kernel we run refuses.  Reading stack that was never written is accepted
 * for privileged programs since 6.5 ("bpf: Allow reads from uninit
 * stack"), so that rule is not in this privileged catalogue.
 */
#include "catalogue.h"

#define LEN offsetof(struct __sk_buff, len)

static const struct vrow rows[] = {
	{ .name = "stack.write_below_512",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -520, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid write to stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -512, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "stack.read_below_512",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -520),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid read from stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -512, 4),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -512),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 4 },

	{ .name = "stack.write_at_fp",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, 0, 0),	/* *(u64 *)fp: above the frame */
		RET0,
	  ),
	  .err = EACCES, .log = "invalid write to stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "stack.write_above_fp",
	  .bad = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, 8, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid write to stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -8, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "stack.read_above_fp",
	  .bad = PROG(
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, 8),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid read from stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 2),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -16),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 2 },

	{ .name = "stack.write_straddles_fp",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -4, 0),	/* bytes -4 .. +3 */
		RET0,
	  ),
	  .err = EACCES, .log = "invalid write to stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -4, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "stack.read_straddles_fp",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_LDX_MEM(BPF_DW, BPF_REG_0, BPF_REG_10, -4),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid read from stack",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_10, -4),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 0 },

	{ .name = "stack.moved_pointer_below_512",
	  .bad = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -520),	/* r2 = fp - 520 */
		BPF_ST_MEM(BPF_DW, BPF_REG_2, 0, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "invalid write to stack",
	  .good = PROG(
		BPF_MOV64_REG(BPF_REG_2, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_2, -512),
		BPF_ST_MEM(BPF_DW, BPF_REG_2, 0, 0),
		RET0,
	  ), .run = 1, .retval = 0 },

	{ .name = "stack.strict_misaligned_dw_write",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -12, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "misaligned stack access",
	  .prog_flags = BPF_F_STRICT_ALIGNMENT,
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 0),
		RET0,
	  ), .good_flags = BPF_F_STRICT_ALIGNMENT, .run = 1, .retval = 0 },

	{ .name = "stack.strict_misaligned_w_read",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 0),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_10, -14),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "misaligned stack access",
	  .prog_flags = BPF_F_STRICT_ALIGNMENT,
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -16, 0),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_10, -16),
		BPF_EXIT_INSN(),
	  ), .good_flags = BPF_F_STRICT_ALIGNMENT, .run = 1, .retval = 0 },

	{ .name = "stack.strict_misaligned_h_write",
	  .bad = PROG(
		BPF_ST_MEM(BPF_H, BPF_REG_10, -7, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "misaligned stack access",
	  .prog_flags = BPF_F_STRICT_ALIGNMENT,
	  .good = PROG(
		BPF_ST_MEM(BPF_H, BPF_REG_10, -8, 0),
		RET0,
	  ), .good_flags = BPF_F_STRICT_ALIGNMENT, .run = 1, .retval = 0 },

	{ .name = "stack.spilled_pointer_partial_fill",
	  .bad = PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8),	/* spill ctx */
		BPF_LDX_MEM(BPF_W, BPF_REG_2, BPF_REG_10, -8),	/* 4 of its 8 bytes */
		RET0,
	  ),
	  .err = EACCES, .log = "invalid size of register fill",
	  .good = PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8),
		BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_10, -8),	/* the whole pointer */
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_2, LEN),	/* and it is ctx again */
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 50 },

	{ .name = "stack.clobbered_spill_is_no_pointer",
	  .bad = PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8),	/* spill ctx */
		BPF_ST_MEM(BPF_B, BPF_REG_10, -8, 0),		/* overwrite one byte */
		BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_10, -8),	/* r2: a scalar now */
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_2, LEN),
		BPF_EXIT_INSN(),
	  ),
	  .err = EACCES, .log = "invalid mem access 'scalar'",
	  .good = PROG(
		BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_1, -8),
		BPF_ST_MEM(BPF_B, BPF_REG_10, -16, 0),		/* a byte elsewhere */
		BPF_LDX_MEM(BPF_DW, BPF_REG_2, BPF_REG_10, -8),
		BPF_LDX_MEM(BPF_W, BPF_REG_0, BPF_REG_2, LEN),
		BPF_EXIT_INSN(),
	  ), .run = 1, .retval = 50 },

	/* Two frames of 512 bytes: the combined depth is over the limit. */
	{ .name = "stack.combined_depth_over_512",
	  .bad = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -512, 0),
		BPF_CALL_LABEL("sub"),
		RET0,
		LABEL("sub"),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -512, 0),
		RET0,
	  ),
	  .err = EACCES, .log = "combined stack size",
	  .good = PROG(
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -256, 0),
		BPF_CALL_LABEL("sub"),
		RET0,
		LABEL("sub"),
		BPF_ST_MEM(BPF_DW, BPF_REG_10, -256, 0),
		RET0,
	  ), .run = 1, .retval = 0 },
};
VCAT_GENERATOR(rows)
