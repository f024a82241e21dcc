// SPDX-License-Identifier: GPL-2.0
/*
 * `bpfconform fuzz`: differential runs of random programs, kernel against
 * the reference interpreter (see fuzz.h, insn/gen.h, insn/interp.h).
 *
 *	bpfconform fuzz --seed 7 --count 100000 [--v4 | --no-v4]
 *
 * Program i of seed S is always the same program, so a mismatch is
 * reproduced by its seed and index (--first I --count 1).  Without --v4 or
 * --no-v4 the v4 instructions are used when the oracle's ISA probe found
 * every v4 instruction group.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../insn/insn.h"
#include "../insn/interp.h"
#include "case.h"
#include "command.h"
#include "fuzz.h"
#include "objects.h"
#include "oracle.h"
#include "sys_bpf.h"

#define PTR(p) ((__u64)(unsigned long)(p))
#define LOG_SIZE (256 * 1024)

int fuzz_open(struct fuzz_ctx *c)
{
	union bpf_attr attr = {
		.map_type = BPF_MAP_TYPE_ARRAY, .key_size = 4,
		.value_size = GEN_VALUE_SIZE, .max_entries = 1,
	};

	memset(c, 0, sizeof(*c));
	c->log = malloc(LOG_SIZE);
	if (!c->log)
		return -ENOMEM;
	c->log[0] = 0;
	c->map_fd = sys_bpf_map_create(&attr);
	return c->map_fd < 0 ? c->map_fd : 0;
}

void fuzz_close(struct fuzz_ctx *c)
{
	if (c->map_fd >= 0)
		close(c->map_fd);
	free(c->log);
	c->log = NULL;
}

static int load(struct fuzz_ctx *c, const struct bpf_insn *insns, size_t cnt, int log_level)
{
	union bpf_attr attr = {
		.prog_type = BPF_PROG_TYPE_SOCKET_FILTER,
		.insn_cnt = (__u32)cnt,
		.insns = PTR(insns),
		.license = PTR("GPL"),
	};

	if (log_level) {
		c->log[0] = 0;
		attr.log_level = (__u32)log_level;
		attr.log_buf = PTR(c->log);
		attr.log_size = LOG_SIZE;
	}
	return sys_bpf_prog_load(&attr);
}

static int value_io(struct fuzz_ctx *c, void *value, int update)
{
	__u32 key = 0;
	union bpf_attr attr = {
		.map_fd = (__u32)c->map_fd, .key = PTR(&key), .value = PTR(value),
	};

	return update ? sys_bpf_map_update_elem(&attr) : sys_bpf_map_lookup_elem(&attr);
}

enum fuzz_verdict fuzz_check(struct fuzz_ctx *c, const struct gen_prog *p,
			     struct fuzz_outcome *o)
{
	struct bpf_insn insns[GEN_MAX_INSNS];
	size_t cnt = gen_emit(p, c->map_fd, insns);
	unsigned char init[GEN_VALUE_SIZE];
	struct interp_result res;
	/* What a socket filter's LD_ABS sees: the packet from the network
	 * header on (BPF_PROG_TEST_RUN pulls the Ethernet header). */
	struct interp_env env = {
		.nmaps = 1, .pkt = test_pkt_v4 + 14, .pkt_len = sizeof(test_pkt_v4) - 14,
	};
	union bpf_attr run;
	int fd, ret;

	memset(o, 0, sizeof(*o));
	c->programs++;
	gen_value_init(p, init);

	/* The interpreter first: its memory is a copy of the initial value. */
	memcpy(o->interp, init, GEN_VALUE_SIZE);
	env.maps[0] = (struct interp_map){ c->map_fd, o->interp, GEN_VALUE_SIZE };
	/* INTERP_ABORT is a packet load outside the packet: the program
	 * returned 0 before its epilogue, as it does in the kernel. */
	if (interp_run(insns, cnt, &env, &res) == INTERP_FAULT) {
		snprintf(o->why, sizeof(o->why), "interpreter: insn %zu: %s", res.pc, res.why);
		return o->verdict = FUZZ_BROKEN;
	}
	o->interp_r0 = res.regs[0];

	ret = value_io(c, init, 1);
	if (ret) {
		o->err = ret;
		snprintf(o->why, sizeof(o->why), "map update: %s", errno_name(-ret));
		return o->verdict = FUZZ_BROKEN;
	}
	fd = load(c, insns, cnt, 0);
	if (fd < 0) {
		o->err = fd;
		return o->verdict = FUZZ_REFUSED;
	}
	memset(&run, 0, sizeof(run));
	run.test.prog_fd = (__u32)fd;
	run.test.data_in = PTR(test_pkt_v4);
	run.test.data_size_in = sizeof(test_pkt_v4);
	ret = sys_bpf_prog_test_run(&run);
	close(fd);
	if (ret) {
		o->err = ret;
		snprintf(o->why, sizeof(o->why), "test_run: %s", errno_name(-ret));
		return o->verdict = FUZZ_BROKEN;
	}
	o->kernel_retval = run.test.retval;
	ret = value_io(c, o->kernel, 0);
	if (ret) {
		o->err = ret;
		snprintf(o->why, sizeof(o->why), "map lookup: %s", errno_name(-ret));
		return o->verdict = FUZZ_BROKEN;
	}
	if (o->kernel_retval != (__u32)o->interp_r0 ||
	    memcmp(o->kernel, o->interp, GEN_VALUE_SIZE)) {
		c->mismatches++;
		return o->verdict = FUZZ_DIFFERS;
	}
	return o->verdict = FUZZ_SAME;
}

void fuzz_minimize(struct fuzz_ctx *c, struct gen_prog *p, enum fuzz_verdict kind)
{
	struct fuzz_outcome o;
	unsigned long saved = c->mismatches;
	int progress = 1;

	/* Greedy one-op deletion until no single op can go (1-minimal). */
	while (progress) {
		progress = 0;
		for (unsigned i = p->nops; i-- > 0;) {
			struct gen_prog q = *p;

			gen_drop_op(&q, i);
			if (fuzz_check(c, &q, &o) == kind) {
				*p = q;
				progress = 1;
			}
		}
	}
	c->mismatches = saved;
}

/* ---- reporting ---- */

struct printer {
	void (*emit)(const char *line, void *ctx);
	void *ctx;
};

static void say(struct printer *pr, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct printer *pr, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	pr->emit(line, pr->ctx);
}

static void dump(struct printer *pr, const struct gen_prog *p, int fd)
{
	struct bpf_insn insns[GEN_MAX_INSNS];
	size_t cnt = gen_emit(p, fd, insns);

	insn_dump(insns, cnt, "    ", pr->emit, pr->ctx);
}

static __u64 word(const unsigned char *v, size_t off)
{
	__u64 w;

	memcpy(&w, v + off, 8);
	return w;
}

static void results(struct printer *pr, const struct fuzz_outcome *o)
{
	say(pr, "  %-10s %-18s  %-18s", "", "kernel", "interpreter");
	say(pr, "  %-10s %#-18x  %#-18x%s", "retval", o->kernel_retval, (__u32)o->interp_r0,
	    o->kernel_retval != (__u32)o->interp_r0 ? "  <--" : "");
	for (size_t off = 0; off < GEN_VALUE_SIZE; off += 8) {
		char what[16];
		__u64 k = word(o->kernel, off), i = word(o->interp, off);

		if (off < GEN_REGS_OFF)
			snprintf(what, sizeof(what), "mem[%zu]", off);
		else if (off < GEN_STACK_OFF)
			snprintf(what, sizeof(what), "r%zu", (off - GEN_REGS_OFF) / 8);
		else
			snprintf(what, sizeof(what), "fp-%zu", GEN_STACK_SIZE - (off - GEN_STACK_OFF));
		say(pr, "  %-10s %#-18llx  %#-18llx%s", what, (unsigned long long)k,
		    (unsigned long long)i, k != i ? "  <--" : "");
	}
}

static void outcome(struct printer *pr, struct fuzz_ctx *c, const struct fuzz_outcome *o)
{
	if (o->verdict == FUZZ_DIFFERS) {
		results(pr, o);
	} else if (o->verdict == FUZZ_SAME) {
		say(pr, "  (the minimized program no longer differs)");
	} else if (o->verdict == FUZZ_REFUSED) {
		char *copy = strdup(c->log), *save = NULL;

		say(pr, "  the verifier refused it: %s; its log:", errno_name(-o->err));
		for (char *l = copy ? strtok_r(copy, "\n", &save) : NULL; l;
		     l = strtok_r(NULL, "\n", &save))
			say(pr, "    %s", l);
		free(copy);
	} else {
		say(pr, "  %s", o->why);
	}
}

void fuzz_report(struct fuzz_ctx *c, unsigned long long seed, unsigned long long index,
		 int v4, const struct gen_prog *p, const struct fuzz_outcome *o,
		 void (*emit)(const char *line, void *ctx), void *ctx)
{
	struct printer pr = { emit, ctx };
	struct gen_prog m = *p;
	struct fuzz_outcome mo;
	struct bpf_insn insns[GEN_MAX_INSNS];
	static const char *const kinds[] = { "same", "mismatch", "refused", "broken" };

	say(&pr, "%s: seed %llu program %llu (%s): reproduce with "
	    "bpfconform fuzz --seed %llu --first %llu --count 1 %s%s%s",
	    kinds[o->verdict], seed, index, v4 ? "v4" : "no v4", seed, index,
	    v4 ? "--v4" : "--no-v4", c->no_fetch ? " --no-fetch-atomics" : "",
	    c->add_only ? " --atomic-add-only" : "");
	say(&pr, "  program (%u body ops):", p->nops);
	dump(&pr, p, c->map_fd);
	if (o->verdict == FUZZ_REFUSED) {
		load(c, insns, gen_emit(p, c->map_fd, insns), 1);
	}
	outcome(&pr, c, o);
	if (o->verdict == FUZZ_BROKEN && o->err)
		return;		/* a syscall failed: nothing to minimize */
	fuzz_minimize(c, &m, o->verdict);
	fuzz_check(c, &m, &mo);
	c->programs -= 1;
	if (mo.verdict == FUZZ_REFUSED)
		load(c, insns, gen_emit(&m, c->map_fd, insns), 1);
	say(&pr, "  minimized (%u body ops):", m.nops);
	dump(&pr, &m, c->map_fd);
	outcome(&pr, c, &mo);
	if (c->verifier_log && mo.verdict == FUZZ_DIFFERS) {
		char *copy, *save = NULL;
		int fd = load(c, insns, gen_emit(&m, c->map_fd, insns), 2);

		if (fd >= 0)
			close(fd);
		copy = strdup(c->log);
		say(&pr, "  the verifier's log of the minimized program (level 2):");
		for (char *l = copy ? strtok_r(copy, "\n", &save) : NULL; l;
		     l = strtok_r(NULL, "\n", &save))
			say(&pr, "    %s", l);
		free(copy);
	}
}

/* ---- the command ---- */

static void print_line(const char *line, void *ctx)
{
	fprintf(ctx, "%s\n", line);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int fuzz_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "count", required_argument, NULL, 'n' },
		{ "first", required_argument, NULL, 'f' },
		{ "v4", no_argument, NULL, '4' },
		{ "no-v4", no_argument, NULL, '3' },
		{ "max-ops", required_argument, NULL, 'm' },
		{ "max-reports", required_argument, NULL, 'r' },
		{ "verifier-log", no_argument, NULL, 'l' },
		{ "no-fetch-atomics", no_argument, NULL, 'F' },
		{ "atomic-add-only", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long seed = 1, count = 1000, first = 0, max_reports = 3;
	struct gen_opts opts = { 0 };
	int v4 = -1, ch, ret, verifier_log = 0;
	unsigned long counts[4] = { 0 };
	struct fuzz_ctx c;
	double t0, dt;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'n': count = strtoull(optarg, NULL, 0); break;
		case 'f': first = strtoull(optarg, NULL, 0); break;
		case '4': v4 = 1; break;
		case '3': v4 = 0; break;
		case 'm': opts.max_ops = (unsigned)strtoul(optarg, NULL, 0); break;
		case 'r': max_reports = strtoull(optarg, NULL, 0); break;
		case 'l': verifier_log = 1; break;
		case 'F': opts.no_fetch = 1; break;
		case 'A': opts.add_only = 1; break;
		default: return usage_error("fuzz: unknown option or missing value: '%s'",
					    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("fuzz: unexpected argument '%s'", argv[optind]);
	if (!count)
		return usage_error("fuzz: --count must be at least 1");
	ret = common_init(NULL, NULL);
	if (ret)
		return ret;
	if (v4 < 0)	/* v4 when the probe found every v4 group */
		v4 = oracle_isa() && !(oracle_isa_lacking() & (ISA_MOVSX | ISA_MEMSX | ISA_SDIV |
								 ISA_BSWAP | ISA_JA32));
	opts.v4 = v4;
	ret = fuzz_open(&c);
	if (ret) {
		fprintf(stderr, "bpfconform: fuzz: creating the array map: %s\n", errno_name(-ret));
		return 2;
	}
	c.verifier_log = verifier_log;
	c.no_fetch = opts.no_fetch;
	c.add_only = opts.add_only;
	printf("# fuzz: seed %llu, programs %llu..%llu, %s%s%s\n", seed, first, first + count - 1,
	       v4 ? "with v4" : "without v4", opts.no_fetch ? ", no fetching atomics" : "",
	       opts.add_only ? ", atomic add only" : "");
	t0 = now();
	for (unsigned long long i = first; i < first + count; i++) {
		struct gen_prog p;
		struct fuzz_outcome o;

		gen_program(seed, i, &opts, &p);
		counts[fuzz_check(&c, &p, &o)]++;
		if (o.verdict != FUZZ_SAME && max_reports) {
			max_reports--;
			fuzz_report(&c, seed, i, v4, &p, &o, print_line, stdout);
			fflush(stdout);
		}
	}
	dt = now() - t0;
	printf("# fuzz: %llu programs in %.1f s (%.0f/s): %lu same, %lu mismatches, "
	       "%lu refused, %lu broken\n", count, dt, count / (dt > 0 ? dt : 1),
	       counts[FUZZ_SAME], counts[FUZZ_DIFFERS], counts[FUZZ_REFUSED], counts[FUZZ_BROKEN]);
	fuzz_close(&c);
	return counts[FUZZ_SAME] == count ? 0 : 1;
}

COMMAND("fuzz", fuzz_main,
	"fuzz [--seed S] [--count N] [--first I] [--v4|--no-v4] [--max-ops N] [--max-reports N] [--verifier-log] [--no-fetch-atomics] [--atomic-add-only]",
	"differential runs: random programs, kernel against the reference interpreter");
