// SPDX-License-Identifier: GPL-2.0
/*
 * harness/btf_build.c: the BTF encoder cases use for map key/value types,
 * spin locks and func_info.  Each blob it builds is read back with the
 * oracle's own BTF reader (harness/oracle/btf.c), which checks the layout
 * record by record: ids, kinds, names, vlen, member offsets, the string
 * section with its leading "" and without duplicates.  No kernel needed.
 */
#include <string.h>

#include "harness/btf_build.h"
#include "harness/case.h"
#include "harness/oracle/btf.h"

static struct btf *reread(struct btf_build *b)
{
	char err[256] = "";
	__u32 size;
	const void *blob = btf_build_blob(b, &size);
	struct btf *btf = btf_parse(blob, size, err, sizeof(err));

	if (!btf)
		case_failed(0, __FILE__, __LINE__, "our blob does not parse: %s", err);
	return btf;
}

CASE("unit.btf_build.empty_blob_header")
{
	struct btf_build *b = btf_build_new();
	__u32 size;
	const struct btf_header *h = btf_build_blob(b, &size);

	ASSERT_EQ(sizeof(*h) + 1, size);	/* header and the empty string */
	ASSERT_EQ(BTF_MAGIC, h->magic);
	ASSERT_EQ(1, h->version);
	ASSERT_EQ(sizeof(*h), h->hdr_len);
	ASSERT_EQ(0, h->type_len);
	ASSERT_EQ(1, h->str_len);
	btf_build_free(b);
}

CASE("unit.btf_build.struct_members_roundtrip")
{
	struct btf_build *b = btf_build_new();
	__u32 u32 = btf_int(b, "u32", 4, 0);
	__u32 st = btf_struct(b, "pair", 8), ptr;
	const struct btf_type *t;
	const struct btf_member *m;
	struct btf *btf;

	btf_member(b, "a", u32, 0);
	btf_member(b, "b", u32, 32);
	ptr = btf_ptr(b, st);
	ASSERT_EQ(1, u32);
	ASSERT_EQ(2, st);
	ASSERT_EQ(3, ptr);
	btf = reread(b);
	ASSERT_EQ(3, btf_count(btf));
	ASSERT_EQ(2, btf_find(btf, "pair", BTF_KIND_STRUCT));
	t = btf_type_by_id(btf, st);
	ASSERT_EQ(BTF_KIND_STRUCT, BTF_INFO_KIND(t->info));
	ASSERT_EQ(2, BTF_INFO_VLEN(t->info));
	ASSERT_EQ(8, t->size);
	m = (const struct btf_member *)(t + 1);
	ASSERT_STREQ("b", btf_name(btf, m[1].name_off));
	ASSERT_EQ(u32, m[1].type);
	ASSERT_EQ(32, m[1].offset);
	t = btf_type_by_id(btf, ptr);
	ASSERT_EQ(BTF_KIND_PTR, BTF_INFO_KIND(t->info));
	ASSERT_EQ(st, t->type);
	btf_free(btf);
	btf_build_free(b);
}

CASE("unit.btf_build.enum_func_var_datasec")
{
	struct btf_build *b = btf_build_new();
	__u32 i32 = btf_int(b, "int", 4, BTF_INT_SIGNED);
	__u32 e = btf_enum(b, "color", 4), proto, fn, var, sec;
	long long val = 0;
	const struct btf_type *t;
	struct btf *btf;

	btf_enumerator(b, "RED", 1);
	btf_enumerator(b, "BLUE", 7);
	proto = btf_func_proto(b, i32);
	btf_param(b, "x", i32);
	fn = btf_func(b, "f", proto, BTF_LINK_GLOBAL);
	var = btf_var(b, "v", i32, BTF_LINK_GLOBAL);
	sec = btf_datasec(b, ".data", 4);
	btf_secinfo(b, var, 0, 4);
	btf = reread(b);
	ASSERT_OK(btf_enum_value(btf, "color", "BLUE", &val));
	ASSERT_EQ(7, val);
	t = btf_type_by_id(btf, e);
	ASSERT_EQ(2, BTF_INFO_VLEN(t->info));
	t = btf_type_by_id(btf, fn);
	ASSERT_EQ(BTF_KIND_FUNC, BTF_INFO_KIND(t->info));
	ASSERT_EQ(BTF_LINK_GLOBAL, BTF_INFO_VLEN(t->info));	/* linkage */
	ASSERT_EQ(proto, t->type);
	t = btf_type_by_id(btf, proto);
	ASSERT_EQ(1, BTF_INFO_VLEN(t->info));
	t = btf_type_by_id(btf, var);
	ASSERT_EQ(BTF_LINK_GLOBAL, *(const __u32 *)(t + 1));
	t = btf_type_by_id(btf, sec);
	ASSERT_EQ(BTF_KIND_DATASEC, BTF_INFO_KIND(t->info));
	ASSERT_EQ(1, BTF_INFO_VLEN(t->info));
	ASSERT_EQ(var, ((const struct btf_var_secinfo *)(t + 1))->type);
	btf_free(btf);
	btf_build_free(b);
}

/* Names are stored once; the section starts with "". */
CASE("unit.btf_build.strings_deduplicated")
{
	struct btf_build *b = btf_build_new();
	__u32 a = btf_str(b, "name"), c = btf_str(b, "other"), a2 = btf_str(b, "name");

	ASSERT_EQ(0, btf_str(b, ""));
	ASSERT_EQ(0, btf_str(b, NULL));
	ASSERT_EQ(1, a);
	ASSERT_EQ(a, a2);
	ASSERT_EQ(6, c);
	btf_build_free(b);
}
