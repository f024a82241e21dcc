// SPDX-License-Identifier: GPL-2.0
/*
 * The reference interpreter (insn/interp.c) against the ISA cases' own
 * expectations: every row of cases/isa/rows_*.h that the kernel must run
 * is run here too, with no kernel, and must give the row's R0 (or end
 * early, for the out-of-packet loads).  A disagreement is a bug in the
 * interpreter or in the row -- either way the differential runs of
 * `bpfconform fuzz` would be comparing against a wrong reference.
 * Rows the verifier must refuse have no result to compare.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cases/isa/tables.h"

static void row_in_interp(const void *arg)
{
	const struct isa_row *row = arg;
	size_t cap = asm_len(row->prog) + 1;
	struct bpf_insn *insns = malloc(cap * sizeof(*insns));
	unsigned char mem[ISA_MEM_SIZE];
	struct interp_result res;
	char err[256];
	int cnt;

	SETUP(insns);
	cnt = isa_resolve_fake(row, insns, cap, err, sizeof(err));
	if (cnt < 0)
		case_error(__FILE__, __LINE__, "row does not resolve: %s", err);
	isa_interp(insns, (size_t)cnt, mem, &res);
	if (res.status == INTERP_FAULT)
		case_note("interpreter fault at insn %zu: %s", res.pc, res.why);
	if (row->flags & ISA_ABORTS) {
		ASSERT_EQ(INTERP_ABORT, res.status);
		ASSERT_EQ(0, res.regs[0]);
		return;
	}
	ASSERT_EQ(INTERP_EXIT, res.status);
	ASSERT_EQ_U64(row->r0, res.regs[0]);
	free(insns);
}

static void interp_rows(void)
{
	for (size_t t = 0; t < isa_ntables; t++)
		for (size_t r = 0; r < isa_tables[t].n; r++) {
			const struct isa_row *row = &isa_tables[t].rows[r];
			struct bc_case *c;

			if (row->load_errno)
				continue;
			c = calloc(1, sizeof(*c));
			if (!c)
				abort();
			/* isa.alu64.add_k.basic -> unit.interp.alu64.add_k.basic */
			c->name = case_strdup("unit.interp.%s", row->name + strlen("isa."));
			c->fn = row_in_interp;
			c->arg = row;
			c->needs = NULL;
			c->file = __FILE__;
			c->line = __LINE__;
			case_add(c);
		}
}
CASE_GENERATOR(interp_rows)
