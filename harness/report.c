// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>

#include "json.h"
#include "need.h"
#include "oracle.h"
#include "report.h"

const char *outcome_name(enum outcome o)
{
	switch (o) {
	case OUT_PASS: return "pass";
	case OUT_FAIL: return "fail";
	case OUT_SKIP: return "skip";
	case OUT_ERROR: return "error";
	default: return "none";
	}
}

void totals_add(struct totals *t, enum outcome o)
{
	switch (o) {
	case OUT_PASS: t->pass++; break;
	case OUT_FAIL: t->fail++; break;
	case OUT_SKIP: t->skip++; break;
	default: t->error++; break;
	}
}

void ktap_begin(FILE *out, size_t planned)
{
	fprintf(out, "KTAP version 1\n");
	fprintf(out, "# bpfconform on Linux %s\n", oracle_release());
	fprintf(out, "1..%zu\n", planned);
	fflush(out);
}

static void print_lines(FILE *out, const char *text)
{
	while (text && *text) {
		const char *nl = strchr(text, '\n');
		int n = nl ? (int)(nl - text) : (int)strlen(text);

		fprintf(out, "# %.*s\n", n, text);
		text += n + (nl ? 1 : 0);
	}
}

void ktap_result(FILE *out, size_t number, const char *name,
		 const struct case_result *res, int verbose)
{
	int bad = res->outcome == OUT_FAIL || res->outcome == OUT_ERROR;

	if (bad || verbose)
		print_lines(out, res->log);
	if (bad)
		print_lines(out, res->notes);
	switch (res->outcome) {
	case OUT_PASS:
		fprintf(out, "ok %zu %s\n", number, name);
		break;
	case OUT_SKIP:
		fprintf(out, "ok %zu %s # SKIP %s\n", number, name, res->reason);
		break;
	case OUT_FAIL:
		/* The log already holds assertion failures; a crash or
		 * timeout is only in the reason. */
		if (!res->log_len)
			fprintf(out, "# %s\n", res->reason);
		fprintf(out, "not ok %zu %s\n", number, name);
		break;
	default:
		fprintf(out, "not ok %zu %s # ERROR %s\n", number, name, res->reason);
		break;
	}
	fflush(out);
}

void ktap_end(FILE *out, const struct totals *t)
{
	fprintf(out, "# Totals: pass:%u fail:%u xfail:0 xpass:0 skip:%u error:%u\n",
		t->pass, t->fail, t->skip, t->error);
	if (t->error)
		fprintf(out, "%u passed, %u failed, %u skipped, %u errors\n",
			t->pass, t->fail, t->skip, t->error);
	else
		fprintf(out, "%u passed, %u failed, %u skipped\n", t->pass, t->fail, t->skip);
	fflush(out);
}

struct json_report {
	FILE *f;
	int first;
};

struct json_report *json_report_open(const char *path, char *err, size_t len)
{
	struct json_report *jr = calloc(1, sizeof(*jr));
	struct utsname u;
	time_t now = time(NULL);
	char stamp[32];

	jr->f = fopen(path, "w");
	if (!jr->f) {
		snprintf(err, len, "cannot write %s: %s", path, strerror(errno));
		free(jr);
		return NULL;
	}
	uname(&u);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	fprintf(jr->f, "{\n\"schema\": \"bpfconform-results/1\",\n\"started\": \"%s\",\n", stamp);
	fprintf(jr->f, "\"kernel\": {\"release\": ");
	json_str(jr->f, u.release);
	fprintf(jr->f, ", \"version\": ");
	json_str(jr->f, u.version);
	fprintf(jr->f, ", \"machine\": ");
	json_str(jr->f, u.machine);
	fprintf(jr->f, "},\n\"oracle\": ");
	oracle_print_json(jr->f);
	fprintf(jr->f, ",\n\"cases\": [\n");
	jr->first = 1;
	return jr;
}

void json_report_case(struct json_report *jr, const struct bc_case *c,
		      const struct case_result *res)
{
	int first_need = 1;

	if (!jr)
		return;
	fprintf(jr->f, "%s{\"name\": ", jr->first ? "" : ",\n");
	jr->first = 0;
	json_str(jr->f, c->name);
	fprintf(jr->f, ", \"outcome\": \"%s\", \"reason\": ", outcome_name(res->outcome));
	json_str(jr->f, res->reason[0] ? res->reason : NULL);
	if (res->outcome == OUT_SKIP)
		fprintf(jr->f, ", \"skip_proven\": %s", res->skip_unproven ? "false" : "true");
	fprintf(jr->f, ", \"duration_ms\": %.3f, \"inside_ms\": %.3f, \"file\": ",
		res->duration_ms, res->inside_ms);
	json_str(jr->f, c->file);
	fprintf(jr->f, ", \"line\": %d, \"covers\": [", c->line);
	for (const struct need *n = c->needs; n && n->kind; n++) {
		if (n->kind == NEED_ENV)
			continue;
		fprintf(jr->f, "%s{\"kind\": \"%s\", \"name\": ", first_need ? "" : ", ",
			need_kind_name(n->kind));
		json_str(jr->f, n->name);
		fputc('}', jr->f);
		first_need = 0;
	}
	fprintf(jr->f, "], \"log\": ");
	if (res->outcome == OUT_FAIL || res->outcome == OUT_ERROR) {
		/* log and notes together: the assertion, then the verifier log */
		size_t n = res->log_len + res->note_len + 1;
		char *all = malloc(n);

		snprintf(all, n, "%s%s", res->log, res->notes);
		json_str(jr->f, all);
		free(all);
	} else {
		json_str(jr->f, res->log_len ? res->log : NULL);
	}
	fputc('}', jr->f);
	fflush(jr->f);
}

static double ms(struct timeval tv)
{
	return tv.tv_sec * 1e3 + tv.tv_usec / 1e3;
}

void json_report_close(struct json_report *jr, const struct totals *t,
		       double wall_ms, const char *leaks)
{
	struct rusage self, kids;

	if (!jr)
		return;
	fprintf(jr->f, "\n],\n\"totals\": {\"pass\": %u, \"fail\": %u, \"skip\": %u, \"error\": %u},\n",
		t->pass, t->fail, t->skip, t->error);
	fprintf(jr->f, "\"leaks\": ");
	json_str(jr->f, leaks && *leaks ? leaks : NULL);
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	fprintf(jr->f, ",\n\"duration_ms\": %.1f,\n", wall_ms);
	/* CPU of the runner and of every case child; peak RSS of the
	 * largest of them (ru_maxrss is a maximum, not a sum). */
	fprintf(jr->f, "\"rusage\": {\"user_ms\": %.1f, \"sys_ms\": %.1f, "
		"\"max_rss_kb\": %ld, \"children_max_rss_kb\": %ld}\n}\n",
		ms(self.ru_utime) + ms(kids.ru_utime), ms(self.ru_stime) + ms(kids.ru_stime),
		self.ru_maxrss, kids.ru_maxrss);
	fclose(jr->f);
	free(jr);
}

const char *need_kind_name(enum need_kind kind)
{
	static const char *const names[] = {
		[NEED_CMD] = "cmd", [NEED_PROG] = "prog_type", [NEED_MAP] = "map_type",
		[NEED_ATTACH] = "attach_type", [NEED_LINK] = "link_type",
		[NEED_HELPER] = "helper", [NEED_CONFIG] = "config",
		[NEED_BTF_FUNC] = "btf_func", [NEED_BTF_TYPE] = "btf_type",
		[NEED_ISA] = "isa", [NEED_ISA_GROUP] = "isa_group", [NEED_FILE] = "file",
		[NEED_ENV] = "env",
	};

	if (kind > 0 && kind < NEED__COUNT && names[kind])
		return names[kind];
	return "unknown";
}
