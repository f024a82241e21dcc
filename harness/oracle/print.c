// SPDX-License-Identifier: GPL-2.0
/* Bootstrap version of `bpfconform probe` output. */
#include "../json.h"
#include "../oracle.h"

void oracle_print(FILE *out)
{
	fprintf(out, "release: %s\nbtf: %s\n", oracle_release(), oracle_have_btf() ? "yes" : "no");
}

void oracle_print_json(FILE *out)
{
	fprintf(out, "{\"btf\": %s}", oracle_have_btf() ? "true" : "false");
}
