/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * bpfconform's own copy of the bpf() uapi.
 *
 * Why a copy: the suite must build on an old distribution's headers and
 * still name what the newest kernel declares.  Types and enums are generated
 * from a kernel's BTF (uapi/bpf_types.h, see tools/gen-uapi.py); the
 * constants BTF cannot carry (#defines in the kernel's header) are below.
 * Nothing in the project includes <linux/bpf.h>.
 */
#ifndef BPFCONFORM_UAPI_BPF_H
#define BPFCONFORM_UAPI_BPF_H

#include <stdint.h>

/* Spelled as <asm-generic/int-ll64.h> does, so that a libc header pulling
 * in the kernel's typedefs repeats ours instead of conflicting. */
typedef unsigned char __u8;
typedef signed char __s8;
typedef unsigned short __u16;
typedef signed short __s16;
typedef unsigned int __u32;
typedef signed int __s32;
typedef unsigned long long __u64;
typedef signed long long __s64;
typedef __u16 __be16;
typedef __u32 __be32;

#include "bpf_types.h"

/* Instruction classes (RFC 9669 section 3.1). */
#define BPF_LD          0x00
#define BPF_LDX         0x01
#define BPF_ST          0x02
#define BPF_STX         0x03
#define BPF_ALU         0x04
#define BPF_JMP         0x05
#define BPF_JMP32       0x06
#define BPF_ALU64       0x07
#define BPF_CLASS(code) ((code) & 0x07)

/* Load and store: size and mode. */
#define BPF_W           0x00
#define BPF_H           0x08
#define BPF_B           0x10
#define BPF_DW          0x18
#define BPF_SIZE(code)  ((code) & 0x18)
#define BPF_IMM         0x00
#define BPF_ABS         0x20
#define BPF_IND         0x40
#define BPF_MEM         0x60
#define BPF_MEMSX       0x80
#define BPF_ATOMIC      0xc0
#define BPF_MODE(code)  ((code) & 0xe0)

/* Arithmetic and jumps: source and operation. */
#define BPF_K           0x00
#define BPF_X           0x08
#define BPF_SRC(code)   ((code) & 0x08)
#define BPF_ADD         0x00
#define BPF_SUB         0x10
#define BPF_MUL         0x20
#define BPF_DIV         0x30
#define BPF_OR          0x40
#define BPF_AND         0x50
#define BPF_LSH         0x60
#define BPF_RSH         0x70
#define BPF_NEG         0x80
#define BPF_MOD         0x90
#define BPF_XOR         0xa0
#define BPF_MOV         0xb0
#define BPF_ARSH        0xc0
#define BPF_END         0xd0
#define BPF_OP(code)    ((code) & 0xf0)
#define BPF_TO_LE       0x00
#define BPF_TO_BE       0x08
#define BPF_FROM_LE     BPF_TO_LE
#define BPF_FROM_BE     BPF_TO_BE

#define BPF_JA          0x00
#define BPF_JEQ         0x10
#define BPF_JGT         0x20
#define BPF_JGE         0x30
#define BPF_JSET        0x40
#define BPF_JNE         0x50
#define BPF_JSGT        0x60
#define BPF_JSGE        0x70
#define BPF_CALL        0x80
#define BPF_EXIT        0x90
#define BPF_JLT         0xa0
#define BPF_JLE         0xb0
#define BPF_JSLT        0xc0
#define BPF_JSLE        0xd0
#define BPF_JCOND       0xe0

/* Atomic operations, in the imm field of BPF_STX | BPF_ATOMIC. */
#define BPF_FETCH       0x01
#define BPF_XCHG        (0xe0 | BPF_FETCH)
#define BPF_CMPXCHG     (0xf0 | BPF_FETCH)
#define BPF_LOAD_ACQ    0x100
#define BPF_STORE_REL   0x110

#define MAX_BPF_REG     11
#define MAX_BPF_STACK   512
#define BPF_MAXINSNS    4096

enum {
	BPF_REG_0 = 0, BPF_REG_1, BPF_REG_2, BPF_REG_3, BPF_REG_4, BPF_REG_5,
	BPF_REG_6, BPF_REG_7, BPF_REG_8, BPF_REG_9, BPF_REG_10,
	__MAX_BPF_REG,
};

/* src_reg of BPF_LD | BPF_IMM | BPF_DW. */
#define BPF_PSEUDO_MAP_FD         1
#define BPF_PSEUDO_MAP_VALUE      2
#define BPF_PSEUDO_BTF_ID         3
#define BPF_PSEUDO_FUNC           4
#define BPF_PSEUDO_MAP_IDX        5
#define BPF_PSEUDO_MAP_IDX_VALUE  6
/* src_reg of BPF_JMP | BPF_CALL. */
#define BPF_PSEUDO_CALL           1
#define BPF_PSEUDO_KFUNC_CALL     2

/* BPF_PROG_ATTACH / BPF_LINK_CREATE flags. */
#define BPF_F_ALLOW_OVERRIDE      (1U << 0)
#define BPF_F_ALLOW_MULTI         (1U << 1)
#define BPF_F_REPLACE             (1U << 2)
#define BPF_F_BEFORE              (1U << 3)
#define BPF_F_AFTER               (1U << 4)
#define BPF_F_ID                  (1U << 5)
#define BPF_F_PREORDER            (1U << 6)
#define BPF_F_LINK                BPF_F_LINK_CREATE_FLAG
#define BPF_F_LINK_CREATE_FLAG    (1U << 13)

/* BPF_PROG_LOAD prog_flags. */
#define BPF_F_STRICT_ALIGNMENT    (1U << 0)
#define BPF_F_ANY_ALIGNMENT       (1U << 1)
#define BPF_F_TEST_RND_HI32       (1U << 2)
#define BPF_F_TEST_STATE_FREQ     (1U << 3)
#define BPF_F_SLEEPABLE           (1U << 4)
#define BPF_F_XDP_HAS_FRAGS       (1U << 5)
#define BPF_F_XDP_DEV_BOUND_ONLY  (1U << 6)
#define BPF_F_TEST_REG_INVARIANTS (1U << 7)
#define BPF_F_NETFILTER_IP_DEFRAG (1U << 0)

/* BPF_PROG_QUERY query_flags. */
#define BPF_F_QUERY_EFFECTIVE     (1U << 0)

/* BPF_PROG_TEST_RUN flags. */
#define BPF_F_TEST_RUN_ON_CPU     (1U << 0)
#define BPF_F_TEST_XDP_LIVE_FRAMES (1U << 1)
#define BPF_F_TEST_SKB_CHECKSUM_COMPLETE (1U << 2)

/* BTF_LOAD btf_flags. */
#define BPF_F_TOKEN_FD            (1U << 16)

#define BPF_OBJ_NAME_LEN          16U
#define BPF_TAG_SIZE              8
#define BPF_BUILD_ID_SIZE         20
#define XDP_PACKET_HEADROOM       256

/* Log levels. */
#define BPF_LOG_LEVEL1            1
#define BPF_LOG_LEVEL2            2
#define BPF_LOG_STATS             4

/* Return codes of cgroup device and sysctl programs etc. are plain 0/1;
 * XDP actions are an enum in the kernel's header but not in its BTF. */
enum xdp_action { XDP_ABORTED = 0, XDP_DROP, XDP_PASS, XDP_TX, XDP_REDIRECT };

#endif
