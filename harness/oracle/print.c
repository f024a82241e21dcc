// SPDX-License-Identifier: GPL-2.0
/*
 * `bpfconform probe [--json]`: everything the oracle knows about the running
 * kernel, with where each fact came from.  The same facts, as JSON, are
 * embedded in every results file under "oracle" (oracle_print_json()): the
 * kernel matrix reads its enum member lists to tell a case skipped because
 * the kernel does not declare a feature from one that ran.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../command.h"
#include "../json.h"
#include "../oracle.h"
#include "internal.h"
#include "kconfig.h"

/* A one-line /proc/sys value, or NULL when it cannot be read. */
static const char *sysctl(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return NULL;
	if (!fgets(buf, (int)len, f)) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

static const char *const sysctls[][2] = {
	{ "unprivileged_bpf_disabled", "/proc/sys/kernel/unprivileged_bpf_disabled" },
	{ "bpf_jit_enable", "/proc/sys/net/core/bpf_jit_enable" },
};

struct members {
	const char *enum_name;
	FILE *out;
	int json;
	int first;
	size_t col;
	size_t unknown;		/* members this build does not know */
};

static void print_member(const char *member, long long val, void *ctx)
{
	struct members *m = ctx;

	if (m->json) {
		fprintf(m->out, "%s{\"name\": ", m->first ? "" : ", ");
		json_str(m->out, member);
		fprintf(m->out, ", \"value\": %lld}", val);
	} else {
		char item[128];
		int n = snprintf(item, sizeof(item), "%s=%lld", member, val);

		if (!m->col) {
			fprintf(m->out, "  %s", item);
			m->col = 2 + (size_t)n;
		} else if (m->col + 1 + (size_t)n > 100) {
			fprintf(m->out, "\n  %s", item);
			m->col = 2 + (size_t)n;
		} else {
			fprintf(m->out, " %s", item);
			m->col += 1 + (size_t)n;
		}
	}
	m->first = 0;
}

static void print_unknown(const char *member, long long val, void *ctx)
{
	struct members *m = ctx;

	if (known_has(m->enum_name, member))
		return;
	if (m->json) {
		fprintf(m->out, "%s", m->unknown ? ", " : "");
		json_str(m->out, member);
	} else {
		fprintf(m->out, "  kernel declares %s (= %lld) that this build does not know\n",
			member, val);
	}
	m->unknown++;
}

/* Members our uapi copy has that the kernel does not declare: an older
 * kernel, expected; cases needing them skip with proof.  Printed when 'out'. */
static size_t list_missing(const char *enum_name, FILE *out)
{
	size_t n, missing = 0, col = 0;
	const struct known_member *k = known_enum(enum_name, &n);
	long long v;

	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(k[i].name);

		if (!oracle_enum_value(enum_name, k[i].name, &v))
			continue;
		missing++;
		if (!out)
			continue;
		if (col && col + len + 1 > 100) {
			fprintf(out, "\n   ");
			col = 3;
		}
		fprintf(out, " %s", k[i].name);
		col += len + 1;
	}
	return missing;
}

struct distinct {
	long long seen[1024];
	int n;
};

static void note_value(const char *member, long long val, void *ctx)
{
	struct distinct *d = ctx;

	(void)member;
	for (int i = 0; i < d->n; i++)
		if (d->seen[i] == val)
			return;
	if (d->n < 1024)
		d->seen[d->n++] = val;
}

/* Aliases (BPF_PROG_RUN = BPF_PROG_TEST_RUN, the _DEPRECATED cgroup
 * storage names) make members outnumber values. */
static int distinct_values(const char *e)
{
	static struct distinct d;

	d.n = 0;
	oracle_enum_walk(e, note_value, &d);
	return d.n;
}

static void print_enum(FILE *out, const char *e)
{
	struct members m = { .enum_name = e, .out = out, .first = 1 };
	int n = oracle_enum_walk(e, NULL, NULL);

	if (n < 0) {
		fprintf(out, "enum %s: %s\n", e, oracle_have_btf() ? "not in the kernel's BTF"
				: "unknown (no kernel BTF)");
		return;
	}
	fprintf(out, "enum %s: %d members, %d values\n", e, n, distinct_values(e));
	oracle_enum_walk(e, print_member, &m);
	fprintf(out, "\n");
	oracle_enum_walk(e, print_unknown, &m);
	if (!m.unknown)
		fprintf(out, "  (this build knows all of them)\n");
	if (list_missing(e, NULL)) {
		fprintf(out, "  this build knows %zu more, not declared by this kernel:\n   ",
			list_missing(e, NULL));
		list_missing(e, out);
		fprintf(out, "\n");
	}
}

void oracle_print(FILE *out)
{
	const struct btf *btf = oracle_vmlinux();
	char buf[64];

	fprintf(out, "kernel:    %s\n", oracle_release());
	if (btf)
		fprintf(out, "btf:       %s (%u types)\n", oracle_btf_source(), btf_count(btf));
	else
		fprintf(out, "btf:       none (%s): enum, function and type needs are unproven\n",
			oracle_btf_problem());
	if (kconfig_source())
		fprintf(out, "config:    %s (%zu options set)\n", kconfig_source(), kconfig_count());
	else
		fprintf(out, "config:    none (%s): CONFIG needs are unproven\n", kconfig_problem());
	fprintf(out, "privilege: CAP_SYS_ADMIN %s, CAP_BPF %s, CAP_PERFMON %s\n",
		oracle_has_cap(ORACLE_CAP_SYS_ADMIN) ? "yes" : "no",
		oracle_has_cap(ORACLE_CAP_BPF) ? "yes" : "no",
		oracle_has_cap(ORACLE_CAP_PERFMON) ? "yes" : "no");
	for (size_t i = 0; i < sizeof(sysctls) / sizeof(*sysctls); i++) {
		const char *v = sysctl(sysctls[i][1], buf, sizeof(buf));

		char name[80];

		snprintf(name, sizeof(name), "%s", sysctls[i][1] + strlen("/proc/sys/"));
		for (char *p = name; *p; p++)
			*p = *p == '/' ? '.' : *p;
		fprintf(out, "sysctl:    %s = %s\n", name, v ? v : "(unreadable)");
	}
	if (oracle_isa())
		fprintf(out, "isa:       v%d\n", oracle_isa());
	else
		fprintf(out, "isa:       unknown\n");
	fprintf(out, "isa proof: %s\n", oracle_isa_proof());
	for (int i = 0; i < ORACLE_NR_ENUMS; i++) {
		fprintf(out, "\n");
		print_enum(out, oracle_enums[i]);
	}
}

void oracle_print_json(FILE *out)
{
	const struct btf *btf = oracle_vmlinux();
	char buf[64];
	int isa = oracle_isa();

	fprintf(out, "{\"release\": ");
	json_str(out, oracle_release());
	fprintf(out, ", \"btf\": {\"source\": ");
	json_str(out, btf ? oracle_btf_source() : NULL);
	fprintf(out, ", \"types\": %u, \"problem\": ", btf ? btf_count(btf) : 0);
	json_str(out, btf ? NULL : oracle_btf_problem());
	fprintf(out, "}, \"config\": {\"source\": ");
	json_str(out, kconfig_source());
	fprintf(out, ", \"options\": %zu, \"problem\": ", kconfig_count());
	json_str(out, kconfig_source() ? NULL : kconfig_problem());
	fprintf(out, "}, \"privilege\": {\"cap_sys_admin\": %s, \"cap_bpf\": %s, "
		"\"cap_perfmon\": %s}, \"sysctl\": {",
		oracle_has_cap(ORACLE_CAP_SYS_ADMIN) ? "true" : "false",
		oracle_has_cap(ORACLE_CAP_BPF) ? "true" : "false",
		oracle_has_cap(ORACLE_CAP_PERFMON) ? "true" : "false");
	for (size_t i = 0; i < sizeof(sysctls) / sizeof(*sysctls); i++) {
		const char *v = sysctl(sysctls[i][1], buf, sizeof(buf));
		char *end = NULL;
		long n = v ? strtol(v, &end, 10) : 0;

		fprintf(out, "%s\"%s\": ", i ? ", " : "", sysctls[i][0]);
		if (v && *v && end && !*end)
			fprintf(out, "%ld", n);
		else
			json_str(out, v);
	}
	fprintf(out, "}, \"isa\": {\"level\": %d, \"proof\": ", isa);
	json_str(out, oracle_isa_proof());
	fprintf(out, "}, \"enums\": {");
	for (int i = 0; i < ORACLE_NR_ENUMS; i++) {
		const char *e = oracle_enums[i];
		struct members m = { .enum_name = e, .out = out, .json = 1, .first = 1 };
		int n = oracle_enum_walk(e, NULL, NULL);

		fprintf(out, "%s\"%s\": ", i ? ", " : "", e);
		if (n < 0) {
			fprintf(out, "null");
			continue;
		}
		fprintf(out, "{\"count\": %d, \"values\": %d, \"members\": [", n,
			distinct_values(e));
		oracle_enum_walk(e, print_member, &m);
		fprintf(out, "], \"unknown_to_build\": [");
		oracle_enum_walk(e, print_unknown, &m);
		fprintf(out, "]}");
	}
	fprintf(out, "}}");
}

static int probe_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, 0, 'j' },
		{ "config", required_argument, 0, 'c' },
		{ "btf", required_argument, 0, 'b' },
		{ 0 },
	};
	const char *config = NULL, *btf = NULL;
	int json = 0, c, ret;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
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
		oracle_print_json(stdout);
		fputc('\n', stdout);
	} else {
		oracle_print(stdout);
	}
	return 0;
}
COMMAND("probe", probe_main, "probe [--json] [--config FILE] [--btf FILE]",
	"what the kernel oracle sees: BTF, config, privilege, ISA level, enums");
