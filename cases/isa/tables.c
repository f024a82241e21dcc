// SPDX-License-Identifier: GPL-2.0
/*
 * Every ISA row table, registered as cases (one case per row, its needs
 * computed from its program by isa_add_table()).  The tables themselves
 * are in rows_*.h, shared with the interpreter's unit tests.
 */
#include "tables.h"

static void isa_rows(void)
{
	for (size_t i = 0; i < isa_ntables; i++)
		isa_add_table(&isa_tables[i]);
}
CASE_GENERATOR(isa_rows)
