/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The list of ISA row tables.  Included by exactly one file of each binary:
 * tables.c (the suite) and tests/unit/interp_rows.c (the unit tests).
 */
#include "isa.h"
#include "rows_alu64.h"
#include "rows_alu32.h"
#include "rows_v4.h"
#include "rows_jmp.h"
#include "rows_mem.h"
#include "rows_atomic.h"
#include "rows_call.h"
#include "rows_pkt.h"
#include "rows_pseudo.h"

const struct isa_table isa_tables[] = {
	ISA_TABLE(isa_alu64_rows),
	ISA_TABLE(isa_alu32_rows),
	ISA_TABLE(isa_v4_rows),
	ISA_TABLE(isa_jmp_rows),
	ISA_TABLE(isa_mem_rows),
	ISA_TABLE(isa_atomic_rows),
	ISA_TABLE(isa_call_rows),
	ISA_TABLE(isa_pkt_rows),
	ISA_TABLE(isa_pseudo_rows),
};
const size_t isa_ntables = sizeof(isa_tables) / sizeof(isa_tables[0]);

