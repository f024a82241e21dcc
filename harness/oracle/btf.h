/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A raw BTF reader, libc only: enough to ask the kernel's own type
 * information which enum members, functions and types it has.
 */
#ifndef BPFCONFORM_BTF_H
#define BPFCONFORM_BTF_H

#include <stddef.h>
#include <stdint.h>

#define BTF_MAGIC 0xeB9F

enum {
	BTF_KIND_UNKN = 0, BTF_KIND_INT, BTF_KIND_PTR, BTF_KIND_ARRAY,
	BTF_KIND_STRUCT, BTF_KIND_UNION, BTF_KIND_ENUM, BTF_KIND_FWD,
	BTF_KIND_TYPEDEF, BTF_KIND_VOLATILE, BTF_KIND_CONST, BTF_KIND_RESTRICT,
	BTF_KIND_FUNC, BTF_KIND_FUNC_PROTO, BTF_KIND_VAR, BTF_KIND_DATASEC,
	BTF_KIND_FLOAT, BTF_KIND_DECL_TAG, BTF_KIND_TYPE_TAG, BTF_KIND_ENUM64,
	BTF_KIND_MAX = BTF_KIND_ENUM64,
};

struct btf_header {
	uint16_t magic;
	uint8_t version;
	uint8_t flags;
	uint32_t hdr_len;
	uint32_t type_off;
	uint32_t type_len;
	uint32_t str_off;
	uint32_t str_len;
};

struct btf_type {
	uint32_t name_off;
	uint32_t info;		/* vlen: 0-15, kind: 24-28, kind_flag: 31 */
	union {
		uint32_t size;
		uint32_t type;
	};
};

#define BTF_INFO_KIND(info) (((info) >> 24) & 0x1f)
#define BTF_INFO_VLEN(info) ((info) & 0xffff)
#define BTF_INFO_KFLAG(info) ((info) >> 31)
#define BTF_INFO(kind, kflag, vlen) \
	((uint32_t)(kflag) << 31 | (uint32_t)(kind) << 24 | (uint32_t)(vlen))

struct btf_enum { uint32_t name_off; int32_t val; };
struct btf_enum64 { uint32_t name_off; uint32_t val_lo32, val_hi32; };
struct btf_member { uint32_t name_off; uint32_t type; uint32_t offset; };
struct btf_param { uint32_t name_off; uint32_t type; };
struct btf_array { uint32_t type, index_type, nelems; };
struct btf_var_secinfo { uint32_t type, offset, size; };

struct btf;

/* Parse a BTF blob (copied).  NULL with a reason in 'err' if malformed. */
struct btf *btf_parse(const void *data, size_t size, char *err, size_t errlen);
/* Read and parse a file ("/sys/kernel/btf/vmlinux"). */
struct btf *btf_load(const char *path, char *err, size_t errlen);
void btf_free(struct btf *btf);

uint32_t btf_count(const struct btf *btf);	/* highest type id */
const struct btf_type *btf_type_by_id(const struct btf *btf, uint32_t id);
const char *btf_name(const struct btf *btf, uint32_t name_off);
/* Type id of 'name' of 'kind' (0: any kind), or -ENOENT. */
long btf_find(const struct btf *btf, const char *name, int kind);
/* Member 'member' of enum 'enum_name' (ENUM or ENUM64): 0 and *val, or -ENOENT. */
int btf_enum_value(const struct btf *btf, const char *enum_name, const char *member,
		   long long *val);
/* Visit each member of enum 'enum_name'; returns the count or -ENOENT. */
int btf_enum_walk(const struct btf *btf, const char *enum_name,
		  void (*cb)(const char *member, long long val, void *ctx), void *ctx);

#endif
