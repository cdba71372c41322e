/*
 * list: one profile's accounts as a table or JSON; with --all-profiles,
 * every profile of MAPI's profile table, each read on its own, so that one
 * failing profile does not hide the others.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "exit_codes.h"

#include <stdlib.h>
#include <string.h>

/* The profile's accounts, formatted; the exit code (failures reported). */
static int read_formatted(const struct olkacct_options *o, const WCHAR *profile, BOOL borrow, char **text,
                          size_t *len)
{
    struct olkacct_connection c;
    struct olk_account_list list;
    const char *step = NULL;
    HRESULT hr;
    int code;

    *text = NULL;
    if ((code = olkacct_connect(&c, profile, borrow)))
    {
        olkacct_disconnect(&c);
        return code;
    }
    if (FAILED(hr = olk_accounts_read(c.manager, o->categories, &list, &step)))
    {
        olkacct_disconnect(&c);
        if (!step)
        {
            olkacct_error("out of memory reading the accounts");
            return OLKACCT_EXIT_FAILURE;
        }
        olkacct_error("%s failed: %s", step, olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    hr = o->json ? olkacct_format_json(&list, text, len) : olkacct_format_table(&list, text, len);
    if (FAILED(hr)) olkacct_error("out of memory formatting %lu accounts", (unsigned long)list.count);
    olk_account_list_free(&list);
    olkacct_disconnect(&c);
    return FAILED(hr) ? OLKACCT_EXIT_FAILURE : OLKACCT_EXIT_OK;
}

static int list_one(const struct olkacct_options *o)
{
    char *text;
    size_t len;
    int code = read_formatted(o, o->profile, o->borrow, &text, &len);

    if (code) return code;
    if (!olkacct_write_stdout(text, len))
    {
        olkacct_error("cannot write the output (error %lu)", GetLastError());
        code = OLKACCT_EXIT_FAILURE;
    }
    free(text);
    return code;
}

/* One profile's part of the --all-profiles output. */
static void add_profile(const struct olkacct_options *o, const struct olkacct_profile *p, BOOL first,
                        struct olkacct_text *out, const char *accounts, int code)
{
    if (!o->json)
    {
        if (!first) text_append(out, L"\n");
        text_append(out, L"Profile ");
        text_append(out, p->name);
        if (p->is_default) text_append(out, L" (default)");
        text_append(out, L"\n");
        if (!code)
        {
            text_utf8(out, accounts);
            return;
        }
        text_utf8(out, "error: ");
        text_utf8(out, olkacct_last_error());
        text_append(out, L"\n");
        return;
    }
    text_append(out, first ? L"\n  {\n    \"profile\": " : L",\n  {\n    \"profile\": ");
    text_json_string(out, p->name);
    text_append(out, p->is_default ? L",\n    \"default\": true,\n    \"accounts\": "
                                   : L",\n    \"default\": false,\n    \"accounts\": ");
    if (code)
    {
        WCHAR message[1024];

        MultiByteToWideChar(CP_UTF8, 0, olkacct_last_error(), -1, message, ARRAYSIZE(message));
        text_append(out, L"null,\n    \"error\": ");
        text_json_string(out, message);
    }
    else
    {
        text_utf8(out, accounts);
        if (out->len && out->data[out->len - 1] == L'\n') out->data[--out->len] = 0;
    }
    text_append(out, L"\n  }");
}

static int list_all(const struct olkacct_options *o)
{
    struct olkacct_text out = { 0 };
    struct olkacct_profile *profiles;
    struct olkacct_mapi mapi;
    DWORD count, i, failed = 0;
    char *text;
    size_t len;
    HRESULT hr;
    int code;

    if ((code = olkacct_start_mapi(&mapi))) return code;
    hr = olkacct_mapi_profiles(&mapi, &profiles, &count);
    if (FAILED(hr))
    {
        olkacct_mapi_stop(&mapi);
        olkacct_error("cannot read MAPI's profile table: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_NO_MAPI;
    }
    if (o->json) text_append(&out, L"[");
    for (i = 0; i < count; i++)
    {
        code = read_formatted(o, profiles[i].name, FALSE, &text, &len);
        if (code == OLKACCT_EXIT_FAILURE) break;
        if (code) failed++;
        add_profile(o, &profiles[i], i == 0, &out, text, code);
        free(text);
    }
    if (o->json) text_append(&out, count ? L"\n]\n" : L"]\n");
    free(profiles);
    olkacct_mapi_stop(&mapi);
    if (i < count)
    {
        free(out.data);
        return OLKACCT_EXIT_FAILURE;
    }
    code = olkacct_print(&out);
    return code ? code : failed ? OLKACCT_EXIT_SOME_PROFILES : OLKACCT_EXIT_OK;
}

int olkacct_cmd_list(const struct olkacct_options *options)
{
    return options->all_profiles ? list_all(options) : list_one(options);
}
