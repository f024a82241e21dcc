// SPDX-License-Identifier: GPL-2.0
/* `bpfconform run` and `bpfconform list`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "env.h"
#include "leaks.h"
#include "matrix/junit.h"
#include "registry.h"
#include "report.h"
#include "runner.h"

#define DEFAULT_TIMEOUT 30

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct cli {
	struct filter filter;
	const char *json, *junit, *config, *btf;
	unsigned timeout;
	int verbose;
	int no_leak_check;
	unsigned jobs;
};

static int add_glob(const char ***list, size_t *n, const char *glob)
{
	*list = realloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = glob;
	return 0;
}

/* Parse the options shared by run and list; returns 0 or 2. */
static int parse(int argc, char **argv, struct cli *cli, int for_run)
{
	static const struct option opts[] = {
		{ "test", required_argument, 0, 't' },
		{ "exclude", required_argument, 0, 'x' },
		{ "json", required_argument, 0, 'o' },
		{ "timeout", required_argument, 0, 'T' },
		{ "verbose", no_argument, 0, 'v' },
		{ "config", required_argument, 0, 'c' },
		{ "btf", required_argument, 0, 'b' },
		{ "no-leak-check", no_argument, 0, 'L' },
		{ "jobs", required_argument, 0, 'j' },
		{ "junit", required_argument, 0, 'U' },
		{ 0 },
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":t:x:vj:", opts, NULL)) != -1) {
		char *end;

		switch (c) {
		case 't':
			add_glob(&cli->filter.include, &cli->filter.n_include, optarg);
			break;
		case 'x':
			add_glob(&cli->filter.exclude, &cli->filter.n_exclude, optarg);
			break;
		case 'v':
			cli->verbose = 1;
			break;
		case 'c':
			cli->config = optarg;
			break;
		case 'b':
			cli->btf = optarg;
			break;
		case 'o':
			if (!for_run)
				return usage_error("--json is an option of run");
			cli->json = optarg;
			break;
		case 'T':
			if (!for_run)
				return usage_error("--timeout is an option of run");
			cli->timeout = (unsigned)strtoul(optarg, &end, 10);
			if (*end || !*optarg || cli->timeout == 0 || cli->timeout > 3600)
				return usage_error("--timeout wants seconds from 1 to 3600, not '%s'",
						   optarg);
			break;
		case 'j':
			if (!for_run)
				return usage_error("-j is an option of run");
			cli->jobs = (unsigned)strtoul(optarg, &end, 10);
			if (*end || !*optarg || cli->jobs == 0 || cli->jobs > 64)
				return usage_error("-j wants a number of jobs from 1 to 64, not '%s'",
						   optarg);
			break;
		case 'U':
			if (!for_run)
				return usage_error("--junit is an option of run");
			cli->junit = optarg;
			break;
		case 'L':
			if (!for_run)
				return usage_error("--no-leak-check is an option of run");
			cli->no_leak_check = 1;
			break;
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return 0;
}

static int prepare(struct cli *cli)
{
	const char *unmatched;
	int ret = common_init(cli->config, cli->btf);

	if (ret)
		return ret;
	unmatched = filter_unmatched(&cli->filter);
	if (unmatched) {
		fprintf(stderr, "bpfconform: no case matches '%s'\n", unmatched);
		return 2;
	}
	return 0;
}

static int list_main(int argc, char **argv)
{
	struct cli cli = { 0 };
	int ret = parse(argc, argv, &cli, 0);

	if (ret || (ret = prepare(&cli)))
		return ret;
	for (size_t i = 0; i < registry_count(); i++)
		if (filter_match(&cli.filter, registry_get(i)->name))
			printf("%s\n", registry_get(i)->name);
	return 0;
}
COMMAND("list", list_main, "list [-t GLOB]... [-x GLOB]...", "print the names of the cases");

static void leak_result(size_t number, struct totals *t, struct json_report *jr,
			char *leaks, size_t len)
{
	static const struct bc_case leak_case = {
		.name = "harness.run.no_leaked_objects", .file = __FILE__, .line = __LINE__,
	};
	struct case_result *res = runner_result_alloc();
	double start = now_ms();
	long n = leaks_check(leaks, len, 3000);

	res->outcome = n ? OUT_FAIL : OUT_PASS;
	if (n)
		snprintf(res->reason, sizeof(res->reason),
			 "%ld BPF objects outlived the run: %s", n, leaks);
	res->duration_ms = now_ms() - start;
	ktap_result(stdout, number, leak_case.name, res, 0);
	json_report_case(jr, &leak_case, res);
	totals_add(t, res->outcome);
}

struct printer {
	struct totals *totals;
	struct json_report *jr;
	int verbose;
};

/* Results arrive in order, whatever -j is. */
static void print_result(size_t i, const struct bc_case *c, const struct case_result *res,
			 void *ctx)
{
	struct printer *pr = ctx;

	ktap_result(stdout, i + 1, c->name, res, pr->verbose);
	json_report_case(pr->jr, c, res);
	totals_add(pr->totals, res->outcome);
}

static int run_main(int argc, char **argv)
{
	struct cli cli = { .timeout = DEFAULT_TIMEOUT, .jobs = 1 };
	struct run_opts ro;
	struct json_report *jr = NULL;
	struct totals t = { 0 };
	struct printer pr = { .totals = &t, .verbose = 0 };
	const struct bc_case **todo;
	char err[256], leaks[1024] = "";
	size_t n = 0, *index;
	double start = now_ms();
	int ret = parse(argc, argv, &cli, 1), leak_check, fd_check;
	char tmp_json[64] = "";

	if (ret || (ret = prepare(&cli)))
		return ret;
	if (env_init(err, sizeof(err))) {
		fprintf(stderr, "bpfconform: environment: %s\n", err);
		return 2;
	}
	/* JUnit is made from the results file: without --json, a private one. */
	if (cli.junit && !cli.json) {
		int fd;

		strcpy(tmp_json, "/tmp/bpfconform-results.XXXXXX");
		fd = mkstemp(tmp_json);
		if (fd < 0) {
			fprintf(stderr, "bpfconform: mkstemp: %s\n", strerror(errno));
			env_fini();
			return 2;
		}
		close(fd);
		cli.json = tmp_json;
	}
	/* An unwritable --junit fails now, not after the run. */
	if (cli.junit && (fd_check = open(cli.junit, O_WRONLY | O_CREAT | O_CLOEXEC, 0644)) < 0) {
		fprintf(stderr, "bpfconform: cannot write %s: %s\n", cli.junit, strerror(errno));
		env_fini();
		return 2;
	} else if (cli.junit) {
		close(fd_check);
	}
	if (cli.json && !(jr = json_report_open(cli.json, err, sizeof(err)))) {
		fprintf(stderr, "bpfconform: %s\n", err);
		env_fini();
		return 2;
	}
	pr.jr = jr;
	pr.verbose = cli.verbose;
	ro.timeout = cli.timeout;
	ro.jobs = cli.jobs;
	todo = calloc(registry_count() + 1, sizeof(*todo));
	index = calloc(registry_count() + 1, sizeof(*index));
	for (size_t i = 0; i < registry_count(); i++) {
		if (!filter_match(&cli.filter, registry_get(i)->name))
			continue;
		todo[n] = registry_get(i);
		index[n++] = i;
	}
	/* Another process using bpf() at the same time makes the leak check
	 * meaningless: --no-leak-check is for that. */
	leak_check = env_privileged() && !cli.no_leak_check;
	if (leak_check)
		leaks_snapshot();
	ktap_begin(stdout, n + leak_check);
	if (!env_privileged())
		printf("# running without CAP_SYS_ADMIN: only cases marked UNPRIV run\n");

	runner_run_all(todo, index, n, &ro, print_result, &pr);
	if (leak_check)
		leak_result(n + 1, &t, jr, leaks, sizeof(leaks));
	ktap_end(stdout, &t);
	json_report_close(jr, &t, now_ms() - start, leaks);
	env_fini();
	if (cli.junit) {
		char *files[] = { (char *)cli.json };

		if (junit_write(cli.junit, files, 1))
			ret = 2;
		if (tmp_json[0])
			unlink(tmp_json);
	}
	free(todo);
	free(index);
	return ret ? ret : t.fail || t.error ? 1 : 0;
}
COMMAND("run", run_main,
	"[run] [-t GLOB]... [-x GLOB]... [--json FILE] [--junit FILE] [--timeout S] [-j N]\n"
	"                 [-v] [--config PATH] [--btf PATH] [--no-leak-check]",
	"run the cases (default: all) and print KTAP");
