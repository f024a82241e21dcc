// SPDX-License-Identifier: GPL-2.0
/* Building the matrix from results files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define KNOWN(m, k) ((m)->expect ? &(m)->expect[k] : NULL)

static const struct {
	const char *title, *kind, *enum_name, *prefix;
} enum_sections[] = {
	{ "Commands", "cmd", "bpf_cmd", "BPF_" },
	{ "Program types", "prog_type", "bpf_prog_type", "BPF_PROG_TYPE_" },
	{ "Map types", "map_type", "bpf_map_type", "BPF_MAP_TYPE_" },
	{ "Attach types", "attach_type", "bpf_attach_type", "BPF_" },
	{ "Link types", "link_type", "bpf_link_type", "BPF_LINK_TYPE_" },
};

const char *cell_state_name(enum cell_state s)
{
	static const char *const names[] = {
		[CELL_PASS] = "pass", [CELL_FAIL] = "fail", [CELL_KNOWN_FAIL] = "known-fail",
		[CELL_UNDECLARED] = "undeclared",
		[CELL_COMPILED_OUT] = "compiled-out", [CELL_SKIPPED] = "skipped",
		[CELL_UNEXERCISED] = "unexercised", [CELL_UNKNOWN] = "unknown",
	};
	return names[s];
}

void cell_text(const struct cell *c, char *buf, size_t len)
{
	switch (c->state) {
	case CELL_PASS: snprintf(buf, len, "ok %u", c->pass); break;
	case CELL_FAIL:
		snprintf(buf, len, "FAIL %u/%u", c->fail, c->pass + c->fail + c->known);
		break;
	case CELL_KNOWN_FAIL:
		snprintf(buf, len, "known %u/%u", c->known, c->pass + c->known);
		break;
	case CELL_UNDECLARED: snprintf(buf, len, "—"); break;
	case CELL_COMPILED_OUT: snprintf(buf, len, "off: %s", c->detail); break;
	case CELL_SKIPPED: snprintf(buf, len, "skip"); break;
	case CELL_UNEXERCISED: snprintf(buf, len, "·"); break;
	default: snprintf(buf, len, "?"); break;
	}
}

/* Sentinels are not features. */
static int is_sentinel(const char *name)
{
	return !strncmp(name, "__MAX_", 6) || !strncmp(name, "MAX_", 4) ||
	       !strcmp(name, "BPF_COMMON_ATTRS");
}

struct names {
	char **v;
	size_t n;
};

static void add_name(const char *member, void *ctx)
{
	struct names *ns = ctx;

	if (is_sentinel(member))
		return;
	for (size_t i = 0; i < ns->n; i++)
		if (!strcmp(ns->v[i], member))
			return;
	ns->v = realloc(ns->v, (ns->n + 1) * sizeof(*ns->v));
	ns->v[ns->n++] = strdup(member);
}

static int covers(const struct jval *c, const char *kind, const char *name)
{
	const struct jval *cov = json_get(c, "covers");

	for (size_t i = 0; cov && cov->type == J_ARRAY && i < cov->n; i++)
		if (!strcmp(json_get_str(cov->items[i], "kind", ""), kind) &&
		    !strcmp(json_get_str(cov->items[i], "name", ""), name))
			return 1;
	return 0;
}

/* "CONFIG_BPF_LSM is not set" -> "CONFIG_BPF_LSM"; 0 if no option named. */
static int config_of(const char *reason, char *out, size_t len)
{
	const char *p = reason ? strstr(reason, "CONFIG_") : NULL;
	size_t n = 0;

	if (!p || !strstr(reason, "is not set"))
		return 0;
	while (p[n] && (p[n] == '_' || (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9')))
		n++;
	snprintf(out, len, "%.*s", (int)n, p);
	return 1;
}

static void tally(struct cell *cell, const struct jval *c, const struct expectations *known)
{
	const char *o = json_get_str(c, "outcome", "");
	const char *reason = json_get_str(c, "reason", NULL);

	if (!strcmp(o, "pass")) {
		cell->pass++;
	} else if (!strcmp(o, "skip")) {
		char cfg[64];

		if (!cell->skip && !cell->fail)
			snprintf(cell->detail, sizeof(cell->detail), "%s", reason ? reason : "");
		if (config_of(reason, cfg, sizeof(cfg)) && cell->state != CELL_COMPILED_OUT) {
			cell->state = CELL_COMPILED_OUT;
			snprintf(cell->detail, sizeof(cell->detail), "%s", cfg);
		}
		cell->skip++;
	} else if (known && expectations_match(known, json_get_str(c, "name", ""))) {
		if (!cell->fail && !cell->known)
			snprintf(cell->detail, sizeof(cell->detail), "known: %s: %s",
				 json_get_str(c, "name", ""),
				 expectations_match(known, json_get_str(c, "name", ""))->reason);
		cell->known++;
	} else {
		if (!cell->fail)
			snprintf(cell->detail, sizeof(cell->detail), "%s: %s",
				 json_get_str(c, "name", ""), reason ? reason : o);
		cell->fail++;
	}
}

static void enum_cell(struct cell *cell, const struct kresult *k, const char *kind,
		      const char *enum_name, const char *member, const struct expectations *known)
{
	int declared = results_declares(k, enum_name, member), undeclared_skip = 0;

	memset(cell, 0, sizeof(*cell));
	cell->state = CELL_UNKNOWN;
	for (size_t i = 0; i < k->cases->n; i++) {
		const struct jval *c = k->cases->items[i];

		if (!covers(c, kind, member))
			continue;
		tally(cell, c, known);
		if (strstr(json_get_str(c, "reason", ""), "kernel has no"))
			undeclared_skip = 1;
	}
	if (declared == 0 || (declared < 0 && undeclared_skip && !cell->pass && !cell->fail))
		cell->state = CELL_UNDECLARED;
	else if (cell->fail)
		cell->state = CELL_FAIL;
	else if (cell->known)
		cell->state = CELL_KNOWN_FAIL;
	else if (cell->pass)
		cell->state = CELL_PASS;
	else if (cell->skip && cell->state != CELL_COMPILED_OUT)
		cell->state = CELL_SKIPPED;
	else if (!cell->skip)
		cell->state = declared > 0 ? CELL_UNEXERCISED : CELL_UNKNOWN;
}

static struct row *add_row(struct section *s, const char *name, const char *full, size_t nk)
{
	struct row *r;

	s->rows = realloc(s->rows, (s->n + 1) * sizeof(*s->rows));
	r = &s->rows[s->n++];
	snprintf(r->name, sizeof(r->name), "%s", name);
	snprintf(r->full, sizeof(r->full), "%s", full);
	r->cells = calloc(nk, sizeof(*r->cells));
	return r;
}

static struct section *add_section(struct matrix *m, const char *title)
{
	struct section *s;

	m->sections = realloc(m->sections, (m->nsections + 1) * sizeof(*m->sections));
	s = &m->sections[m->nsections++];
	memset(s, 0, sizeof(*s));
	s->title = title;
	return s;
}

static void build_enum_section(struct matrix *m, size_t e)
{
	struct section *s = add_section(m, enum_sections[e].title);
	struct names ns = { 0 };
	size_t plen = strlen(enum_sections[e].prefix);

	/* Newest kernel first: its enum order is the order of the rows. */
	for (size_t k = m->nk; k-- > 0;)
		results_enum_walk(&m->k[k], enum_sections[e].enum_name, add_name, &ns);
	/* Values cases name that no kernel listed (a run without an oracle). */
	for (size_t k = 0; k < m->nk; k++)
		for (size_t i = 0; i < m->k[k].cases->n; i++) {
			const struct jval *cov = json_get(m->k[k].cases->items[i], "covers");

			for (size_t j = 0; cov && cov->type == J_ARRAY && j < cov->n; j++)
				if (!strcmp(json_get_str(cov->items[j], "kind", ""), enum_sections[e].kind))
					add_name(json_get_str(cov->items[j], "name", ""), &ns);
		}
	for (size_t i = 0; i < ns.n; i++) {
		const char *full = ns.v[i];
		const char *shown = !strncmp(full, enum_sections[e].prefix, plen) ? full + plen : full;
		struct row *r = add_row(s, shown, full, m->nk);

		for (size_t k = 0; k < m->nk; k++)
			enum_cell(&r->cells[k], &m->k[k], enum_sections[e].kind,
				  enum_sections[e].enum_name, full, KNOWN(m, k));
		free(ns.v[i]);
	}
	free(ns.v);
}

/* The ISA level the oracle found, whatever shape it reported it in. */
static int isa_level(const struct kresult *k)
{
	const struct jval *isa = json_get(k->oracle, "isa");

	if (isa && isa->type == J_NUMBER)
		return (int)isa->num;
	return (int)json_get_num(isa, "level", json_get_num(isa, "version", 0));
}

static void build_isa_section(struct matrix *m)
{
	struct section *s = add_section(m, "Instruction set");

	for (int v = 1; v <= 4; v++) {
		char name[8], full[16];
		struct row *r;

		snprintf(name, sizeof(name), "v%d", v);
		snprintf(full, sizeof(full), "isa v%d", v);
		r = add_row(s, name, full, m->nk);
		for (size_t k = 0; k < m->nk; k++) {
			int level = isa_level(&m->k[k]);
			struct cell *c = &r->cells[k];

			c->state = !level ? CELL_UNKNOWN : level < v ? CELL_UNDECLARED : CELL_UNEXERCISED;
			for (size_t i = 0; i < m->k[k].cases->n; i++)
				if (covers(m->k[k].cases->items[i], "isa", name))
					tally(c, m->k[k].cases->items[i], KNOWN(m, k));
			if (c->state == CELL_UNDECLARED)
				continue;
			if (c->fail)
				c->state = CELL_FAIL;
			else if (c->known)
				c->state = CELL_KNOWN_FAIL;
			else if (c->pass)
				c->state = CELL_PASS;
		}
	}
}

/* Areas of behaviour: cases grouped by the first two parts of their name. */
static void build_area_section(struct matrix *m)
{
	struct section *s = add_section(m, "Behaviour by area");
	struct names ns = { 0 };

	for (size_t k = 0; k < m->nk; k++)
		for (size_t i = 0; i < m->k[k].cases->n; i++) {
			const char *name = json_get_str(m->k[k].cases->items[i], "name", "");
			const char *dot = strchr(name, '.');
			char area[96];

			dot = dot ? strchr(dot + 1, '.') : NULL;
			if (!dot)
				continue;
			snprintf(area, sizeof(area), "%.*s", (int)(dot - name), name);
			add_name(area, &ns);
		}
	for (size_t i = 0; i < ns.n; i++) {
		struct row *r = add_row(s, ns.v[i], ns.v[i], m->nk);
		size_t alen = strlen(ns.v[i]);

		for (size_t k = 0; k < m->nk; k++) {
			struct cell *c = &r->cells[k];

			for (size_t j = 0; j < m->k[k].cases->n; j++) {
				const char *name = json_get_str(m->k[k].cases->items[j], "name", "");

				if (!strncmp(name, ns.v[i], alen) && name[alen] == '.')
					tally(c, m->k[k].cases->items[j], KNOWN(m, k));
			}
			c->state = c->fail ? CELL_FAIL : c->known ? CELL_KNOWN_FAIL :
				   c->pass ? CELL_PASS :
				   c->state == CELL_COMPILED_OUT ? CELL_COMPILED_OUT :
				   c->skip ? CELL_SKIPPED : CELL_UNEXERCISED;
		}
		free(ns.v[i]);
	}
	free(ns.v);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct diff_row *)a)->name, ((const struct diff_row *)b)->name);
}

/* Cases whose verdict is not the same on every kernel. */
static void build_diffs(struct matrix *m)
{
	struct names ns = { 0 };

	for (size_t k = 0; k < m->nk; k++)
		for (size_t i = 0; i < m->k[k].cases->n; i++)
			add_name(json_get_str(m->k[k].cases->items[i], "name", ""), &ns);
	for (size_t i = 0; i < ns.n; i++) {
		const char **o = calloc(m->nk, sizeof(*o));
		int differs = 0;

		for (size_t k = 0; k < m->nk; k++) {
			o[k] = results_outcome(&m->k[k], ns.v[i]);
			if (k && (!o[k] != !o[0] || (o[k] && strcmp(o[k], o[0]))))
				differs = 1;
		}
		if (!differs) {
			free(o);
			free(ns.v[i]);
			continue;
		}
		m->diffs = realloc(m->diffs, (m->ndiffs + 1) * sizeof(*m->diffs));
		m->diffs[m->ndiffs].name = ns.v[i];
		m->diffs[m->ndiffs++].outcomes = o;
	}
	free(ns.v);
	if (m->ndiffs)
		qsort(m->diffs, m->ndiffs, sizeof(*m->diffs), by_name);
}

void matrix_build(struct matrix *m, struct kresult *k, size_t nk,
		  const struct expectations *expect)
{
	memset(m, 0, sizeof(*m));
	m->k = k;
	m->nk = nk;
	m->expect = expect;
	for (size_t e = 0; e < sizeof(enum_sections) / sizeof(enum_sections[0]); e++)
		build_enum_section(m, e);
	build_isa_section(m);
	build_area_section(m);
	build_diffs(m);
}
