/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading JSON (results files, for matrix and diff): a small DOM parser.
 * Strict RFC 8259; a malformed file is an error with line and column.
 */
#ifndef BPFCONFORM_JSONPARSE_H
#define BPFCONFORM_JSONPARSE_H

#include <stddef.h>

enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jval {
	enum jtype type;
	double num;
	char *str;		/* J_STRING: UTF-8, NUL-terminated */
	size_t n;		/* J_ARRAY, J_OBJECT: number of items */
	struct jval **items;	/* J_ARRAY, J_OBJECT values */
	char **keys;		/* J_OBJECT keys */
};

/* Parse 'len' bytes; NULL with "line L col C: what" in 'err'. */
struct jval *json_parse(const char *text, size_t len, char *err, size_t errlen);
/* Read and parse a file; the error names the file. */
struct jval *json_load(const char *path, char *err, size_t errlen);
void json_free(struct jval *v);

/* Object member by key, or NULL (also when 'obj' is not an object). */
const struct jval *json_get(const struct jval *obj, const char *key);
/* The string of member 'key', or 'def' when absent or not a string. */
const char *json_get_str(const struct jval *obj, const char *key, const char *def);
double json_get_num(const struct jval *obj, const char *key, double def);

#endif
