/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One wrapper per bpf() command, all of the same shape (as libbpf's
 * src/bpf.c): zero the part of 'attr' past the command's last field, call
 * the syscall with the size up to that field, return the fd or 0 on
 * success and -errno on failure.  Fields the command writes back (retval,
 * next_id, count, log_true_size, ...) are in 'attr' afterwards.
 *
 * The size sent is that of our uapi copy (the newest kernel's): an older
 * kernel accepts a larger attr as long as the bytes past its own are zero.
 *
 * sys_bpf() is the only place in the project that calls syscall(__NR_bpf).
 * Cases about malformed attrs (size, tails) call it directly.
 */
#ifndef BPFCONFORM_SYS_BPF_H
#define BPFCONFORM_SYS_BPF_H

#include <stddef.h>

#include "../uapi/bpf.h"

/* The raw call: returns the syscall's value or -errno. */
long sys_bpf(int cmd, void *attr, unsigned int size);

/* Size of the attr up to and including command 'cmd''s last field;
 * 0 for a command this build does not know. */
unsigned int sys_bpf_attr_size(int cmd);
/* "BPF_MAP_CREATE" for BPF_MAP_CREATE; NULL if unknown. */
const char *sys_bpf_cmd_name(int cmd);

#define BC_WRAPPERS(X)                                                       \
	X(map_create, BPF_MAP_CREATE)                                        \
	X(map_lookup_elem, BPF_MAP_LOOKUP_ELEM)                              \
	X(map_update_elem, BPF_MAP_UPDATE_ELEM)                              \
	X(map_delete_elem, BPF_MAP_DELETE_ELEM)                              \
	X(map_get_next_key, BPF_MAP_GET_NEXT_KEY)                            \
	X(prog_load, BPF_PROG_LOAD)                                          \
	X(obj_pin, BPF_OBJ_PIN)                                              \
	X(obj_get, BPF_OBJ_GET)                                              \
	X(prog_attach, BPF_PROG_ATTACH)                                      \
	X(prog_detach, BPF_PROG_DETACH)                                      \
	X(prog_test_run, BPF_PROG_TEST_RUN)                                  \
	X(prog_get_next_id, BPF_PROG_GET_NEXT_ID)                            \
	X(map_get_next_id, BPF_MAP_GET_NEXT_ID)                              \
	X(prog_get_fd_by_id, BPF_PROG_GET_FD_BY_ID)                          \
	X(map_get_fd_by_id, BPF_MAP_GET_FD_BY_ID)                            \
	X(obj_get_info_by_fd, BPF_OBJ_GET_INFO_BY_FD)                        \
	X(prog_query, BPF_PROG_QUERY)                                        \
	X(raw_tracepoint_open, BPF_RAW_TRACEPOINT_OPEN)                      \
	X(btf_load, BPF_BTF_LOAD)                                            \
	X(btf_get_fd_by_id, BPF_BTF_GET_FD_BY_ID)                            \
	X(task_fd_query, BPF_TASK_FD_QUERY)                                  \
	X(map_lookup_and_delete_elem, BPF_MAP_LOOKUP_AND_DELETE_ELEM)        \
	X(map_freeze, BPF_MAP_FREEZE)                                        \
	X(btf_get_next_id, BPF_BTF_GET_NEXT_ID)                              \
	X(map_lookup_batch, BPF_MAP_LOOKUP_BATCH)                            \
	X(map_lookup_and_delete_batch, BPF_MAP_LOOKUP_AND_DELETE_BATCH)      \
	X(map_update_batch, BPF_MAP_UPDATE_BATCH)                            \
	X(map_delete_batch, BPF_MAP_DELETE_BATCH)                            \
	X(link_create, BPF_LINK_CREATE)                                      \
	X(link_update, BPF_LINK_UPDATE)                                      \
	X(link_get_fd_by_id, BPF_LINK_GET_FD_BY_ID)                          \
	X(link_get_next_id, BPF_LINK_GET_NEXT_ID)                            \
	X(enable_stats, BPF_ENABLE_STATS)                                    \
	X(iter_create, BPF_ITER_CREATE)                                      \
	X(link_detach, BPF_LINK_DETACH)                                      \
	X(prog_bind_map, BPF_PROG_BIND_MAP)                                  \
	X(token_create, BPF_TOKEN_CREATE)                                    \
	X(prog_stream_read_by_fd, BPF_PROG_STREAM_READ_BY_FD)                \
	X(prog_assoc_struct_ops, BPF_PROG_ASSOC_STRUCT_OPS)

#define BC_DECLARE_WRAPPER(name, cmd) int sys_bpf_##name(union bpf_attr *attr);
BC_WRAPPERS(BC_DECLARE_WRAPPER)
#undef BC_DECLARE_WRAPPER

/* The number of commands this build knows (for tables over all commands). */
#define SYS_BPF_NR_CMDS __MAX_BPF_CMD

#endif
