// SPDX-License-Identifier: GPL-2.0
/*
 * Which helpers a program type may call, and the license rule for
 * GPL-only helpers.
 *
 * Each type's get_func_proto() decides; a helper it does not offer is
 * "unknown func" to the verifier: EINVAL (check_helper_call()).  A helper
 * whose proto says gpl_only refuses a program whose license is not GPL
 * compatible (license_is_gpl_compatible(): "GPL", "GPL v2",
 * "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"), also EINVAL: "cannot
 * call GPL-restricted function from non-GPL compatible program".
 * bpf_get_current_task (4.8) is gpl_only and offered to tracing types.
 */
#include "cases/progs/progs.h"

static int call_helper(enum bpf_prog_type type, int helper, const char *license)
{
	return prog_load(&(struct prog_spec){
		.type = type, .license = license,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_1, 0),	/* a scalar first argument */
			BPF_EMIT_CALL(helper),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		),
	});
}

CASE("prog.kprobe.license.gpl_only_helper_gpl",
     NEEDS(PROG_TYPE(KPROBE), HELPER(get_current_task)))
{
	ASSERT_FD(call_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_get_current_task, "GPL"));
}

CASE("prog.kprobe.license.gpl_only_helper_dual_bsd_gpl",
     NEEDS(PROG_TYPE(KPROBE), HELPER(get_current_task)))
{
	ASSERT_FD(call_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_get_current_task,
			      "Dual BSD/GPL"));
}

CASE("prog.kprobe.license.gpl_only_helper_proprietary_einval",
     NEEDS(PROG_TYPE(KPROBE), HELPER(get_current_task)))
{
	ASSERT_ERRNO(EINVAL, call_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_get_current_task,
					 "Proprietary"));
}

/* The same helper that is not gpl_only loads under any license. */
CASE("prog.kprobe.license.plain_helper_proprietary",
     NEEDS(PROG_TYPE(KPROBE), HELPER(ktime_get_ns)))
{
	ASSERT_FD(call_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_ktime_get_ns, "Proprietary"));
}

/* bpf_get_current_pid_tgid: tracepoints and raw tracepoints have it. */
CASE("prog.tracepoint.helper.get_current_pid_tgid",
     NEEDS(PROG_TYPE(TRACEPOINT), HELPER(get_current_pid_tgid)))
{
	ASSERT_FD(call_helper(BPF_PROG_TYPE_TRACEPOINT, BPF_FUNC_get_current_pid_tgid, NULL));
}

CASE("prog.raw_tracepoint.helper.get_current_pid_tgid",
     NEEDS(PROG_TYPE(RAW_TRACEPOINT), HELPER(get_current_pid_tgid)))
{
	ASSERT_FD(call_helper(BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_FUNC_get_current_pid_tgid,
			      NULL));
}

/* Tracing helpers are no longer a stable example of a refusal: on 6.18 a
 * privileged loader gets bpf_get_current_pid_tgid, bpf_get_current_task,
 * bpf_perf_event_read and bpf_send_signal in XDP and socket filters too
 * (seen on the host; older kernels refuse them).  What stays per type is
 * the context a helper works on: skb helpers need an skb, XDP helpers an
 * xdp_buff. */
CASE("prog.xdp.helper.skb_load_bytes_einval", NEEDS(PROG_TYPE(XDP), HELPER(skb_load_bytes)))
{
	ASSERT_ERRNO(EINVAL, call_helper(BPF_PROG_TYPE_XDP, BPF_FUNC_skb_load_bytes, NULL));
}

CASE("prog.socket_filter.helper.xdp_adjust_head_einval",
     NEEDS(PROG_TYPE(SOCKET_FILTER), HELPER(xdp_adjust_head)))
{
	ASSERT_ERRNO(EINVAL, call_helper(BPF_PROG_TYPE_SOCKET_FILTER, BPF_FUNC_xdp_adjust_head,
					 NULL));
}

/* bpf_skb_store_bytes writes the packet: tc has it, a socket filter (which
 * only reads) does not. */
CASE("prog.socket_filter.helper.skb_store_bytes_einval",
     NEEDS(PROG_TYPE(SOCKET_FILTER), HELPER(skb_store_bytes)))
{
	ASSERT_ERRNO(EINVAL, call_helper(BPF_PROG_TYPE_SOCKET_FILTER, BPF_FUNC_skb_store_bytes,
					 NULL));
}

/* Packet helpers belong to packet types: a kprobe cannot adjust an XDP
 * frame. */
CASE("prog.kprobe.helper.xdp_adjust_head_einval",
     NEEDS(PROG_TYPE(KPROBE), HELPER(xdp_adjust_head)))
{
	ASSERT_ERRNO(EINVAL, call_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_xdp_adjust_head, NULL));
}

/* Every type has the base helpers, e.g. bpf_ktime_get_ns. */
CASE("prog.xdp.helper.ktime_get_ns", NEEDS(PROG_TYPE(XDP), HELPER(ktime_get_ns)))
{
	ASSERT_FD(call_helper(BPF_PROG_TYPE_XDP, BPF_FUNC_ktime_get_ns, NULL));
}

/* A helper number past the kernel's last one is unknown everywhere. */
CASE("prog.socket_filter.helper.unknown_id_einval", NEEDS(PROG_TYPE(SOCKET_FILTER)))
{
	ASSERT_ERRNO(EINVAL, call_helper(BPF_PROG_TYPE_SOCKET_FILTER, 0x7fff, NULL));
}
