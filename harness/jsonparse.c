// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonparse.h"

#define MAX_DEPTH 64

struct parser {
	const char *s, *end, *start;
	char *err;
	size_t errlen;
	int failed;
};

static void fail(struct parser *p, const char *what)
{
	int line = 1, col = 1;

	if (p->failed)
		return;
	for (const char *q = p->start; q < p->s && q < p->end; q++) {
		if (*q == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	snprintf(p->err, p->errlen, "line %d col %d: %s", line, col, what);
	p->failed = 1;
}

static void ws(struct parser *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
		p->s++;
}

static struct jval *new(enum jtype t)
{
	struct jval *v = calloc(1, sizeof(*v));

	v->type = t;
	return v;
}

static int hex4(struct parser *p, unsigned *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++, p->s++) {
		char c = p->s < p->end ? *p->s : 0;

		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static void put_utf8(char *buf, size_t *n, unsigned cp)
{
	if (cp < 0x80) {
		buf[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		buf[(*n)++] = (char)(0xc0 | cp >> 6);
		buf[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		buf[(*n)++] = (char)(0xe0 | cp >> 12);
		buf[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else {
		buf[(*n)++] = (char)(0xf0 | cp >> 18);
		buf[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
		buf[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[(*n)++] = (char)(0x80 | (cp & 0x3f));
	}
}

/* At the opening quote; returns a malloc'd UTF-8 string. */
static char *string(struct parser *p)
{
	const char *q;
	char *buf;
	size_t n = 0;

	p->s++;
	/* The decoded string is never longer than the encoded one. */
	for (q = p->s; q < p->end && *q != '"'; q++)
		if (*q == '\\')
			q++;
	if (q >= p->end) {
		fail(p, "unterminated string");
		return NULL;
	}
	buf = malloc((size_t)(q - p->s) + 1);
	while (*p->s != '"') {
		unsigned char c = (unsigned char)*p->s++;
		unsigned cp, lo;

		if (c < 0x20) {
			p->s--;
			fail(p, "control character in string");
			free(buf);
			return NULL;
		}
		if (c != '\\') {
			buf[n++] = (char)c;
			continue;
		}
		c = (unsigned char)*p->s++;
		switch (c) {
		case '"': buf[n++] = '"'; break;
		case '\\': buf[n++] = '\\'; break;
		case '/': buf[n++] = '/'; break;
		case 'b': buf[n++] = '\b'; break;
		case 'f': buf[n++] = '\f'; break;
		case 'n': buf[n++] = '\n'; break;
		case 'r': buf[n++] = '\r'; break;
		case 't': buf[n++] = '\t'; break;
		case 'u':
			if (hex4(p, &cp))
				goto bad_escape;
			if (cp >= 0xd800 && cp < 0xdc00) {
				if (p->end - p->s < 6 || p->s[0] != '\\' || p->s[1] != 'u')
					goto bad_escape;
				p->s += 2;
				if (hex4(p, &lo) || lo < 0xdc00 || lo > 0xdfff)
					goto bad_escape;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp < 0xe000) {
				goto bad_escape;
			}
			put_utf8(buf, &n, cp);
			break;
		default:
			goto bad_escape;
		}
	}
	p->s++;
	buf[n] = 0;
	return buf;
bad_escape:
	fail(p, "bad escape in string");
	free(buf);
	return NULL;
}

static struct jval *value(struct parser *p, int depth);

static struct jval *container(struct parser *p, int depth, int object)
{
	struct jval *v = new(object ? J_OBJECT : J_ARRAY);
	size_t cap = 0;
	char close = object ? '}' : ']';

	p->s++;
	ws(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		return v;
	}
	for (;;) {
		char *key = NULL;
		struct jval *item;

		ws(p);
		if (object) {
			if (p->s >= p->end || *p->s != '"') {
				fail(p, "expected a string key");
				break;
			}
			key = string(p);
			if (!key)
				break;
			ws(p);
			if (p->s >= p->end || *p->s != ':') {
				free(key);
				fail(p, "expected ':'");
				break;
			}
			p->s++;
		}
		item = value(p, depth + 1);
		if (!item) {
			free(key);
			break;
		}
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			v->items = realloc(v->items, cap * sizeof(*v->items));
			if (object)
				v->keys = realloc(v->keys, cap * sizeof(*v->keys));
		}
		v->items[v->n] = item;
		if (object)
			v->keys[v->n] = key;
		v->n++;
		ws(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			return v;
		}
		fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
		break;
	}
	json_free(v);
	return NULL;
}

static struct jval *number(struct parser *p)
{
	const char *q = p->s;
	char buf[64], *end;
	struct jval *v;

	if (q < p->end && *q == '-')
		q++;
	if (q >= p->end || *q < '0' || *q > '9') {
		fail(p, "bad number");
		return NULL;
	}
	if (*q == '0' && q + 1 < p->end && q[1] >= '0' && q[1] <= '9') {
		fail(p, "leading zero in number");
		return NULL;
	}
	while (q < p->end && strchr("0123456789+-.eE", *q))
		q++;
	if (q - p->s >= (long)sizeof(buf)) {
		fail(p, "number too long");
		return NULL;
	}
	memcpy(buf, p->s, (size_t)(q - p->s));
	buf[q - p->s] = 0;
	v = new(J_NUMBER);
	v->num = strtod(buf, &end);
	if (*end) {
		fail(p, "bad number");
		json_free(v);
		return NULL;
	}
	p->s = q;
	return v;
}

static int word(struct parser *p, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(p->end - p->s) >= n && !memcmp(p->s, w, n)) {
		p->s += n;
		return 1;
	}
	return 0;
}

static struct jval *value(struct parser *p, int depth)
{
	struct jval *v;

	if (depth > MAX_DEPTH) {
		fail(p, "nested too deeply");
		return NULL;
	}
	ws(p);
	if (p->s >= p->end) {
		fail(p, "unexpected end");
		return NULL;
	}
	switch (*p->s) {
	case '{': return container(p, depth, 1);
	case '[': return container(p, depth, 0);
	case '"':
		v = new(J_STRING);
		v->str = string(p);
		if (!v->str) {
			free(v);
			return NULL;
		}
		return v;
	case 'n': if (word(p, "null")) return new(J_NULL); break;
	case 't': if (word(p, "true")) return new(J_TRUE); break;
	case 'f': if (word(p, "false")) return new(J_FALSE); break;
	default:
		if (*p->s == '-' || (*p->s >= '0' && *p->s <= '9'))
			return number(p);
	}
	fail(p, "unexpected character");
	return NULL;
}

struct jval *json_parse(const char *text, size_t len, char *err, size_t errlen)
{
	struct parser p = { text, text + len, text, err, errlen, 0 };
	struct jval *v = value(&p, 0);

	if (!v)
		return NULL;
	ws(&p);
	if (p.s != p.end) {
		fail(&p, "trailing data after the value");
		json_free(v);
		return NULL;
	}
	return v;
}

struct jval *json_load(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, len = 0, n;
	char *buf, inner[200];
	struct jval *v;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = malloc(cap);
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	v = json_parse(buf, len, inner, sizeof(inner));
	if (!v)
		snprintf(err, errlen, "%s: not valid JSON: %s", path, inner);
	free(buf);
	return v;
}

void json_free(struct jval *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		json_free(v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	free(v);
}

const struct jval *json_get(const struct jval *obj, const char *key)
{
	if (!obj || obj->type != J_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (!strcmp(obj->keys[i], key))
			return obj->items[i];
	return NULL;
}

const char *json_get_str(const struct jval *obj, const char *key, const char *def)
{
	const struct jval *v = json_get(obj, key);

	return v && v->type == J_STRING ? v->str : def;
}

double json_get_num(const struct jval *obj, const char *key, double def)
{
	const struct jval *v = json_get(obj, key);

	return v && v->type == J_NUMBER ? v->num : def;
}
