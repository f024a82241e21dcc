/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's build configuration: /proc/config.gz, /boot/config-<release>,
 * or a path the user gives (plain text or gzip, told apart by magic). */
#ifndef BPFCONFORM_KCONFIG_H
#define BPFCONFORM_KCONFIG_H

#include <stddef.h>

/* 'path' NULL: the defaults.  A path the user gave that cannot be read,
 * or a corrupt file (bad gzip, not text), is an error (-1 and 'err'); no
 * readable config at the default places is not (kconfig_source() is then
 * NULL and kconfig_problem() says why). */
int kconfig_init(const char *path, const char *release, char *err, size_t errlen);
/* 'y', 'm', a value's first char for string/int options ('"' for a
 * string), 0 for "not set" (a "# ... is not set" line, or absent), -1 when
 * no config is known. */
int kconfig_get(const char *option);
/* The value as text, string quotes removed: 1 and 'buf'; 0 if not set;
 * -1 when no config is known. */
int kconfig_value(const char *option, char *buf, size_t buflen);
const char *kconfig_source(void);	/* where it came from, or NULL */
size_t kconfig_count(void);		/* options set (CONFIG_ lines) */
const char *kconfig_problem(void);	/* why there is none */
/* Use 't' (config text) as the config, 'name' as its source: for tests.
 * -1 if it has no CONFIG_ line. */
int kconfig_parse_text(const char *t, const char *name);

#endif
