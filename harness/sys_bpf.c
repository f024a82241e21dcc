// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys_bpf.h"

#define offsetofend(TYPE, FIELD) \
	(offsetof(TYPE, FIELD) + sizeof(((TYPE *)0)->FIELD))
#define END(FIELD) offsetofend(union bpf_attr, FIELD)

/*
 * The last field of each command, as of the newest uapi we carry.  When a
 * kernel adds a field to a command, this table grows with it.
 */
static const unsigned int attr_end[] = {
	[BPF_MAP_CREATE] = END(excl_prog_hash_size),
	[BPF_MAP_LOOKUP_ELEM] = END(flags),
	[BPF_MAP_UPDATE_ELEM] = END(flags),
	[BPF_MAP_DELETE_ELEM] = END(flags),
	[BPF_MAP_GET_NEXT_KEY] = END(next_key),
	[BPF_PROG_LOAD] = END(keyring_id),
	[BPF_OBJ_PIN] = END(path_fd),
	[BPF_OBJ_GET] = END(path_fd),
	[BPF_PROG_ATTACH] = END(expected_revision),
	[BPF_PROG_DETACH] = END(expected_revision),
	[BPF_PROG_TEST_RUN] = END(test.batch_size),
	[BPF_PROG_GET_NEXT_ID] = END(open_flags),
	[BPF_MAP_GET_NEXT_ID] = END(open_flags),
	[BPF_PROG_GET_FD_BY_ID] = END(fd_by_id_token_fd),
	[BPF_MAP_GET_FD_BY_ID] = END(fd_by_id_token_fd),
	[BPF_OBJ_GET_INFO_BY_FD] = END(info.info),
	[BPF_PROG_QUERY] = END(query.revision),
	[BPF_RAW_TRACEPOINT_OPEN] = END(raw_tracepoint.cookie),
	[BPF_BTF_LOAD] = END(btf_token_fd),
	[BPF_BTF_GET_FD_BY_ID] = END(fd_by_id_token_fd),
	[BPF_TASK_FD_QUERY] = END(task_fd_query.probe_addr),
	[BPF_MAP_LOOKUP_AND_DELETE_ELEM] = END(flags),
	[BPF_MAP_FREEZE] = END(map_fd),
	[BPF_BTF_GET_NEXT_ID] = END(open_flags),
	[BPF_MAP_LOOKUP_BATCH] = END(batch.flags),
	[BPF_MAP_LOOKUP_AND_DELETE_BATCH] = END(batch.flags),
	[BPF_MAP_UPDATE_BATCH] = END(batch.flags),
	[BPF_MAP_DELETE_BATCH] = END(batch.flags),
	[BPF_LINK_CREATE] = END(link_create),
	[BPF_LINK_UPDATE] = END(link_update.old_prog_fd),
	[BPF_LINK_GET_FD_BY_ID] = END(fd_by_id_token_fd),
	[BPF_LINK_GET_NEXT_ID] = END(open_flags),
	[BPF_ENABLE_STATS] = END(enable_stats.type),
	[BPF_ITER_CREATE] = END(iter_create.flags),
	[BPF_LINK_DETACH] = END(link_detach.link_fd),
	[BPF_PROG_BIND_MAP] = END(prog_bind_map.flags),
	[BPF_TOKEN_CREATE] = END(token_create.bpffs_fd),
	[BPF_PROG_STREAM_READ_BY_FD] = END(prog_stream_read.prog_fd),
	[BPF_PROG_ASSOC_STRUCT_OPS] = END(prog_assoc_struct_ops.flags),
};

#define NAME(cmd) [cmd] = #cmd
static const char *const cmd_names[] = {
	NAME(BPF_MAP_CREATE), NAME(BPF_MAP_LOOKUP_ELEM), NAME(BPF_MAP_UPDATE_ELEM),
	NAME(BPF_MAP_DELETE_ELEM), NAME(BPF_MAP_GET_NEXT_KEY), NAME(BPF_PROG_LOAD),
	NAME(BPF_OBJ_PIN), NAME(BPF_OBJ_GET), NAME(BPF_PROG_ATTACH),
	NAME(BPF_PROG_DETACH), NAME(BPF_PROG_TEST_RUN), NAME(BPF_PROG_GET_NEXT_ID),
	NAME(BPF_MAP_GET_NEXT_ID), NAME(BPF_PROG_GET_FD_BY_ID),
	NAME(BPF_MAP_GET_FD_BY_ID), NAME(BPF_OBJ_GET_INFO_BY_FD),
	NAME(BPF_PROG_QUERY), NAME(BPF_RAW_TRACEPOINT_OPEN), NAME(BPF_BTF_LOAD),
	NAME(BPF_BTF_GET_FD_BY_ID), NAME(BPF_TASK_FD_QUERY),
	NAME(BPF_MAP_LOOKUP_AND_DELETE_ELEM), NAME(BPF_MAP_FREEZE),
	NAME(BPF_BTF_GET_NEXT_ID), NAME(BPF_MAP_LOOKUP_BATCH),
	NAME(BPF_MAP_LOOKUP_AND_DELETE_BATCH), NAME(BPF_MAP_UPDATE_BATCH),
	NAME(BPF_MAP_DELETE_BATCH), NAME(BPF_LINK_CREATE), NAME(BPF_LINK_UPDATE),
	NAME(BPF_LINK_GET_FD_BY_ID), NAME(BPF_LINK_GET_NEXT_ID),
	NAME(BPF_ENABLE_STATS), NAME(BPF_ITER_CREATE), NAME(BPF_LINK_DETACH),
	NAME(BPF_PROG_BIND_MAP), NAME(BPF_TOKEN_CREATE),
	NAME(BPF_PROG_STREAM_READ_BY_FD), NAME(BPF_PROG_ASSOC_STRUCT_OPS),
};

long sys_bpf(int cmd, void *attr, unsigned int size)
{
	long ret = syscall(__NR_bpf, cmd, attr, size);

	return ret < 0 ? -errno : ret;
}

unsigned int sys_bpf_attr_size(int cmd)
{
	if (cmd < 0 || (size_t)cmd >= sizeof(attr_end) / sizeof(attr_end[0]))
		return 0;
	return attr_end[cmd];
}

const char *sys_bpf_cmd_name(int cmd)
{
	if (cmd < 0 || (size_t)cmd >= sizeof(cmd_names) / sizeof(cmd_names[0]))
		return NULL;
	return cmd_names[cmd];
}

/*
 * The verifier can return EAGAIN when it is interrupted by a signal; libbpf
 * retries a load a few times, and so do we, boundedly.
 */
static int call(int cmd, union bpf_attr *attr)
{
	unsigned int size = attr_end[cmd];
	int ret, tries = cmd == BPF_PROG_LOAD ? 5 : 1;

	memset((char *)attr + size, 0, sizeof(*attr) - size);
	do
		ret = (int)sys_bpf(cmd, attr, size);
	while (ret == -EAGAIN && --tries);
	return ret;
}

#define BC_DEFINE_WRAPPER(name, cmd)                                         \
	int sys_bpf_##name(union bpf_attr *attr) { return call(cmd, attr); }
BC_WRAPPERS(BC_DEFINE_WRAPPER)
