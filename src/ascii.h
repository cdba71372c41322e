/*
 * Texts the product writes itself (trace formats, registry names, messages)
 * are ASCII literals, kept narrow: wide ones take twice their bytes in the
 * DLL. This widens one where Windows wants UTF-16.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_ASCII_H
#define OLKHELPER_ASCII_H

#include <windows.h>

/* ascii into out[cch] (cch > 0), cut to cch - 1 characters, terminated;
 * returns out. */
WCHAR *olk_widen(WCHAR *out, size_t cch, const char *ascii);

#endif
