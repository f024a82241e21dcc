// SPDX-License-Identifier: GPL-2.0
/*
 * The ISA probe: which version of the BPF instruction set (RFC 9669) the
 * verifier accepts, learnt by loading tiny socket filters, one per group
 * of instructions a version added:
 *   v2: JLT/JLE/JSLT/JSLE (Linux 4.14)
 *   v3: JMP32 (5.1); atomics with FETCH, XCHG, CMPXCHG (5.12)
 *   v4: MOVSX, MEMSX, SDIV/SMOD, BSWAP, JA with a 32-bit offset (all 6.6)
 *
 * A probe must not hide a regression.  A refused group counts as "not in
 * this kernel" only when the verifier's own words say it does not know the
 * instruction: EINVAL with one of the texts kernels before the group used
 * for it (checked in kernel/bpf/verifier.c and core.c of 5.10 and 6.1):
 *   "unknown opcode %02x"            opcode not in bpf_opcode_in_insntable()
 *                                    (BSWAP d7, JA32 06 before 6.6)
 *   "BPF_MOV uses reserved fields"   MOVSX (off != 0) before 6.6
 *   "BPF_ALU uses reserved fields"   SDIV/SMOD (off = 1) before 6.6
 *   "BPF_END uses reserved fields"   an END form the verifier rejects
 *   "BPF_LDX uses reserved fields"   MEMSX (mode 0x80) before 6.6
 *   "BPF_STX uses reserved fields"   FETCH atomics (imm != 0) before 5.12
 *   "invalid BPF_ALU opcode"         ALU opcode past BPF_END
 *   "uses invalid atomic opcode"     an atomic op the verifier lacks
 * Any other refusal (another errno, other words) is reported and the level
 * counts as present, so the cases of that level run and fail visibly.
 *
 * The v4 groups came in one release: a kernel that accepts some and does
 * not know others is inconsistent, and v4 is reported present (its cases
 * then show which part fails).  The v3 groups came in different releases,
 * so 5.10 and 5.11 (JMP32 yes, FETCH atomics unknown) honestly lack v3.
 *
 * The probe needs CAP_SYS_ADMIN (without it the answer is 0, "unknown").
 * It runs once, when first asked; the answer lives in memory shared with
 * the forked case children (oracle_isa_share()), so whoever asks first
 * (the parent, or a case's prog_load()) asks for everyone.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../../insn/insn.h"
#include "../case.h"
#include "../oracle.h"
#include "../sys_bpf.h"
#include "internal.h"

struct isa_cache {
	int done;
	int level;
	unsigned lacking;		/* enum isa_group bits proven unknown */
	char proof[1024];
	char group_said[ISA__GROUPS][200];
};

static struct isa_cache local_cache;
static struct isa_cache *cache = &local_cache;

void oracle_isa_share(void)
{
	void *p;

	if (cache != &local_cache)
		return;
	p = mmap(NULL, sizeof(*cache), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;	/* each child then probes for itself: slower, same answer */
	memcpy(p, &local_cache, sizeof(local_cache));
	cache = p;
}

int oracle_has_cap(int cap)
{
	struct { __u32 version; int pid; } hdr = { 0x20080522, 0 };	/* v3 */
	struct { __u32 effective, permitted, inheritable; } data[2];

	if (syscall(SYS_capget, &hdr, data))
		return 0;
	return !!(data[cap / 32].effective & (1U << (cap % 32)));
}

enum seen { ACCEPTED, NOT_KNOWN, REFUSED };

struct group {
	int level;
	unsigned bit;			/* enum isa_group */
	const char *name;
	struct asm_prog prog;
	enum seen seen;
	char said[200];		/* errno and the verifier's line */
};

/* The verifier's words for "I do not know this instruction". */
static const char *const not_known[] = {
	"unknown opcode", "BPF_MOV uses reserved fields", "BPF_ALU uses reserved fields",
	"BPF_END uses reserved fields", "BPF_LDX uses reserved fields",
	"BPF_STX uses reserved fields", "invalid BPF_ALU opcode", "uses invalid atomic opcode",
};

/* The line of 'log' that says why: one of not_known[], or else the last
 * line that is neither an instruction ("12: (b7) r0 = 0") nor the stats. */
static void why_line(const char *log, char *out, size_t len, int *knows_not)
{
	const char *last = NULL, *p = log;
	size_t last_len = 0;

	*knows_not = 0;
	while (*p) {
		size_t n = strcspn(p, "\n");

		for (size_t i = 0; i < sizeof(not_known) / sizeof(*not_known); i++) {
			if (memmem(p, n, not_known[i], strlen(not_known[i]))) {
				*knows_not = 1;
				snprintf(out, len, "%.*s", (int)n, p);
				return;
			}
		}
		/* the verifier's own words, not its stats or an insn dump */
		if (n && strncmp(p, "processed ", 10) && !(*p >= '0' && *p <= '9')) {
			last = p;
			last_len = n;
		}
		p += n + (p[n] == '\n');
	}
	snprintf(out, len, "%.*s", (int)last_len, last ? last : "");
}

int oracle_isa_not_known(int ret, const char *log, char *line, size_t len)
{
	int knows_not;

	why_line(log, line, len, &knows_not);
	return ret == -EINVAL && knows_not;
}

static char log_buf[1 << 16];

static void probe(struct group *g)
{
	struct bpf_insn insns[32];
	char err[128], line[160];
	int n = asm_resolve(g->prog, insns, 32, NULL, NULL, err, sizeof(err));
	long fd = -1;
	int knows_not;

	if (n < 0) {
		/* Our bug, not the kernel's: never let it read as "lacks". */
		g->seen = REFUSED;
		snprintf(g->said, sizeof(g->said), "probe program does not resolve: %s", err);
		return;
	}
	for (int tries = 0; tries < 5; tries++) {
		union bpf_attr attr = {
			.prog_type = BPF_PROG_TYPE_SOCKET_FILTER,
			.insn_cnt = (__u32)n,
			.insns = (__u64)(unsigned long)insns,
			.license = (__u64)(unsigned long)"GPL",
			.log_level = 1,
			.log_buf = (__u64)(unsigned long)log_buf,
			.log_size = sizeof(log_buf),
		};

		log_buf[0] = 0;
		fd = sys_bpf_prog_load(&attr);
		if (fd != -EAGAIN)
			break;
	}
	if (fd >= 0) {
		close((int)fd);
		g->seen = ACCEPTED;
		snprintf(g->said, sizeof(g->said), "accepted");
		return;
	}
	knows_not = oracle_isa_not_known((int)fd, log_buf, line, sizeof(line));
	g->seen = knows_not ? NOT_KNOWN : REFUSED;
	snprintf(g->said, sizeof(g->said), "%s \"%s\"", errno_name((int)-fd), line);
}

static void add(char *proof, size_t len, const char *fmt, const char *a, const char *b)
{
	size_t used = strlen(proof);

	if (used < len)
		snprintf(proof + used, len - used, fmt, a, b);
}

static void run_probe(struct isa_cache *c)
{
	struct group groups[] = {
		{ .level = 2, .name = "JLT/JLE/JSLT/JSLE", .bit = ISA_JMP_EXT, .prog = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_JMP_IMM(BPF_JLT, BPF_REG_0, 1, "l1"),	/* if r0 < 1 */
			LABEL("l1"),
			BPF_JMP_IMM(BPF_JLE, BPF_REG_0, 1, "l2"),	/* if r0 <= 1 */
			LABEL("l2"),
			BPF_JMP_IMM(BPF_JSLT, BPF_REG_0, 1, "l3"),	/* if r0 s< 1 */
			LABEL("l3"),
			BPF_JMP_IMM(BPF_JSLE, BPF_REG_0, 1, "l4"),	/* if r0 s<= 1 */
			LABEL("l4"),
			BPF_EXIT_INSN(),
		) },
		{ .level = 3, .name = "JMP32", .bit = ISA_JMP32, .prog = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_JMP32_IMM(BPF_JEQ, BPF_REG_0, 0, "out"),	/* if w0 == 0 */
			LABEL("out"),
			BPF_EXIT_INSN(),
		) },
		{ .level = 3, .name = "atomic FETCH/XCHG/CMPXCHG", .bit = ISA_ATOMIC_FETCH, .prog = PROG(
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),		/* *(u64 *)(fp - 8) = 0 */
			BPF_MOV64_IMM(BPF_REG_1, 1),
			/* r1 = atomic_fetch_add((u64 *)(fp - 8), r1) */
			BPF_ATOMIC_OP(BPF_DW, BPF_ADD | BPF_FETCH, BPF_REG_10, BPF_REG_1, -8),
			/* r1 = xchg((u64 *)(fp - 8), r1) */
			BPF_ATOMIC_OP(BPF_DW, BPF_XCHG, BPF_REG_10, BPF_REG_1, -8),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			/* r0 = cmpxchg((u64 *)(fp - 8), r0, r1) */
			BPF_ATOMIC_OP(BPF_DW, BPF_CMPXCHG, BPF_REG_10, BPF_REG_1, -8),
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_EXIT_INSN(),
		) },
		{ .level = 4, .name = "MOVSX", .bit = ISA_MOVSX, .prog = PROG(
			BPF_MOV64_IMM(BPF_REG_1, 0x80),
			BPF_MOVSX64_REG(BPF_REG_0, BPF_REG_1, 8),	/* r0 = (s8)r1 */
			BPF_EXIT_INSN(),
		) },
		{ .level = 4, .name = "MEMSX", .bit = ISA_MEMSX, .prog = PROG(
			BPF_ST_MEM(BPF_DW, BPF_REG_10, -8, 0),
			BPF_LDX_MEMSX(BPF_B, BPF_REG_0, BPF_REG_10, -8),	/* r0 = *(s8 *)(fp - 8) */
			BPF_EXIT_INSN(),
		) },
		{ .level = 4, .name = "SDIV/SMOD", .bit = ISA_SDIV, .prog = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 7),
			BPF_SDIV64_IMM(BPF_REG_0, 2),			/* r0 s/= 2 */
			BPF_SMOD64_IMM(BPF_REG_0, 2),			/* r0 s%= 2 */
			BPF_EXIT_INSN(),
		) },
		{ .level = 4, .name = "BSWAP", .bit = ISA_BSWAP, .prog = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_BSWAP(BPF_REG_0, 16),			/* r0 = bswap16 r0 */
			BPF_EXIT_INSN(),
		) },
		{ .level = 4, .name = "JA32", .bit = ISA_JA32, .prog = PROG(
			BPF_MOV64_IMM(BPF_REG_0, 0),
			BPF_JMP32_A("out"),				/* gotol out */
			LABEL("out"),
			BPF_EXIT_INSN(),
		) },
	};
	size_t ng = sizeof(groups) / sizeof(*groups);
	char *proof = c->proof;
	size_t plen = sizeof(c->proof);
	int level = 1;

	proof[0] = 0;
	c->lacking = 0;
	for (int v = 2; v <= 4; v++) {
		int accepted = 0, not_known = 0, refused = 0;

		for (size_t i = 0; i < ng; i++) {
			if (groups[i].level != v)
				continue;
			probe(&groups[i]);
			if (groups[i].seen == NOT_KNOWN)
				c->lacking |= groups[i].bit;
			snprintf(c->group_said[__builtin_ctz(groups[i].bit)],
				 sizeof(c->group_said[0]), "%s: %s", groups[i].name,
				 groups[i].seen == NOT_KNOWN ? groups[i].said : "accepted");
			accepted += groups[i].seen == ACCEPTED;
			not_known += groups[i].seen == NOT_KNOWN;
			refused += groups[i].seen == REFUSED;
			add(proof, plen, "%s%s", *proof ? "; " : "", groups[i].name);
			add(proof, plen, " %s%s", groups[i].seen == ACCEPTED ? "accepted" :
			    groups[i].seen == NOT_KNOWN ? "not known: " : "REFUSED: ",
			    groups[i].seen == ACCEPTED ? "" : groups[i].said);
		}
		if (!not_known && !refused) {
			level = v;
			continue;
		}
		if (refused) {
			add(proof, plen, "%s%s", " (a refusal not in the verifier's words for an "
			    "unknown instruction: counted as present so its cases run and fail", ")");
			level = v;
			continue;
		}
		if (v == 4 && accepted) {
			add(proof, plen, "%s%s", " (inconsistent: v4 came in one release, some "
			    "groups accepted and others not known; counted as present", ")");
			level = v;
			continue;
		}
		/* The verifier does not know level v: higher ones are not
		 * probed, and a kernel without v lacks everything after it. */
		for (size_t i = 0; i < ng; i++)
			if (groups[i].level > v) {
				c->lacking |= groups[i].bit;
				snprintf(c->group_said[__builtin_ctz(groups[i].bit)],
					 sizeof(c->group_said[0]), "%s: not probed, the verifier "
					 "does not know all of v%d", groups[i].name, v);
			}
		break;
	}
	c->level = level;
	c->done = 1;
}

int oracle_isa(void)
{
	if (cache->done)
		return cache->level;
	if (!oracle_has_cap(ORACLE_CAP_SYS_ADMIN)) {
		/* Not cached: a privileged caller later may still probe. */
		snprintf(cache->proof, sizeof(cache->proof),
			 "not probed: loading programs needs CAP_SYS_ADMIN");
		return 0;
	}
	run_probe(cache);
	return cache->level;
}

const char *oracle_isa_proof(void)
{
	if (!cache->done && !cache->proof[0])
		return "not probed yet";
	return cache->proof;
}

unsigned oracle_isa_lacking(void)
{
	return oracle_isa() ? cache->lacking : 0;
}

const char *oracle_isa_group_proof(unsigned group)
{
	int i = group ? __builtin_ctz(group) : 0;

	if (!oracle_isa() || i >= ISA__GROUPS)
		return oracle_isa_proof();
	return cache->group_said[i];
}
