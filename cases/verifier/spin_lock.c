// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_spin_lock (5.1, "bpf: introduce bpf_spin_lock"): a lock lives in a
 * map value whose BTF says where (struct bpf_spin_lock), is taken and
 * released by helpers on a pointer to exactly that field, one at a time,
 * with no other calls while it is held, and is never touched by loads or
 * stores.  process_spin_lock() and check_map_access() in
 * kernel/bpf/verifier.c: misuse of the helpers is EINVAL, a load or store
 * of the lock EACCES.  Until 6.2 check_func_arg() turned every error of
 * process_spin_lock() into EACCES; "bpf: Propagate errors from process_*
 * checks in check_func_arg" (6.2) passes its EINVAL through.  The rows
 * unlock_without_lock, lock_at_wrong_offset and map_without_lock expect
 * the current errno; there is no BTF trace of the change, so older
 * kernels (Debian's 5.10 and 6.1) list them in ci/expect.  The other rows
 * fail at exit or at a second call, EINVAL on every kernel.  The maps carry BTF built by harness/btf_build.c:
 * "lock" has { struct bpf_spin_lock lock; int cnt; }, "nolock" two ints.
 * The programs are tc classifiers: socket filters may not take locks.
 */
#include "catalogue.h"

/* r6 = the value of MAP (NULL: return 0 at "out"); then BODY. */
#define LOCKED_VALUE(MAP, ...)                                               \
	LOOKUP(MAP),                                                         \
	BPF_JMP_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),                           \
	BPF_MOV64_REG(BPF_REG_6, BPF_REG_0),                                 \
	__VA_ARGS__,                                                         \
	LABEL("out"),                                                        \
	RET0

#define LOCK                                                                 \
	BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),                                 \
	BPF_CALL_HELPER(spin_lock)
#define UNLOCK                                                               \
	BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),                                 \
	BPF_CALL_HELPER(spin_unlock)

/* The well-formed critical section: lock, cnt += 1, unlock. */
#define GOOD_SECTION(MAP)                                                    \
	PROG(LOCKED_VALUE(MAP,                                               \
		LOCK,                                                        \
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_6, 4),                 \
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 1),                        \
		BPF_STX_MEM(BPF_W, BPF_REG_6, BPF_REG_1, 4),                 \
		UNLOCK))

#define SPIN_ROW .type = BPF_PROG_TYPE_SCHED_CLS, .maps = VM_LOCK,                   \
	.good = GOOD_SECTION("lock"), .run = 1, .retval = 0,                         \
	.needs = VNEEDS(HELPER(spin_lock), HELPER(spin_unlock), HELPER(map_lookup_elem))

static const struct vrow rows[] = {
	{ .name = "spin_lock.exit_while_held",
	  .bad = PROG(LOCKED_VALUE("lock",
		LOCK)),						/* never unlocked */
	  .err = EINVAL, SPIN_ROW },

	{ .name = "spin_lock.unlock_without_lock",
	  .bad = PROG(LOCKED_VALUE("lock",
		UNLOCK)),
	  .err = EINVAL, .log = "without taking a lock", SPIN_ROW },

	{ .name = "spin_lock.lock_twice",
	  .bad = PROG(LOCKED_VALUE("lock",
		LOCK,
		LOCK,						/* one lock at a time */
		UNLOCK)),
	  .err = EINVAL, SPIN_ROW },

	{ .name = "spin_lock.helper_call_while_held",
	  .bad = PROG(LOCKED_VALUE("lock",
		LOCK,
		BPF_CALL_HELPER(get_prandom_u32),
		UNLOCK)),
	  .err = EINVAL, .log = "while holding a lock", SPIN_ROW },

	{ .name = "spin_lock.lock_at_wrong_offset",
	  .bad = PROG(LOCKED_VALUE("lock",
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_6),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, 4),		/* &value->cnt */
		BPF_CALL_HELPER(spin_lock),
		UNLOCK)),
	  .err = EINVAL, SPIN_ROW },

	{ .name = "spin_lock.map_without_lock",
	  .bad = PROG(LOCKED_VALUE("nolock",
		LOCK,
		UNLOCK)),
	  .err = EINVAL, .type = BPF_PROG_TYPE_SCHED_CLS,
	  .maps = VM_LOCK | VM_NOLOCK, .good = GOOD_SECTION("lock"),
	  .run = 1, .retval = 0,
	  .needs = VNEEDS(HELPER(spin_lock), HELPER(spin_unlock), HELPER(map_lookup_elem)) },

	{ .name = "spin_lock.lock_on_stack",
	  .bad = PROG(
		BPF_ST_MEM(BPF_W, BPF_REG_10, -8, 0),
		BPF_MOV64_REG(BPF_REG_1, BPF_REG_10),
		BPF_ALU64_IMM(BPF_ADD, BPF_REG_1, -8),
		BPF_CALL_HELPER(spin_lock),			/* not in a map value */
		RET0,
	  ),
	  .err = EACCES, SPIN_ROW },

	{ .name = "spin_lock.load_of_lock_word",
	  .bad = PROG(LOCKED_VALUE("lock",
		BPF_LDX_MEM(BPF_W, BPF_REG_1, BPF_REG_6, 0))),	/* read the lock */
	  .err = EACCES, SPIN_ROW },

	{ .name = "spin_lock.store_to_lock_word",
	  .bad = PROG(LOCKED_VALUE("lock",
		BPF_ST_MEM(BPF_W, BPF_REG_6, 0, 0))),		/* write the lock */
	  .err = EACCES, SPIN_ROW },
};
VCAT_GENERATOR(rows)
