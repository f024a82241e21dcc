/* SPDX-License-Identifier: GPL-2.0 */
/* Building small BTF blobs in tests, record by record (include/uapi/linux/btf.h). */
#ifndef BPFCONFORM_TESTS_ORACLE_BLOB_H
#define BPFCONFORM_TESTS_ORACLE_BLOB_H

#include <string.h>

#include "harness/oracle/btf.h"

struct blob {
	uint32_t types[256];	/* the type section, in words */
	size_t nwords;
	char strs[512];		/* the string section; offset 0 is "" */
	size_t strs_len;
	unsigned char out[4096];	/* header + types + strings */
	size_t size;
};

static inline void blob_init(struct blob *b)
{
	memset(b, 0, sizeof(*b));
	b->strs_len = 1;
}

static inline uint32_t str(struct blob *b, const char *s)
{
	uint32_t off = (uint32_t)b->strs_len;

	memcpy(b->strs + off, s, strlen(s) + 1);
	b->strs_len += strlen(s) + 1;
	return off;
}

static inline void word(struct blob *b, uint32_t w)
{
	b->types[b->nwords++] = w;
}

/* A type record: name, info, size/type. */
static inline void type(struct blob *b, const char *name, int kind, int kflag, int vlen, uint32_t st)
{
	word(b, name ? str(b, name) : 0);
	word(b, BTF_INFO(kind, kflag, vlen));
	word(b, st);
}

static inline const unsigned char *blob_done(struct blob *b)
{
	struct btf_header h = {
		.magic = BTF_MAGIC, .version = 1, .hdr_len = sizeof(h),
		.type_off = 0, .type_len = (uint32_t)(b->nwords * 4),
		.str_off = (uint32_t)(b->nwords * 4), .str_len = (uint32_t)b->strs_len,
	};

	memcpy(b->out, &h, sizeof(h));
	memcpy(b->out + sizeof(h), b->types, b->nwords * 4);
	memcpy(b->out + sizeof(h) + b->nwords * 4, b->strs, b->strs_len);
	b->size = sizeof(h) + b->nwords * 4 + b->strs_len;
	return b->out;
}

#endif
