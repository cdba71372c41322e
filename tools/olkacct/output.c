/*
 * The text is built as UTF-16, the accounts' own encoding, so that column
 * widths can be counted in characters, and converted to UTF-8 once at the end.
 *
 * SPDX-License-Identifier: MIT
 */
#include "output.h"
#include "console.h"
#include "allocator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

const enum olk_prop_id olkacct_list_fields[OLKACCT_LIST_FIELD_COUNT] =
{
    OLK_PROP_ACCT_ID,
    OLK_PROP_ACCT_NAME,
    OLK_PROP_ACCT_MINI_UID,
    OLK_PROP_ACCT_STAMP,
    OLK_PROP_ACCT_USER_EMAIL_ADDR,
    OLK_PROP_ACCT_USER_DISPLAY_NAME,
    OLK_PROP_INET_USER,
    OLK_PROP_INET_SERVER,
    OLK_PROP_INET_PORT,
    OLK_PROP_SMTP_SERVER,
    OLK_PROP_SMTP_PORT,
    OLK_PROP_ACCT_IS_EXCH,
    OLK_PROP_ACCT_DELIVERY_STORE,
};

struct wbuf
{
    WCHAR *data;
    size_t len;
    size_t cap;
    BOOL failed;
};

static void wb_append_n(struct wbuf *b, const WCHAR *s, size_t n)
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

static void wb_append(struct wbuf *b, const WCHAR *s)
{
    wb_append_n(b, s, wcslen(s));
}

static void wb_spaces(struct wbuf *b, size_t n)
{
    while (n--) wb_append_n(b, L" ", 1);
}

static void wb_number(struct wbuf *b, DWORD n)
{
    WCHAR digits[16];

    swprintf(digits, ARRAYSIZE(digits), L"%lu", (unsigned long)n);
    wb_append(b, digits);
}

/* Hands the text over as UTF-8 and frees the UTF-16. */
static HRESULT wb_to_utf8(struct wbuf *b, char **text, size_t *len)
{
    int n;

    *text = NULL;
    *len = 0;
    if (!b->failed && !b->data) wb_append(b, L"");
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

static void type_text(const CLSID *type, WCHAR *out, int cch)
{
    const WCHAR *name = olk_account_type_name(type);

    if (name)
    {
        wcsncpy(out, name, cch - 1);
        out[cch - 1] = 0;
    }
    else if (!StringFromGUID2(type, out, cch))
        out[0] = 0;
}

/* ---- table ---------------------------------------------------------------- */

enum { COL_ID, COL_NAME, COL_TYPE, COL_CATEGORIES, COL_EMAIL, COL_SERVER, COL_SMTP, COL_COUNT };

static const WCHAR *const headers[COL_COUNT] = { L"ID", L"NAME", L"TYPE", L"CATEGORIES", L"EMAIL", L"SERVER", L"SMTP" };

/* Characters, not UTF-16 units: the low half of a surrogate pair adds nothing
 * (cells hold no lone surrogate, see cell_text). */
static size_t char_width(const WCHAR *s)
{
    size_t n = 0;

    for (; *s; s++)
        if (!IS_LOW_SURROGATE(*s)) n++;
    return n;
}

/* A cell is one line of whole characters: control characters (C0, DEL, C1)
 * would break the alignment and become spaces, and a lone surrogate, which
 * has no UTF-8 form, becomes U+FFFD here so that it is counted as printed. */
static void cell_text(struct wbuf *cell, const WCHAR *s)
{
    for (; *s; s++)
    {
        if (IS_SURROGATE_PAIR(s[0], s[1])) wb_append_n(cell, s++, 2);
        else if (IS_HIGH_SURROGATE(*s) || IS_LOW_SURROGATE(*s)) wb_append(cell, L"\xfffd");
        else wb_append_n(cell, olkacct_is_control(*s) ? L" " : s, 1);
    }
}

static void cell_value(struct wbuf *cell, const struct olk_value *value)
{
    if (value->type == PT_LONG) wb_number(cell, value->dw);
    else if (value->type == PT_UNICODE && value->str[0]) cell_text(cell, value->str);
    else wb_append(cell, L"-");
}

static void cell_server(struct wbuf *cell, const struct olk_value *server, const struct olk_value *port)
{
    if (server->type != PT_UNICODE || !server->str[0])
    {
        wb_append(cell, L"-");
        return;
    }
    cell_text(cell, server->str);
    if (port->type != PT_LONG) return;
    wb_append(cell, L":");
    wb_number(cell, port->dw);
}

static void cell_categories(struct wbuf *cell, DWORD categories)
{
    size_t i;
    BOOL first = TRUE;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (!(categories & olk_account_categories[i].bit)) continue;
        if (!first) wb_append(cell, L",");
        wb_append(cell, olk_account_categories[i].name);
        first = FALSE;
    }
    if (first) wb_append(cell, L"-");
}

static void fill_row(const struct olk_account_record *r, struct wbuf *cells)
{
    WCHAR type[40];

    cell_value(&cells[COL_ID], &r->values[OLK_PROP_ACCT_ID]);
    cell_value(&cells[COL_NAME], &r->values[OLK_PROP_ACCT_NAME]);
    type_text(&r->type, type, ARRAYSIZE(type));
    wb_append(&cells[COL_TYPE], type);
    cell_categories(&cells[COL_CATEGORIES], r->categories);
    cell_value(&cells[COL_EMAIL], &r->values[OLK_PROP_ACCT_USER_EMAIL_ADDR]);
    cell_server(&cells[COL_SERVER], &r->values[OLK_PROP_INET_SERVER], &r->values[OLK_PROP_INET_PORT]);
    cell_server(&cells[COL_SMTP], &r->values[OLK_PROP_SMTP_SERVER], &r->values[OLK_PROP_SMTP_PORT]);
}

static void put_row(struct wbuf *out, const WCHAR *const *cells, const size_t *widths)
{
    int c;

    for (c = 0; c < COL_COUNT; c++)
    {
        wb_append(out, cells[c]);
        if (c + 1 < COL_COUNT) wb_spaces(out, widths[c] - char_width(cells[c]) + 2);
    }
    wb_append(out, L"\n");
}

/* rows[r * COL_COUNT + c]; row 0 is the header. */
static void free_cells(struct wbuf *cells, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) free(cells[i].data);
    free(cells);
}

HRESULT olkacct_format_table(const struct olk_account_list *list, char **text, size_t *len)
{
    size_t rows = list->count + 1, widths[COL_COUNT] = { 0 }, r;
    struct wbuf *cells = olkacct_alloc_array(rows * COL_COUNT, sizeof(*cells)), out = { 0 };
    const WCHAR *row[COL_COUNT];
    BOOL failed = FALSE;
    int c;

    *text = NULL;
    if (!cells) return E_OUTOFMEMORY;
    for (c = 0; c < COL_COUNT; c++) wb_append(&cells[c], headers[c]);
    for (r = 1; r < rows; r++) fill_row(&list->items[r - 1], &cells[r * COL_COUNT]);
    for (r = 0; r < rows * COL_COUNT; r++)
    {
        failed |= cells[r].failed;
        if (!failed && char_width(cells[r].data) > widths[r % COL_COUNT])
            widths[r % COL_COUNT] = char_width(cells[r].data);
    }
    for (r = 0; r < rows && !failed; r++)
    {
        for (c = 0; c < COL_COUNT; c++) row[c] = cells[r * COL_COUNT + c].data;
        put_row(&out, row, widths);
    }
    free_cells(cells, rows * COL_COUNT);
    if (failed) out.failed = TRUE;
    return wb_to_utf8(&out, text, len);
}

/* ---- JSON ----------------------------------------------------------------- */

/* A lone surrogate has no UTF-8 form: it becomes U+FFFD, so the output stays
 * valid UTF-8 and valid JSON. */
static void json_string(struct wbuf *out, const WCHAR *s)
{
    WCHAR escape[8];

    wb_append(out, L"\"");
    for (; *s; s++)
    {
        if (*s == L'"') wb_append(out, L"\\\"");
        else if (*s == L'\\') wb_append(out, L"\\\\");
        else if (*s == L'\n') wb_append(out, L"\\n");
        else if (*s == L'\r') wb_append(out, L"\\r");
        else if (*s == L'\t') wb_append(out, L"\\t");
        else if (*s < 0x20)
        {
            swprintf(escape, ARRAYSIZE(escape), L"\\u%04x", (unsigned)*s);
            wb_append(out, escape);
        }
        else if (IS_SURROGATE_PAIR(s[0], s[1])) wb_append_n(out, s++, 2);
        else if (IS_HIGH_SURROGATE(*s) || IS_LOW_SURROGATE(*s)) wb_append(out, L"\\ufffd");
        else wb_append_n(out, s, 1);
    }
    wb_append(out, L"\"");
}

static void json_hex(struct wbuf *out, const BYTE *bin, DWORD cb)
{
    static const WCHAR digits[] = L"0123456789abcdef";
    DWORD i;

    wb_append(out, L"\"");
    for (i = 0; i < cb; i++)
    {
        wb_append_n(out, &digits[bin[i] >> 4], 1);
        wb_append_n(out, &digits[bin[i] & 0xf], 1);
    }
    wb_append(out, L"\"");
}

static void json_value(struct wbuf *out, const struct olk_value *value)
{
    if (value->type == PT_LONG) wb_number(out, value->dw);
    else if (value->type == PT_UNICODE) json_string(out, value->str);
    else if (value->type == PT_BINARY) json_hex(out, value->bin, value->cb);
    else wb_append(out, L"null");
}

static void json_member(struct wbuf *out, const WCHAR *key, BOOL first)
{
    wb_append(out, first ? L"\n    \"" : L",\n    \"");
    wb_append(out, key);
    wb_append(out, L"\": ");
}

static void json_type(struct wbuf *out, const CLSID *type)
{
    WCHAR clsid[40], name[40];

    if (!StringFromGUID2(type, clsid, ARRAYSIZE(clsid))) clsid[0] = 0;
    type_text(type, name, ARRAYSIZE(name));
    json_member(out, olk_account_info_members[OLK_INFO_TYPE].json, FALSE);
    json_string(out, name);
    json_member(out, olk_account_info_members[OLK_INFO_TYPE_CLSID].json, FALSE);
    json_string(out, clsid);
}

static void json_categories(struct wbuf *out, DWORD categories)
{
    size_t i;
    BOOL first = TRUE;

    json_member(out, olk_account_info_members[OLK_INFO_CATEGORIES].json, FALSE);
    wb_append(out, L"[");
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (!(categories & olk_account_categories[i].bit)) continue;
        if (!first) wb_append(out, L", ");
        json_string(out, olk_account_categories[i].name);
        first = FALSE;
    }
    wb_append(out, L"]");
}

static void json_record(struct wbuf *out, const struct olk_account_record *r)
{
    int f;

    wb_append(out, L"  {");
    for (f = 0; f < OLKACCT_LIST_FIELD_COUNT; f++)
    {
        json_member(out, olk_account_props[olkacct_list_fields[f]].json, f == 0);
        json_value(out, &r->values[olkacct_list_fields[f]]);
        if (olkacct_list_fields[f] != OLK_PROP_ACCT_NAME) continue;
        json_type(out, &r->type);
        json_categories(out, r->categories);
    }
    wb_append(out, L"\n  }");
}

HRESULT olkacct_format_json(const struct olk_account_list *list, char **text, size_t *len)
{
    struct wbuf out = { 0 };
    DWORD i;

    wb_append(&out, list->count ? L"[\n" : L"[");
    for (i = 0; i < list->count; i++)
    {
        json_record(&out, &list->items[i]);
        wb_append(&out, i + 1 < list->count ? L",\n" : L"\n");
    }
    wb_append(&out, L"]\n");
    return wb_to_utf8(&out, text, len);
}
