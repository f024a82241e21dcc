// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "leaks.h"
#include "lifetime.h"

#define MAX_IDS 65536

static __u32 *before[OBJ__COUNT];
static long nbefore[OBJ__COUNT];

static __u32 *collect(enum obj_kind k, long *n)
{
	__u32 *ids = malloc(MAX_IDS * sizeof(*ids));

	*n = obj_ids(k, ids, MAX_IDS);
	if (*n < 0)
		*n = 0;
	if (*n > MAX_IDS)
		*n = MAX_IDS;
	return ids;
}

void leaks_snapshot(void)
{
	for (int k = 0; k < OBJ__COUNT; k++) {
		free(before[k]);
		before[k] = collect(k, &nbefore[k]);
	}
}

static int was_there(int k, __u32 id)
{
	for (long i = 0; i < nbefore[k]; i++)
		if (before[k][i] == id)
			return 1;
	return 0;
}

static long count_new(char *buf, size_t len)
{
	size_t used = 0;
	long leaked = 0;

	if (len)
		buf[0] = 0;
	for (int k = 0; k < OBJ__COUNT; k++) {
		long n;
		__u32 *now = collect(k, &n);

		for (long i = 0; i < n; i++) {
			if (was_there(k, now[i]))
				continue;
			leaked++;
			if (used < len)
				used += snprintf(buf + used, len - used, "%s%s %u",
						 used ? ", " : "", obj_kind_name(k), now[i]);
		}
		free(now);
	}
	return leaked;
}

long leaks_check(char *buf, size_t len, unsigned wait_ms)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	long leaked;

	for (unsigned waited = 0;; waited += 10) {
		leaked = count_new(buf, len);
		if (!leaked || waited >= wait_ms)
			return leaked;
		nanosleep(&pause, NULL);
	}
}
