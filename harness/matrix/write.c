// SPDX-License-Identifier: GPL-2.0
/* The matrix as Markdown, as one self-contained HTML page, and as JSON. */
#include <stdio.h>
#include <string.h>

#include "../json.h"
#include "model.h"

static const char *const legend[][2] = {
	{ "ok N", "declared by the kernel; its N passing cases pass" },
	{ "FAIL f/n", "declared; f of its n run cases fail or error, unexpected" },
	{ "known f/n", "declared; f of its n run cases fail, all as the kernel's list in ci/expect says (a known kernel difference or bug)" },
	{ "off: CONFIG_X", "declared, but compiled out: the cases skip because CONFIG_X is not set" },
	{ "skip", "declared; its cases skip for another proven reason (see the results)" },
	{ "—", "not declared by this kernel (not in its BTF enum)" },
	{ "·", "declared, but no case exercises it" },
	{ "?", "the run does not say (no BTF, no oracle data)" },
};

static void md_kernels(const struct matrix *m, FILE *out, const char *first)
{
	fprintf(out, "| %s |", first);
	for (size_t k = 0; k < m->nk; k++)
		fprintf(out, " %s |", m->k[k].label);
	fprintf(out, "\n|---|");
	for (size_t k = 0; k < m->nk; k++)
		fprintf(out, "---|");
	fputc('\n', out);
}

void matrix_write_md(const struct matrix *m, FILE *out)
{
	char text[128];

	fprintf(out, "# BPF feature matrix\n\nKernels:");
	for (size_t k = 0; k < m->nk; k++)
		fprintf(out, "%s %s (%s)", k ? "," : "", m->k[k].label, m->k[k].release);
	fprintf(out, "\n\n");
	for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++)
		fprintf(out, "- `%s`: %s\n", legend[i][0], legend[i][1]);
	for (size_t s = 0; s < m->nsections; s++) {
		fprintf(out, "\n## %s\n\n", m->sections[s].title);
		md_kernels(m, out, "");
		for (size_t r = 0; r < m->sections[s].n; r++) {
			const struct row *row = &m->sections[s].rows[r];

			fprintf(out, "| %s |", row->name);
			for (size_t k = 0; k < m->nk; k++) {
				cell_text(&row->cells[k], text, sizeof(text));
				fprintf(out, " %s |", text);
			}
			fputc('\n', out);
		}
	}
	fprintf(out, "\n## Cases whose verdict differs between kernels (%zu)\n\n", m->ndiffs);
	if (!m->ndiffs)
		return;
	md_kernels(m, out, "case");
	for (size_t d = 0; d < m->ndiffs; d++) {
		fprintf(out, "| %s |", m->diffs[d].name);
		for (size_t k = 0; k < m->nk; k++)
			fprintf(out, " %s |", m->diffs[d].outcomes[k] ? m->diffs[d].outcomes[k] : "not run");
		fputc('\n', out);
	}
}

static void html_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
	}
}

static const char css[] =
	"body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
	"h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}"
	"table{border-collapse:collapse;margin:.5em 0}"
	"th,td{border:1px solid #ccc;padding:2px 8px;text-align:center;white-space:nowrap}"
	"th+th,td+td{min-width:4.5em}"
	"th:first-child,td:first-child{text-align:left;font-family:ui-monospace,monospace}"
	"thead th{background:#f3f3f3;position:sticky;top:0}"
	".pass{}.fail{background:#f8d7da;font-weight:bold}.known-fail{background:#f3e8f8}"
	".compiled-out{background:#fff3cd}.undeclared{color:#999}"
	".unexercised{color:#999}.skipped{color:#555;background:#f6f6f6}"
	".legend td:first-child{font-family:inherit}"
	"small{color:#666}"
	"@media print{body{margin:0;font-size:10px}thead th{position:static}"
	"h2{page-break-after:avoid}tr{page-break-inside:avoid}}";

static void html_head_row(const struct matrix *m, FILE *out, const char *first)
{
	fprintf(out, "<thead><tr><th>%s</th>", first);
	for (size_t k = 0; k < m->nk; k++) {
		fputs("<th title=\"", out);
		html_text(out, m->k[k].release);
		fputs("\">", out);
		html_text(out, m->k[k].label);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n", out);
}

void matrix_write_html(const struct matrix *m, FILE *out)
{
	char text[128];

	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		"<title>BPF feature matrix</title><style>%s</style></head><body>\n", css);
	fputs("<h1>BPF feature matrix</h1>\n<p>Kernels: ", out);
	for (size_t k = 0; k < m->nk; k++) {
		fputs(k ? ", " : "", out);
		fputs("<b>", out);
		html_text(out, m->k[k].label);
		fputs("</b> <small>", out);
		html_text(out, m->k[k].release);
		fputs("</small>", out);
	}
	fputs("</p>\n<table class=\"legend\"><tbody>\n", out);
	{
		static const char *const cls[] = { "pass", "fail", "known-fail", "compiled-out", "skipped",
						   "undeclared", "unexercised", "" };
		for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++) {
			fprintf(out, "<tr><td class=\"%s\">", cls[i]);
			html_text(out, legend[i][0]);
			fputs("</td><td style=\"text-align:left\">", out);
			html_text(out, legend[i][1]);
			fputs("</td></tr>\n", out);
		}
	}
	fputs("</tbody></table>\n<p>", out);
	for (size_t s = 0; s < m->nsections; s++)
		fprintf(out, "%s<a href=\"#s%zu\">%s</a>", s ? " · " : "Sections: ", s,
			m->sections[s].title);
	fputs(" · <a href=\"#differences\">Differences</a></p>\n", out);
	for (size_t s = 0; s < m->nsections; s++) {
		fprintf(out, "<h2 id=\"s%zu\">%s</h2>\n<table>", s, m->sections[s].title);
		if (!m->sections[s].n)
			fputs("<caption>(no values)</caption>", out);
		html_head_row(m, out, "");
		fputs("<tbody>\n", out);
		for (size_t r = 0; r < m->sections[s].n; r++) {
			const struct row *row = &m->sections[s].rows[r];

			fputs("<tr><td title=\"", out);
			html_text(out, row->full);
			fputs("\">", out);
			html_text(out, row->name);
			fputs("</td>", out);
			for (size_t k = 0; k < m->nk; k++) {
				const struct cell *c = &row->cells[k];

				cell_text(c, text, sizeof(text));
				fprintf(out, "<td class=\"%s\" title=\"", cell_state_name(c->state));
				html_text(out, c->detail);
				fputs("\">", out);
				html_text(out, text);
				fputs("</td>", out);
			}
			fputs("</tr>\n", out);
		}
		fputs("</tbody></table>\n", out);
	}
	fprintf(out, "<h2 id=\"differences\">Cases whose verdict differs between kernels (%zu)</h2>\n",
		m->ndiffs);
	if (m->ndiffs) {
		fputs("<table>", out);
		html_head_row(m, out, "case");
		fputs("<tbody>\n", out);
		for (size_t d = 0; d < m->ndiffs; d++) {
			fputs("<tr><td>", out);
			html_text(out, m->diffs[d].name);
			fputs("</td>", out);
			for (size_t k = 0; k < m->nk; k++) {
				const char *o = m->diffs[d].outcomes[k];

				fprintf(out, "<td class=\"%s\">%s</td>",
					!o ? "undeclared" : !strcmp(o, "pass") ? "pass" :
					!strcmp(o, "skip") ? "skipped" : "fail", o ? o : "not run");
			}
			fputs("</tr>\n", out);
		}
		fputs("</tbody></table>\n", out);
	}
	fputs("</body></html>\n", out);
}

void matrix_write_json(const struct matrix *m, FILE *out)
{
	fputs("{\"schema\": \"bpfconform-matrix/1\", \"kernels\": [", out);
	for (size_t k = 0; k < m->nk; k++) {
		fprintf(out, "%s{\"label\": ", k ? ", " : "");
		json_str(out, m->k[k].label);
		fputs(", \"release\": ", out);
		json_str(out, m->k[k].release);
		fputs(", \"file\": ", out);
		json_str(out, m->k[k].path);
		fputc('}', out);
	}
	fputs("],\n\"sections\": [", out);
	for (size_t s = 0; s < m->nsections; s++) {
		fprintf(out, "%s\n{\"title\": ", s ? "," : "");
		json_str(out, m->sections[s].title);
		fputs(", \"rows\": [", out);
		for (size_t r = 0; r < m->sections[s].n; r++) {
			const struct row *row = &m->sections[s].rows[r];

			fprintf(out, "%s\n {\"name\": ", r ? "," : "");
			json_str(out, row->full);
			fputs(", \"cells\": [", out);
			for (size_t k = 0; k < m->nk; k++) {
				const struct cell *c = &row->cells[k];

				fprintf(out, "%s{\"state\": \"%s\", \"pass\": %u, \"fail\": %u, \"known\": %u, "
					"\"skip\": %u, \"detail\": ", k ? ", " : "",
					cell_state_name(c->state), c->pass, c->fail, c->known, c->skip);
				json_str(out, c->detail[0] ? c->detail : NULL);
				fputc('}', out);
			}
			fputs("]}", out);
		}
		fputs("]}", out);
	}
	fputs("],\n\"differences\": [", out);
	for (size_t d = 0; d < m->ndiffs; d++) {
		fprintf(out, "%s\n {\"case\": ", d ? "," : "");
		json_str(out, m->diffs[d].name);
		fputs(", \"outcomes\": [", out);
		for (size_t k = 0; k < m->nk; k++) {
			fputs(k ? ", " : "", out);
			json_str(out, m->diffs[d].outcomes[k]);
		}
		fputs("]}", out);
	}
	fputs("]}\n", out);
}
