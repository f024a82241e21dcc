// SPDX-License-Identifier: GPL-2.0
/*
 * Running ISA rows in the kernel: the body is wrapped so that its 64-bit
 * R0 reaches user space (BPF_PROG_TEST_RUN's retval has 32 bits), loaded as
 * a socket filter, run once on test_pkt_v4, and checked.  Kernel history:
 * BPF_PSEUDO_MAP_VALUE (the epilogue's direct map-value address) is 5.1,
 * older than every kernel we boot.
 */
#include <stdlib.h>

#include "isa.h"

#define ISA_OUT "isa_out"
#define OUT_R0 0
#define OUT_MARK 8
#define OUT_SIZE 16

static int mem_fd = -1, out_fd = -1;

static int lookup(const char *name, void *ctx)
{
	(void)ctx;
	if (!strcmp(name, ISA_MEM))
		return mem_fd;
	if (!strcmp(name, ISA_OUT))
		return out_fd;
	return -1;
}

/* Labels that start subprograms: targets of bpf-to-bpf calls and of
 * BPF_LD_FUNC.  The main program ends before the first of them. */
static int is_subprog_label(struct asm_prog p, const char *label)
{
	for (size_t i = 0; i < p.n; i++) {
		const struct asm_insn *a = &p.items[i];

		if (!a->target || strcmp(a->target, label))
			continue;
		if (a->insn.code == (BPF_JMP | BPF_CALL) ||
		    a->insn.code == (BPF_LD | BPF_DW | BPF_IMM))
			return 1;
	}
	return 0;
}

static const struct asm_insn prologue[] = {
	BPF_MOV64_IMM(BPF_REG_0, 0),
	BPF_MOV64_IMM(BPF_REG_2, 0),
	BPF_MOV64_IMM(BPF_REG_3, 0),
	BPF_MOV64_IMM(BPF_REG_4, 0),
	BPF_MOV64_IMM(BPF_REG_5, 0),
	BPF_MOV64_IMM(BPF_REG_6, 0),
	BPF_MOV64_IMM(BPF_REG_7, 0),
	BPF_MOV64_IMM(BPF_REG_8, 0),
	BPF_MOV64_IMM(BPF_REG_9, 0),
};

static const struct asm_insn epilogue[] = {
	LABEL("isa_epilogue"),
	BPF_LD_MAP_VALUE(BPF_REG_1, ISA_OUT, 0),
	BPF_STX_MEM(BPF_DW, BPF_REG_1, BPF_REG_0, OUT_R0),	/* out.r0 = r0 */
	BPF_ST_MEM(BPF_DW, BPF_REG_1, OUT_MARK, 1),		/* out.mark = 1 */
	BPF_EXIT_INSN(),
};

#define NPRO (sizeof(prologue) / sizeof(prologue[0]))
#define NEPI (sizeof(epilogue) / sizeof(epilogue[0]))

int isa_load(const struct isa_row *row)
{
	struct asm_prog body = row->prog;
	struct asm_insn *items = malloc((body.n + NPRO + NEPI) * sizeof(*items));
	size_t n = 0, i, cap;
	struct bpf_insn *insns;
	char err[256];
	int cnt, fd;

	SETUP(items);
	mem_fd = SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, ISA_MEM_SIZE, 1, 0));
	out_fd = SETUP_RET(map_create(BPF_MAP_TYPE_ARRAY, 4, OUT_SIZE, 1, 0));

	memcpy(items, prologue, sizeof(prologue));
	n = NPRO;
	for (i = 0; i < body.n; i++) {
		const struct asm_insn *a = &body.items[i];

		if (a->label && is_subprog_label(body, a->label))
			break;
		if (!a->label && a->insn.code == (BPF_JMP | BPF_EXIT))
			items[n++] = (struct asm_insn)BPF_JMP_A("isa_epilogue");
		else
			items[n++] = *a;
	}
	memcpy(items + n, epilogue, sizeof(epilogue));
	n += NEPI;
	for (; i < body.n; i++)
		items[n++] = body.items[i];

	cap = asm_len((struct asm_prog){ items, n });
	insns = malloc(cap * sizeof(*insns));
	SETUP(insns);
	cnt = asm_resolve((struct asm_prog){ items, n }, insns, cap, lookup, NULL,
			  err, sizeof(err));
	if (cnt < 0)
		case_error(__FILE__, __LINE__, "row program does not resolve: %s", err);
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.raw = insns, .raw_cnt = (size_t)cnt,
	});
	free(insns);
	free(items);
	return fd;
}

int isa_run(int prog_fd, struct isa_run *out)
{
	struct test_run run = { .data_in = test_pkt_v4, .data_size_in = sizeof(test_pkt_v4) };
	unsigned char val[OUT_SIZE] = { 0 };
	__u32 key = 0;
	__u64 mark;
	int ret;

	SETUP_RET(map_update(out_fd, &key, val, BPF_ANY));
	ret = prog_test_run(prog_fd, &run);
	if (ret)
		return ret;
	SETUP_RET(map_lookup(out_fd, &key, val));
	memcpy(&out->r0, val + OUT_R0, 8);
	memcpy(&mark, val + OUT_MARK, 8);
	out->reached_epilogue = mark == 1;
	out->retval = run.retval;
	return 0;
}

/* ---- rows as cases ---- */

static void row_case(const void *arg)
{
	const struct isa_row *row = arg;
	struct isa_run run;
	int fd = isa_load(row);

	if (row->load_errno) {
		ASSERT_ERRNO(row->load_errno, fd);
		return;
	}
	ASSERT_FD(fd);
	ASSERT_OK(isa_run(fd, &run));
	if (row->flags & ISA_ABORTS) {
		ASSERT_EQ(0, run.reached_epilogue);
		ASSERT_EQ(0, run.retval);
		return;
	}
	ASSERT_EQ(1, run.reached_epilogue);
	EXPECT_EQ_U64(row->r0, run.r0);
	EXPECT_EQ_U64((__u32)row->r0, run.retval);
}

static const char *const isa_names[] = { "v0", "v1", "v2", "v3", "v4" };

/* Helpers a row calls, as needs (only those the rows use). */
static const struct need *helper_need(int id)
{
	static const struct need lookup_elem = HELPER(map_lookup_elem);

	return id == BPF_FUNC_map_lookup_elem ? &lookup_elem : NULL;
}

void isa_add_table(const struct isa_table *t)
{
	for (size_t r = 0; r < t->n; r++) {
		const struct isa_row *row = &t->rows[r];
		size_t cap = asm_len(row->prog) + 1, nn = 0;
		struct bpf_insn *insns = malloc(cap * sizeof(*insns));
		struct need *needs = calloc(16, sizeof(*needs));
		struct bc_case *c = calloc(1, sizeof(*c));
		char err[256];
		int cnt, isa;

		if (!insns || !needs || !c)
			abort();
		cnt = isa_resolve_fake(row, insns, cap, err, sizeof(err));
		/* An unresolvable row becomes a case that reports ERROR. */
		isa = cnt < 0 ? 1 : insn_isa_version(insns, (size_t)cnt);
		needs[nn++] = (struct need){ NEED_ISA, isa_names[isa], isa };
		needs[nn++] = (struct need)PROG_TYPE(SOCKET_FILTER);
		needs[nn++] = (struct need)CMD(PROG_LOAD);
		if (!row->load_errno)
			needs[nn++] = (struct need)CMD(PROG_TEST_RUN);
		needs[nn++] = (struct need)MAP(ARRAY);
		for (int i = 0; i < cnt && nn < 14; i++) {
			const struct need *h;

			if (insns[i].code == (BPF_JMP | BPF_CALL) && insns[i].src_reg == 0 &&
			    (h = helper_need(insns[i].imm)))
				needs[nn++] = *h;
		}
		free(insns);
		c->name = row->name;
		c->fn = row_case;
		c->arg = row;
		c->needs = needs;
		c->file = __FILE__;
		c->line = __LINE__;
		case_add(c);
	}
}
