// SPDX-License-Identifier: GPL-2.0
/*
 * Deciding needs from the kernel's own statements.  An enum member need is
 * decided by the kernel's BTF: present with our value -> have; absent ->
 * lack, proven; present with another value -> our uapi copy is wrong, an
 * ERROR.  Without BTF the answer is "unknown" and the skip says so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "../../insn/insn.h"
#include "../oracle.h"
#include "btf.h"
#include "internal.h"
#include "kconfig.h"

static struct btf *vmlinux;
static char btf_source[256];
static char btf_problem[256];
static struct utsname uts;

static const char *const enum_of_kind[NEED__COUNT] = {
	[NEED_CMD] = "bpf_cmd",
	[NEED_PROG] = "bpf_prog_type",
	[NEED_MAP] = "bpf_map_type",
	[NEED_ATTACH] = "bpf_attach_type",
	[NEED_LINK] = "bpf_link_type",
	[NEED_HELPER] = "bpf_func_id",
};

int oracle_init(const struct oracle_opts *opts, char *err, size_t errlen)
{
	const char *path = opts && opts->btf_path ? opts->btf_path : "/sys/kernel/btf/vmlinux";
	struct stat st;

	uname(&uts);
	oracle_isa_share();
	btf_free(vmlinux);
	vmlinux = NULL;
	btf_problem[0] = 0;
	snprintf(btf_source, sizeof(btf_source), "%s", path);
	if (stat(path, &st) && !(opts && opts->btf_path)) {
		snprintf(btf_problem, sizeof(btf_problem), "%s: %s", path, strerror(errno));
	} else {
		vmlinux = btf_load(path, btf_problem, sizeof(btf_problem));
		if (!vmlinux) {
			/* A file that is there but unreadable or corrupt is not
			 * "no BTF": it would turn every verdict into a guess. */
			snprintf(err, errlen, "kernel BTF %s", btf_problem);
			return -1;
		}
	}
	return kconfig_init(opts ? opts->config_path : NULL, uts.release, err, errlen);
}

const char *const oracle_enums[ORACLE_NR_ENUMS] = {
	"bpf_cmd", "bpf_prog_type", "bpf_map_type", "bpf_attach_type", "bpf_link_type",
	"bpf_func_id",
};

const struct btf *oracle_vmlinux(void)
{
	return vmlinux;
}

const char *oracle_btf_source(void)
{
	return btf_source;
}

const char *oracle_btf_problem(void)
{
	return btf_problem;
}

/* __MAX_BPF_CMD, __MAX_BPF_MAP_TYPE, __BPF_FUNC_MAX_ID, ...: the kernel's
 * enums end with a "__" count that is not a value anyone may pass. */
int oracle_is_sentinel(const char *member)
{
	return !strncmp(member, "__", 2) || !strncmp(member, "MAX_BPF_", 8);
}

const struct btf *oracle_vmlinux_btf(void)
{
	return vmlinux;
}

int oracle_have_btf(void)
{
	return vmlinux != NULL;
}

int oracle_have_config(void)
{
	return kconfig_source() != NULL;
}

const char *oracle_release(void)
{
	if (!uts.release[0])
		uname(&uts);
	return uts.release;
}

int oracle_enum_value(const char *enum_name, const char *member, long long *val)
{
	return vmlinux ? btf_enum_value(vmlinux, enum_name, member, val) : -ENOENT;
}

struct walk {
	void (*cb)(const char *member, long long val, void *ctx);
	void *ctx;
	int n;
	int past_sentinel;
};

/* Members declared after the sentinel are flags OR-ed into a value
 * (BPF_COMMON_ATTRS = 1 << 16 after __MAX_BPF_CMD, 7.x), not values. */
static void walk_one(const char *member, long long val, void *ctx)
{
	struct walk *w = ctx;

	if (oracle_is_sentinel(member))
		w->past_sentinel = 1;
	if (w->past_sentinel)
		return;
	w->n++;
	if (w->cb)
		w->cb(member, val, w->ctx);
}

int oracle_enum_walk(const char *enum_name,
		     void (*cb)(const char *member, long long val, void *ctx), void *ctx)
{
	struct walk w = { cb, ctx, 0, 0 };

	if (!vmlinux)
		return -ENOENT;
	if (btf_enum_walk(vmlinux, enum_name, walk_one, &w) < 0)
		return -ENOENT;
	return w.n;
}

int oracle_btf_id(const char *name, int kind)
{
	return vmlinux ? (int)btf_find(vmlinux, name, kind) : -ENOENT;
}

int oracle_config(const char *option)
{
	return kconfig_get(option);
}

static enum oracle_answer decide_enum(const struct need *n, char *why, size_t len)
{
	const char *e = enum_of_kind[n->kind];
	long long val;

	if (!vmlinux) {
		snprintf(why, len, "no kernel BTF (%s) to tell whether the kernel has %s",
			 btf_problem, n->name);
		return ORACLE_UNKNOWN;
	}
	if (btf_enum_value(vmlinux, e, n->name, &val)) {
		snprintf(why, len, "kernel has no %s (not in its enum %s)", n->name, e);
		return ORACLE_LACK;
	}
	if (val != n->value) {
		snprintf(why, len, "uapi copy says %s = %lld, the kernel's BTF says %lld",
			 n->name, n->value, val);
		return ORACLE_BROKEN;
	}
	return ORACLE_HAVE;
}

static enum oracle_answer decide_btf(const struct need *n, int kind, char *why, size_t len)
{
	if (!vmlinux) {
		snprintf(why, len, "no kernel BTF (%s) to find %s", btf_problem, n->name);
		return ORACLE_UNKNOWN;
	}
	if (btf_find(vmlinux, n->name, kind) < 0) {
		snprintf(why, len, "kernel BTF has no %s %s",
			 kind == BTF_KIND_FUNC ? "function" : "type", n->name);
		return ORACLE_LACK;
	}
	return ORACLE_HAVE;
}

static enum oracle_answer decide_config(const struct need *n, char *why, size_t len)
{
	int v = kconfig_get(n->name);

	if (v < 0) {
		snprintf(why, len, "kernel config unknown (%s), cannot tell whether %s is set",
			 kconfig_problem(), n->name);
		return ORACLE_UNKNOWN;
	}
	if (!v) {
		snprintf(why, len, "%s is not set (%s)", n->name, kconfig_source());
		return ORACLE_LACK;
	}
	return ORACLE_HAVE;
}

enum oracle_answer oracle_decide(const struct need *n, char *why, size_t len)
{
	struct stat st;
	unsigned lacking;
	int isa;

	switch (n->kind) {
	case NEED_CMD: case NEED_PROG: case NEED_MAP:
	case NEED_ATTACH: case NEED_LINK: case NEED_HELPER:
		return decide_enum(n, why, len);
	case NEED_CONFIG:
		return decide_config(n, why, len);
	case NEED_BTF_FUNC:
		return decide_btf(n, BTF_KIND_FUNC, why, len);
	case NEED_BTF_TYPE:
		return decide_btf(n, 0, why, len);
	case NEED_ISA:
		isa = oracle_isa();
		if (!isa) {
			snprintf(why, len, "ISA probe could not run");
			return ORACLE_UNKNOWN;
		}
		if (isa < n->value) {
			snprintf(why, len, "verifier accepts ISA up to v%d, not v%lld (%s)",
				 isa, n->value, oracle_isa_proof());
			return ORACLE_LACK;
		}
		return ORACLE_HAVE;
	case NEED_ISA_GROUP:
		if (!oracle_isa()) {
			snprintf(why, len, "ISA probe could not run");
			return ORACLE_UNKNOWN;
		}
		lacking = (unsigned)n->value & oracle_isa_lacking();
		if (lacking) {
			unsigned first = lacking & -lacking;

			snprintf(why, len, "the verifier does not know %s (ISA v%d): %s",
				 isa_group_name(first), isa_group_version(first),
				 oracle_isa_group_proof(first));
			return ORACLE_LACK;
		}
		return ORACLE_HAVE;
	case NEED_FILE:
		if (stat(n->name, &st)) {
			snprintf(why, len, "%s: %s", n->name, strerror(errno));
			return ORACLE_LACK;
		}
		return ORACLE_HAVE;
	default:
		snprintf(why, len, "need of unknown kind %d", n->kind);
		return ORACLE_BROKEN;
	}
}
