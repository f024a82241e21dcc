// SPDX-License-Identifier: GPL-2.0
/*
 * JUnit XML from results files: one <testsuite> per kernel, one
 * <testcase> per case; skips carry their proof, failures their message and
 * log (the assertion, the program, the verifier log).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../command.h"
#include "junit.h"
#include "results.h"

static void xml_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		switch (*p) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default:
			/* XML 1.0 allows no other control characters */
			if (*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
				fputc('?', out);
			else
				fputc(*p, out);
		}
	}
}

static void suite(FILE *out, const struct kresult *k)
{
	unsigned fails = 0, errors = 0, skips = 0;

	for (size_t i = 0; i < k->cases->n; i++) {
		const char *o = json_get_str(k->cases->items[i], "outcome", "");

		fails += !strcmp(o, "fail");
		errors += !strcmp(o, "error");
		skips += !strcmp(o, "skip");
	}
	fputs(" <testsuite name=\"bpfconform ", out);
	xml_text(out, k->label);
	fprintf(out, "\" tests=\"%zu\" failures=\"%u\" errors=\"%u\" skipped=\"%u\" time=\"%.3f\">\n",
		k->cases->n, fails, errors, skips, json_get_num(k->root, "duration_ms", 0) / 1e3);
	fputs("  <properties><property name=\"kernel.release\" value=\"", out);
	xml_text(out, k->release);
	fputs("\"/></properties>\n", out);
	for (size_t i = 0; i < k->cases->n; i++) {
		const struct jval *c = k->cases->items[i];
		const char *name = json_get_str(c, "name", ""), *o = json_get_str(c, "outcome", "");
		const char *reason = json_get_str(c, "reason", ""), *log = json_get_str(c, "log", "");
		const char *dot = strchr(name, '.');

		fputs("  <testcase classname=\"", out);
		if (dot)
			fprintf(out, "%.*s", (int)(dot - name), name);
		fputs("\" name=\"", out);
		xml_text(out, name);
		fprintf(out, "\" time=\"%.6f\"", json_get_num(c, "duration_ms", 0) / 1e3);
		if (!strcmp(o, "pass")) {
			fputs("/>\n", out);
			continue;
		}
		fputs(">\n   <", out);
		fputs(!strcmp(o, "skip") ? "skipped" : !strcmp(o, "fail") ? "failure" : "error", out);
		fputs(" message=\"", out);
		xml_text(out, reason);
		if (!strcmp(o, "skip")) {
			fputs("\"/>\n", out);
		} else {
			fputs("\">", out);
			xml_text(out, log);
			fprintf(out, "</%s>\n", !strcmp(o, "fail") ? "failure" : "error");
		}
		fputs("  </testcase>\n", out);
	}
	fputs(" </testsuite>\n", out);
}

int junit_write(const char *path, char **results, size_t n)
{
	struct kresult *k;
	FILE *out;

	if (results_load_all(results, n, &k))
		return 2;
	results_sort(k, n);
	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "bpfconform: cannot write %s: %s\n", path, strerror(errno));
		return 2;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bpfconform\">\n", out);
	for (size_t i = 0; i < n; i++) {
		suite(out, &k[i]);
		results_free(&k[i]);
	}
	fputs("</testsuites>\n", out);
	free(k);
	return fclose(out) ? 2 : 0;
}

static int junit_main(int argc, char **argv)
{
	if (argc < 4 || strcmp(argv[1], "-o"))
		return usage_error("junit wants: junit -o FILE RESULTS.json...");
	return junit_write(argv[2], argv + 3, (size_t)(argc - 3));
}
COMMAND("junit", junit_main, "junit -o FILE RESULTS.json...",
	"JUnit XML from results files (one testsuite per kernel)");
