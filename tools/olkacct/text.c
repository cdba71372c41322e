/*
 * SPDX-License-Identifier: MIT
 */
#include "text.h"
#include "allocator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

void text_append_n(struct olkacct_text *b, const WCHAR *s, size_t n)
{
    if (b->failed) return;
    if (b->len + n + 1 > b->cap)
    {
        size_t cap = (b->len + n + 1) * 2;
        WCHAR *grown = olkacct_realloc_array(b->data, cap, sizeof(WCHAR));

        if (!grown)
        {
            b->failed = TRUE;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n * sizeof(WCHAR));
    b->len += n;
    b->data[b->len] = 0;
}

void text_append(struct olkacct_text *b, const WCHAR *s)
{
    text_append_n(b, s, wcslen(s));
}

void text_spaces(struct olkacct_text *b, size_t n)
{
    while (n--) text_append_n(b, L" ", 1);
}

void text_number(struct olkacct_text *b, DWORD n)
{
    WCHAR digits[16];

    swprintf(digits, ARRAYSIZE(digits), L"%lu", (unsigned long)n);
    text_append(b, digits);
}

/* Hands the text over as UTF-8 and frees the UTF-16. */
HRESULT text_to_utf8(struct olkacct_text *b, char **text, size_t *len)
{
    int n;

    *text = NULL;
    *len = 0;
    if (!b->failed && !b->data) text_append(b, L"");
    if (b->failed)
    {
        free(b->data);
        return E_OUTOFMEMORY;
    }
    n = WideCharToMultiByte(CP_UTF8, 0, b->data, (int)b->len, NULL, 0, NULL, NULL);
    if ((*text = olkacct_alloc(n + 1)))
    {
        WideCharToMultiByte(CP_UTF8, 0, b->data, (int)b->len, *text, n, NULL, NULL);
        (*text)[n] = 0;
        *len = n;
    }
    free(b->data);
    return *text ? S_OK : E_OUTOFMEMORY;
}

/* A lone surrogate has no UTF-8 form: it becomes U+FFFD, so the output stays
 * valid UTF-8 and valid JSON. */
void text_json_string(struct olkacct_text *out, const WCHAR *s)
{
    WCHAR escape[8];

    text_append(out, L"\"");
    for (; *s; s++)
    {
        if (*s == L'"') text_append(out, L"\\\"");
        else if (*s == L'\\') text_append(out, L"\\\\");
        else if (*s == L'\n') text_append(out, L"\\n");
        else if (*s == L'\r') text_append(out, L"\\r");
        else if (*s == L'\t') text_append(out, L"\\t");
        else if (*s < 0x20)
        {
            swprintf(escape, ARRAYSIZE(escape), L"\\u%04x", (unsigned)*s);
            text_append(out, escape);
        }
        else if (IS_SURROGATE_PAIR(s[0], s[1])) text_append_n(out, s++, 2);
        else if (IS_HIGH_SURROGATE(*s) || IS_LOW_SURROGATE(*s)) text_append(out, L"\\ufffd");
        else text_append_n(out, s, 1);
    }
    text_append(out, L"\"");
}

void text_json_hex(struct olkacct_text *out, const BYTE *bin, DWORD cb)
{
    static const WCHAR digits[] = L"0123456789abcdef";
    DWORD i;

    text_append(out, L"\"");
    for (i = 0; i < cb; i++)
    {
        text_append_n(out, &digits[bin[i] >> 4], 1);
        text_append_n(out, &digits[bin[i] & 0xf], 1);
    }
    text_append(out, L"\"");
}


void text_json_name(struct olkacct_text *b, const char *name)
{
    text_append(b, L"\"");
    text_utf8(b, name);
    text_append(b, L"\"");
}

void text_utf8(struct olkacct_text *b, const char *s)
{
    WCHAR chunk[256];
    int n;

    while (*s)
    {
        size_t len = strlen(s), take = len < 128 ? len : 128;

        /* Never cut a UTF-8 sequence: back up to a lead byte. */
        while (take < len && take && ((unsigned char)s[take] & 0xc0) == 0x80) take--;
        n = MultiByteToWideChar(CP_UTF8, 0, s, (int)take, chunk, ARRAYSIZE(chunk));
        text_append_n(b, chunk, n > 0 ? (size_t)n : 0);
        s += take;
    }
}
