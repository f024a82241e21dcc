/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Watching object lifetimes through IDs, never by assumption: an object is
 * alive while *_GET_FD_BY_ID finds its ID.  Freeing is deferred (RCU,
 * work queues), so "gone" is waited for, boundedly, with short sleeps.
 */
#ifndef BPFCONFORM_LIFETIME_H
#define BPFCONFORM_LIFETIME_H

#include "../uapi/bpf.h"

enum obj_kind { OBJ_PROG, OBJ_MAP, OBJ_LINK, OBJ_BTF, OBJ__COUNT };

const char *obj_kind_name(enum obj_kind kind);
/* The ID of the object behind 'fd' (OBJ_GET_INFO_BY_FD), or -errno. */
long obj_id(enum obj_kind kind, int fd);
/* 1 if an object of 'kind' with 'id' exists now, 0 if not, -errno on error. */
int obj_alive(enum obj_kind kind, __u32 id);
/* Wait until 'id' is gone: 0 when gone, -ETIMEDOUT after 'ms'. */
int obj_wait_gone(enum obj_kind kind, __u32 id, unsigned ms);
/* An fd for an ID (*_GET_FD_BY_ID), or -errno. */
int obj_fd_by_id(enum obj_kind kind, __u32 id);
/* Count live objects of 'kind' (GET_NEXT_ID walk), or -errno. */
long obj_count(enum obj_kind kind);
/* Collect up to 'cap' live IDs into 'ids'; returns the number (may exceed cap). */
long obj_ids(enum obj_kind kind, __u32 *ids, size_t cap);

#define OBJ_GONE_TIMEOUT_MS 3000

#endif
