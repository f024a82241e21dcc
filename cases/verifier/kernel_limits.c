// SPDX-License-Identifier: GPL-2.0
/* Array lengths from the running kernel's BTF (kernel_limits.h). */
#include <string.h>

#include "harness/oracle/btf.h"
#include "kernel_limits.h"

static const struct btf_type *skip_mods(const struct btf *btf, uint32_t id)
{
	const struct btf_type *t = btf_type_by_id(btf, id);

	while (t && (BTF_INFO_KIND(t->info) == BTF_KIND_TYPEDEF ||
		     BTF_INFO_KIND(t->info) == BTF_KIND_CONST ||
		     BTF_INFO_KIND(t->info) == BTF_KIND_VOLATILE))
		t = btf_type_by_id(btf, t->type);
	return t;
}

unsigned kernel_array_len(const char *name, const char *member, const char **why)
{
	static struct btf *btf;
	static char err[256];
	const struct btf_type *t;
	const struct btf_member *m;
	long id;

	if (!btf)
		btf = btf_load("/sys/kernel/btf/vmlinux", err, sizeof(err));
	if (!btf) {
		*why = err;
		return 0;
	}
	id = btf_find(btf, name, BTF_KIND_STRUCT);
	if (id < 0) {
		*why = "kernel BTF has no such struct";
		return 0;
	}
	t = btf_type_by_id(btf, (uint32_t)id);
	m = (const struct btf_member *)(t + 1);
	for (uint32_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		const struct btf_type *mt;

		if (strcmp(btf_name(btf, m[i].name_off), member))
			continue;
		mt = skip_mods(btf, m[i].type);
		if (!mt || BTF_INFO_KIND(mt->info) != BTF_KIND_ARRAY) {
			*why = "the member is not an array";
			return 0;
		}
		return ((const struct btf_array *)(mt + 1))->nelems;
	}
	*why = "kernel BTF: the struct has no such member";
	return 0;
}
