// SPDX-License-Identifier: GPL-2.0
/*
 * BTF is a header, a type section and a string section.  Types are
 * variable-length records numbered from 1; to find one by id we index the
 * start of each record once at parse time.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btf.h"

struct btf {
	char *data;
	size_t size;
	const struct btf_header *hdr;
	const char *strs;
	uint32_t nr;			/* types, id 1..nr */
	const struct btf_type **types;	/* [0] unused (void) */
};

/* Bytes that follow a btf_type record, by kind; -1 for an unknown kind. */
static long extra_size(const struct btf_type *t)
{
	uint32_t vlen = BTF_INFO_VLEN(t->info);

	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT: return 4;
	case BTF_KIND_ARRAY: return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION: return (long)vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM: return (long)vlen * sizeof(struct btf_enum);
	case BTF_KIND_FUNC_PROTO: return (long)vlen * sizeof(struct btf_param);
	case BTF_KIND_VAR: return 4;
	case BTF_KIND_DATASEC: return (long)vlen * sizeof(struct btf_var_secinfo);
	case BTF_KIND_DECL_TAG: return 4;
	case BTF_KIND_ENUM64: return (long)vlen * sizeof(struct btf_enum64);
	case BTF_KIND_PTR: case BTF_KIND_FWD: case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE: case BTF_KIND_CONST: case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC: case BTF_KIND_FLOAT: case BTF_KIND_TYPE_TAG:
		return 0;
	default:
		return -1;
	}
}

/* The name offsets inside a record (enum values, struct members, function
 * parameters) must point into the string section too. */
static int names_ok(const struct btf_type *t, uint32_t str_len)
{
	uint32_t vlen = BTF_INFO_VLEN(t->info);
	const void *p = t + 1;

	for (uint32_t i = 0; i < vlen; i++) {
		uint32_t off;

		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_ENUM: off = ((const struct btf_enum *)p)[i].name_off; break;
		case BTF_KIND_ENUM64: off = ((const struct btf_enum64 *)p)[i].name_off; break;
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION: off = ((const struct btf_member *)p)[i].name_off; break;
		case BTF_KIND_FUNC_PROTO: off = ((const struct btf_param *)p)[i].name_off; break;
		default: return 1;
		}
		if (off >= str_len)
			return 0;
	}
	return 1;
}

struct btf *btf_parse(const void *data, size_t size, char *err, size_t errlen)
{
	struct btf *btf = calloc(1, sizeof(*btf));
	const struct btf_header *h;
	size_t pos, end, cap = 1024;

	btf->data = malloc(size ? size : 1);
	memcpy(btf->data, data, size);
	btf->size = size;
	h = btf->hdr = (const void *)btf->data;
	if (size < sizeof(*h) || h->magic != BTF_MAGIC) {
		snprintf(err, errlen, "not BTF (bad magic)");
		goto bad;
	}
	if (h->version != 1) {
		snprintf(err, errlen, "BTF version %u, this reader knows version 1", h->version);
		goto bad;
	}
	if (h->hdr_len < sizeof(*h) || h->hdr_len > size ||
	    (uint64_t)h->hdr_len + h->type_off + h->type_len > size ||
	    (uint64_t)h->hdr_len + h->str_off + h->str_len > size || !h->str_len ||
	    (h->hdr_len + h->type_off) % 4 || h->type_len % 4) {
		snprintf(err, errlen, "BTF header sections out of bounds");
		goto bad;
	}
	btf->strs = btf->data + h->hdr_len + h->str_off;
	if (btf->strs[h->str_len - 1]) {
		snprintf(err, errlen, "BTF string section not terminated");
		goto bad;
	}
	btf->types = malloc(cap * sizeof(*btf->types));
	btf->types[0] = NULL;
	pos = h->hdr_len + h->type_off;
	end = pos + h->type_len;
	while (pos < end) {
		const struct btf_type *t = (const void *)(btf->data + pos);
		long extra;

		if (pos + sizeof(*t) > end) {
			snprintf(err, errlen, "BTF type %u truncated", btf->nr + 1);
			goto bad;
		}
		extra = extra_size(t);
		if (extra < 0 || pos + sizeof(*t) + (size_t)extra > end) {
			snprintf(err, errlen, "BTF type %u: bad kind %u or truncated",
				 btf->nr + 1, BTF_INFO_KIND(t->info));
			goto bad;
		}
		if (t->name_off >= h->str_len) {
			snprintf(err, errlen, "BTF type %u: name offset out of bounds", btf->nr + 1);
			goto bad;
		}
		if (!names_ok(t, h->str_len)) {
			snprintf(err, errlen, "BTF type %u: a member's name offset is out of bounds",
				 btf->nr + 1);
			goto bad;
		}
		if (btf->nr + 1 >= cap) {
			cap *= 2;
			btf->types = realloc(btf->types, cap * sizeof(*btf->types));
		}
		btf->types[++btf->nr] = t;
		pos += sizeof(*t) + (size_t)extra;
	}
	return btf;
bad:
	btf_free(btf);
	return NULL;
}

struct btf *btf_load(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 20, len = 0, n;
	char *buf;
	struct btf *btf;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = malloc(cap);
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	btf = btf_parse(buf, len, err, errlen);
	free(buf);
	return btf;
}

void btf_free(struct btf *btf)
{
	if (!btf)
		return;
	free(btf->types);
	free(btf->data);
	free(btf);
}

uint32_t btf_count(const struct btf *btf)
{
	return btf->nr;
}

const struct btf_type *btf_type_by_id(const struct btf *btf, uint32_t id)
{
	return id && id <= btf->nr ? btf->types[id] : NULL;
}

const char *btf_name(const struct btf *btf, uint32_t name_off)
{
	return name_off < btf->hdr->str_len ? btf->strs + name_off : "";
}

long btf_find(const struct btf *btf, const char *name, int kind)
{
	for (uint32_t id = 1; id <= btf->nr; id++) {
		const struct btf_type *t = btf->types[id];

		if (kind && (int)BTF_INFO_KIND(t->info) != kind)
			continue;
		if (!strcmp(btf_name(btf, t->name_off), name))
			return id;
	}
	return -ENOENT;
}

static const struct btf_type *find_enum(const struct btf *btf, const char *name)
{
	for (uint32_t id = 1; id <= btf->nr; id++) {
		const struct btf_type *t = btf->types[id];
		int k = BTF_INFO_KIND(t->info);

		if ((k == BTF_KIND_ENUM || k == BTF_KIND_ENUM64) &&
		    !strcmp(btf_name(btf, t->name_off), name))
			return t;
	}
	return NULL;
}

int btf_enum_walk(const struct btf *btf, const char *enum_name,
		  void (*cb)(const char *member, long long val, void *ctx), void *ctx)
{
	const struct btf_type *t = find_enum(btf, enum_name);
	uint32_t vlen;

	if (!t)
		return -ENOENT;
	vlen = BTF_INFO_VLEN(t->info);
	if (BTF_INFO_KIND(t->info) == BTF_KIND_ENUM) {
		const struct btf_enum *e = (const void *)(t + 1);

		for (uint32_t i = 0; i < vlen; i++) {
			/* kind_flag set: signed values; else unsigned 32-bit */
			long long v = BTF_INFO_KFLAG(t->info) ? (long long)e[i].val
							      : (long long)(uint32_t)e[i].val;
			cb(btf_name(btf, e[i].name_off), v, ctx);
		}
	} else {
		const struct btf_enum64 *e = (const void *)(t + 1);

		for (uint32_t i = 0; i < vlen; i++)
			cb(btf_name(btf, e[i].name_off),
			   (long long)((uint64_t)e[i].val_hi32 << 32 | e[i].val_lo32), ctx);
	}
	return (int)vlen;
}

struct lookup {
	const char *member;
	long long val;
	int found;
};

static void match(const char *member, long long val, void *ctx)
{
	struct lookup *l = ctx;

	if (!l->found && !strcmp(member, l->member)) {
		l->val = val;
		l->found = 1;
	}
}

int btf_enum_value(const struct btf *btf, const char *enum_name, const char *member,
		   long long *val)
{
	struct lookup l = { member, 0, 0 };

	if (btf_enum_walk(btf, enum_name, match, &l) < 0 || !l.found)
		return -ENOENT;
	*val = l.val;
	return 0;
}
