// SPDX-License-Identifier: GPL-2.0
/* Bootstrap version: raw fields only; the readable disassembler replaces it. */
#include <stdio.h>

#include "insn.h"

int insn_disasm(const struct bpf_insn *insn, size_t remaining, char *buf, size_t len)
{
	(void)remaining;
	snprintf(buf, len, "code=%#04x dst=r%u src=r%u off=%d imm=%d", insn->code,
		 insn->dst_reg, insn->src_reg, insn->off, insn->imm);
	return 1;
}

void insn_dump(const struct bpf_insn *insns, size_t cnt, const char *prefix,
	       void (*emit)(const char *line, void *ctx), void *ctx)
{
	char text[128], line[192];

	for (size_t i = 0; i < cnt;) {
		int n = insn_disasm(&insns[i], cnt - i, text, sizeof(text));

		snprintf(line, sizeof(line), "%s%4zu: %s", prefix, i, text);
		emit(line, ctx);
		i += n;
	}
}
