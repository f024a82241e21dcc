/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Convenience for cases: the common shapes of map, program and object
 * commands, built on the sys_bpf_*() wrappers.  Each returns an fd or 0 on
 * success and -errno on failure, exactly as the wrappers do; none of them
 * skips or hides an errno.
 */
#ifndef BPFCONFORM_OBJECTS_H
#define BPFCONFORM_OBJECTS_H

#include <stddef.h>

#include "../insn/insn.h"
#include "sys_bpf.h"

/* ---- maps ---------------------------------------------------------- */

int map_create(enum bpf_map_type type, __u32 key_size, __u32 value_size,
	       __u32 max_entries, __u32 flags);
int map_update(int fd, const void *key, const void *value, __u64 flags);
int map_lookup(int fd, const void *key, void *value);
int map_lookup_flags(int fd, const void *key, void *value, __u64 flags);
int map_delete(int fd, const void *key);
int map_next_key(int fd, const void *key, void *next_key);
int map_lookup_and_delete(int fd, const void *key, void *value);
int map_freeze(int fd);

/*
 * Give a map a name that programs refer to with BPF_LD_MAP_FD(reg, name).
 * The name belongs to the running case; re-using a name rebinds it.
 * Returns fd, so it can wrap a creation: fd = case_map("m", map_create(...)).
 */
int case_map(const char *name, int fd);

/* ---- programs -------------------------------------------------------- */

struct prog_spec {
	enum bpf_prog_type type;
	enum bpf_attach_type attach;	/* expected_attach_type */
	struct asm_prog insns;		/* PROG(...), or: */
	const struct bpf_insn *raw;	/* already-final instructions */
	size_t raw_cnt;
	const char *license;		/* NULL: "GPL" */
	const char *name;		/* prog_name */
	__u32 prog_flags;
	__u32 attach_btf_id;
	__u32 attach_prog_fd;		/* or attach_btf_obj_fd */
	__u32 prog_ifindex;
	__u32 kern_version;
	__u32 log_level;		/* 0: the harness still keeps a log on failure */
	const int *fd_array;
	__u32 fd_array_cnt;
	int prog_btf_fd;		/* 0: none */
	const void *func_info;
	__u32 func_info_cnt, func_info_rec_size;
};

/*
 * Resolve and load a program.  Returns the fd or -errno.  The instructions
 * and the verifier log are kept, so that a failing assertion about this
 * load prints both (prog_last_log(), prog_last_insns()).
 *
 * An unresolvable program (unknown label or map) is the case's own bug:
 * ERROR, not FAIL.  A program whose opcodes need a newer ISA than the
 * oracle proved the kernel has is a SKIP decided here, by the harness, with
 * the probe's proof: the program's ISA level is a need computed from data.
 */
int prog_load(const struct prog_spec *spec);
/* The verifier log of the last prog_load() in this case ("" if none). */
const char *prog_last_log(void);
/* A program that only returns 'ret' (for attach and lifetime cases). */
int prog_load_trivial(enum bpf_prog_type type, enum bpf_attach_type attach, int ret);

struct test_run {
	const void *data_in;
	__u32 data_size_in;
	void *data_out;
	__u32 data_size_out;	/* in: room; out: bytes written */
	const void *ctx_in;
	__u32 ctx_size_in;
	void *ctx_out;
	__u32 ctx_size_out;
	__u32 repeat;
	__u32 flags;
	__u32 cpu;
	__u32 batch_size;
	/* results */
	__u32 retval;
	__u32 duration;
};
/* BPF_PROG_TEST_RUN; returns 0 or -errno, results in 'run'. */
int prog_test_run(int prog_fd, struct test_run *run);
/* A 64-byte IPv4/UDP packet on Ethernet, large enough for every kernel's
 * minimum (5.10 wants ETH_HLEN; newer ones more for some types). */
extern const unsigned char test_pkt_v4[64];

/* ---- pins and info ----------------------------------------------------- */

int obj_pin(int fd, const char *path);
int obj_get(const char *path, __u32 file_flags);
/* BPF_OBJ_GET_INFO_BY_FD into 'info' of '*len' bytes; '*len' gets what the
 * kernel filled. */
int obj_info(int fd, void *info, __u32 *len);
int prog_info(int fd, struct bpf_prog_info *info);
int map_info(int fd, struct bpf_map_info *info);
int link_info(int fd, struct bpf_link_info *info);

/* ---- attach and links ------------------------------------------------------ */

int prog_attach(int prog_fd, int target_fd, enum bpf_attach_type type, __u32 flags);
int prog_detach(int prog_fd, int target_fd, enum bpf_attach_type type);
int link_create(int prog_fd, int target_fd, enum bpf_attach_type type, __u32 flags);

/* ---- environment ----------------------------------------------------------- */

/* With NEEDS(CGROUP): the case's own cgroup2 directory, and an O_RDONLY fd. */
const char *case_cgroup_path(void);
int case_cgroup_fd(void);
/* With NEEDS(BPFFS): "/sys/fs/bpf/<rest>" in the case's private bpffs. */
const char *bpffs_path(const char *rest);

#endif
