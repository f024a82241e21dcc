// SPDX-License-Identifier: GPL-2.0
/* The JSON reader behind matrix, diff, expect and junit. */
#include <string.h>

#include "harness/case.h"
#include "harness/jsonparse.h"

static struct jval *parse(const char *text, char *err, size_t len)
{
	return json_parse(text, strlen(text), err, len);
}

CASE("unit.json.parse.nested_document", NEEDS(UNPRIV))
{
	char err[128];
	struct jval *v = parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": {\"c\": \"d\"}} ",
			       err, sizeof(err));
	const struct jval *a;

	ASSERT_TRUE(v != NULL);
	a = json_get(v, "a");
	ASSERT_TRUE(a && a->type == J_ARRAY);
	ASSERT_EQ(5, a->n);
	ASSERT_TRUE(a->items[1]->num == -25.0);
	ASSERT_EQ(J_TRUE, a->items[2]->type);
	ASSERT_EQ(J_NULL, a->items[4]->type);
	ASSERT_STREQ("d", json_get_str(json_get(v, "b"), "c", NULL));
	json_free(v);
}

CASE("unit.json.parse.string_escapes", NEEDS(UNPRIV))
{
	char err[128];
	struct jval *v = parse("\"q\\\" b\\\\ n\\n u\\u00e9 s\\ud83d\\ude00\"", err, sizeof(err));

	ASSERT_TRUE(v && v->type == J_STRING);
	ASSERT_STREQ("q\" b\\ n\n u\xc3\xa9 s\xf0\x9f\x98\x80", v->str);
	json_free(v);
}

static const char *const malformed[] = {
	"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "\"unterminated", "[1] x",
	"\"\\ud800\"", "\"bad \\q\"", "tru", "{1: 2}", "\"tab\there\"",
};

CASE("unit.json.parse.malformed_rejected", NEEDS(UNPRIV))
{
	for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++) {
		char err[128] = "";
		struct jval *v = parse(malformed[i], err, sizeof(err));

		EXPECT_TRUE(v == NULL);
		EXPECT_TRUE(strncmp(err, "line ", 5) == 0);
		json_free(v);
	}
}

CASE("unit.json.parse.error_position", NEEDS(UNPRIV))
{
	char err[128] = "";

	ASSERT_TRUE(parse("{\n  \"a\": [1, 2,\n  ]}", err, sizeof(err)) == NULL);
	ASSERT_STREQ("line 3 col 3: unexpected character", err);
}

CASE("unit.json.parse.depth_limited", NEEDS(UNPRIV))
{
	char deep[200], err[128];

	memset(deep, '[', sizeof(deep) - 1);
	deep[sizeof(deep) - 1] = 0;
	ASSERT_TRUE(parse(deep, err, sizeof(err)) == NULL);
	ASSERT_TRUE(strstr(err, "nested too deeply") != NULL);
}
