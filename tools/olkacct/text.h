/*
 * Text built as UTF-16, the accounts' own encoding, so that widths can be
 * counted in characters, and converted to UTF-8 once at the end. A failed
 * allocation marks the text failed; text_to_utf8 then reports it.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_TEXT_H
#define OLKACCT_TEXT_H

#include <windows.h>
#include <stddef.h>

struct olkacct_text
{
    WCHAR *data;
    size_t len;
    size_t cap;
    BOOL failed;
};

void text_append_n(struct olkacct_text *b, const WCHAR *s, size_t n);
void text_append(struct olkacct_text *b, const WCHAR *s);
void text_utf8(struct olkacct_text *b, const char *s);
void text_spaces(struct olkacct_text *b, size_t n);
void text_number(struct olkacct_text *b, DWORD n);

/* A JSON string; a lone surrogate becomes \ufffd. */
void text_json_string(struct olkacct_text *b, const WCHAR *s);
/* The same for one of the vocabulary's ASCII names. */
void text_json_name(struct olkacct_text *b, const char *name);
/* A JSON string of lowercase hex digits. */
void text_json_hex(struct olkacct_text *b, const BYTE *bin, DWORD cb);

/* Hands the text over as UTF-8 (malloc'd, NUL-terminated) and frees the UTF-16. */
HRESULT text_to_utf8(struct olkacct_text *b, char **text, size_t *len);

#endif
