// SPDX-License-Identifier: GPL-2.0
/*
 * The enum members this build's uapi copy (uapi/bpf_types.h) declares, so
 * `bpfconform probe` can say "the kernel declares BPF_MAP_TYPE_FOO that this
 * build does not know" (the uapi copy is older than the kernel) and the
 * coverage report can fall back on them when the kernel has no BTF.
 *
 * Each list names the members; their values come from the uapi enums
 * themselves, so a list cannot disagree with the header on a value.  Only
 * members before the sentinel are listed: those after it are flags
 * (BPF_COMMON_ATTRS = 1 << 16 after __MAX_BPF_CMD), not values.  When
 * tools/gen-uapi.py brings new members, add them here:
 * tests/unit/oracle_known.c fails while a value below the sentinel
 * (__MAX_BPF_*, __BPF_FUNC_MAX_ID) has no name in its list.
 */
#include <string.h>

#include "../../uapi/bpf.h"
#include "internal.h"

#define KNOWN_BPF_CMD(X) \
	X(BPF_MAP_CREATE) X(BPF_MAP_LOOKUP_ELEM) X(BPF_MAP_UPDATE_ELEM) \
	X(BPF_MAP_DELETE_ELEM) X(BPF_MAP_GET_NEXT_KEY) X(BPF_PROG_LOAD) \
	X(BPF_OBJ_PIN) X(BPF_OBJ_GET) X(BPF_PROG_ATTACH) X(BPF_PROG_DETACH) \
	X(BPF_PROG_TEST_RUN) X(BPF_PROG_RUN) X(BPF_PROG_GET_NEXT_ID) \
	X(BPF_MAP_GET_NEXT_ID) X(BPF_PROG_GET_FD_BY_ID) \
	X(BPF_MAP_GET_FD_BY_ID) X(BPF_OBJ_GET_INFO_BY_FD) X(BPF_PROG_QUERY) \
	X(BPF_RAW_TRACEPOINT_OPEN) X(BPF_BTF_LOAD) X(BPF_BTF_GET_FD_BY_ID) \
	X(BPF_TASK_FD_QUERY) X(BPF_MAP_LOOKUP_AND_DELETE_ELEM) \
	X(BPF_MAP_FREEZE) X(BPF_BTF_GET_NEXT_ID) X(BPF_MAP_LOOKUP_BATCH) \
	X(BPF_MAP_LOOKUP_AND_DELETE_BATCH) X(BPF_MAP_UPDATE_BATCH) \
	X(BPF_MAP_DELETE_BATCH) X(BPF_LINK_CREATE) X(BPF_LINK_UPDATE) \
	X(BPF_LINK_GET_FD_BY_ID) X(BPF_LINK_GET_NEXT_ID) X(BPF_ENABLE_STATS) \
	X(BPF_ITER_CREATE) X(BPF_LINK_DETACH) X(BPF_PROG_BIND_MAP) \
	X(BPF_TOKEN_CREATE) X(BPF_PROG_STREAM_READ_BY_FD) \
	X(BPF_PROG_ASSOC_STRUCT_OPS)

#define KNOWN_BPF_PROG_TYPE(X) \
	X(BPF_PROG_TYPE_UNSPEC) X(BPF_PROG_TYPE_SOCKET_FILTER) \
	X(BPF_PROG_TYPE_KPROBE) X(BPF_PROG_TYPE_SCHED_CLS) \
	X(BPF_PROG_TYPE_SCHED_ACT) X(BPF_PROG_TYPE_TRACEPOINT) \
	X(BPF_PROG_TYPE_XDP) X(BPF_PROG_TYPE_PERF_EVENT) \
	X(BPF_PROG_TYPE_CGROUP_SKB) X(BPF_PROG_TYPE_CGROUP_SOCK) \
	X(BPF_PROG_TYPE_LWT_IN) X(BPF_PROG_TYPE_LWT_OUT) \
	X(BPF_PROG_TYPE_LWT_XMIT) X(BPF_PROG_TYPE_SOCK_OPS) \
	X(BPF_PROG_TYPE_SK_SKB) X(BPF_PROG_TYPE_CGROUP_DEVICE) \
	X(BPF_PROG_TYPE_SK_MSG) X(BPF_PROG_TYPE_RAW_TRACEPOINT) \
	X(BPF_PROG_TYPE_CGROUP_SOCK_ADDR) X(BPF_PROG_TYPE_LWT_SEG6LOCAL) \
	X(BPF_PROG_TYPE_LIRC_MODE2) X(BPF_PROG_TYPE_SK_REUSEPORT) \
	X(BPF_PROG_TYPE_FLOW_DISSECTOR) X(BPF_PROG_TYPE_CGROUP_SYSCTL) \
	X(BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE) \
	X(BPF_PROG_TYPE_CGROUP_SOCKOPT) X(BPF_PROG_TYPE_TRACING) \
	X(BPF_PROG_TYPE_STRUCT_OPS) X(BPF_PROG_TYPE_EXT) X(BPF_PROG_TYPE_LSM) \
	X(BPF_PROG_TYPE_SK_LOOKUP) X(BPF_PROG_TYPE_SYSCALL) \
	X(BPF_PROG_TYPE_NETFILTER)

#define KNOWN_BPF_MAP_TYPE(X) \
	X(BPF_MAP_TYPE_UNSPEC) X(BPF_MAP_TYPE_HASH) X(BPF_MAP_TYPE_ARRAY) \
	X(BPF_MAP_TYPE_PROG_ARRAY) X(BPF_MAP_TYPE_PERF_EVENT_ARRAY) \
	X(BPF_MAP_TYPE_PERCPU_HASH) X(BPF_MAP_TYPE_PERCPU_ARRAY) \
	X(BPF_MAP_TYPE_STACK_TRACE) X(BPF_MAP_TYPE_CGROUP_ARRAY) \
	X(BPF_MAP_TYPE_LRU_HASH) X(BPF_MAP_TYPE_LRU_PERCPU_HASH) \
	X(BPF_MAP_TYPE_LPM_TRIE) X(BPF_MAP_TYPE_ARRAY_OF_MAPS) \
	X(BPF_MAP_TYPE_HASH_OF_MAPS) X(BPF_MAP_TYPE_DEVMAP) \
	X(BPF_MAP_TYPE_SOCKMAP) X(BPF_MAP_TYPE_CPUMAP) X(BPF_MAP_TYPE_XSKMAP) \
	X(BPF_MAP_TYPE_SOCKHASH) X(BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED) \
	X(BPF_MAP_TYPE_CGROUP_STORAGE) X(BPF_MAP_TYPE_REUSEPORT_SOCKARRAY) \
	X(BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE_DEPRECATED) \
	X(BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE) X(BPF_MAP_TYPE_QUEUE) \
	X(BPF_MAP_TYPE_STACK) X(BPF_MAP_TYPE_SK_STORAGE) \
	X(BPF_MAP_TYPE_DEVMAP_HASH) X(BPF_MAP_TYPE_STRUCT_OPS) \
	X(BPF_MAP_TYPE_RINGBUF) X(BPF_MAP_TYPE_INODE_STORAGE) \
	X(BPF_MAP_TYPE_TASK_STORAGE) X(BPF_MAP_TYPE_BLOOM_FILTER) \
	X(BPF_MAP_TYPE_USER_RINGBUF) X(BPF_MAP_TYPE_CGRP_STORAGE) \
	X(BPF_MAP_TYPE_ARENA) X(BPF_MAP_TYPE_INSN_ARRAY) \
	X(BPF_MAP_TYPE_RHASH)

#define KNOWN_BPF_ATTACH_TYPE(X) \
	X(BPF_CGROUP_INET_INGRESS) X(BPF_CGROUP_INET_EGRESS) \
	X(BPF_CGROUP_INET_SOCK_CREATE) X(BPF_CGROUP_SOCK_OPS) \
	X(BPF_SK_SKB_STREAM_PARSER) X(BPF_SK_SKB_STREAM_VERDICT) \
	X(BPF_CGROUP_DEVICE) X(BPF_SK_MSG_VERDICT) X(BPF_CGROUP_INET4_BIND) \
	X(BPF_CGROUP_INET6_BIND) X(BPF_CGROUP_INET4_CONNECT) \
	X(BPF_CGROUP_INET6_CONNECT) X(BPF_CGROUP_INET4_POST_BIND) \
	X(BPF_CGROUP_INET6_POST_BIND) X(BPF_CGROUP_UDP4_SENDMSG) \
	X(BPF_CGROUP_UDP6_SENDMSG) X(BPF_LIRC_MODE2) X(BPF_FLOW_DISSECTOR) \
	X(BPF_CGROUP_SYSCTL) X(BPF_CGROUP_UDP4_RECVMSG) \
	X(BPF_CGROUP_UDP6_RECVMSG) X(BPF_CGROUP_GETSOCKOPT) \
	X(BPF_CGROUP_SETSOCKOPT) X(BPF_TRACE_RAW_TP) X(BPF_TRACE_FENTRY) \
	X(BPF_TRACE_FEXIT) X(BPF_MODIFY_RETURN) X(BPF_LSM_MAC) \
	X(BPF_TRACE_ITER) X(BPF_CGROUP_INET4_GETPEERNAME) \
	X(BPF_CGROUP_INET6_GETPEERNAME) X(BPF_CGROUP_INET4_GETSOCKNAME) \
	X(BPF_CGROUP_INET6_GETSOCKNAME) X(BPF_XDP_DEVMAP) \
	X(BPF_CGROUP_INET_SOCK_RELEASE) X(BPF_XDP_CPUMAP) X(BPF_SK_LOOKUP) \
	X(BPF_XDP) X(BPF_SK_SKB_VERDICT) X(BPF_SK_REUSEPORT_SELECT) \
	X(BPF_SK_REUSEPORT_SELECT_OR_MIGRATE) X(BPF_PERF_EVENT) \
	X(BPF_TRACE_KPROBE_MULTI) X(BPF_LSM_CGROUP) X(BPF_STRUCT_OPS) \
	X(BPF_NETFILTER) X(BPF_TCX_INGRESS) X(BPF_TCX_EGRESS) \
	X(BPF_TRACE_UPROBE_MULTI) X(BPF_CGROUP_UNIX_CONNECT) \
	X(BPF_CGROUP_UNIX_SENDMSG) X(BPF_CGROUP_UNIX_RECVMSG) \
	X(BPF_CGROUP_UNIX_GETPEERNAME) X(BPF_CGROUP_UNIX_GETSOCKNAME) \
	X(BPF_NETKIT_PRIMARY) X(BPF_NETKIT_PEER) X(BPF_TRACE_KPROBE_SESSION) \
	X(BPF_TRACE_UPROBE_SESSION) X(BPF_TRACE_FSESSION) \
	X(BPF_TRACE_FENTRY_MULTI) X(BPF_TRACE_FEXIT_MULTI) \
	X(BPF_TRACE_FSESSION_MULTI)

#define KNOWN_BPF_LINK_TYPE(X) \
	X(BPF_LINK_TYPE_UNSPEC) X(BPF_LINK_TYPE_RAW_TRACEPOINT) \
	X(BPF_LINK_TYPE_TRACING) X(BPF_LINK_TYPE_CGROUP) \
	X(BPF_LINK_TYPE_ITER) X(BPF_LINK_TYPE_NETNS) X(BPF_LINK_TYPE_XDP) \
	X(BPF_LINK_TYPE_PERF_EVENT) X(BPF_LINK_TYPE_KPROBE_MULTI) \
	X(BPF_LINK_TYPE_STRUCT_OPS) X(BPF_LINK_TYPE_NETFILTER) \
	X(BPF_LINK_TYPE_TCX) X(BPF_LINK_TYPE_UPROBE_MULTI) \
	X(BPF_LINK_TYPE_NETKIT) X(BPF_LINK_TYPE_SOCKMAP) \
	X(BPF_LINK_TYPE_TRACING_MULTI)

#define KNOWN_BPF_FUNC_ID(X) \
	X(BPF_FUNC_unspec) X(BPF_FUNC_map_lookup_elem) \
	X(BPF_FUNC_map_update_elem) X(BPF_FUNC_map_delete_elem) \
	X(BPF_FUNC_probe_read) X(BPF_FUNC_ktime_get_ns) \
	X(BPF_FUNC_trace_printk) X(BPF_FUNC_get_prandom_u32) \
	X(BPF_FUNC_get_smp_processor_id) X(BPF_FUNC_skb_store_bytes) \
	X(BPF_FUNC_l3_csum_replace) X(BPF_FUNC_l4_csum_replace) \
	X(BPF_FUNC_tail_call) X(BPF_FUNC_clone_redirect) \
	X(BPF_FUNC_get_current_pid_tgid) X(BPF_FUNC_get_current_uid_gid) \
	X(BPF_FUNC_get_current_comm) X(BPF_FUNC_get_cgroup_classid) \
	X(BPF_FUNC_skb_vlan_push) X(BPF_FUNC_skb_vlan_pop) \
	X(BPF_FUNC_skb_get_tunnel_key) X(BPF_FUNC_skb_set_tunnel_key) \
	X(BPF_FUNC_perf_event_read) X(BPF_FUNC_redirect) \
	X(BPF_FUNC_get_route_realm) X(BPF_FUNC_perf_event_output) \
	X(BPF_FUNC_skb_load_bytes) X(BPF_FUNC_get_stackid) \
	X(BPF_FUNC_csum_diff) X(BPF_FUNC_skb_get_tunnel_opt) \
	X(BPF_FUNC_skb_set_tunnel_opt) X(BPF_FUNC_skb_change_proto) \
	X(BPF_FUNC_skb_change_type) X(BPF_FUNC_skb_under_cgroup) \
	X(BPF_FUNC_get_hash_recalc) X(BPF_FUNC_get_current_task) \
	X(BPF_FUNC_probe_write_user) X(BPF_FUNC_current_task_under_cgroup) \
	X(BPF_FUNC_skb_change_tail) X(BPF_FUNC_skb_pull_data) \
	X(BPF_FUNC_csum_update) X(BPF_FUNC_set_hash_invalid) \
	X(BPF_FUNC_get_numa_node_id) X(BPF_FUNC_skb_change_head) \
	X(BPF_FUNC_xdp_adjust_head) X(BPF_FUNC_probe_read_str) \
	X(BPF_FUNC_get_socket_cookie) X(BPF_FUNC_get_socket_uid) \
	X(BPF_FUNC_set_hash) X(BPF_FUNC_setsockopt) \
	X(BPF_FUNC_skb_adjust_room) X(BPF_FUNC_redirect_map) \
	X(BPF_FUNC_sk_redirect_map) X(BPF_FUNC_sock_map_update) \
	X(BPF_FUNC_xdp_adjust_meta) X(BPF_FUNC_perf_event_read_value) \
	X(BPF_FUNC_perf_prog_read_value) X(BPF_FUNC_getsockopt) \
	X(BPF_FUNC_override_return) X(BPF_FUNC_sock_ops_cb_flags_set) \
	X(BPF_FUNC_msg_redirect_map) X(BPF_FUNC_msg_apply_bytes) \
	X(BPF_FUNC_msg_cork_bytes) X(BPF_FUNC_msg_pull_data) X(BPF_FUNC_bind) \
	X(BPF_FUNC_xdp_adjust_tail) X(BPF_FUNC_skb_get_xfrm_state) \
	X(BPF_FUNC_get_stack) X(BPF_FUNC_skb_load_bytes_relative) \
	X(BPF_FUNC_fib_lookup) X(BPF_FUNC_sock_hash_update) \
	X(BPF_FUNC_msg_redirect_hash) X(BPF_FUNC_sk_redirect_hash) \
	X(BPF_FUNC_lwt_push_encap) X(BPF_FUNC_lwt_seg6_store_bytes) \
	X(BPF_FUNC_lwt_seg6_adjust_srh) X(BPF_FUNC_lwt_seg6_action) \
	X(BPF_FUNC_rc_repeat) X(BPF_FUNC_rc_keydown) \
	X(BPF_FUNC_skb_cgroup_id) X(BPF_FUNC_get_current_cgroup_id) \
	X(BPF_FUNC_get_local_storage) X(BPF_FUNC_sk_select_reuseport) \
	X(BPF_FUNC_skb_ancestor_cgroup_id) X(BPF_FUNC_sk_lookup_tcp) \
	X(BPF_FUNC_sk_lookup_udp) X(BPF_FUNC_sk_release) \
	X(BPF_FUNC_map_push_elem) X(BPF_FUNC_map_pop_elem) \
	X(BPF_FUNC_map_peek_elem) X(BPF_FUNC_msg_push_data) \
	X(BPF_FUNC_msg_pop_data) X(BPF_FUNC_rc_pointer_rel) \
	X(BPF_FUNC_spin_lock) X(BPF_FUNC_spin_unlock) X(BPF_FUNC_sk_fullsock) \
	X(BPF_FUNC_tcp_sock) X(BPF_FUNC_skb_ecn_set_ce) \
	X(BPF_FUNC_get_listener_sock) X(BPF_FUNC_skc_lookup_tcp) \
	X(BPF_FUNC_tcp_check_syncookie) X(BPF_FUNC_sysctl_get_name) \
	X(BPF_FUNC_sysctl_get_current_value) X(BPF_FUNC_sysctl_get_new_value) \
	X(BPF_FUNC_sysctl_set_new_value) X(BPF_FUNC_strtol) \
	X(BPF_FUNC_strtoul) X(BPF_FUNC_sk_storage_get) \
	X(BPF_FUNC_sk_storage_delete) X(BPF_FUNC_send_signal) \
	X(BPF_FUNC_tcp_gen_syncookie) X(BPF_FUNC_skb_output) \
	X(BPF_FUNC_probe_read_user) X(BPF_FUNC_probe_read_kernel) \
	X(BPF_FUNC_probe_read_user_str) X(BPF_FUNC_probe_read_kernel_str) \
	X(BPF_FUNC_tcp_send_ack) X(BPF_FUNC_send_signal_thread) \
	X(BPF_FUNC_jiffies64) X(BPF_FUNC_read_branch_records) \
	X(BPF_FUNC_get_ns_current_pid_tgid) X(BPF_FUNC_xdp_output) \
	X(BPF_FUNC_get_netns_cookie) \
	X(BPF_FUNC_get_current_ancestor_cgroup_id) X(BPF_FUNC_sk_assign) \
	X(BPF_FUNC_ktime_get_boot_ns) X(BPF_FUNC_seq_printf) \
	X(BPF_FUNC_seq_write) X(BPF_FUNC_sk_cgroup_id) \
	X(BPF_FUNC_sk_ancestor_cgroup_id) X(BPF_FUNC_ringbuf_output) \
	X(BPF_FUNC_ringbuf_reserve) X(BPF_FUNC_ringbuf_submit) \
	X(BPF_FUNC_ringbuf_discard) X(BPF_FUNC_ringbuf_query) \
	X(BPF_FUNC_csum_level) X(BPF_FUNC_skc_to_tcp6_sock) \
	X(BPF_FUNC_skc_to_tcp_sock) X(BPF_FUNC_skc_to_tcp_timewait_sock) \
	X(BPF_FUNC_skc_to_tcp_request_sock) X(BPF_FUNC_skc_to_udp6_sock) \
	X(BPF_FUNC_get_task_stack) X(BPF_FUNC_load_hdr_opt) \
	X(BPF_FUNC_store_hdr_opt) X(BPF_FUNC_reserve_hdr_opt) \
	X(BPF_FUNC_inode_storage_get) X(BPF_FUNC_inode_storage_delete) \
	X(BPF_FUNC_d_path) X(BPF_FUNC_copy_from_user) \
	X(BPF_FUNC_snprintf_btf) X(BPF_FUNC_seq_printf_btf) \
	X(BPF_FUNC_skb_cgroup_classid) X(BPF_FUNC_redirect_neigh) \
	X(BPF_FUNC_per_cpu_ptr) X(BPF_FUNC_this_cpu_ptr) \
	X(BPF_FUNC_redirect_peer) X(BPF_FUNC_task_storage_get) \
	X(BPF_FUNC_task_storage_delete) X(BPF_FUNC_get_current_task_btf) \
	X(BPF_FUNC_bprm_opts_set) X(BPF_FUNC_ktime_get_coarse_ns) \
	X(BPF_FUNC_ima_inode_hash) X(BPF_FUNC_sock_from_file) \
	X(BPF_FUNC_check_mtu) X(BPF_FUNC_for_each_map_elem) \
	X(BPF_FUNC_snprintf) X(BPF_FUNC_sys_bpf) \
	X(BPF_FUNC_btf_find_by_name_kind) X(BPF_FUNC_sys_close) \
	X(BPF_FUNC_timer_init) X(BPF_FUNC_timer_set_callback) \
	X(BPF_FUNC_timer_start) X(BPF_FUNC_timer_cancel) \
	X(BPF_FUNC_get_func_ip) X(BPF_FUNC_get_attach_cookie) \
	X(BPF_FUNC_task_pt_regs) X(BPF_FUNC_get_branch_snapshot) \
	X(BPF_FUNC_trace_vprintk) X(BPF_FUNC_skc_to_unix_sock) \
	X(BPF_FUNC_kallsyms_lookup_name) X(BPF_FUNC_find_vma) \
	X(BPF_FUNC_loop) X(BPF_FUNC_strncmp) X(BPF_FUNC_get_func_arg) \
	X(BPF_FUNC_get_func_ret) X(BPF_FUNC_get_func_arg_cnt) \
	X(BPF_FUNC_get_retval) X(BPF_FUNC_set_retval) \
	X(BPF_FUNC_xdp_get_buff_len) X(BPF_FUNC_xdp_load_bytes) \
	X(BPF_FUNC_xdp_store_bytes) X(BPF_FUNC_copy_from_user_task) \
	X(BPF_FUNC_skb_set_tstamp) X(BPF_FUNC_ima_file_hash) \
	X(BPF_FUNC_kptr_xchg) X(BPF_FUNC_map_lookup_percpu_elem) \
	X(BPF_FUNC_skc_to_mptcp_sock) X(BPF_FUNC_dynptr_from_mem) \
	X(BPF_FUNC_ringbuf_reserve_dynptr) X(BPF_FUNC_ringbuf_submit_dynptr) \
	X(BPF_FUNC_ringbuf_discard_dynptr) X(BPF_FUNC_dynptr_read) \
	X(BPF_FUNC_dynptr_write) X(BPF_FUNC_dynptr_data) \
	X(BPF_FUNC_tcp_raw_gen_syncookie_ipv4) \
	X(BPF_FUNC_tcp_raw_gen_syncookie_ipv6) \
	X(BPF_FUNC_tcp_raw_check_syncookie_ipv4) \
	X(BPF_FUNC_tcp_raw_check_syncookie_ipv6) X(BPF_FUNC_ktime_get_tai_ns) \
	X(BPF_FUNC_user_ringbuf_drain) X(BPF_FUNC_cgrp_storage_get) \
	X(BPF_FUNC_cgrp_storage_delete)

#define KNOWN_ENTRY(NAME) { #NAME, NAME },

static const struct known_member known_cmd[] = { KNOWN_BPF_CMD(KNOWN_ENTRY) };
static const struct known_member known_prog_type[] = { KNOWN_BPF_PROG_TYPE(KNOWN_ENTRY) };
static const struct known_member known_map_type[] = { KNOWN_BPF_MAP_TYPE(KNOWN_ENTRY) };
static const struct known_member known_attach_type[] = { KNOWN_BPF_ATTACH_TYPE(KNOWN_ENTRY) };
static const struct known_member known_link_type[] = { KNOWN_BPF_LINK_TYPE(KNOWN_ENTRY) };
static const struct known_member known_func_id[] = { KNOWN_BPF_FUNC_ID(KNOWN_ENTRY) };

static const struct {
	const char *name;
	const struct known_member *members;
	size_t n;
} enums[] = {
	{ "bpf_cmd", known_cmd, sizeof(known_cmd) / sizeof(*known_cmd) },
	{ "bpf_prog_type", known_prog_type, sizeof(known_prog_type) / sizeof(*known_prog_type) },
	{ "bpf_map_type", known_map_type, sizeof(known_map_type) / sizeof(*known_map_type) },
	{ "bpf_attach_type", known_attach_type, sizeof(known_attach_type) / sizeof(*known_attach_type) },
	{ "bpf_link_type", known_link_type, sizeof(known_link_type) / sizeof(*known_link_type) },
	{ "bpf_func_id", known_func_id, sizeof(known_func_id) / sizeof(*known_func_id) },
};

const struct known_member *known_enum(const char *enum_name, size_t *n)
{
	for (size_t i = 0; i < sizeof(enums) / sizeof(*enums); i++) {
		if (!strcmp(enums[i].name, enum_name)) {
			*n = enums[i].n;
			return enums[i].members;
		}
	}
	*n = 0;
	return NULL;
}

int known_has(const char *enum_name, const char *name)
{
	size_t n;
	const struct known_member *m = known_enum(enum_name, &n);

	for (size_t i = 0; m && i < n; i++)
		if (!strcmp(m[i].name, name))
			return 1;
	return 0;
}
