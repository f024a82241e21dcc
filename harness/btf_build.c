// SPDX-License-Identifier: GPL-2.0
/* A small BTF encoder; see btf_build.h. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "btf_build.h"
#include "case.h"
#include "sys_bpf.h"

struct btf_build {
	unsigned char *types;	/* type section */
	size_t types_len, types_cap;
	char *strs;		/* string section, starts with "" */
	size_t strs_len, strs_cap;
	unsigned char *blob;	/* header + types + strings, rebuilt on demand */
	__u32 ntypes;
	size_t last_off;	/* offset of the last type's btf_type */
	int last_kind;		/* its kind, for members */
};

#define BUILD_BUG(...) case_error(__FILE__, __LINE__, __VA_ARGS__)

static void *grow(void *p, size_t *cap, size_t need)
{
	size_t c = *cap ? *cap : 256;

	if (need <= *cap)
		return p;
	while (c < need)
		c *= 2;
	p = realloc(p, c);
	if (!p)
		BUILD_BUG("btf_build: out of memory");
	*cap = c;
	return p;
}

struct btf_build *btf_build_new(void)
{
	struct btf_build *b = calloc(1, sizeof(*b));

	if (!b)
		BUILD_BUG("btf_build: out of memory");
	b->strs = grow(NULL, &b->strs_cap, 1);
	b->strs[0] = 0;
	b->strs_len = 1;
	b->last_kind = -1;
	return b;
}

void btf_build_free(struct btf_build *b)
{
	if (!b)
		return;
	free(b->types);
	free(b->strs);
	free(b->blob);
	free(b);
}

__u32 btf_str(struct btf_build *b, const char *name)
{
	size_t len, off = 0;

	if (!name || !*name)
		return 0;
	len = strlen(name) + 1;
	/* Deduplicate: whole strings only. */
	while (off < b->strs_len) {
		if (!strcmp(b->strs + off, name))
			return (__u32)off;
		off += strlen(b->strs + off) + 1;
	}
	b->strs = grow(b->strs, &b->strs_cap, b->strs_len + len);
	memcpy(b->strs + b->strs_len, name, len);
	off = b->strs_len;
	b->strs_len += len;
	return (__u32)off;
}

static void append(struct btf_build *b, const void *data, size_t len)
{
	b->types = grow(b->types, &b->types_cap, b->types_len + len);
	memcpy(b->types + b->types_len, data, len);
	b->types_len += len;
}

__u32 btf_raw(struct btf_build *b, __u32 name_off, __u32 info, __u32 size_or_type,
	      const void *extra, size_t extra_len)
{
	struct btf_type t = { .name_off = name_off, .info = info, .size = size_or_type };

	b->last_off = b->types_len;
	b->last_kind = (int)BTF_INFO_KIND(info);
	append(b, &t, sizeof(t));
	if (extra_len)
		append(b, extra, extra_len);
	return ++b->ntypes;
}

static __u32 add(struct btf_build *b, const char *name, int kind, __u32 size_or_type,
		 const void *extra, size_t extra_len)
{
	return btf_raw(b, btf_str(b, name), BTF_INFO(kind, 0, 0), size_or_type, extra,
		       extra_len);
}

/* Append one member record to the last type, which must be of 'kind'
 * (or 'kind2'), and count it in the type's vlen. */
static void add_member(struct btf_build *b, int kind, int kind2, const void *rec,
		       size_t len)
{
	struct btf_type *t;

	if (b->last_kind != kind && b->last_kind != kind2)
		BUILD_BUG("btf_build: member added to a type of kind %d", b->last_kind);
	append(b, rec, len);
	t = (struct btf_type *)(b->types + b->last_off);
	if (BTF_INFO_VLEN(t->info) == 0xffff)
		BUILD_BUG("btf_build: too many members");
	t->info++;
}

__u32 btf_int(struct btf_build *b, const char *name, __u32 size, __u32 encoding)
{
	__u32 extra = encoding << 24 | size * 8;	/* encoding, offset 0, bits */

	return add(b, name, BTF_KIND_INT, size, &extra, sizeof(extra));
}

__u32 btf_ptr(struct btf_build *b, __u32 type)
{
	return add(b, NULL, BTF_KIND_PTR, type, NULL, 0);
}

__u32 btf_array(struct btf_build *b, __u32 elem_type, __u32 index_type, __u32 nelems)
{
	struct btf_array a = { .type = elem_type, .index_type = index_type, .nelems = nelems };

	return add(b, NULL, BTF_KIND_ARRAY, 0, &a, sizeof(a));
}

__u32 btf_typedef(struct btf_build *b, const char *name, __u32 type)
{
	return add(b, name, BTF_KIND_TYPEDEF, type, NULL, 0);
}

__u32 btf_modifier(struct btf_build *b, int kind, __u32 type)
{
	return add(b, NULL, kind, type, NULL, 0);
}

__u32 btf_struct(struct btf_build *b, const char *name, __u32 size)
{
	return add(b, name, BTF_KIND_STRUCT, size, NULL, 0);
}

__u32 btf_union(struct btf_build *b, const char *name, __u32 size)
{
	return add(b, name, BTF_KIND_UNION, size, NULL, 0);
}

void btf_member(struct btf_build *b, const char *name, __u32 type, __u32 bit_offset)
{
	struct btf_member m = { .name_off = btf_str(b, name), .type = type,
				.offset = bit_offset };

	add_member(b, BTF_KIND_STRUCT, BTF_KIND_UNION, &m, sizeof(m));
}

__u32 btf_enum(struct btf_build *b, const char *name, __u32 size)
{
	return add(b, name, BTF_KIND_ENUM, size, NULL, 0);
}

void btf_enumerator(struct btf_build *b, const char *name, __s32 val)
{
	struct btf_enum e = { .name_off = btf_str(b, name), .val = val };

	add_member(b, BTF_KIND_ENUM, BTF_KIND_ENUM, &e, sizeof(e));
}

__u32 btf_func_proto(struct btf_build *b, __u32 ret)
{
	return add(b, NULL, BTF_KIND_FUNC_PROTO, ret, NULL, 0);
}

void btf_param(struct btf_build *b, const char *name, __u32 type)
{
	struct btf_param p = { .name_off = btf_str(b, name), .type = type };

	add_member(b, BTF_KIND_FUNC_PROTO, BTF_KIND_FUNC_PROTO, &p, sizeof(p));
}

__u32 btf_func(struct btf_build *b, const char *name, __u32 proto, __u32 linkage)
{
	/* A FUNC's linkage is its vlen. */
	return btf_raw(b, btf_str(b, name), BTF_INFO(BTF_KIND_FUNC, 0, linkage), proto,
		       NULL, 0);
}

__u32 btf_var(struct btf_build *b, const char *name, __u32 type, __u32 linkage)
{
	return add(b, name, BTF_KIND_VAR, type, &linkage, sizeof(linkage));
}

__u32 btf_datasec(struct btf_build *b, const char *name, __u32 size)
{
	return add(b, name, BTF_KIND_DATASEC, size, NULL, 0);
}

void btf_secinfo(struct btf_build *b, __u32 var, __u32 offset, __u32 size)
{
	struct btf_var_secinfo s = { .type = var, .offset = offset, .size = size };

	add_member(b, BTF_KIND_DATASEC, BTF_KIND_DATASEC, &s, sizeof(s));
}

const void *btf_build_blob(struct btf_build *b, __u32 *size)
{
	struct btf_header h = {
		.magic = BTF_MAGIC, .version = 1, .hdr_len = sizeof(h),
		.type_off = 0, .type_len = (__u32)b->types_len,
		.str_off = (__u32)b->types_len, .str_len = (__u32)b->strs_len,
	};
	size_t total = sizeof(h) + b->types_len + b->strs_len;

	free(b->blob);
	b->blob = malloc(total);
	if (!b->blob)
		BUILD_BUG("btf_build: out of memory");
	memcpy(b->blob, &h, sizeof(h));
	if (b->types_len)
		memcpy(b->blob + sizeof(h), b->types, b->types_len);
	memcpy(b->blob + sizeof(h) + b->types_len, b->strs, b->strs_len);
	*size = (__u32)total;
	return b->blob;
}

#define BTF_LOG_SIZE (64U << 10)

int btf_build_load(struct btf_build *b)
{
	union bpf_attr attr;
	__u32 size;
	const void *blob = btf_build_blob(b, &size);
	char *log;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.btf = (__u64)(unsigned long)blob;
	attr.btf_size = size;
	fd = sys_bpf_btf_load(&attr);
	if (fd >= 0)
		return fd;
	/* Load again with a log, so a failing case can say why. */
	log = calloc(1, BTF_LOG_SIZE);
	if (log) {
		memset(&attr, 0, sizeof(attr));
		attr.btf = (__u64)(unsigned long)blob;
		attr.btf_size = size;
		attr.btf_log_buf = (__u64)(unsigned long)log;
		attr.btf_log_size = BTF_LOG_SIZE;
		attr.btf_log_level = 1;
		int again = sys_bpf_btf_load(&attr);

		if (again >= 0) {
			close(again);
			case_note("note: BTF_LOAD succeeded when retried with a log");
		} else if (*log) {
			case_note("BTF log: %s", log);
		}
		free(log);
	}
	return fd;
}
