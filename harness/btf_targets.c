// SPDX-License-Identifier: GPL-2.0
/* Struct members in the running kernel's BTF: see btf_targets.h. */
#include <errno.h>
#include <string.h>

#include "btf_targets.h"
#include "oracle.h"
#include "oracle/btf.h"

static const struct btf *kernel_btf(void)
{
	return oracle_vmlinux_btf();
}

static const struct btf_member *members(const struct btf_type *t)
{
	return (const struct btf_member *)(t + 1);
}

static int is_composite(const struct btf_type *t)
{
	int k = BTF_INFO_KIND(t->info);

	return k == BTF_KIND_STRUCT || k == BTF_KIND_UNION;
}

int btf_member_index(const char *struct_name, const char *member)
{
	const struct btf *btf = kernel_btf();
	const struct btf_type *t;
	long id;

	if (!btf)
		return -ENOENT;
	id = btf_find(btf, struct_name, BTF_KIND_STRUCT);
	if (id < 0)
		return -ENOENT;
	t = btf_type_by_id(btf, (uint32_t)id);
	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++)
		if (!strcmp(btf_name(btf, members(t)[i].name_off), member))
			return (int)i;
	return -ENOENT;
}

/* Skip typedefs and modifiers to the type they name. */
static const struct btf_type *resolve(const struct btf *btf, uint32_t id)
{
	const struct btf_type *t = btf_type_by_id(btf, id);

	for (int depth = 0; t && depth < 32; depth++) {
		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_TYPEDEF: case BTF_KIND_VOLATILE: case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT: case BTF_KIND_TYPE_TAG:
			t = btf_type_by_id(btf, t->type);
			continue;
		}
		return t;
	}
	return t;
}

static int has_member(const struct btf *btf, const struct btf_type *t, const char *member,
		      int depth)
{
	if (depth > 8)
		return 0;
	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		const struct btf_member *m = &members(t)[i];
		const char *name = btf_name(btf, m->name_off);
		const struct btf_type *mt;

		if (name && *name) {
			if (!strcmp(name, member))
				return 1;
			continue;
		}
		mt = resolve(btf, m->type);
		if (mt && is_composite(mt) && has_member(btf, mt, member, depth + 1))
			return 1;
	}
	return 0;
}

int btf_has_member(const char *name, const char *member)
{
	const struct btf *btf = kernel_btf();
	long id;

	if (!btf)
		return -ENOENT;
	id = btf_find(btf, name, BTF_KIND_STRUCT);
	if (id < 0)
		id = btf_find(btf, name, BTF_KIND_UNION);
	if (id < 0)
		return -ENOENT;
	return has_member(btf, btf_type_by_id(btf, (uint32_t)id), member, 0);
}
