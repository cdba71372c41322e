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
