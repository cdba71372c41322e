/*
 * order: GetOrder of a category, or SetOrder of the address-book or store
 * accounts after a backup. The list is checked against GetOrder first, so
 * that E_ACCT_WRONG_SORT_ORDER comes with its reason.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "backup.h"
#include "console.h"
#include "exit_codes.h"
#include "memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const struct olk_account_category *category_named(const WCHAR *name)
{
    size_t i;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
        if (CompareStringOrdinal(name, -1, olk_account_categories[i].name, -1, TRUE) == CSTR_EQUAL)
            return &olk_account_categories[i];
    return NULL;
}

/* "ID  NAME" lines, names read with FindAccount. */
static int print_order(struct olkacct_connection *c, const DWORD *ids, DWORD count)
{
    struct olkacct_text t = { 0 };
    struct olk_account_record record;
    IOlkAccount *account;
    const char *step;
    DWORD i;

    for (i = 0; i < count; i++)
    {
        text_number(&t, ids[i]);
        text_append(&t, L"  ");
        if (SUCCEEDED(olk_account_find_id(c->manager, ids[i], &account)))
        {
            if (SUCCEEDED(olk_account_read(account, &record, &step)))
            {
                olkacct_value_text(&t, &olk_account_props[OLK_PROP_ACCT_NAME], &record.values[OLK_PROP_ACCT_NAME]);
                olk_account_record_free(&record);
            }
            IOlkAccount_Release(account);
        }
        text_append(&t, L"\n");
    }
    return olkacct_print(&t);
}

static BOOL contains(const DWORD *ids, DWORD count, DWORD id)
{
    DWORD i;

    for (i = 0; i < count; i++)
        if (ids[i] == id) return TRUE;
    return FALSE;
}

/* The accounts named, as IDs: each must be one of the category's, once, and
 * all of them must be there. */
static int wanted_order(const struct olkacct_options *o, struct olkacct_connection *c, const WCHAR *category,
                        const DWORD *current, DWORD count, DWORD *wanted)
{
    struct olk_account_record record;
    IOlkAccount *account;
    DWORD n = o->arg_count - 1, i;
    char words[320];
    int code;

    for (i = 0; i < n; i++)
    {
        if ((code = olkacct_resolve(c, &o->args[i + 1], &account, &record))) return code;
        IOlkAccount_Release(account);
        wanted[i] = olkacct_record_id(&record);
        olkacct_account_words(&record, words, sizeof(words));
        olk_account_record_free(&record);
        if (!contains(current, count, wanted[i]))
        {
            olkacct_error("account %s is not a %ls account: the order takes exactly the category's accounts",
                          words, category);
            return OLKACCT_EXIT_REFUSED;
        }
        if (contains(wanted, i, wanted[i]))
        {
            olkacct_error("account %s is given twice", words);
            return OLKACCT_EXIT_REFUSED;
        }
    }
    for (i = 0; i < count; i++)
    {
        if (contains(wanted, n, current[i])) continue;
        olkacct_error("account %lu is missing: the order takes every %ls account of the profile exactly once",
                      (unsigned long)current[i], category);
        return OLKACCT_EXIT_REFUSED;
    }
    return OLKACCT_EXIT_OK;
}

static int set_order(const struct olkacct_options *o, struct olkacct_connection *c, DWORD bit,
                     const WCHAR *category, const DWORD *current, DWORD count)
{
    struct olkacct_text t = { 0 };
    DWORD n = o->arg_count - 1, *wanted = calloc(n + 1, sizeof(DWORD));
    WCHAR path[MAX_PATH];
    HRESULT hr;
    int code;

    if (!wanted) return OLKACCT_EXIT_FAILURE;
    if (!(code = wanted_order(o, c, category, current, count, wanted)))
    {
        backup_begin(&t, "order", c->identity, FALSE);
        backup_order(&t, bit, current, count, wanted, n);
        backup_end(&t, FALSE);
        code = backup_write(&t, o->backup, "order", FALSE, path, MAX_PATH);
    }
    if (!code && FAILED(hr = olk_order_set(c->manager, bit, wanted, n)))
    {
        if (hr == E_ACCT_WRONG_SORT_ORDER)
            olkacct_error("IOlkAccountManager::SetOrder refused the order: %s: give every %ls account of the "
                          "profile exactly once", olkacct_hr(hr), category);
        else
            olkacct_error("IOlkAccountManager::SetOrder failed: %s", olkacct_hr(hr));
        code = OLKACCT_EXIT_ACCOUNT_API;
    }
    if (!code && !(code = print_order(c, wanted, n)))
    {
        struct olkacct_text out = { 0 };

        backup_line(&out, L"backup", path);
        code = olkacct_print(&out);
    }
    free(wanted);
    return code;
}

int olkacct_cmd_order(const struct olkacct_options *o)
{
    const struct olk_account_category *category = category_named(o->args[0].text);
    struct olkacct_connection c;
    DWORD bit, *ids = NULL, count = 0;
    char text[64];
    HRESULT hr;
    int code;

    memset(&c, 0, sizeof(c));
    olkacct_utf8(o->args[0].text, text, sizeof(text));
    if (!category)
    {
        olkacct_error("unknown category '%s' (use mail, addressbook or store) (try olkacct order --help)", text);
        return OLKACCT_EXIT_USAGE;
    }
    bit = category->bit;
    if (bit == OLK_CATEGORY_MAIL && o->arg_count > 1)
    {
        olkacct_error("the order of mail accounts cannot be set through the documented API "
                      "(IOlkAccountManager::SetOrder takes only addressbook and store)");
        return OLKACCT_EXIT_REFUSED;
    }
    if ((code = olkacct_connect(&c, o->profile, o->borrow)))
    {
        olkacct_disconnect(&c);
        return code;
    }
    if (FAILED(hr = olk_order_get(c.manager, bit, &ids, &count)))
    {
        olkacct_error("IOlkAccountManager::GetOrder failed: %s", olkacct_hr(hr));
        code = OLKACCT_EXIT_ACCOUNT_API;
    }
    else
        code = o->arg_count > 1 ? set_order(o, &c, bit, category->name, ids, count) : print_order(&c, ids, count);
    olk_free(ids);
    olkacct_disconnect(&c);
    return code;
}
