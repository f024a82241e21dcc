// SPDX-License-Identifier: GPL-2.0
/*
 * Running ISA rows in the kernel: the body is wrapped so that its 64-bit
 * R0 reaches user space (BPF_PROG_TEST_RUN's retval has 32 bits), loaded as
 * a socket filter, run once on test_pkt_v4, and checked.  Kernel history:
 * BPF_PSEUDO_MAP_VALUE (the epilogue's direct map-value address) is 5.1,
 * older than every kernel we boot.
 */
#include <stdlib.h>

#include "harness/btf_build.h"
#include "harness/oracle.h"
#include "isa.h"

#define ISA_OUT "isa_out"
#define OUT_R0 0
#define OUT_MARK 8
#define OUT_SIZE 16

static int mem_fd = -1, out_fd = -1;

static int lookup(const char *name, void *ctx)
{
	(void)ctx;
	if (!strncmp(name, ISA_BTF_VAR_PREFIX, strlen(ISA_BTF_VAR_PREFIX)))
		return oracle_btf_id(name + strlen(ISA_BTF_VAR_PREFIX), BTF_KIND_VAR);
	if (!strncmp(name, ISA_KFUNC_PREFIX, strlen(ISA_KFUNC_PREFIX)))
		return oracle_btf_id(name + strlen(ISA_KFUNC_PREFIX), BTF_KIND_FUNC);
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

/*
 * A program that takes a subprogram's address (LD_IMM64 src 4, for a
 * callback) must carry BTF with a func_info record per subprogram (the
 * verifier says "missing btf func_info" otherwise).  Every function gets
 * the prototype int (void), static linkage: static functions' arguments
 * are not checked against BTF.  Returns the BTF fd; 'info' gets the records.
 */
#define MAX_FUNCS 16
static int func_info_btf(const struct bpf_insn *insns, int cnt,
			 struct bpf_func_info *info, __u32 *ninfo)
{
	__u32 starts[MAX_FUNCS] = { 0 }, n = 1;
	struct btf_build *b = btf_build_new();
	__u32 proto;
	int fd;

	for (int i = 0; i < cnt; i++) {
		int is_call = insns[i].code == (BPF_JMP | BPF_CALL) &&
			      insns[i].src_reg == BPF_PSEUDO_CALL;
		int is_func = insns[i].code == (BPF_LD | BPF_DW | BPF_IMM) &&
			      insns[i].src_reg == BPF_PSEUDO_FUNC;
		__u32 at = (__u32)(i + 1 + insns[i].imm), k;

		if (!is_call && !is_func)
			continue;
		for (k = 0; k < n && starts[k] != at; k++)
			;
		if (k == n && n < MAX_FUNCS)
			starts[n++] = at;
	}
	for (__u32 i = 1; i < n; i++)		/* sort: func_info is in order */
		for (__u32 j = i; j > 0 && starts[j - 1] > starts[j]; j--) {
			__u32 t = starts[j];

			starts[j] = starts[j - 1];
			starts[j - 1] = t;
		}
	proto = btf_func_proto(b, btf_int(b, "int", 4, BTF_INT_SIGNED));
	for (__u32 i = 0; i < n; i++) {
		char name[32];

		snprintf(name, sizeof(name), "isa_func%u", i);
		info[i].insn_off = starts[i];
		info[i].type_id = btf_func(b, name, proto, BTF_LINK_STATIC);
	}
	*ninfo = n;
	fd = btf_build_load(b);
	btf_build_free(b);
	return fd;
}

#define NPRO (sizeof(prologue) / sizeof(prologue[0]))
#define NEPI (sizeof(epilogue) / sizeof(epilogue[0]))

int isa_load(const struct isa_row *row)
{
	struct asm_prog body = row->prog;
	struct asm_insn *items = malloc((body.n + NPRO + NEPI) * sizeof(*items));
	size_t n = 0, i, cap;
	struct bpf_insn *insns;
	char err[256];
	struct bpf_func_info info[MAX_FUNCS];
	__u32 ninfo = 0;
	int cnt, fd, by_index = 0, btf_fd = 0;

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
	/* fd_array only when a map is named by index: a kernel without
	 * fd_array (before 5.14) refuses a non-zero field it does not know. */
	for (int k = 0; k < cnt; k++)
		if (insns[k].code == (BPF_LD | BPF_DW | BPF_IMM) &&
		    (insns[k].src_reg == BPF_PSEUDO_MAP_IDX ||
		     insns[k].src_reg == BPF_PSEUDO_MAP_IDX_VALUE))
			by_index = 1;
	for (int k = 0; k < cnt; k++)
		if (insns[k].code == (BPF_LD | BPF_DW | BPF_IMM) &&
		    insns[k].src_reg == BPF_PSEUDO_FUNC && !btf_fd)
			btf_fd = (int)SETUP_RET(func_info_btf(insns, cnt, info, &ninfo));
	fd = prog_load(&(struct prog_spec){
		.type = BPF_PROG_TYPE_SOCKET_FILTER,
		.raw = insns, .raw_cnt = (size_t)cnt,
		.fd_array = by_index ? &mem_fd : NULL,
		.fd_array_cnt = 0,
		.prog_btf_fd = btf_fd,
		.func_info = btf_fd ? info : NULL,
		.func_info_cnt = ninfo,
		.func_info_rec_size = btf_fd ? sizeof(info[0]) : 0,
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

/* Helpers a row calls, as needs (only those the rows use). */
static const struct need *helper_need(int id)
{
	static const struct need needs[] = {
		HELPER(map_lookup_elem), HELPER(this_cpu_ptr), HELPER(loop),
	};

	for (size_t i = 0; i < sizeof(needs) / sizeof(needs[0]); i++)
		if (needs[i].value == id)
			return &needs[i];
	return NULL;
}

/* Each instruction group as a need, named as ISA_GROUP() names it. */
static const struct need group_needs[] = {
	ISA_GROUP(JMP_EXT), ISA_GROUP(JMP32), ISA_GROUP(ATOMIC_FETCH), ISA_GROUP(MOVSX),
	ISA_GROUP(MEMSX), ISA_GROUP(SDIV), ISA_GROUP(BSWAP), ISA_GROUP(JA32),
};

void isa_add_table(const struct isa_table *t)
{
	for (size_t r = 0; r < t->n; r++) {
		const struct isa_row *row = &t->rows[r];
		size_t cap = asm_len(row->prog) + 1, nn = 0;
		struct bpf_insn *insns = malloc(cap * sizeof(*insns));
		struct need *needs = calloc(32, sizeof(*needs));
		struct bc_case *c = calloc(1, sizeof(*c));
		char err[256];
		unsigned groups;
		int cnt;

		if (!insns || !needs || !c)
			abort();
		cnt = isa_resolve_fake(row, insns, cap, err, sizeof(err));
		/* The ISA needs are the instruction groups the program uses
		 * (5.10 has JMP32 but not the fetching atomics, both "v3").
		 * An unresolvable row becomes a case that reports ERROR. */
		groups = cnt < 0 ? 0 : insn_isa_groups(insns, (size_t)cnt);
		for (size_t g = 0; g < sizeof(group_needs) / sizeof(group_needs[0]); g++)
			if (groups & (unsigned)group_needs[g].value)
				needs[nn++] = group_needs[g];
		needs[nn++] = (struct need)PROG_TYPE(SOCKET_FILTER);
		needs[nn++] = (struct need)CMD(PROG_LOAD);
		if (!row->load_errno)
			needs[nn++] = (struct need)CMD(PROG_TEST_RUN);
		needs[nn++] = (struct need)MAP(ARRAY);
		for (int i = 0; i < cnt && nn < 28; i++) {
			const struct need *h;

			if (insns[i].code == (BPF_JMP | BPF_CALL) && insns[i].src_reg == 0 &&
			    (h = helper_need(insns[i].imm)))
				needs[nn++] = *h;
			/* fd_array and maps by index came with
			 * BPF_PROG_TYPE_SYSCALL, in the same series (5.14):
			 * that enum member is the kernel's BTF witness. */
			if (insns[i].code == (BPF_LD | BPF_DW | BPF_IMM) &&
			    (insns[i].src_reg == BPF_PSEUDO_MAP_IDX ||
			     insns[i].src_reg == BPF_PSEUDO_MAP_IDX_VALUE))
				needs[nn++] = (struct need)PROG_TYPE(SYSCALL);
			/* A callback's address needs the program's BTF. */
			if (insns[i].code == (BPF_LD | BPF_DW | BPF_IMM) &&
			    insns[i].src_reg == BPF_PSEUDO_FUNC)
				needs[nn++] = (struct need)CMD(BTF_LOAD);
		}
		/* Kernel variables and kfuncs by name: the name is the need. */
		for (size_t i = 0; i < row->prog.n && nn < 28; i++) {
			const char *m = row->prog.items[i].map;

			/* The verifier finds a variable's address with
			 * kallsyms, which lists variables only with
			 * CONFIG_KALLSYMS_ALL ("ldimm64 failed to find the
			 * address for kernel symbol" otherwise). */
			if (m && !strncmp(m, ISA_BTF_VAR_PREFIX, strlen(ISA_BTF_VAR_PREFIX))) {
				needs[nn++] = (struct need)BTF_TYPE(m + strlen(ISA_BTF_VAR_PREFIX));
				needs[nn++] = (struct need)CONFIG(KALLSYMS_ALL);
			}
			else if (m && !strncmp(m, ISA_KFUNC_PREFIX, strlen(ISA_KFUNC_PREFIX)))
				needs[nn++] = (struct need)BTF_FUNC(m + strlen(ISA_KFUNC_PREFIX));
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
