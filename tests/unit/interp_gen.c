// SPDX-License-Identifier: GPL-2.0
/*
 * The random program generator (insn/gen.c) without a kernel: programs are
 * a function of seed and index, their jumps land on instructions (never in
 * the middle of an LD_IMM64, never past the end), the ISA level is what
 * the options allow, they survive dropping ops (the minimizer), and the
 * interpreter runs every one to its end (EXIT, or a packet load outside the
 * packet).  Plus the interpreter's own limits.
 */
#include <stdlib.h>
#include <string.h>

#include "harness/case.h"
#include "insn/gen.h"
#include "insn/insn.h"
#include "insn/interp.h"

#define FAKE_FD 7

static int jumps_ok(const struct bpf_insn *in, size_t cnt)
{
	unsigned char slot2[GEN_MAX_INSNS] = { 0 };

	for (size_t i = 0; i + 1 < cnt; i++)
		if (in[i].code == (BPF_LD | BPF_DW | BPF_IMM))
			slot2[++i] = 1;
	for (size_t i = 0; i < cnt; i++) {
		__u8 cls = BPF_CLASS(in[i].code), op = BPF_OP(in[i].code);
		long to;

		if (slot2[i] || (cls != BPF_JMP && cls != BPF_JMP32) || op == BPF_EXIT)
			continue;
		if (op == BPF_CALL) {		/* to a subprogram after the main one */
			to = (long)i + 1 + in[i].imm;
			if (to <= (long)i || to >= (long)cnt || slot2[to])
				return 0;
			continue;
		}
		to = (long)i + 1 + (cls == BPF_JMP32 && op == BPF_JA ? in[i].imm : in[i].off);
		if (to <= (long)i || to >= (long)cnt || slot2[to])
			return 0;
	}
	return 1;
}

static enum interp_status run(const struct bpf_insn *in, size_t cnt, const struct gen_prog *p,
			      struct interp_result *res)
{
	static unsigned char value[GEN_VALUE_SIZE];
	static const unsigned char pkt[50] = { 0x45 };
	struct interp_env env = {
		.maps = { { FAKE_FD, value, GEN_VALUE_SIZE } }, .nmaps = 1,
		.pkt = pkt, .pkt_len = sizeof(pkt),
	};

	gen_value_init(p, value);
	return interp_run(in, cnt, &env, res);
}

CASE("unit.interp.gen.deterministic")
{
	static struct gen_prog a, b, c;
	struct gen_opts o = { .v4 = 1 };

	gen_program(5, 17, &o, &a);
	gen_program(5, 17, &o, &b);
	gen_program(5, 18, &o, &c);
	ASSERT_EQ(0, memcmp(&a, &b, sizeof(a)));
	ASSERT_NE(0, memcmp(&a, &c, sizeof(a)));
}

static void programs_run(int v4, int no_fetch)
{
	struct gen_opts o = { .v4 = v4, .no_fetch = no_fetch };
	static struct gen_prog p;
	static struct bpf_insn in[GEN_MAX_INSNS];
	unsigned faults = 0, bad_jumps = 0, too_new = 0, calls = 0, packet = 0, aborts = 0;

	for (unsigned long long i = 0; i < 3000; i++) {
		struct interp_result res;
		size_t cnt;

		gen_program(11, i, &o, &p);
		cnt = gen_emit(&p, FAKE_FD, in);
		bad_jumps += !jumps_ok(in, cnt);
		too_new += insn_isa_version(in, cnt) > (v4 ? 4 : 3);
		for (size_t k = 0; k < cnt; k++) {
			calls += in[k].code == (BPF_JMP | BPF_CALL);
			packet += BPF_CLASS(in[k].code) == BPF_LD && BPF_MODE(in[k].code) != BPF_IMM;
		}
		switch (run(in, cnt, &p, &res)) {
		case INTERP_FAULT:
			if (!faults++)
				case_note("program %llu: insn %zu: %s", i, res.pc, res.why);
			break;
		case INTERP_ABORT:
			aborts++;
			break;
		default:
			break;
		}
	}
	/* The programs do call and load packets, and some loads miss. */
	EXPECT_NE(0, calls);
	EXPECT_NE(0, packet);
	EXPECT_NE(0, aborts);
	EXPECT_EQ(0, bad_jumps);
	EXPECT_EQ(0, too_new);
	EXPECT_EQ(0, faults);
}

CASE("unit.interp.gen.v3_programs_run_to_exit") { programs_run(0, 0); }
CASE("unit.interp.gen.v4_programs_run_to_exit") { programs_run(1, 0); }
CASE("unit.interp.gen.no_fetch_has_no_fetching_atomics")
{
	struct gen_opts o = { .v4 = 1, .no_fetch = 1 };
	static struct gen_prog p;
	static struct bpf_insn in[GEN_MAX_INSNS];
	unsigned fetching = 0;

	for (unsigned long long i = 0; i < 2000; i++) {
		size_t cnt;

		gen_program(3, i, &o, &p);
		cnt = gen_emit(&p, FAKE_FD, in);
		for (size_t k = 0; k < cnt; k++)
			fetching += in[k].code == (BPF_STX | BPF_W | BPF_ATOMIC) ||
				    in[k].code == (BPF_STX | BPF_DW | BPF_ATOMIC)
					? !!(in[k].imm & BPF_FETCH) : 0;
	}
	ASSERT_EQ(0, fetching);
}

CASE("unit.interp.gen.atomic_add_only_needs_jmp32_at_most")
{
	struct gen_opts o = { .add_only = 1 };
	static struct gen_prog p;
	static struct bpf_insn in[GEN_MAX_INSNS];
	unsigned beyond = 0;

	for (unsigned long long i = 0; i < 2000; i++) {
		gen_program(4, i, &o, &p);
		beyond += !!(insn_isa_groups(in, gen_emit(&p, FAKE_FD, in)) &
			     ~(unsigned)(ISA_JMP_EXT | ISA_JMP32));
	}
	ASSERT_EQ(0, beyond);
}

CASE("unit.interp.gen.dropping_ops_keeps_programs_whole")
{
	struct gen_opts o = { .v4 = 1 };
	static struct gen_prog p;
	static struct bpf_insn in[GEN_MAX_INSNS];
	unsigned bad = 0;

	for (unsigned long long i = 0; i < 300; i++) {
		gen_program(23, i, &o, &p);
		while (p.nops) {
			struct interp_result res;
			size_t cnt;

			gen_drop_op(&p, (unsigned)(i % p.nops));
			cnt = gen_emit(&p, FAKE_FD, in);
			if (!jumps_ok(in, cnt) || run(in, cnt, &p, &res) == INTERP_FAULT)
				bad++;
		}
	}
	ASSERT_EQ(0, bad);
}

CASE("unit.interp.limits.stack_out_of_bounds_faults")
{
	const struct bpf_insn in[] = {
		{ .code = BPF_LDX | BPF_DW | BPF_MEM, .dst_reg = 0, .src_reg = 10, .off = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct interp_env env = { 0 };
	struct interp_result res;

	ASSERT_EQ(INTERP_FAULT, interp_run(in, 2, &env, &res));
	ASSERT_EQ(0, res.pc);
}

CASE("unit.interp.limits.endless_loop_faults")
{
	const struct bpf_insn in[] = {
		{ .code = BPF_JMP | BPF_JA, .off = -1 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct interp_env env = { .max_steps = 1000 };
	struct interp_result res;

	ASSERT_EQ(INTERP_FAULT, interp_run(in, 2, &env, &res));
	ASSERT_EQ(1000, res.steps - 1);
}
