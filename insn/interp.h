/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A reference interpreter of the BPF instruction set, written from RFC 9669
 * (not from the kernel), for checking what the kernel computes: the ISA
 * cases' expected values and the differential runs of `bpfconform fuzz`.
 *
 * Memory is modelled as regions with made-up addresses: one 512-byte stack
 * per call frame, the values of single-entry array maps, the packet that
 * LD_ABS/LD_IND read, and an opaque context pointer (R1 at entry).  Pointer
 * values therefore differ from the kernel's; compare only scalars.
 *
 * Beyond the ISA, the few pieces of environment the ISA rows use are
 * modelled: the helpers bpf_map_lookup_elem (one-entry arrays),
 * bpf_this_cpu_ptr (identity) and bpf_loop (calls the callback), a kernel
 * variable (LD_IMM64 src 3) as 8 zero bytes, and a kfunc call (src 2) as a
 * call that returns nothing.
 *
 * Where the RFC leaves a result open, the interpreter follows what Linux
 * defines (and the RFC's notes describe): signed division of INT_MIN by -1
 * wraps to INT_MIN and the signed modulo is 0; shift amounts are masked to
 * the operand width; LD_ABS/LD_IND out of the packet end the program with
 * R0 = 0 (interp_status INTERP_ABORT).
 */
#ifndef BPFCONFORM_INTERP_H
#define BPFCONFORM_INTERP_H

#include <stddef.h>

#include "../uapi/bpf.h"

#define INTERP_MAX_MAPS 4
#define INTERP_STACK 512
#define INTERP_MAX_FRAMES 8

/* An array map with one entry, as LD_IMM64 with BPF_PSEUDO_MAP_FD or
 * BPF_PSEUDO_MAP_VALUE names it (by the fd in imm). */
struct interp_map {
	int fd;
	unsigned char *value;
	size_t size;
};

struct interp_env {
	struct interp_map maps[INTERP_MAX_MAPS];
	int nmaps;
	const int *fd_array;		/* for LD_IMM64 src 5 and 6 (map by index) */
	int fd_array_cnt;
	const unsigned char *pkt;	/* what LD_ABS/LD_IND see (from skb->data) */
	size_t pkt_len;
	unsigned long max_steps;	/* 0: 1 << 20 */
};

enum interp_status {
	INTERP_EXIT = 0,	/* the main program's EXIT */
	INTERP_ABORT,		/* LD_ABS/LD_IND out of bounds: returns 0 */
	INTERP_FAULT,		/* bad access, unknown opcode, too many steps: 'why' */
};

struct interp_result {
	enum interp_status status;
	__u64 regs[11];		/* at the end; regs[0] is the return value */
	size_t pc;		/* of the fault */
	char why[160];
	unsigned long steps;
};

/* Run 'cnt' instructions from the first.  At entry R1 is the context
 * pointer, R10 the frame pointer, the other registers 0.  The stack is
 * zero-filled.  Returns res->status. */
enum interp_status interp_run(const struct bpf_insn *insns, size_t cnt,
			      const struct interp_env *env, struct interp_result *res);

#endif
