/*
 * The text is built as UTF-16, the accounts' own encoding, so that column
 * widths can be counted in characters, and converted to UTF-8 once at the end.
 *
 * SPDX-License-Identifier: MIT
 */
#include "output.h"
#include "text.h"
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
static void cell_text(struct olkacct_text *cell, const WCHAR *s)
{
    for (; *s; s++)
    {
        if (IS_SURROGATE_PAIR(s[0], s[1])) text_append_n(cell, s++, 2);
        else if (IS_HIGH_SURROGATE(*s) || IS_LOW_SURROGATE(*s)) text_append(cell, L"\xfffd");
        else text_append_n(cell, olkacct_is_control(*s) ? L" " : s, 1);
    }
}

static void cell_value(struct olkacct_text *cell, const struct olk_value *value)
{
    if (value->type == PT_LONG) text_number(cell, value->dw);
    else if (value->type == PT_UNICODE && value->str[0]) cell_text(cell, value->str);
    else text_append(cell, L"-");
}

static void cell_server(struct olkacct_text *cell, const struct olk_value *server, const struct olk_value *port)
{
    if (server->type != PT_UNICODE || !server->str[0])
    {
        text_append(cell, L"-");
        return;
    }
    cell_text(cell, server->str);
    if (port->type != PT_LONG) return;
    text_append(cell, L":");
    text_number(cell, port->dw);
}

static void cell_categories(struct olkacct_text *cell, DWORD categories)
{
    size_t i;
    BOOL first = TRUE;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (!(categories & olk_account_categories[i].bit)) continue;
        if (!first) text_append(cell, L",");
        text_append(cell, olk_account_categories[i].name);
        first = FALSE;
    }
    if (first) text_append(cell, L"-");
}

static void fill_row(const struct olk_account_record *r, struct olkacct_text *cells)
{
    WCHAR type[40];

    cell_value(&cells[COL_ID], &r->values[OLK_PROP_ACCT_ID]);
    cell_value(&cells[COL_NAME], &r->values[OLK_PROP_ACCT_NAME]);
    type_text(&r->type, type, ARRAYSIZE(type));
    text_append(&cells[COL_TYPE], type);
    cell_categories(&cells[COL_CATEGORIES], r->categories);
    cell_value(&cells[COL_EMAIL], &r->values[OLK_PROP_ACCT_USER_EMAIL_ADDR]);
    cell_server(&cells[COL_SERVER], &r->values[OLK_PROP_INET_SERVER], &r->values[OLK_PROP_INET_PORT]);
    cell_server(&cells[COL_SMTP], &r->values[OLK_PROP_SMTP_SERVER], &r->values[OLK_PROP_SMTP_PORT]);
}

static void put_row(struct olkacct_text *out, const WCHAR *const *cells, const size_t *widths)
{
    int c;

    for (c = 0; c < COL_COUNT; c++)
    {
        text_append(out, cells[c]);
        if (c + 1 < COL_COUNT) text_spaces(out, widths[c] - char_width(cells[c]) + 2);
    }
    text_append(out, L"\n");
}

/* rows[r * COL_COUNT + c]; row 0 is the header. */
static void free_cells(struct olkacct_text *cells, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) free(cells[i].data);
    free(cells);
}

HRESULT olkacct_format_table(const struct olk_account_list *list, char **text, size_t *len)
{
    size_t rows = list->count + 1, widths[COL_COUNT] = { 0 }, r;
    struct olkacct_text *cells = olkacct_alloc_array(rows * COL_COUNT, sizeof(*cells)), out = { 0 };
    const WCHAR *row[COL_COUNT];
    BOOL failed = FALSE;
    int c;

    *text = NULL;
    if (!cells) return E_OUTOFMEMORY;
    for (c = 0; c < COL_COUNT; c++) text_append(&cells[c], headers[c]);
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
    return text_to_utf8(&out, text, len);
}

/* ---- JSON ----------------------------------------------------------------- */

void olkacct_value_json(struct olkacct_text *out, const struct olk_value *value)
{
    if (value->type == PT_LONG) text_number(out, value->dw);
    else if (value->type == PT_UNICODE) text_json_string(out, value->str ? value->str : L"");
    else if (value->type == PT_BINARY) text_json_hex(out, value->bin, value->cb);
    else text_append(out, L"null");
}

static void json_member(struct olkacct_text *out, const char *key, BOOL first)
{
    text_append(out, first ? L"\n    " : L",\n    ");
    text_json_name(out, key);
    text_append(out, L": ");
}

static void json_type(struct olkacct_text *out, const CLSID *type)
{
    WCHAR clsid[40], name[40];

    if (!StringFromGUID2(type, clsid, ARRAYSIZE(clsid))) clsid[0] = 0;
    type_text(type, name, ARRAYSIZE(name));
    json_member(out, olk_account_info_members[OLK_INFO_TYPE].json, FALSE);
    text_json_string(out, name);
    json_member(out, olk_account_info_members[OLK_INFO_TYPE_CLSID].json, FALSE);
    text_json_string(out, clsid);
}

static void json_categories(struct olkacct_text *out, DWORD categories)
{
    size_t i;
    BOOL first = TRUE;

    json_member(out, olk_account_info_members[OLK_INFO_CATEGORIES].json, FALSE);
    text_append(out, L"[");
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (!(categories & olk_account_categories[i].bit)) continue;
        if (!first) text_append(out, L", ");
        text_json_string(out, olk_account_categories[i].name);
        first = FALSE;
    }
    text_append(out, L"]");
}

static void json_record(struct olkacct_text *out, const struct olk_account_record *r)
{
    int f;

    text_append(out, L"  {");
    for (f = 0; f < OLKACCT_LIST_FIELD_COUNT; f++)
    {
        json_member(out, olk_account_props[olkacct_list_fields[f]].json, f == 0);
        olkacct_value_json(out, &r->values[olkacct_list_fields[f]]);
        if (olkacct_list_fields[f] != OLK_PROP_ACCT_NAME) continue;
        json_type(out, &r->type);
        json_categories(out, r->categories);
    }
    text_append(out, L"\n  }");
}

HRESULT olkacct_format_json(const struct olk_account_list *list, char **text, size_t *len)
{
    struct olkacct_text out = { 0 };
    DWORD i;

    text_append(&out, list->count ? L"[\n" : L"[");
    for (i = 0; i < list->count; i++)
    {
        json_record(&out, &list->items[i]);
        text_append(&out, i + 1 < list->count ? L",\n" : L"\n");
    }
    text_append(&out, L"]\n");
    return text_to_utf8(&out, text, len);
}
