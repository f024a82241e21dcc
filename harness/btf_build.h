/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small BTF encoder: build a type section and its strings in memory, then
 * load it with BPF_BTF_LOAD.  For cases that need BTF of their own (map
 * key/value types, spin locks, func_info, struct_ops values, datasecs).
 *
 *	struct btf_build *b = btf_build_new();
 *	__u32 u32  = btf_int(b, "u32", 4, 0);
 *	__u32 lock = btf_struct(b, "bpf_spin_lock", 4);
 *	btf_member(b, "val", u32, 0);
 *	__u32 val  = btf_struct(b, "val", 8);
 *	btf_member(b, "lock", lock, 0);
 *	btf_member(b, "cnt", u32, 32);
 *	int fd = btf_build_load(b);		// fd or -errno
 *	btf_build_free(b);
 *
 * Every type constructor returns the new type's id (ids start at 1; 0 is
 * void).  Types with members (struct, union, enum, func_proto, datasec) are
 * built by a constructor followed by one call per member; members always
 * go to the type created last, and adding one to a type of another kind is
 * the case's own bug (ERROR).  Member offsets are in bits, datasec offsets
 * in bytes, as in the kernel's format.  Strings are deduplicated; NULL or
 * "" is the empty name.
 *
 * Nothing here checks what the kernel checks: a case may build malformed
 * BTF on purpose and expect BTF_LOAD to refuse it.  Raw access to the blob
 * (btf_build_blob()) lets a case corrupt the header or sections too.
 */
#ifndef BPFCONFORM_BTF_BUILD_H
#define BPFCONFORM_BTF_BUILD_H

#include <stddef.h>

#include "../uapi/bpf.h"
#include "oracle/btf.h"

/* BTF_INT encoding bits (the top byte of the int's extra word). */
#define BTF_INT_SIGNED	(1 << 0)
#define BTF_INT_CHAR	(1 << 1)
#define BTF_INT_BOOL	(1 << 2)

/* Linkage of FUNC and VAR types. */
enum { BTF_LINK_STATIC = 0, BTF_LINK_GLOBAL = 1, BTF_LINK_EXTERN = 2 };

struct btf_build;

struct btf_build *btf_build_new(void);
void btf_build_free(struct btf_build *b);

/* The offset of 'name' in the string section (added if new). */
__u32 btf_str(struct btf_build *b, const char *name);

/* INT of 'size' bytes (1, 2, 4, 8, 16), 'encoding' BTF_INT_* bits. */
__u32 btf_int(struct btf_build *b, const char *name, __u32 size, __u32 encoding);
__u32 btf_ptr(struct btf_build *b, __u32 type);
__u32 btf_array(struct btf_build *b, __u32 elem_type, __u32 index_type, __u32 nelems);
__u32 btf_typedef(struct btf_build *b, const char *name, __u32 type);
/* A modifier: BTF_KIND_CONST, BTF_KIND_VOLATILE or BTF_KIND_RESTRICT. */
__u32 btf_modifier(struct btf_build *b, int kind, __u32 type);

/* STRUCT/UNION of 'size' bytes; then btf_member() per member. */
__u32 btf_struct(struct btf_build *b, const char *name, __u32 size);
__u32 btf_union(struct btf_build *b, const char *name, __u32 size);
void btf_member(struct btf_build *b, const char *name, __u32 type, __u32 bit_offset);

/* ENUM of 'size' bytes (4 unless testing sizes); then btf_enumerator().
 * The kind_flag stays 0 (unsigned): kernels before 6.0 refuse it set. */
__u32 btf_enum(struct btf_build *b, const char *name, __u32 size);
void btf_enumerator(struct btf_build *b, const char *name, __s32 val);

/* FUNC_PROTO returning 'ret' (0: void); then btf_param() per argument. */
__u32 btf_func_proto(struct btf_build *b, __u32 ret);
void btf_param(struct btf_build *b, const char *name, __u32 type);
/* FUNC 'name' of prototype 'proto', BTF_LINK_* linkage. */
__u32 btf_func(struct btf_build *b, const char *name, __u32 proto, __u32 linkage);

/* VAR of 'type', BTF_LINK_* linkage. */
__u32 btf_var(struct btf_build *b, const char *name, __u32 type, __u32 linkage);
/* DATASEC of 'size' bytes; then btf_secinfo() per variable (byte offsets). */
__u32 btf_datasec(struct btf_build *b, const char *name, __u32 size);
void btf_secinfo(struct btf_build *b, __u32 var, __u32 offset, __u32 size);

/* A raw type record, for kinds and shapes the constructors do not make
 * (malformed on purpose): 'extra' is appended after the btf_type. */
__u32 btf_raw(struct btf_build *b, __u32 name_off, __u32 info, __u32 size_or_type,
	      const void *extra, size_t extra_len);

/* The whole blob: header, types, strings.  Valid until the next change. */
const void *btf_build_blob(struct btf_build *b, __u32 *size);

/*
 * BPF_BTF_LOAD of the blob; returns the fd or -errno.  On failure the load
 * is repeated with a log, and the log becomes a case_note() (printed only
 * if the case fails), as prog_load() does for the verifier log.
 */
int btf_build_load(struct btf_build *b);

#endif
