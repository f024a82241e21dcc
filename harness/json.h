/* SPDX-License-Identifier: GPL-2.0 */
/* Writing JSON: string escaping, the one thing that is easy to get wrong. */
#ifndef BPFCONFORM_JSON_H
#define BPFCONFORM_JSON_H

#include <stdio.h>

/* Write 's' as a JSON string, quotes included ("null" for NULL). */
void json_str(FILE *out, const char *s);

#endif
