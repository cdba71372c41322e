/*
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "exit_codes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int olkacct_print(struct olkacct_text *text)
{
    char *utf8;
    size_t len;

    if (FAILED(text_to_utf8(text, &utf8, &len)))
    {
        olkacct_error("out of memory formatting the output");
        return OLKACCT_EXIT_FAILURE;
    }
    if (!olkacct_write_stdout(utf8, len))
    {
        olkacct_error("cannot write the output (error %lu)", GetLastError());
        free(utf8);
        return OLKACCT_EXIT_FAILURE;
    }
    free(utf8);
    return OLKACCT_EXIT_OK;
}

DWORD olkacct_record_id(const struct olk_account_record *record)
{
    const struct olk_value *id = &record->values[OLK_PROP_ACCT_ID];

    return id->type == PT_LONG ? id->dw : 0;
}

void olkacct_account_words(const struct olk_account_record *record, char *out, size_t size)
{
    const struct olk_value *name = &record->values[OLK_PROP_ACCT_NAME];
    char text[256];

    olkacct_utf8(name->type == PT_UNICODE && name->str ? name->str : L"", text, sizeof(text));
    snprintf(out, size, "%lu \"%s\"", (unsigned long)olkacct_record_id(record), text);
}

static BOOL is_id(const WCHAR *s)
{
    size_t len = wcslen(s);

    return len && len <= 10 && wcsspn(s, L"0123456789") == len && wcstoull(s, NULL, 10) <= 0xffffffffull;
}

static int read_record(IOlkAccount *account, struct olk_account_record *record)
{
    const char *step;
    HRESULT hr = olk_account_read(account, record, &step);

    if (SUCCEEDED(hr)) return OLKACCT_EXIT_OK;
    if (!step)
    {
        olkacct_error("out of memory reading the account");
        return OLKACCT_EXIT_FAILURE;
    }
    olkacct_error("%s failed: %s", step, olkacct_hr(hr));
    return OLKACCT_EXIT_ACCOUNT_API;
}

static void id_list(const DWORD *ids, DWORD count, char *out, size_t size)
{
    size_t len = 0;
    DWORD i;

    out[0] = 0;
    for (i = 0; i < count && len + 16 < size; i++)
        len += snprintf(out + len, size - len, "%s%lu", i ? (i + 1 == count ? " and " : ", ") : "",
                        (unsigned long)ids[i]);
}

int olkacct_resolve(struct olkacct_connection *c, const struct olkacct_arg *arg, IOlkAccount **account,
                    struct olk_account_record *record)
{
    char text[256], ids_text[160];
    DWORD matches = 0, ids[8];
    HRESULT hr;
    int code;

    *account = NULL;
    memset(record, 0, sizeof(*record));
    olkacct_utf8(arg->text, text, sizeof(text));
    if (!arg->is_name && is_id(arg->text))
        hr = olk_account_find_id(c->manager, (DWORD)wcstoul(arg->text, NULL, 10), account);
    else
        hr = olk_account_find_name(c->manager, arg->text, account, &matches, ids, ARRAYSIZE(ids));
    if (hr == E_ACCT_NOT_FOUND)
    {
        olkacct_error("no account %s%s%s in %s", arg->is_name || !is_id(arg->text) ? "\"" : "", text,
                      arg->is_name || !is_id(arg->text) ? "\"" : "", c->profile ? c->profile_text : "the default profile");
        return OLKACCT_EXIT_NO_ACCOUNT;
    }
    if (hr == OLK_E_AMBIGUOUS)
    {
        id_list(ids, matches < ARRAYSIZE(ids) ? matches : ARRAYSIZE(ids), ids_text, sizeof(ids_text));
        olkacct_error("the name \"%s\" is ambiguous: accounts %s have it; name one by its ID", text, ids_text);
        return OLKACCT_EXIT_AMBIGUOUS;
    }
    if (FAILED(hr))
    {
        olkacct_error("finding account \"%s\" failed: %s", text, olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    if ((code = read_record(*account, record)))
    {
        IOlkAccount_Release(*account);
        *account = NULL;
    }
    return code;
}

/* Control characters would break the line: they become spaces. */
static void plain_text(struct olkacct_text *t, const WCHAR *s)
{
    for (; *s; s++) text_append_n(t, olkacct_is_control(*s) ? L" " : s, 1);
}

static void hex(struct olkacct_text *t, const BYTE *bin, DWORD cb)
{
    static const WCHAR digits[] = L"0123456789abcdef";
    DWORD i;

    for (i = 0; i < cb; i++)
    {
        text_append_n(t, &digits[bin[i] >> 4], 1);
        text_append_n(t, &digits[bin[i] & 0xf], 1);
    }
}

/* " (NAME)" or " (NAME|NAME)" for the documented constants of a value. */
static void value_names(struct olkacct_text *t, const struct olk_account_prop *prop, DWORD value)
{
    const struct olk_prop_value *v;
    BOOL first = TRUE;

    for (v = prop->values; v && v->name; v++)
    {
        if (prop->flags ? !(value & v->value) : value != v->value) continue;
        text_utf8(t, first ? " (" : "|");
        text_utf8(t, v->name);
        first = FALSE;
    }
    if (!first) text_utf8(t, ")");
}

void olkacct_value_text(struct olkacct_text *t, const struct olk_account_prop *prop, const struct olk_value *v)
{
    WCHAR number[16];

    if (prop->secret)
    {
        text_append(t, v->type ? L"set" : L"not set");
        return;
    }
    switch (v->type)
    {
    case PT_LONG:
        swprintf(number, ARRAYSIZE(number), prop->flags ? L"0x%lx" : L"%lu", (unsigned long)v->dw);
        text_append(t, number);
        value_names(t, prop, v->dw);
        break;
    case PT_UNICODE:
        text_append(t, L"\"");
        plain_text(t, v->str ? v->str : L"");
        text_append(t, L"\"");
        break;
    case PT_BINARY:
        if (!v->cb) text_append(t, L"(empty)");
        hex(t, v->bin, v->cb);
        break;
    default:
        text_append(t, L"-");
    }
}

void olkacct_change_line(struct olkacct_text *t, const struct olk_account_prop *prop, const struct olk_value *before,
                         const struct olk_value *after, const WCHAR *note)
{
    text_utf8(t, prop->json);
    text_append(t, L": ");
    olkacct_value_text(t, prop, before);
    text_append(t, L" -> ");
    olkacct_value_text(t, prop, after);
    if (note) text_append(t, note);
    text_append(t, L"\n");
}
