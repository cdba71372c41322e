/*
 * Texts the product writes itself (trace formats, registry names, messages)
 * are ASCII literals, kept narrow: wide ones take twice their bytes in the
 * DLL. This widens one where Windows wants UTF-16, and compares UTF-16
 * text with one.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_ASCII_H
#define OLKHELPER_ASCII_H

#include <windows.h>

/* ascii into out[cch] (cch > 0), cut to cch - 1 characters, terminated;
 * returns out. */
WCHAR *olk_widen(WCHAR *out, size_t cch, const char *ascii);

/* Whether text[0..len) is the ASCII word ascii, ASCII letters compared
 * without case (and nothing else folded: a name of ours never matches a
 * non-ASCII look-alike). */
BOOL olk_ascii_equal(const WCHAR *text, size_t len, const char *ascii);

#endif
