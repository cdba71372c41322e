/*
 * show: every documented property of one account, from the one property
 * table, with its documented value names and access. A secret is only ever
 * "set" or "not set": the account model never keeps its value.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "exit_codes.h"

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static const WCHAR *access_text(const struct olk_account_prop *prop)
{
    return prop->access == OLK_PROP_READ_ONLY ? L"read-only" : L"read/write";
}

static void type_words(const CLSID *type, WCHAR *name, WCHAR *clsid)
{
    const WCHAR *known = olk_account_type_name(type);

    if (!StringFromGUID2(type, clsid, 40)) clsid[0] = 0;
    lstrcpynW(name, known ? known : clsid, 40);
}

static void categories_text(struct olkacct_text *t, DWORD bits, BOOL json)
{
    BOOL first = TRUE;
    size_t i;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (!(bits & olk_account_categories[i].bit)) continue;
        if (!first) text_append(t, json ? L", " : L",");
        if (json) text_json_string(t, olk_account_categories[i].name);
        else text_append(t, olk_account_categories[i].name);
        first = FALSE;
    }
    if (first && !json) text_append(t, L"-");
}

static size_t widest_name(void)
{
    size_t i, width = strlen("categories");

    for (i = 0; i < OLK_PROP_COUNT; i++)
        if (strlen(olk_account_props[i].json) > width) width = strlen(olk_account_props[i].json);
    return width;
}

static void text_row(struct olkacct_text *t, size_t width, const char *name, const struct olk_account_prop *prop,
                     const struct olk_value *value)
{
    size_t start;

    text_utf8(t, name);
    text_spaces(t, width - strlen(name) + 2);
    start = t->len;
    olkacct_value_text(t, prop, value);
    if (t->failed) return;
    text_spaces(t, t->len - start < 40 ? 40 - (t->len - start) + 2 : 2);
    text_append(t, access_text(prop));
    if (prop->secret) text_append(t, L", secret");
    text_append(t, L"\n");
}

static void show_text(struct olkacct_text *t, const struct olk_account_record *r)
{
    size_t width = widest_name(), i;
    WCHAR name[40], clsid[40];

    type_words(&r->type, name, clsid);
    text_append(t, L"type");
    text_spaces(t, width - 4 + 2);
    text_append(t, name);
    if (olk_account_type_name(&r->type))
    {
        text_append(t, L" ");
        text_append(t, clsid);
    }
    text_append(t, L"\ncategories");
    text_spaces(t, width - 10 + 2);
    categories_text(t, r->categories, FALSE);
    text_append(t, L"\n");
    for (i = 0; i < OLK_PROP_COUNT; i++)
        text_row(t, width, olk_account_props[i].json, &olk_account_props[i], &r->values[i]);
}

static void json_names(struct olkacct_text *t, const struct olk_account_prop *prop, const struct olk_value *v)
{
    struct olkacct_text names = { 0 };
    WCHAR *open;

    if (!prop->values || v->type != PT_LONG) return;
    olkacct_value_text(&names, prop, v);
    if (names.failed || !(open = wcschr(names.data ? names.data : L"", L'(')))
    {
        free(names.data);
        return;
    }
    open[wcslen(open) - 1] = 0;
    text_append(t, L", \"value_names\": ");
    text_json_string(t, open + 1);
    free(names.data);
}

static void json_property(struct olkacct_text *t, const struct olk_account_prop *prop, const struct olk_value *v)
{
    static const WCHAR *const types[] = { L"PT_LONG", L"PT_UNICODE", L"PT_BINARY" };
    WCHAR tag[16], idl[64];

    swprintf(tag, ARRAYSIZE(tag), L"0x%08lX", (unsigned long)prop->tag);
    MultiByteToWideChar(CP_UTF8, 0, prop->idl_name, -1, idl, ARRAYSIZE(idl));
    text_append(t, L"    { \"name\": ");
    text_json_name(t, prop->json);
    text_append(t, L", \"property\": ");
    text_json_string(t, idl);
    text_append(t, L", \"tag\": ");
    text_json_string(t, tag);
    text_append(t, L", \"type\": ");
    text_json_string(t, types[prop->type == PT_LONG ? 0 : prop->type == PT_UNICODE ? 1 : 2]);
    text_append(t, L", \"access\": ");
    text_json_string(t, access_text(prop));
    text_append(t, prop->secret ? L", \"secret\": true, \"value\": " : L", \"secret\": false, \"value\": ");
    if (prop->secret) text_json_string(t, v->type ? L"set" : L"not set");
    else olkacct_value_json(t, v);
    json_names(t, prop, v);
    text_append(t, L" }");
}

static void show_json(struct olkacct_text *t, const struct olk_account_record *r)
{
    WCHAR name[40], clsid[40];
    size_t i;

    type_words(&r->type, name, clsid);
    text_append(t, L"{\n  \"id\": ");
    olkacct_value_json(t, &r->values[OLK_PROP_ACCT_ID]);
    text_append(t, L",\n  \"name\": ");
    olkacct_value_json(t, &r->values[OLK_PROP_ACCT_NAME]);
    text_append(t, L",\n  \"type\": ");
    text_json_string(t, name);
    text_append(t, L",\n  \"type_clsid\": ");
    text_json_string(t, clsid);
    text_append(t, L",\n  \"categories\": [");
    categories_text(t, r->categories, TRUE);
    text_append(t, L"],\n  \"properties\": [\n");
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        json_property(t, &olk_account_props[i], &r->values[i]);
        text_append(t, i + 1 < OLK_PROP_COUNT ? L",\n" : L"\n");
    }
    text_append(t, L"  ]\n}\n");
}

int olkacct_cmd_show(const struct olkacct_options *o)
{
    struct olkacct_connection c;
    struct olkacct_text t = { 0 };
    struct olk_account_record record;
    IOlkAccount *account = NULL;
    int code;

    if (!(code = olkacct_connect(&c, o->profile, o->borrow)) && !(code = olkacct_resolve(&c, &o->args[0], &account, &record)))
    {
        if (o->json) show_json(&t, &record);
        else show_text(&t, &record);
        code = olkacct_print(&t);
        olk_account_record_free(&record);
        IOlkAccount_Release(account);
    }
    olkacct_disconnect(&c);
    return code;
}
