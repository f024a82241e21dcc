/* SPDX-License-Identifier: GPL-2.0 */
#ifndef BPFCONFORM_MATRIX_JUNIT_H
#define BPFCONFORM_MATRIX_JUNIT_H

#include <stddef.h>

/* Write JUnit XML for the results files; 0, or 2 after saying why. */
int junit_write(const char *path, char **results, size_t n);

#endif
