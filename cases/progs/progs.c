// SPDX-License-Identifier: GPL-2.0
/* Attach type names, BTF targets and the EXT target program: see progs.h. */
#include <errno.h>
#include <stdio.h>

#include "cases/progs/progs.h"
#include "harness/btf_build.h"
#include "harness/oracle.h"

#define NAME(X) [BPF_##X] = "BPF_" #X,
static const char *const attach_names[__MAX_BPF_ATTACH_TYPE] = {
	NAME(CGROUP_INET_INGRESS) NAME(CGROUP_INET_EGRESS) NAME(CGROUP_INET_SOCK_CREATE)
	NAME(CGROUP_SOCK_OPS) NAME(SK_SKB_STREAM_PARSER) NAME(SK_SKB_STREAM_VERDICT)
	NAME(CGROUP_DEVICE) NAME(SK_MSG_VERDICT) NAME(CGROUP_INET4_BIND)
	NAME(CGROUP_INET6_BIND) NAME(CGROUP_INET4_CONNECT) NAME(CGROUP_INET6_CONNECT)
	NAME(CGROUP_INET4_POST_BIND) NAME(CGROUP_INET6_POST_BIND) NAME(CGROUP_UDP4_SENDMSG)
	NAME(CGROUP_UDP6_SENDMSG) NAME(LIRC_MODE2) NAME(FLOW_DISSECTOR) NAME(CGROUP_SYSCTL)
	NAME(CGROUP_UDP4_RECVMSG) NAME(CGROUP_UDP6_RECVMSG) NAME(CGROUP_GETSOCKOPT)
	NAME(CGROUP_SETSOCKOPT) NAME(TRACE_RAW_TP) NAME(TRACE_FENTRY) NAME(TRACE_FEXIT)
	NAME(MODIFY_RETURN) NAME(LSM_MAC) NAME(TRACE_ITER) NAME(CGROUP_INET4_GETPEERNAME)
	NAME(CGROUP_INET6_GETPEERNAME) NAME(CGROUP_INET4_GETSOCKNAME)
	NAME(CGROUP_INET6_GETSOCKNAME) NAME(XDP_DEVMAP) NAME(CGROUP_INET_SOCK_RELEASE)
	NAME(XDP_CPUMAP) NAME(SK_LOOKUP) NAME(XDP) NAME(SK_SKB_VERDICT)
	NAME(SK_REUSEPORT_SELECT) NAME(SK_REUSEPORT_SELECT_OR_MIGRATE) NAME(PERF_EVENT)
	NAME(TRACE_KPROBE_MULTI) NAME(LSM_CGROUP) NAME(STRUCT_OPS) NAME(NETFILTER)
	NAME(TCX_INGRESS) NAME(TCX_EGRESS) NAME(TRACE_UPROBE_MULTI) NAME(CGROUP_UNIX_CONNECT)
	NAME(CGROUP_UNIX_SENDMSG) NAME(CGROUP_UNIX_RECVMSG) NAME(CGROUP_UNIX_GETPEERNAME)
	NAME(CGROUP_UNIX_GETSOCKNAME) NAME(NETKIT_PRIMARY) NAME(NETKIT_PEER)
	NAME(TRACE_KPROBE_SESSION) NAME(TRACE_UPROBE_SESSION)
};
#undef NAME

const char *attach_type_name(__u32 attach)
{
	return attach < __MAX_BPF_ATTACH_TYPE ? attach_names[attach] : NULL;
}

int kernel_has_attach_type(__u32 attach)
{
	const char *name = attach_type_name(attach);
	long long val;

	return name && !oracle_enum_value("bpf_attach_type", name, &val) && val == attach;
}

__u32 target_btf_id(const char *name, int kind)
{
	int id = oracle_btf_id(name, kind);

	if (id <= 0)
		case_error(__FILE__, __LINE__, "setup: no BTF type %s of kind %d in vmlinux "
			   "(the case's NEEDS should have named it)", name, kind);
	return (__u32)id;
}

/* int ext_target_fn(int x), global: the function both programs describe. */
static __u32 target_fn_btf(struct btf_build *b, __u32 *int_id)
{
	__u32 proto;

	*int_id = btf_int(b, "int", 4, BTF_INT_SIGNED);
	proto = btf_func_proto(b, *int_id);
	btf_param(b, "x", *int_id);
	return btf_func(b, "ext_target_fn", proto, BTF_LINK_GLOBAL);
}

/* The target's main() is three instructions; ext_target_fn follows it.
 * func_info wants that offset, so the length is written down here, next
 * to the program, and the load fails (ERROR) if it is wrong. */
#define EXT_TARGET_MAIN_LEN 3

int ext_target_load(__u32 *fn_btf_id)
{
	struct btf_build *b = btf_build_new();
	struct bpf_func_info fi[2];
	__u32 int_id, main_proto, main_fn, fn;
	int btf_fd, fd;

	fn = target_fn_btf(b, &int_id);
	main_proto = btf_func_proto(b, int_id);
	main_fn = btf_func(b, "ext_main", main_proto, BTF_LINK_STATIC);
	btf_fd = btf_build_load(b);
	btf_build_free(b);
	SETUP_RET(btf_fd);

	fi[0] = (struct bpf_func_info){ .insn_off = 0, .type_id = main_fn };
	fi[1] = (struct bpf_func_info){ .insn_off = EXT_TARGET_MAIN_LEN, .type_id = fn };
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SCHED_CLS,
		.name = "ext_target",
		.prog_btf_fd = btf_fd,
		.func_info = fi, .func_info_cnt = 2, .func_info_rec_size = sizeof(fi[0]),
		.insns = PROG(
			BPF_MOV64_IMM(BPF_REG_1, 41),
			BPF_CALL_LABEL("ext_target_fn"),	/* r0 = ext_target_fn(41) */
			BPF_EXIT_INSN(),
			LABEL("ext_target_fn"),
			BPF_MOV64_REG(BPF_REG_0, BPF_REG_1),
			BPF_ALU64_IMM(BPF_ADD, BPF_REG_0, 1),	/* return x + 1 */
			BPF_EXIT_INSN(),
		),
	});
	SETUP_RET(fd);
	*fn_btf_id = fn;
	return fd;
}

int ext_prog_btf(struct bpf_func_info *fi)
{
	struct btf_build *b = btf_build_new();
	__u32 int_id, fn = target_fn_btf(b, &int_id);
	int fd = btf_build_load(b);

	btf_build_free(b);
	SETUP_RET(fd);
	*fi = (struct bpf_func_info){ .insn_off = 0, .type_id = fn };
	return fd;
}
