// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed seeds of the differential runs (`bpfconform fuzz`, harness/fuzz.c)
 * as regular cases: each runs the first ISA_FUZZ_COUNT random programs of
 * its seed in the kernel and in the reference interpreter and expects them
 * to agree on memory, every register and the stack.  A failure prints the
 * program, both results and a minimized program, and how to reproduce it.
 * The v3 seeds use JMP32 and the fetching atomics (5.12); the v4 seeds add
 * SDIV/SMOD, MOVSX, MEMSX, BSWAP and JA32 (6.6): each needs its level.
 */
#include "harness/fuzz.h"
#include "isa.h"

#define ISA_FUZZ_COUNT 500

struct fuzz_seed {
	unsigned long long seed;
	int v4;
};

static void note_line(const char *line, void *ctx)
{
	(void)ctx;
	case_note("%s", line);
}

static void fuzz_case(const void *arg)
{
	const struct fuzz_seed *s = arg;
	struct gen_opts opts = { .v4 = s->v4 };
	unsigned long bad = 0;
	struct fuzz_ctx c;

	SETUP_RET(fuzz_open(&c));
	for (unsigned long long i = 0; i < ISA_FUZZ_COUNT; i++) {
		struct gen_prog p;
		struct fuzz_outcome o;

		gen_program(s->seed, i, &opts, &p);
		if (fuzz_check(&c, &p, &o) == FUZZ_SAME)
			continue;
		if (!bad++)
			fuzz_report(&c, s->seed, i, s->v4, &p, &o, note_line, NULL);
	}
	fuzz_close(&c);
	ASSERT_EQ(0, bad);
}

#define FUZZ_NEEDS(V)                                                        \
	NEEDS(ISA(V), PROG_TYPE(SOCKET_FILTER), MAP(ARRAY), CMD(PROG_LOAD),   \
	      CMD(PROG_TEST_RUN), CMD(MAP_UPDATE_ELEM), CMD(MAP_LOOKUP_ELEM))

#define FUZZ_CASE(V, SEED)                                                   \
	static const struct fuzz_seed fuzz_v##V##_##SEED = { SEED, V == 4 }; \
	CASE("isa.fuzz.v" #V ".seed_" #SEED, FUZZ_NEEDS(V),                  \
	     .arg = &fuzz_v##V##_##SEED)                                     \
	{                                                                    \
		fuzz_case(arg);                                              \
	}

FUZZ_CASE(3, 1)
FUZZ_CASE(3, 2)
FUZZ_CASE(3, 3)
FUZZ_CASE(3, 4)
FUZZ_CASE(4, 1)
FUZZ_CASE(4, 2)
FUZZ_CASE(4, 3)
FUZZ_CASE(4, 4)
