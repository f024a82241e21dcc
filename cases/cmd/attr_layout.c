// SPDX-License-Identifier: GPL-2.0
/* union bpf_attr as the running kernel's BTF describes it (attr_layout.h). */
#include <string.h>

#include "harness/oracle.h"
#include "harness/oracle/btf.h"
#include "attr_layout.h"

static const struct btf *kernel_btf(const char **why)
{
	const struct btf *btf = oracle_vmlinux_btf();

	if (!btf)
		*why = "the oracle has no kernel BTF";
	return btf;
}

/* Skip typedefs and qualifiers. */
static const struct btf_type *resolve(const struct btf *btf, uint32_t id)
{
	const struct btf_type *t = btf_type_by_id(btf, id);

	while (t) {
		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_TYPE_TAG:
			t = btf_type_by_id(btf, t->type);
			continue;
		}
		break;
	}
	return t;
}

static long type_size(const struct btf *btf, uint32_t id)
{
	const struct btf_type *t = resolve(btf, id);

	if (!t)
		return -1;
	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT: case BTF_KIND_STRUCT: case BTF_KIND_UNION:
	case BTF_KIND_ENUM: case BTF_KIND_ENUM64: case BTF_KIND_FLOAT:
		return t->size;
	case BTF_KIND_PTR:
		return sizeof(void *);
	case BTF_KIND_ARRAY: {
		const struct btf_array *a = (const void *)(t + 1);
		long elem = type_size(btf, a->type);

		return elem < 0 ? -1 : elem * (long)a->nelems;
	}
	}
	return -1;
}

static const struct btf_member *members(const struct btf_type *t)
{
	return (const struct btf_member *)(t + 1);
}

static int is_composite(const struct btf_type *t)
{
	return t && (BTF_INFO_KIND(t->info) == BTF_KIND_STRUCT ||
		     BTF_INFO_KIND(t->info) == BTF_KIND_UNION);
}

/* Bit offset of a member (kind_flag structs keep a bitfield size on top). */
static uint32_t member_bits(const struct btf_type *t, const struct btf_member *m)
{
	return BTF_INFO_KFLAG(t->info) ? (m->offset & 0xffffff) : m->offset;
}

/* Does 't' hold a member 'name', directly or in a nested anonymous member? */
static int holds(const struct btf *btf, const struct btf_type *t, const char *name)
{
	const struct btf_member *m = members(t);

	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		const char *mn = btf_name(btf, m[i].name_off);
		const struct btf_type *mt = resolve(btf, m[i].type);

		if (mn && *mn && !strcmp(mn, name))
			return 1;
		if ((!mn || !*mn) && is_composite(mt) && holds(btf, mt, name))
			return 1;
	}
	return 0;
}

/* Byte offset past the end of the last member of 't'. */
static long members_end(const struct btf *btf, const struct btf_type *t)
{
	const struct btf_member *m = members(t);
	long end = 0;

	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		long sz = type_size(btf, m[i].type);
		long e;

		if (sz < 0)
			return -1;
		e = member_bits(t, &m[i]) / 8 + sz;
		if (e > end)
			end = e;
	}
	return end;
}

static const struct btf_type *attr_union(const char **why)
{
	const struct btf *btf = kernel_btf(why);
	long id;

	if (!btf)
		return NULL;
	id = btf_find(btf, "bpf_attr", BTF_KIND_UNION);
	if (id < 0) {
		*why = "kernel BTF has no union bpf_attr";
		return NULL;
	}
	return btf_type_by_id(btf, (uint32_t)id);
}

unsigned attr_kernel_size(const char **why)
{
	const struct btf_type *u = attr_union(why);

	return u ? u->size : 0;
}

unsigned attr_struct_end(const char *field, const char **why)
{
	const struct btf_type *u = attr_union(why);
	const struct btf *vmlinux = oracle_vmlinux_btf();
	const struct btf_member *m;

	if (!u)
		return 0;
	m = members(u);
	for (uint32_t i = 0; i < BTF_INFO_VLEN(u->info); i++) {
		const char *mn = btf_name(vmlinux, m[i].name_off);
		const struct btf_type *mt = resolve(vmlinux, m[i].type);
		long end;

		if (!is_composite(mt))
			continue;
		if (!(mn && *mn && !strcmp(mn, field)) &&
		    !((!mn || !*mn) && holds(vmlinux, mt, field)))
			continue;
		end = members_end(vmlinux, mt);
		if (end <= 0) {
			*why = "kernel BTF: a member of union bpf_attr has no size";
			return 0;
		}
		return (unsigned)(member_bits(u, &m[i]) / 8 + end);
	}
	*why = "kernel BTF: no member of union bpf_attr holds that field";
	return 0;
}
