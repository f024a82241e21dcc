/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `bpfconform coverage`: what the cases exercise, computed from their NEEDS
 * against the values the running kernel declares.  The enum sections
 * (commands, program/map/attach/link types, helpers) are built in; other
 * areas add a section of their own where they live:
 *
 *	static void isa_section(struct coverage_out *out) { ... }
 *	COVERAGE_SECTION("isa", isa_section);
 *
 * A section reports rows (a value and the number of cases exercising it)
 * through coverage_row(); the command prints them readably or as JSON and
 * lists the rows whose count is 0 as uncovered.
 */
#ifndef BPFCONFORM_COVERAGE_H
#define BPFCONFORM_COVERAGE_H

struct coverage_out;

/* One row: 'what' (e.g. "BPF_MAP_TYPE_ARRAY", "alu64 add k") exercised by
 * 'cases' cases. */
void coverage_row(struct coverage_out *out, const char *what, unsigned cases);

struct coverage_section {
	const char *name;
	void (*fn)(struct coverage_out *out);
};

#define COVERAGE_SECTION(NAME, FN)                                           \
	static const struct coverage_section coverage_section_##FN = { NAME, FN }; \
	static const struct coverage_section *const coverage_sectionp_##FN   \
		__attribute__((used, section("bc_coverage"))) = &coverage_section_##FN

#endif
