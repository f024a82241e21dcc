// SPDX-License-Identifier: GPL-2.0
/*
 * The reference interpreter (see interp.h).  Written from RFC 9669:
 * section 4 (arithmetic and jumps), section 5 (loads, stores, atomics and
 * the 64-bit immediate), and its appendix of legacy packet loads.
 */
#include <stdio.h>
#include <string.h>

#include "interp.h"

/* Made-up addresses: region number in the top bits, offset below. */
#define REGION_SHIFT 40
#define REGION_STACK 1		/* + frame number */
#define REGION_MAP 16		/* + map index: the value */
#define REGION_MAP_HANDLE 24	/* + map index: what LD_IMM64 src 1 gives */
#define REGION_CTX 32
#define REGION_KSYM 33		/* a kernel variable: 8 bytes */
#define REGION_FUNC 34		/* + instruction index: a subprogram's address */
#define ADDR(region, off) (((__u64)(region) << REGION_SHIFT) + (__u64)(off))

struct frame {
	size_t ret_pc;		/* where EXIT returns to */
	__u64 saved[4];		/* the caller's R6-R9 */
	__u64 saved_fp;
};

struct vm {
	const struct bpf_insn *insns;
	size_t cnt;
	const struct interp_env *env;
	struct interp_result *res;
	__u64 r[11];
	unsigned char stack[INTERP_MAX_FRAMES][INTERP_STACK];
	struct frame frames[INTERP_MAX_FRAMES];
	int depth;
	int stop_depth;		/* an EXIT at this depth ends exec() */
	unsigned char ksym[8];
	unsigned long max_steps;
};

static int exec(struct vm *vm, size_t pc);

static int fault(struct vm *vm, size_t pc, const char *fmt, unsigned long long a)
{
	vm->res->status = INTERP_FAULT;
	vm->res->pc = pc;
	snprintf(vm->res->why, sizeof(vm->res->why), fmt, a);
	return -1;
}

/* Translate an address and size into host memory, or NULL. */
static unsigned char *mem(struct vm *vm, __u64 addr, unsigned size)
{
	__u64 region = addr >> REGION_SHIFT;
	__u64 off = addr & ((1ULL << REGION_SHIFT) - 1);

	if (region >= REGION_STACK && region < REGION_STACK + INTERP_MAX_FRAMES) {
		if (off + size > INTERP_STACK)
			return NULL;
		return vm->stack[region - REGION_STACK] + off;
	}
	if (region >= REGION_MAP && region < REGION_MAP + (__u64)vm->env->nmaps) {
		const struct interp_map *m = &vm->env->maps[region - REGION_MAP];

		if (off + size > m->size)
			return NULL;
		return m->value + off;
	}
	if (region == REGION_KSYM)
		return off + size <= sizeof(vm->ksym) ? vm->ksym + off : NULL;
	return NULL;
}

static __u64 load(const unsigned char *p, unsigned size)
{
	__u8 b; __u16 h; __u32 w; __u64 d;

	switch (size) {
	case 1: memcpy(&b, p, 1); return b;
	case 2: memcpy(&h, p, 2); return h;
	case 4: memcpy(&w, p, 4); return w;
	default: memcpy(&d, p, 8); return d;
	}
}

static void store(unsigned char *p, unsigned size, __u64 v)
{
	__u8 b = (__u8)v; __u16 h = (__u16)v; __u32 w = (__u32)v;

	switch (size) {
	case 1: memcpy(p, &b, 1); break;
	case 2: memcpy(p, &h, 2); break;
	case 4: memcpy(p, &w, 4); break;
	default: memcpy(p, &v, 8); break;
	}
}

static unsigned size_bytes(__u8 code)
{
	switch (BPF_SIZE(code)) {
	case BPF_B: return 1;
	case BPF_H: return 2;
	case BPF_W: return 4;
	default: return 8;
	}
}

static __u64 sext(__u64 v, unsigned bits)
{
	if (bits >= 64)
		return v;
	__u64 m = 1ULL << (bits - 1);

	v &= (1ULL << bits) - 1;
	return (v ^ m) - m;
}

static __u64 bswap(__u64 v, unsigned bits)
{
	switch (bits) {
	case 16: return __builtin_bswap16((__u16)v);
	case 32: return __builtin_bswap32((__u32)v);
	default: return __builtin_bswap64(v);
	}
}

/* 64-bit arithmetic; 'is_signed' is the v4 offset 1 of DIV/MOD. */
static int alu64(__u8 op, __u64 *dst, __u64 src, __s16 off)
{
	switch (op) {
	case BPF_ADD: *dst += src; break;
	case BPF_SUB: *dst -= src; break;
	case BPF_MUL: *dst *= src; break;
	case BPF_OR: *dst |= src; break;
	case BPF_AND: *dst &= src; break;
	case BPF_XOR: *dst ^= src; break;
	case BPF_LSH: *dst <<= (src & 63); break;
	case BPF_RSH: *dst >>= (src & 63); break;
	case BPF_ARSH: *dst = (__u64)((__s64)*dst >> (src & 63)); break;
	case BPF_NEG: *dst = -*dst; break;
	case BPF_DIV:
		if (off == 0) {
			*dst = src ? *dst / src : 0;
		} else if (off == 1) {
			__s64 a = (__s64)*dst, b = (__s64)src;

			if (b == 0)
				*dst = 0;
			else if (b == -1)	/* INT64_MIN / -1 wraps */
				*dst = -(__u64)a;
			else
				*dst = (__u64)(a / b);
		} else {
			return -1;
		}
		break;
	case BPF_MOD:
		if (off == 0) {
			if (src)
				*dst %= src;
		} else if (off == 1) {
			__s64 a = (__s64)*dst, b = (__s64)src;

			if (b == -1)
				*dst = 0;
			else if (b != 0)
				*dst = (__u64)(a % b);
		} else {
			return -1;
		}
		break;
	case BPF_MOV:
		if (off == 0)
			*dst = src;
		else if (off == 8 || off == 16 || off == 32)
			*dst = sext(src, (unsigned)off);
		else
			return -1;
		break;
	default:
		return -1;
	}
	return 0;
}

/* 32-bit arithmetic on the low halves; the result is zero-extended. */
static int alu32(__u8 op, __u64 *dst64, __u32 src, __s16 off)
{
	__u32 dst = (__u32)*dst64;

	switch (op) {
	case BPF_ADD: dst += src; break;
	case BPF_SUB: dst -= src; break;
	case BPF_MUL: dst *= src; break;
	case BPF_OR: dst |= src; break;
	case BPF_AND: dst &= src; break;
	case BPF_XOR: dst ^= src; break;
	case BPF_LSH: dst <<= (src & 31); break;
	case BPF_RSH: dst >>= (src & 31); break;
	case BPF_ARSH: dst = (__u32)((__s32)dst >> (src & 31)); break;
	case BPF_NEG: dst = -dst; break;
	case BPF_DIV:
		if (off == 0) {
			dst = src ? dst / src : 0;
		} else if (off == 1) {
			__s32 a = (__s32)dst, b = (__s32)src;

			if (b == 0)
				dst = 0;
			else if (b == -1)	/* INT32_MIN / -1 wraps */
				dst = -(__u32)a;
			else
				dst = (__u32)(a / b);
		} else {
			return -1;
		}
		break;
	case BPF_MOD:
		if (off == 0) {
			if (src)
				dst %= src;
		} else if (off == 1) {
			__s32 a = (__s32)dst, b = (__s32)src;

			if (b == -1)
				dst = 0;
			else if (b != 0)
				dst = (__u32)(a % b);
		} else {
			return -1;
		}
		break;
	case BPF_MOV:
		if (off == 0)
			dst = src;
		else if (off == 8 || off == 16)
			dst = (__u32)sext(src, (unsigned)off);
		else
			return -1;
		break;
	default:
		return -1;
	}
	*dst64 = dst;
	return 0;
}

static int cond(__u8 op, __u64 a, __u64 b, int is32)
{
	__s64 sa, sb;

	if (is32) {
		a = (__u32)a;
		b = (__u32)b;
		sa = (__s32)a;
		sb = (__s32)b;
	} else {
		sa = (__s64)a;
		sb = (__s64)b;
	}
	switch (op) {
	case BPF_JEQ: return a == b;
	case BPF_JNE: return a != b;
	case BPF_JGT: return a > b;
	case BPF_JGE: return a >= b;
	case BPF_JLT: return a < b;
	case BPF_JLE: return a <= b;
	case BPF_JSGT: return sa > sb;
	case BPF_JSGE: return sa >= sb;
	case BPF_JSLT: return sa < sb;
	case BPF_JSLE: return sa <= sb;
	case BPF_JSET: return (a & b) != 0;
	default: return -1;
	}
}

static int atomic(struct vm *vm, size_t pc, const struct bpf_insn *in)
{
	unsigned size = size_bytes(in->code);
	__u64 addr = vm->r[in->dst_reg] + (__s64)in->off;
	unsigned char *p;
	__u64 old, src = vm->r[in->src_reg], val;
	int op = in->imm;

	if (size != 4 && size != 8)
		return fault(vm, pc, "atomic of size %llu", size);
	p = mem(vm, addr, size);
	if (!p)
		return fault(vm, pc, "atomic access to %#llx", addr);
	old = load(p, size);
	switch (op & ~BPF_FETCH) {
	case BPF_ADD: val = old + src; break;
	case BPF_OR: val = old | src; break;
	case BPF_AND: val = old & src; break;
	case BPF_XOR: val = old ^ src; break;
	case BPF_XCHG & ~BPF_FETCH:
		if (op != BPF_XCHG)
			return fault(vm, pc, "atomic op %#llx", (unsigned)op);
		val = src;
		break;
	case BPF_CMPXCHG & ~BPF_FETCH: {
		__u64 expect = size == 4 ? (__u32)vm->r[0] : vm->r[0];

		if (op != BPF_CMPXCHG)
			return fault(vm, pc, "atomic op %#llx", (unsigned)op);
		if (old == expect)
			store(p, size, src);
		vm->r[0] = old;		/* zero-extended for 32 bits */
		return 0;
	}
	default:
		return fault(vm, pc, "atomic op %#llx", (unsigned)op);
	}
	store(p, size, val);
	if (op & BPF_FETCH)
		vm->r[in->src_reg] = old;
	return 0;
}

/* LD_ABS / LD_IND: big-endian loads from the packet; 1 if out of bounds. */
static int ld_pkt(struct vm *vm, const struct bpf_insn *in)
{
	unsigned size = size_bytes(in->code);
	__s64 off = (__s32)in->imm;
	__u64 v = 0;

	if (BPF_MODE(in->code) == BPF_IND)
		off = (__s32)(__u32)(vm->r[in->src_reg] + (__u64)(__s64)in->imm);
	if (off < 0 || (__u64)off + size > vm->env->pkt_len)
		return 1;
	for (unsigned i = 0; i < size; i++)
		v = (v << 8) | vm->env->pkt[off + i];
	vm->r[0] = v;
	/* R1-R5 are scratch after these loads (the verifier forbids reading them). */
	for (int i = 1; i <= 5; i++)
		vm->r[i] = 0;
	return 0;
}

static int map_index(const struct interp_env *env, int fd)
{
	for (int i = 0; i < env->nmaps; i++)
		if (env->maps[i].fd == fd)
			return i;
	return -1;
}

/* Enter a subprogram at 'target' as a call from 'ret_pc' does. */
static int push_frame(struct vm *vm, size_t pc, size_t ret_pc)
{
	struct frame *f;

	if (vm->depth + 1 >= INTERP_MAX_FRAMES)
		return fault(vm, pc, "call depth over %llu", INTERP_MAX_FRAMES);
	f = &vm->frames[vm->depth++];
	f->ret_pc = ret_pc;
	memcpy(f->saved, &vm->r[6], sizeof(f->saved));
	f->saved_fp = vm->r[10];
	memset(vm->stack[vm->depth], 0, INTERP_STACK);
	vm->r[10] = ADDR(REGION_STACK + vm->depth, INTERP_STACK);
	return 0;
}

/* bpf_loop(nr, callback, ctx, flags): callback(i, ctx) for i < nr until it
 * returns 1; returns the number of calls. */
static int loop_helper(struct vm *vm, size_t pc)
{
	__u64 nr = (__u32)vm->r[1], cb = vm->r[2], ctx = vm->r[3], i;
	int saved_stop = vm->stop_depth;

	if (cb >> REGION_SHIFT != REGION_FUNC)
		return fault(vm, pc, "bpf_loop callback %#llx", cb);
	for (i = 0; i < nr;) {
		if (push_frame(vm, pc, pc + 1))
			return -1;
		vm->r[1] = i;
		vm->r[2] = ctx;
		vm->stop_depth = vm->depth;
		if (exec(vm, cb & ((1ULL << REGION_SHIFT) - 1)))
			return -1;
		vm->stop_depth = saved_stop;
		i++;
		if (vm->r[0] == 1)
			break;
	}
	vm->r[0] = i;
	return 0;
}

/* The helpers the ISA cases call.  bpf_map_lookup_elem works on a
 * one-entry array (key 0 gives the value, any other key NULL). */
static int helper(struct vm *vm, size_t pc, int id)
{
	if (id == BPF_FUNC_this_cpu_ptr) {
		vm->r[0] = vm->r[1];
	} else if (id == BPF_FUNC_loop) {
		if (loop_helper(vm, pc))
			return -1;
	} else if (id == BPF_FUNC_map_lookup_elem) {
		__u64 h = vm->r[1];
		unsigned char *key = mem(vm, vm->r[2], 4);
		__u64 region = h >> REGION_SHIFT;

		if (region < REGION_MAP_HANDLE || region >= REGION_MAP_HANDLE + (__u64)vm->env->nmaps)
			return fault(vm, pc, "map_lookup_elem on %#llx", h);
		if (!key)
			return fault(vm, pc, "map_lookup_elem key at %#llx", vm->r[2]);
		vm->r[0] = load(key, 4) == 0 ? ADDR(REGION_MAP + (region - REGION_MAP_HANDLE), 0) : 0;
	} else {
		return fault(vm, pc, "helper %llu not modelled", (unsigned)id);
	}
	for (int i = 1; i <= 5; i++)
		vm->r[i] = 0;
	return 0;
}

static int step(struct vm *vm, size_t *pcp, int *done)
{
	size_t pc = *pcp;
	const struct bpf_insn *in = &vm->insns[pc];
	__u8 cls = BPF_CLASS(in->code), op = BPF_OP(in->code);
	__u64 *dst = &vm->r[in->dst_reg];
	unsigned char *p;
	__u64 addr;

	if (in->dst_reg > 10 || in->src_reg > 10)
		return fault(vm, pc, "register out of range in code %#llx", in->code);
	*pcp = pc + 1;
	switch (cls) {
	case BPF_ALU64:
		if (op == BPF_END) {		/* v4 unconditional byte swap */
			*dst = bswap(*dst, (unsigned)in->imm);
			return 0;
		}
		if (alu64(op, dst, BPF_SRC(in->code) == BPF_X ? vm->r[in->src_reg]
				  : (__u64)(__s64)in->imm, in->off))
			return fault(vm, pc, "bad ALU64 code %#llx", in->code);
		return 0;
	case BPF_ALU:
		if (op == BPF_END) {
			unsigned bits = (unsigned)in->imm;

			if (BPF_SRC(in->code) == BPF_TO_BE)	/* this host is little-endian */
				*dst = bswap(*dst, bits);
			else if (bits < 64)
				*dst &= (1ULL << bits) - 1;
			return 0;
		}
		if (alu32(op, dst, BPF_SRC(in->code) == BPF_X ? (__u32)vm->r[in->src_reg]
				  : (__u32)in->imm, in->off))
			return fault(vm, pc, "bad ALU code %#llx", in->code);
		return 0;
	case BPF_JMP:
	case BPF_JMP32:
		if (op == BPF_JA) {
			*pcp = pc + 1 + (cls == BPF_JMP32 ? (__s64)in->imm : (__s64)in->off);
			return 0;
		}
		if (cls == BPF_JMP && op == BPF_EXIT) {
			int stop = vm->depth == vm->stop_depth;

			if (vm->depth == 0) {
				*done = 1;
				return 0;
			}
			struct frame *f = &vm->frames[--vm->depth];

			memcpy(&vm->r[6], f->saved, sizeof(f->saved));
			vm->r[10] = f->saved_fp;
			*pcp = f->ret_pc;
			*done = stop;
			return 0;
		}
		if (cls == BPF_JMP && op == BPF_CALL) {
			if (in->src_reg == BPF_PSEUDO_CALL) {
				if (push_frame(vm, pc, pc + 1))
					return -1;
				*pcp = pc + 1 + (__s64)in->imm;
				return 0;
			}
			if (in->src_reg == 0)
				return helper(vm, pc, in->imm);
			if (in->src_reg == BPF_PSEUDO_KFUNC_CALL) {
				/* The rows call only kfuncs that return nothing. */
				for (int i = 0; i <= 5; i++)
					vm->r[i] = 0;
				return 0;
			}
			return fault(vm, pc, "call with src %llu not modelled", in->src_reg);
		}
		{
			__u64 b = BPF_SRC(in->code) == BPF_X ? vm->r[in->src_reg]
							     : (__u64)(__s64)in->imm;
			int c = cond(op, *dst, b, cls == BPF_JMP32);

			if (c < 0)
				return fault(vm, pc, "bad jump code %#llx", in->code);
			if (c)
				*pcp = pc + 1 + in->off;
		}
		return 0;
	case BPF_LD:
		if (in->code == (BPF_LD | BPF_DW | BPF_IMM)) {
			int m;

			if (pc + 1 >= vm->cnt)
				return fault(vm, pc, "LD_IMM64 without its second slot (%llu)", pc);
			*pcp = pc + 2;
			switch (in->src_reg) {
			case 0:
				*dst = (__u64)(__u32)in->imm | ((__u64)(__u32)in[1].imm << 32);
				return 0;
			case BPF_PSEUDO_BTF_ID:
				*dst = ADDR(REGION_KSYM, 0);
				return 0;
			case BPF_PSEUDO_FUNC:
				*dst = ADDR(REGION_FUNC, pc + 1 + (__s64)in->imm);
				return 0;
			case BPF_PSEUDO_MAP_IDX:
			case BPF_PSEUDO_MAP_IDX_VALUE:
				if (in->imm < 0 || in->imm >= vm->env->fd_array_cnt)
					return fault(vm, pc, "map index %lld not in fd_array",
						     (long long)in->imm);
				m = map_index(vm->env, vm->env->fd_array[in->imm]);
				if (m < 0)
					return fault(vm, pc, "no map for index %lld", (long long)in->imm);
				*dst = in->src_reg == BPF_PSEUDO_MAP_IDX
					? ADDR(REGION_MAP_HANDLE + m, 0)
					: ADDR(REGION_MAP + m, (__u32)in[1].imm);
				return 0;
			case BPF_PSEUDO_MAP_FD:
			case BPF_PSEUDO_MAP_VALUE:
				m = map_index(vm->env, in->imm);
				if (m < 0)
					return fault(vm, pc, "no map with fd %lld", (long long)in->imm);
				*dst = in->src_reg == BPF_PSEUDO_MAP_FD
					? ADDR(REGION_MAP_HANDLE + m, 0)
					: ADDR(REGION_MAP + m, (__u32)in[1].imm);
				return 0;
			default:
				return fault(vm, pc, "LD_IMM64 src %llu not modelled", in->src_reg);
			}
		}
		if (BPF_MODE(in->code) == BPF_ABS || BPF_MODE(in->code) == BPF_IND) {
			if (ld_pkt(vm, in)) {
				vm->r[0] = 0;
				vm->res->status = INTERP_ABORT;
				*done = 1;
			}
			return 0;
		}
		return fault(vm, pc, "bad LD code %#llx", in->code);
	case BPF_LDX:
		addr = vm->r[in->src_reg] + (__s64)in->off;
		p = mem(vm, addr, size_bytes(in->code));
		if (!p)
			return fault(vm, pc, "load from %#llx", addr);
		if (BPF_MODE(in->code) == BPF_MEM)
			*dst = load(p, size_bytes(in->code));
		else if (BPF_MODE(in->code) == BPF_MEMSX && BPF_SIZE(in->code) != BPF_DW)
			*dst = sext(load(p, size_bytes(in->code)), 8 * size_bytes(in->code));
		else
			return fault(vm, pc, "bad LDX code %#llx", in->code);
		return 0;
	case BPF_ST:
	case BPF_STX:
		if (cls == BPF_STX && BPF_MODE(in->code) == BPF_ATOMIC)
			return atomic(vm, pc, in);
		if (BPF_MODE(in->code) != BPF_MEM)
			return fault(vm, pc, "bad store code %#llx", in->code);
		addr = *dst + (__s64)in->off;
		p = mem(vm, addr, size_bytes(in->code));
		if (!p)
			return fault(vm, pc, "store to %#llx", addr);
		store(p, size_bytes(in->code),
		      cls == BPF_STX ? vm->r[in->src_reg] : (__u64)(__s64)in->imm);
		return 0;
	}
	return fault(vm, pc, "bad code %#llx", in->code);
}

/* Run from 'pc' until an EXIT at vm->stop_depth; 0, or -1 on a fault. */
static int exec(struct vm *vm, size_t pc)
{
	int done = 0;

	while (!done) {
		if (pc >= vm->cnt)
			return fault(vm, pc, "fell off the end at %llu", pc);
		if (vm->res->steps++ == vm->max_steps)
			return fault(vm, pc, "more than %llu steps", vm->max_steps);
		if (step(vm, &pc, &done))
			return -1;
	}
	return 0;
}

enum interp_status interp_run(const struct bpf_insn *insns, size_t cnt,
			      const struct interp_env *env, struct interp_result *res)
{
	static struct vm vm;	/* large (4 KiB of stack per frame); not reentrant */

	memset(&vm, 0, sizeof(vm));
	memset(res, 0, sizeof(*res));
	vm.insns = insns;
	vm.cnt = cnt;
	vm.env = env;
	vm.res = res;
	vm.r[1] = ADDR(REGION_CTX, 0);
	vm.r[10] = ADDR(REGION_STACK, INTERP_STACK);
	vm.max_steps = env->max_steps ? env->max_steps : 1UL << 20;
	exec(&vm, 0);
	memcpy(res->regs, vm.r, sizeof(res->regs));
	return res->status;
}
