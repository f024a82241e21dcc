// SPDX-License-Identifier: GPL-2.0
/*
 * `bpfconform coverage [--json] [--fail-uncovered]`: for each value of the
 * running kernel's enums, how many registered cases name it in their NEEDS
 * (the declaration the oracle decides SKIP from), and which values no case
 * names.  Computed from the case table and the kernel's BTF, never written
 * by hand.
 *
 * What is counted:
 *   - Values, not names: aliases (BPF_PROG_RUN = BPF_PROG_TEST_RUN, the
 *     _DEPRECATED cgroup storage names) are one row, named by the first
 *     member the kernel declares, with the others listed.
 *   - Sentinels (__MAX_BPF_CMD, __BPF_FUNC_MAX_ID) are not values.  UNSPEC
 *     members (BPF_PROG_TYPE_UNSPEC, BPF_MAP_TYPE_UNSPEC, ...) are: they are
 *     real values the kernel must reject, and a case that checks the
 *     rejection (NEEDS(MAP(UNSPEC))) covers them.  BPF_LINK_TYPE_UNSPEC is
 *     the exception: link types are output only and no link has it.
 *   - A case counts once per value however often it names it.
 *   - Needs naming a member the kernel does not declare (a newer kernel's
 *     feature) are listed apart: they cover nothing here.
 * The helper section (enum bpf_func_id) is informational: --fail-uncovered
 * looks only at commands and program, map, attach and link types.
 * Without kernel BTF the values come from this build's uapi copy, and the
 * report says so.
 *
 * Areas add sections of their own with COVERAGE_SECTION() (coverage.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "coverage.h"
#include "json.h"
#include "oracle.h"
#include "oracle/internal.h"
#include "registry.h"

extern const struct coverage_section *const __start_bc_coverage[] __attribute__((weak));
extern const struct coverage_section *const __stop_bc_coverage[] __attribute__((weak));

struct row {
	char *what;		/* first member name, or the section's label */
	char *aliases;		/* other names of the same value, or NULL */
	long long value;
	int has_value;
	unsigned cases;
};

struct coverage_out {
	const char *name;
	const char *title;
	int enforced;		/* counts for --fail-uncovered */
	struct row *rows;
	size_t n, cap;
	/* needs naming members the kernel does not declare */
	struct row *absent;
	size_t n_absent, cap_absent;
};

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("bpfconform: realloc");
		exit(2);
	}
	return p;
}

static struct row *push(struct row **rows, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*rows = xrealloc(*rows, *cap * sizeof(**rows));
	}
	memset(&(*rows)[*n], 0, sizeof(**rows));
	return &(*rows)[(*n)++];
}

void coverage_row(struct coverage_out *out, const char *what, unsigned cases)
{
	struct row *r = push(&out->rows, &out->n, &out->cap);

	r->what = strdup(what);
	r->cases = cases;
}

/* ---- the enum sections ---- */

static const struct {
	enum need_kind kind;
	const char *enum_name;
	const char *title;
	int enforced;
} enum_sections[] = {
	{ NEED_CMD, "bpf_cmd", "commands", 1 },
	{ NEED_PROG, "bpf_prog_type", "program types", 1 },
	{ NEED_MAP, "bpf_map_type", "map types", 1 },
	{ NEED_ATTACH, "bpf_attach_type", "attach types", 1 },
	{ NEED_LINK, "bpf_link_type", "link types", 1 },
	{ NEED_HELPER, "bpf_func_id", "helpers (informational)", 0 },
};

static void add_member(const char *member, long long val, void *ctx)
{
	struct coverage_out *out = ctx;
	struct row *r;

	if (oracle_is_sentinel(member))
		return;
	/* Link types are only ever reported by the kernel, never passed to
	 * it, and no link is of type UNSPEC: there is nothing to exercise. */
	if (!strcmp(member, "BPF_LINK_TYPE_UNSPEC"))
		return;
	for (size_t i = 0; i < out->n; i++) {
		r = &out->rows[i];
		if (r->has_value && r->value == val) {
			size_t len = (r->aliases ? strlen(r->aliases) + 2 : 0) + strlen(member) + 1;
			char *a = xrealloc(r->aliases, len);

			if (!r->aliases)
				a[0] = 0;
			else
				strcat(a, ", ");
			strcat(a, member);
			r->aliases = a;
			return;
		}
	}
	r = push(&out->rows, &out->n, &out->cap);
	r->what = strdup(member);
	r->value = val;
	r->has_value = 1;
}

/* The value the kernel (or, without BTF, our uapi copy) gives 'member'. */
static int member_value(const char *enum_name, const char *member, long long *val)
{
	size_t n;
	const struct known_member *k;

	if (oracle_have_btf())
		return oracle_enum_value(enum_name, member, val);
	k = known_enum(enum_name, &n);
	for (size_t i = 0; k && i < n; i++) {
		if (!strcmp(k[i].name, member)) {
			*val = k[i].value;
			return 0;
		}
	}
	return -1;
}

static void enum_section(struct coverage_out *out, enum need_kind kind)
{
	size_t ncases = registry_count();
	unsigned *seen_by = calloc(out->n ? out->n : 1, sizeof(*seen_by));

	for (size_t c = 0; c < ncases; c++) {
		const struct bc_case *bc = registry_get(c);

		for (const struct need *n = bc->needs; n && n->kind; n++) {
			long long val;
			size_t i;

			if (n->kind != kind)
				continue;
			if (member_value(out->name, n->name, &val)) {
				struct row *r = NULL;

				for (i = 0; i < out->n_absent; i++)
					if (!strcmp(out->absent[i].what, n->name))
						r = &out->absent[i];
				if (!r) {
					r = push(&out->absent, &out->n_absent, &out->cap_absent);
					r->what = strdup(n->name);
				}
				r->cases++;
				continue;
			}
			for (i = 0; i < out->n; i++) {
				if (out->rows[i].value != val)
					continue;
				/* once per case: seen_by[i] holds the last case + 1 */
				if (seen_by[i] != c + 1) {
					seen_by[i] = (unsigned)c + 1;
					out->rows[i].cases++;
				}
				break;
			}
		}
	}
	free(seen_by);
}

static void build_enum_section(struct coverage_out *out, int idx)
{
	out->name = enum_sections[idx].enum_name;
	out->title = enum_sections[idx].title;
	out->enforced = enum_sections[idx].enforced;
	if (oracle_have_btf()) {
		oracle_enum_walk(out->name, add_member, out);
	} else {
		size_t n;
		const struct known_member *k = known_enum(out->name, &n);

		for (size_t i = 0; k && i < n; i++)
			add_member(k[i].name, k[i].value, out);
	}
	enum_section(out, enum_sections[idx].kind);
}

/* ---- output ---- */

static size_t uncovered(const struct coverage_out *out)
{
	size_t n = 0;

	for (size_t i = 0; i < out->n; i++)
		n += !out->rows[i].cases;
	return n;
}

static void print_text(FILE *f, const struct coverage_out *out)
{
	size_t un = uncovered(out), col = 0;

	fprintf(f, "\n%s (%s): %zu values, %zu covered, %zu uncovered\n", out->name, out->title,
		out->n, out->n - un, un);
	for (size_t i = 0; i < out->n; i++) {
		const struct row *r = &out->rows[i];

		fprintf(f, "  %5u  %s", r->cases, r->what);
		if (r->aliases)
			fprintf(f, " (= %s)", r->aliases);
		fputc('\n', f);
	}
	if (un) {
		fprintf(f, "  uncovered:");
		col = 12;
		for (size_t i = 0; i < out->n; i++) {
			size_t len = strlen(out->rows[i].what);

			if (out->rows[i].cases)
				continue;
			if (col + len + 1 > 100) {
				fprintf(f, "\n   ");
				col = 3;
			}
			fprintf(f, " %s", out->rows[i].what);
			col += len + 1;
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < out->n_absent; i++)
		fprintf(f, "  %5u  %s: named by cases, not declared by this kernel\n",
			out->absent[i].cases, out->absent[i].what);
}

static void print_json(FILE *f, const struct coverage_out *out, int first)
{
	int comma = 0;

	fprintf(f, "%s\n{\"name\": ", first ? "" : ",");
	json_str(f, out->name);
	fprintf(f, ", \"title\": ");
	json_str(f, out->title);
	fprintf(f, ", \"enforced\": %s, \"values\": %zu, \"uncovered_count\": %zu, \"rows\": [",
		out->enforced ? "true" : "false", out->n, uncovered(out));
	for (size_t i = 0; i < out->n; i++) {
		const struct row *r = &out->rows[i];

		fprintf(f, "%s{\"what\": ", i ? ", " : "");
		json_str(f, r->what);
		if (r->has_value)
			fprintf(f, ", \"value\": %lld", r->value);
		if (r->aliases) {
			fprintf(f, ", \"aliases\": ");
			json_str(f, r->aliases);
		}
		fprintf(f, ", \"cases\": %u}", r->cases);
	}
	fprintf(f, "], \"uncovered\": [");
	for (size_t i = 0; i < out->n; i++) {
		if (out->rows[i].cases)
			continue;
		fprintf(f, "%s", comma++ ? ", " : "");
		json_str(f, out->rows[i].what);
	}
	fprintf(f, "], \"not_declared_by_kernel\": [");
	for (size_t i = 0; i < out->n_absent; i++) {
		fprintf(f, "%s{\"name\": ", i ? ", " : "");
		json_str(f, out->absent[i].what);
		fprintf(f, ", \"cases\": %u}", out->absent[i].cases);
	}
	fprintf(f, "]}");
}

static void free_out(struct coverage_out *out)
{
	for (size_t i = 0; i < out->n; i++) {
		free(out->rows[i].what);
		free(out->rows[i].aliases);
	}
	for (size_t i = 0; i < out->n_absent; i++)
		free(out->absent[i].what);
	free(out->rows);
	free(out->absent);
}

static int coverage_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, 0, 'j' },
		{ "fail-uncovered", no_argument, 0, 'F' },
		{ "config", required_argument, 0, 'c' },
		{ "btf", required_argument, 0, 'b' },
		{ 0 },
	};
	const char *config = NULL, *btf = NULL;
	int json = 0, fail_uncovered = 0, c, ret, first = 1;
	size_t enforced_uncovered = 0;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'F':
			fail_uncovered = 1;
			break;
		case 'c':
			config = optarg;
			break;
		case 'b':
			btf = optarg;
			break;
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if ((ret = common_init(config, btf)))
		return ret;

	if (json) {
		printf("{\"schema\": \"bpfconform-coverage/1\", \"release\": ");
		json_str(stdout, oracle_release());
		printf(", \"values_from\": ");
		json_str(stdout, oracle_have_btf() ? oracle_btf_source() : "uapi copy (no kernel BTF)");
		printf(", \"cases\": %zu, \"sections\": [", registry_count());
	} else {
		printf("coverage: %zu cases on Linux %s; values from %s\n", registry_count(),
		       oracle_release(),
		       oracle_have_btf() ? oracle_btf_source()
					 : "this build's uapi copy (the kernel has no BTF)");
	}
	for (size_t i = 0; i < sizeof(enum_sections) / sizeof(*enum_sections); i++) {
		struct coverage_out out = { 0 };

		build_enum_section(&out, (int)i);
		if (out.enforced)
			enforced_uncovered += uncovered(&out);
		if (json)
			print_json(stdout, &out, first);
		else
			print_text(stdout, &out);
		first = 0;
		free_out(&out);
	}
	for (const struct coverage_section *const *s = __start_bc_coverage;
	     s < __stop_bc_coverage; s++) {
		struct coverage_out out = { .name = (*s)->name, .title = "section" };

		(*s)->fn(&out);
		if (json)
			print_json(stdout, &out, first);
		else
			print_text(stdout, &out);
		first = 0;
		free_out(&out);
	}
	if (json)
		printf("\n], \"enforced_uncovered\": %zu}\n", enforced_uncovered);
	else
		printf("\n%zu values of commands, program, map, attach and link types uncovered\n",
		       enforced_uncovered);
	return fail_uncovered && enforced_uncovered ? 1 : 0;
}
COMMAND("coverage", coverage_main,
	"coverage [--json] [--fail-uncovered] [--config FILE] [--btf FILE]",
	"cases per kernel enum value, from their NEEDS; the values no case covers");
