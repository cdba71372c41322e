/*
 * SPDX-License-Identifier: MIT
 */
#include "ascii.h"

WCHAR *olk_widen(WCHAR *out, size_t cch, const char *ascii)
{
    size_t i;

    for (i = 0; i + 1 < cch && ascii[i]; i++)
        out[i] = (unsigned char)ascii[i];
    out[i] = 0;
    return out;
}

static WCHAR fold(WCHAR c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

BOOL olk_ascii_equal(const WCHAR *text, size_t len, const char *ascii)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (!ascii[i] || fold(text[i]) != fold((unsigned char)ascii[i]))
            return FALSE;
    return !ascii[len];
}
