// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_LOAD prog_flags: the bits the kernel knows load, others are
 * EINVAL (bpf_prog_load() masks them first).
 *   STRICT_ALIGNMENT (4.12), ANY_ALIGNMENT (5.0), TEST_RND_HI32 (5.2),
 *   TEST_STATE_FREQ (5.6): verifier behaviour and test knobs;
 *   SLEEPABLE (5.10): only for types and attach points that may sleep;
 *   XDP_HAS_FRAGS (5.18, proven by the bpf_xdp_get_buff_len helper that
 *   came with it).
 * Not covered: XDP_DEV_BOUND_ONLY (6.3) only means something with a device
 * (prog_ifindex); without one, 6.18 loads the program as if unbound.
 */
#include "cases/progs/progs.h"

static int load_flags(enum bpf_prog_type type, __u32 flags)
{
	return prog_load(&(struct prog_spec){
		.type = type, .prog_flags = flags,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_JMP_IMM(BPF_JEQ, BPF_REG_1, 0, "out"),
			BPF_MOV64_IMM(BPF_REG_0, 2),
			LABEL("out"),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("prog.load.flags.strict_alignment", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_FD(load_flags(BPF_PROG_TYPE_SOCKET_FILTER, BPF_F_STRICT_ALIGNMENT));
}

CASE("prog.load.flags.any_alignment", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_FD(load_flags(BPF_PROG_TYPE_SOCKET_FILTER, BPF_F_ANY_ALIGNMENT));
}

CASE("prog.load.flags.test_rnd_hi32", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_FD(load_flags(BPF_PROG_TYPE_SOCKET_FILTER, BPF_F_TEST_RND_HI32));
}

CASE("prog.load.flags.test_state_freq", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_FD(load_flags(BPF_PROG_TYPE_SOCKET_FILTER, BPF_F_TEST_STATE_FREQ));
}

CASE("prog.load.flags.unknown_bit_einval", NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, load_flags(BPF_PROG_TYPE_SOCKET_FILTER, 1U << 30));
}

/* A socket filter runs in softirq context: it cannot be sleepable. */
CASE("prog.load.flags.sleepable_socket_filter_einval",
     NEEDS(PROG_TYPE(SOCKET_FILTER), CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, load_flags(BPF_PROG_TYPE_SOCKET_FILTER, BPF_F_SLEEPABLE));
}

/* A syscall program must be sleepable (check_attach_btf_id()). */
CASE("prog.syscall.load.not_sleepable_einval", NEEDS(PROG_TYPE(SYSCALL), CMD(PROG_LOAD)))
{
	ASSERT_ERRNO(EINVAL, load_flags(BPF_PROG_TYPE_SYSCALL, 0));
}

CASE("prog.xdp.load.flags_has_frags",
     NEEDS(PROG_TYPE(XDP), CMD(PROG_LOAD), HELPER(xdp_get_buff_len)))
{
	ASSERT_FD(load_flags(BPF_PROG_TYPE_XDP, BPF_F_XDP_HAS_FRAGS));
}
