/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's build configuration: /proc/config.gz, /boot/config-<release>,
 * or a path the user gives (plain text or gzip). */
#ifndef BPFCONFORM_KCONFIG_H
#define BPFCONFORM_KCONFIG_H

#include <stddef.h>

/* 'path' NULL: the defaults.  A path the user gave that cannot be read,
 * or a corrupt file, is an error (-1 and 'err'); no config at the default
 * places is not (kconfig_source() is then NULL). */
int kconfig_init(const char *path, const char *release, char *err, size_t errlen);
/* 'y', 'm', a value's first char for string/int options, 0 for "not set",
 * -1 when no config is known. */
int kconfig_get(const char *option);
const char *kconfig_source(void);	/* where it came from, or NULL */
const char *kconfig_problem(void);	/* why there is none */

#endif
