// SPDX-License-Identifier: GPL-2.0
/*
 * harness/oracle/known.c lists, by name, the members of this build's uapi
 * enums (uapi/bpf_types.h).  The list must name every value below each
 * enum's sentinel and nothing past it (members declared after the sentinel,
 * like BPF_COMMON_ATTRS = 1 << 16, are flags, not values: the oracle skips
 * them in the kernel's enums too).  When tools/gen-uapi.py brings new
 * members, this fails until known.c lists them.
 */
#include "harness/case.h"
#include "harness/oracle/internal.h"

static void check_enum(const char *name, long long sentinel)
{
	size_t n;
	const struct known_member *m = known_enum(name, &n);

	ASSERT_TRUE(m != NULL);
	for (long long v = 0; v < sentinel; v++) {
		int found = 0;

		for (size_t i = 0; i < n; i++)
			found |= m[i].value == v;
		if (!found)
			case_note("%s: value %lld has no name in known.c", name, v);
		EXPECT_TRUE(found);
	}
	for (size_t i = 0; i < n; i++) {
		if (m[i].value >= sentinel || m[i].value < 0)
			case_note("%s: %s = %lld is outside 0..%lld", name, m[i].name,
				  m[i].value, sentinel - 1);
		EXPECT_TRUE(m[i].value >= 0 && m[i].value < sentinel);
	}
}

CASE("unit.oracle.known.lists_match_uapi", NEEDS(UNPRIV))
{
	check_enum("bpf_cmd", __MAX_BPF_CMD);
	check_enum("bpf_prog_type", __MAX_BPF_PROG_TYPE);
	check_enum("bpf_map_type", __MAX_BPF_MAP_TYPE);
	check_enum("bpf_attach_type", __MAX_BPF_ATTACH_TYPE);
	check_enum("bpf_link_type", __MAX_BPF_LINK_TYPE);
	check_enum("bpf_func_id", __BPF_FUNC_MAX_ID);
	ASSERT_TRUE(known_has("bpf_map_type", "BPF_MAP_TYPE_HASH"));
	ASSERT_FALSE(known_has("bpf_map_type", "BPF_MAP_TYPE_NO_SUCH"));
}
