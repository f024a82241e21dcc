// SPDX-License-Identifier: GPL-2.0
/*
 * BPF_PROG_LOAD: which expected_attach_type each program type accepts.
 *
 * The reference is bpf_prog_load_check_attach() in kernel/bpf/syscall.c
 * (after bpf_prog_load_fixup_attach_type()), and for tracing, LSM, EXT and
 * struct_ops the verifier's check_attach_btf_id()/bpf_check_attach_target().
 * Since 5.10 the per-type rule is:
 *   CGROUP_SOCK       SOCK_CREATE (also when 0: fixed up), SOCK_RELEASE (5.9),
 *                     INET4/6_POST_BIND;
 *   CGROUP_SOCK_ADDR  INET4/6 BIND, CONNECT, GETPEERNAME, GETSOCKNAME (5.8),
 *                     UDP4/6 SENDMSG, RECVMSG, and the UNIX_* ones (6.7);
 *   CGROUP_SKB        INET_INGRESS, INET_EGRESS;
 *   CGROUP_SOCKOPT    GETSOCKOPT, SETSOCKOPT;
 *   SK_LOOKUP         SK_LOOKUP (5.9);
 *   SK_REUSEPORT      SELECT (also when 0), SELECT_OR_MIGRATE: enforced since
 *                     these attach types appeared (5.14); before, ignored;
 *   NETFILTER         NETFILTER (6.4);
 *   SYSCALL, EXT      0 only;
 *   every other type: the field is not checked at load (it changes what the
 *                     verifier allows, e.g. XDP_DEVMAP, KPROBE_MULTI).
 * TRACING needs an attach_btf_id matching its attach type (fentry/fexit/
 * fmod_ret: a function, tp_btf: a btf_trace_* typedef, iter: bpf_iter_*);
 * LSM a bpf_lsm_* hook; STRUCT_OPS carries a member index of the struct in
 * expected_attach_type; EXT the BTF id of a global function in the program
 * given by attach_prog_fd.  A btf id on another type is refused.
 *
 * The pairs are one table; each row is a case, and per program type one
 * more case loops over every attach type the kernel declares: for a type
 * that checks, all attach types outside its list are refused with EINVAL;
 * for a type that does not, all load.  The accepted lists come from the
 * same rows, so the table is the single statement of the rule.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cases/progs/progs.h"
#include "harness/btf_targets.h"
#include "harness/oracle.h"
#include "harness/oracle/btf.h"

enum target {
	NO_TARGET,
	FUNC_TARGET,		/* attach_btf_id: a vmlinux function */
	TYPEDEF_TARGET,		/* attach_btf_id: a vmlinux typedef (tp_btf) */
	STRUCT_OPS_TARGET,	/* attach_btf_id: struct tname; attach: index of member */
	EXT_TARGET,		/* attach_prog_fd + the global function's id in its BTF */
};

struct row {
	const char *type_tok;	/* "CGROUP_SKB" */
	const char *attach_tok;	/* "CGROUP_INET_INGRESS"; NULL: expected_attach_type 0 */
	const char *label;	/* the case name's last part, if not from attach_tok */
	enum bpf_prog_type type;
	__u32 attach;
	int err;		/* 0: loads; else the errno */
	enum target target;
	const char *tname;	/* target function, typedef or struct */
	const char *member;	/* struct_ops member */
	int ret;		/* r0 the program returns */
	__u32 flags;		/* prog_flags */
	const struct need *extra;
	const char *file;
	int line;
};

#define N_(...) ((const struct need[]){ __VA_ARGS__, { NEED_END, 0, 0 } })
#define ROW(T, A, ...) { .type_tok = #T, .attach_tok = #A, .type = BPF_PROG_TYPE_##T, \
			 .attach = BPF_##A, .file = __FILE__, .line = __LINE__, __VA_ARGS__ }
/* expected_attach_type 0, not meant as BPF_CGROUP_INET_INGRESS. */
#define MIN(T, ...) { .type_tok = #T, .label = "minimal", .type = BPF_PROG_TYPE_##T, \
		      .file = __FILE__, .line = __LINE__, __VA_ARGS__ }
#define REFUSED .err = EINVAL

static const struct row rows[] = {
	/* Types with no attach type of their own: expected_attach_type 0. */
	MIN(SOCKET_FILTER),
	MIN(KPROBE),
	MIN(SCHED_CLS),
	MIN(SCHED_ACT),
	MIN(TRACEPOINT),
	MIN(XDP, .ret = 2),				/* XDP_PASS */
	MIN(PERF_EVENT),
	MIN(LWT_IN),
	MIN(LWT_OUT),
	MIN(LWT_XMIT),
	MIN(LWT_SEG6LOCAL),
	MIN(RAW_TRACEPOINT),
	MIN(RAW_TRACEPOINT_WRITABLE),
	MIN(SYSCALL, .flags = BPF_F_SLEEPABLE),	/* syscall programs must be sleepable */
	MIN(EXT, .target = EXT_TARGET),
	/* 0 is fixed up to the type's default attach type. */
	MIN(CGROUP_SOCK, .ret = 1),			/* -> CGROUP_INET_SOCK_CREATE */
	MIN(SK_REUSEPORT, .ret = 1,			/* -> SK_REUSEPORT_SELECT */
	    .extra = N_(ATTACH(SK_REUSEPORT_SELECT))),

	/* Accepted pairs. */
	ROW(CGROUP_SKB, CGROUP_INET_INGRESS, .ret = 1),
	ROW(CGROUP_SKB, CGROUP_INET_EGRESS, .ret = 1),
	ROW(CGROUP_SOCK, CGROUP_INET_SOCK_CREATE, .ret = 1),
	ROW(CGROUP_SOCK, CGROUP_INET_SOCK_RELEASE, .ret = 1),
	ROW(CGROUP_SOCK, CGROUP_INET4_POST_BIND, .ret = 1),
	ROW(CGROUP_SOCK, CGROUP_INET6_POST_BIND, .ret = 1),
	/* 1 is in every sock_addr hook's return range (bind allows 0..3,
	 * getpeername/getsockname/recvmsg only 1). */
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET4_BIND, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET6_BIND, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET4_CONNECT, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET6_CONNECT, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UDP4_SENDMSG, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UDP6_SENDMSG, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UDP4_RECVMSG, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UDP6_RECVMSG, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET4_GETPEERNAME, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET6_GETPEERNAME, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET4_GETSOCKNAME, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET6_GETSOCKNAME, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UNIX_CONNECT, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UNIX_SENDMSG, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UNIX_RECVMSG, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UNIX_GETPEERNAME, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_UNIX_GETSOCKNAME, .ret = 1),
	ROW(CGROUP_SOCKOPT, CGROUP_GETSOCKOPT, .ret = 1),
	ROW(CGROUP_SOCKOPT, CGROUP_SETSOCKOPT, .ret = 1),
	ROW(SOCK_OPS, CGROUP_SOCK_OPS, .ret = 1),
	ROW(CGROUP_DEVICE, CGROUP_DEVICE, .ret = 1),
	ROW(CGROUP_SYSCTL, CGROUP_SYSCTL, .ret = 1),
	ROW(SK_SKB, SK_SKB_STREAM_PARSER),
	ROW(SK_SKB, SK_SKB_STREAM_VERDICT, .ret = 1),	/* SK_PASS */
	ROW(SK_SKB, SK_SKB_VERDICT, .ret = 1),
	ROW(SK_MSG, SK_MSG_VERDICT, .ret = 1),
	ROW(LIRC_MODE2, LIRC_MODE2, .extra = N_(CONFIG(BPF_LIRC_MODE2))),
	ROW(FLOW_DISSECTOR, FLOW_DISSECTOR),		/* BPF_OK */
	ROW(SK_LOOKUP, SK_LOOKUP, .ret = 1),		/* SK_PASS */
	ROW(SK_REUSEPORT, SK_REUSEPORT_SELECT, .ret = 1),
	ROW(SK_REUSEPORT, SK_REUSEPORT_SELECT_OR_MIGRATE, .ret = 1),
	ROW(NETFILTER, NETFILTER, .ret = 1,		/* NF_ACCEPT */
	    .extra = N_(CONFIG(NETFILTER_BPF_LINK))),
	ROW(XDP, XDP, .ret = 2),
	ROW(XDP, XDP_DEVMAP, .ret = 2),
	ROW(XDP, XDP_CPUMAP, .ret = 2),
	ROW(SCHED_CLS, TCX_INGRESS),
	ROW(SCHED_CLS, TCX_EGRESS),
	/* netkit is a device (CONFIG_NETKIT); the attach type only marks the
	 * program, so loading needs no device. */
	ROW(SCHED_CLS, NETKIT_PRIMARY),
	ROW(SCHED_CLS, NETKIT_PEER),
	ROW(PERF_EVENT, PERF_EVENT),
	ROW(KPROBE, TRACE_KPROBE_MULTI),
	ROW(KPROBE, TRACE_KPROBE_SESSION),
	ROW(KPROBE, TRACE_UPROBE_MULTI),
	ROW(KPROBE, TRACE_UPROBE_SESSION),
	ROW(TRACING, TRACE_FENTRY, .target = FUNC_TARGET, .tname = "bpf_fentry_test1"),
	ROW(TRACING, TRACE_FEXIT, .target = FUNC_TARGET, .tname = "bpf_fentry_test1"),
	/* fmod_ret needs a target the kernel lets it modify: an error-injection
	 * function (CONFIG_FUNCTION_ERROR_INJECTION, unset in Debian's 5.10
	 * and 6.1) or one in a registered fmodret set, which is how test_run
	 * offers bpf_modify_return_test since register_btf_fmodret_id_set()
	 * exists (6.2). */
	ROW(TRACING, MODIFY_RETURN, .target = FUNC_TARGET, .tname = "bpf_modify_return_test",
	    .extra = N_(BTF_FUNC("register_btf_fmodret_id_set"))),
	ROW(TRACING, TRACE_RAW_TP, .target = TYPEDEF_TARGET, .tname = "btf_trace_sched_switch"),
	ROW(TRACING, TRACE_ITER, .target = FUNC_TARGET, .tname = "bpf_iter_task"),
	ROW(LSM, LSM_MAC, .target = FUNC_TARGET, .tname = "bpf_lsm_file_open",
	    .extra = N_(CONFIG(BPF_LSM))),
	/* lsm_cgroup hooks return 0 (deny) or 1 (allow). */
	ROW(LSM, LSM_CGROUP, .target = FUNC_TARGET, .tname = "bpf_lsm_socket_bind", .ret = 1,
	    .extra = N_(CONFIG(BPF_LSM))),
	{ .type_tok = "STRUCT_OPS", .label = "tcp_congestion_ops_ssthresh",
	  .type = BPF_PROG_TYPE_STRUCT_OPS, .target = STRUCT_OPS_TARGET,
	  .tname = "tcp_congestion_ops", .member = "ssthresh", .ret = 1,
	  .extra = N_(BTF_TYPE("bpf_struct_ops_tcp_congestion_ops")),
	  .file = __FILE__, .line = __LINE__ },

	/* Refused pairs (representative; the loops below check the rest). */
	ROW(CGROUP_SKB, CGROUP_INET_SOCK_CREATE, REFUSED, .ret = 1),
	ROW(CGROUP_SOCK, CGROUP_INET_EGRESS, REFUSED, .ret = 1),
	ROW(CGROUP_SOCK, CGROUP_INET4_BIND, REFUSED, .ret = 1),
	/* 0 is not fixed up for sock_addr: it is INET_INGRESS, refused. */
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET_INGRESS, REFUSED, .ret = 1),
	ROW(CGROUP_SOCK_ADDR, CGROUP_INET4_POST_BIND, REFUSED, .ret = 1),
	ROW(CGROUP_SOCKOPT, CGROUP_SYSCTL, REFUSED, .ret = 1),
	ROW(SK_LOOKUP, CGROUP_INET_INGRESS, REFUSED, .ret = 1),
	ROW(SK_REUSEPORT, SK_LOOKUP, REFUSED, .ret = 1, .extra = N_(ATTACH(SK_REUSEPORT_SELECT))),
	ROW(NETFILTER, CGROUP_INET_INGRESS, REFUSED, .ret = 1,
	    .extra = N_(CONFIG(NETFILTER_BPF_LINK))),
	ROW(SYSCALL, TRACE_ITER, REFUSED, .flags = BPF_F_SLEEPABLE),
	ROW(EXT, TRACE_FENTRY, REFUSED, .target = EXT_TARGET),
	/* A tracing program attached to a function must say fentry, fexit
	 * or fmod_ret; any other attach type is refused. */
	ROW(TRACING, CGROUP_INET_EGRESS, REFUSED, .target = FUNC_TARGET,
	    .tname = "bpf_fentry_test1"),
	/* Not here: TRACING with LSM_MAC on a function target.  5.10 to 6.18
	 * refuse it late, with ENOTSUPP from check_return_code(); 7.2 loads
	 * it.  That is the verifier's internals, not a rule to hold kernels to. */
	/* Tracing and LSM programs must name a target. */
	ROW(TRACING, TRACE_FENTRY, REFUSED, .label = "attach_trace_fentry_no_btf_id_einval"),
	ROW(LSM, LSM_MAC, REFUSED, .label = "attach_lsm_mac_no_btf_id_einval",
	    .extra = N_(CONFIG(BPF_LSM))),
	/* An LSM program must attach to a bpf_lsm_* hook. */
	ROW(LSM, LSM_MAC, REFUSED, .label = "attach_lsm_mac_not_a_hook_einval",
	    .target = FUNC_TARGET, .tname = "bpf_fentry_test1", .extra = N_(CONFIG(BPF_LSM))),
	/* tp_btf wants a btf_trace_* typedef, not a function. */
	ROW(TRACING, TRACE_RAW_TP, REFUSED, .label = "attach_trace_raw_tp_function_einval",
	    .target = FUNC_TARGET, .tname = "bpf_fentry_test1"),
	/* attach_btf_id on a type that takes none. */
	ROW(SOCKET_FILTER, TRACE_FENTRY, REFUSED, .label = "attach_btf_id_einval",
	    .target = FUNC_TARGET, .tname = "bpf_fentry_test1"),
	/* For struct_ops, expected_attach_type is a member index: BPF_STRUCT_OPS
	 * (44) is past the members of tcp_congestion_ops. */
	ROW(STRUCT_OPS, STRUCT_OPS, REFUSED, .target = STRUCT_OPS_TARGET,
	    .tname = "tcp_congestion_ops",
	    .extra = N_(BTF_TYPE("bpf_struct_ops_tcp_congestion_ops"))),
};

static int load_row(const struct row *r, __u32 attach)
{
	struct bpf_func_info fi;
	struct prog_spec spec = {
		.type = r->type, .attach = attach, .prog_flags = r->flags,
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_0, r->ret),
			BPF_EXIT_INSN(),
		),
	};
	int member;

	switch (r->target) {
	case NO_TARGET:
		break;
	case FUNC_TARGET:
		spec.attach_btf_id = target_btf_id(r->tname, BTF_KIND_FUNC);
		break;
	case TYPEDEF_TARGET:
		spec.attach_btf_id = target_btf_id(r->tname, BTF_KIND_TYPEDEF);
		break;
	case STRUCT_OPS_TARGET:
		spec.attach_btf_id = target_btf_id(r->tname, BTF_KIND_STRUCT);
		if (r->member) {
			member = btf_member_index(r->tname, r->member);
			if (member < 0)
				case_error(__FILE__, __LINE__, "setup: %s has no member %s",
					   r->tname, r->member);
			spec.attach = (__u32)member;
		}
		break;
	case EXT_TARGET:
		spec.attach_prog_fd = (__u32)ext_target_load(&spec.attach_btf_id);
		spec.prog_btf_fd = ext_prog_btf(&fi);
		spec.func_info = &fi;
		spec.func_info_cnt = 1;
		spec.func_info_rec_size = sizeof(fi);
		break;
	}
	return prog_load(&spec);
}

static void run_row(const void *arg)
{
	const struct row *r = arg;
	struct bpf_prog_info info;
	int fd = load_row(r, r->attach);

	if (r->err) {
		ASSERT_ERRNO(r->err, fd);
		return;
	}
	ASSERT_FD(fd);
	ASSERT_OK(prog_info(fd, &info));
	EXPECT_EQ(r->type, info.type);
}

/* ---- one case per program type over every attach type ---------------- */

struct sweep {
	const char *type_tok;
	enum bpf_prog_type type;
	int strict;		/* refuses attach types outside its rows */
	const struct row *base;	/* the row whose program and target are used */
	const struct need *needs;
};

static const struct row *first_row(enum bpf_prog_type type)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (rows[i].type == type && !rows[i].err)
			return &rows[i];
	return NULL;
}

/* Does the table accept (type, attach)?  0 counts when a minimal row of
 * the type loads (0 is then the type's default, or "none"). */
static int accepted(enum bpf_prog_type type, __u32 attach)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];

		if (r->type != type || r->err || r->target == STRUCT_OPS_TARGET)
			continue;
		if (r->attach_tok ? r->attach == attach : attach == 0)
			return 1;
	}
	return 0;
}

static void run_sweep(const void *arg)
{
	const struct sweep *s = arg;
	int tried = 0;

	for (__u32 a = 0; a < __MAX_BPF_ATTACH_TYPE; a++) {
		int want, fd;

		if (!kernel_has_attach_type(a))
			continue;
		want = s->strict && !accepted(s->type, a) ? -EINVAL : 0;
		fd = load_row(s->base, a);
		tried++;
		if ((want == 0 && fd >= 0) || (want < 0 && fd == want)) {
			case_passed_check();
		} else {
			case_failed(1, __FILE__, __LINE__, "expected_attach_type %s (%u): "
				    "expected %s, got %s", attach_type_name(a), a,
				    want ? errno_name(-want) : "a program fd",
				    fd >= 0 ? "a program fd" : errno_name(-fd));
		}
		if (fd >= 0)
			close(fd);
	}
	if (!tried)
		case_error(__FILE__, __LINE__, "the kernel declares none of our attach types");
}

#define SWEEP(T, STRICT, ...) { #T, BPF_PROG_TYPE_##T, STRICT, NULL, \
				(const struct need[]){ PROG_TYPE(T), CMD(PROG_LOAD), \
				##__VA_ARGS__, { NEED_END, 0, 0 } } }
static struct sweep sweeps[] = {
	SWEEP(CGROUP_SKB, 1),
	SWEEP(CGROUP_SOCK, 1),
	SWEEP(CGROUP_SOCK_ADDR, 1),
	SWEEP(CGROUP_SOCKOPT, 1),
	SWEEP(SK_LOOKUP, 1),
	/* Enforced from the kernel that named these attach types (5.14). */
	SWEEP(SK_REUSEPORT, 1, ATTACH(SK_REUSEPORT_SELECT)),
	SWEEP(NETFILTER, 1, CONFIG(NETFILTER_BPF_LINK)),
	SWEEP(SYSCALL, 1),
	SWEEP(EXT, 1),
	SWEEP(SOCKET_FILTER, 0),
	SWEEP(KPROBE, 0),
	SWEEP(SCHED_CLS, 0),
	SWEEP(SCHED_ACT, 0),
	SWEEP(TRACEPOINT, 0),
	SWEEP(XDP, 0),
	SWEEP(PERF_EVENT, 0),
	SWEEP(LWT_IN, 0),
	SWEEP(LWT_OUT, 0),
	SWEEP(LWT_XMIT, 0),
	SWEEP(LWT_SEG6LOCAL, 0),
	SWEEP(SOCK_OPS, 0),
	SWEEP(SK_SKB, 0),
	SWEEP(SK_MSG, 0),
	SWEEP(CGROUP_DEVICE, 0),
	SWEEP(CGROUP_SYSCTL, 0),
	SWEEP(RAW_TRACEPOINT, 0),
	SWEEP(RAW_TRACEPOINT_WRITABLE, 0),
	SWEEP(FLOW_DISSECTOR, 0),
	SWEEP(LIRC_MODE2, 0, CONFIG(BPF_LIRC_MODE2)),
};

/* ---- the generator -------------------------------------------------- */

static char *lower(const char *s)
{
	char *out = case_strdup("%s", s);

	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* The row's needs: its type, attach type and target, then its extras. */
static const struct need *row_needs(const struct row *r)
{
	size_t n = 0, extra = 0;
	struct need *needs;

	while (r->extra && r->extra[extra].kind != NEED_END)
		extra++;
	needs = calloc(extra + 6, sizeof(*needs));
	needs[n++] = (struct need){ NEED_CMD, "BPF_PROG_LOAD", BPF_PROG_LOAD };
	needs[n++] = (struct need){ NEED_PROG, case_strdup("BPF_PROG_TYPE_%s", r->type_tok),
				    r->type };
	if (r->attach_tok)
		needs[n++] = (struct need){ NEED_ATTACH, case_strdup("BPF_%s", r->attach_tok),
					    r->attach };
	if (r->target == FUNC_TARGET)
		needs[n++] = (struct need){ NEED_BTF_FUNC, r->tname, 0 };
	else if (r->target == TYPEDEF_TARGET || r->target == STRUCT_OPS_TARGET)
		needs[n++] = (struct need){ NEED_BTF_TYPE, r->tname, 0 };
	for (size_t i = 0; i < extra; i++)
		needs[n++] = r->extra[i];
	return needs;
}

static void generate(void)
{
	size_t nrows = sizeof(rows) / sizeof(rows[0]);
	size_t nsweeps = sizeof(sweeps) / sizeof(sweeps[0]);
	struct bc_case *c = calloc(nrows + nsweeps, sizeof(*c));

	for (size_t i = 0; i < nrows; i++, c++) {
		const struct row *r = &rows[i];
		const char *last = r->label ? r->label
				   : case_strdup("attach_%s%s", lower(r->attach_tok),
						 r->err ? "_einval" : "");

		*c = (struct bc_case){
			.name = case_strdup("prog.%s.load.%s", lower(r->type_tok), last),
			.fn = run_row, .arg = r, .needs = row_needs(r),
			.file = r->file, .line = r->line,
		};
		case_add(c);
	}
	for (size_t i = 0; i < nsweeps; i++, c++) {
		struct sweep *s = &sweeps[i];
		const struct row *base = first_row(s->type);

		if (!base) {
			fprintf(stderr, "bpfconform: %s: no row to sweep %s with\n", __FILE__,
				s->type_tok);
			exit(2);
		}
		s->base = base;
		/* Needs: the sweep's own, and the target its programs use. */
		*c = (struct bc_case){
			.name = case_strdup("prog.%s.load.%s", lower(s->type_tok),
					    s->strict ? "attach_others_einval"
						      : "attach_any_accepted"),
			.fn = run_sweep, .arg = s, .needs = s->needs,
			.file = __FILE__, .line = __LINE__,
		};
		case_add(c);
	}
}
CASE_GENERATOR(generate)
