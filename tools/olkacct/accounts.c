/*
 * SPDX-License-Identifier: MIT
 */
#include "accounts.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* An enumerator that never reports its end must not hang olkacct. */
#define MAX_ACCOUNTS 65536

#define FIELD(field, prop) [OLKACCT_F_##field] = &olk_account_props[OLK_PROP_##prop]

const struct olk_account_prop *const olkacct_fields[OLKACCT_F_COUNT] =
{
    FIELD(ID, ACCT_ID),
    FIELD(NAME, ACCT_NAME),
    FIELD(MINI_UID, ACCT_MINI_UID),
    FIELD(STAMP, ACCT_STAMP),
    FIELD(EMAIL, ACCT_USER_EMAIL_ADDR),
    FIELD(DISPLAY_NAME, ACCT_USER_DISPLAY_NAME),
    FIELD(INET_USER, INET_USER),
    FIELD(INET_SERVER, INET_SERVER),
    FIELD(INET_PORT, INET_PORT),
    FIELD(SMTP_SERVER, SMTP_SERVER),
    FIELD(SMTP_PORT, SMTP_PORT),
    FIELD(IS_EXCH, ACCT_IS_EXCH),
    FIELD(DELIVERY_STORE, ACCT_DELIVERY_STORE),
};

static HRESULT copy_variant(const ACCT_VARIANT *var, struct olkacct_value *value)
{
    switch (var->dwType)
    {
    case PT_LONG:
        value->dw = var->Val.dw;
        break;
    case PT_UNICODE:
        value->str = _wcsdup(var->Val.pwsz ? var->Val.pwsz : L"");
        if (!value->str) return E_OUTOFMEMORY;
        break;
    case PT_BINARY:
        if (var->Val.bin.cb && !var->Val.bin.pb) return E_UNEXPECTED;
        if (!(value->bin = malloc(var->Val.bin.cb ? var->Val.bin.cb : 1))) return E_OUTOFMEMORY;
        if (var->Val.bin.cb) memcpy(value->bin, var->Val.bin.pb, var->Val.bin.cb);
        value->cb = var->Val.bin.cb;
        break;
    default:
        return E_UNEXPECTED;
    }
    value->type = var->dwType;
    return S_OK;
}

static void free_variant(IOlkAccount *account, ACCT_VARIANT *var)
{
    if (var->dwType == PT_UNICODE && var->Val.pwsz) IOlkAccount_FreeMemory(account, (BYTE *)var->Val.pwsz);
    if (var->dwType == PT_BINARY && var->Val.bin.pb) IOlkAccount_FreeMemory(account, var->Val.bin.pb);
}

/* An absent property (E_ACCT_NOT_FOUND) leaves value->type 0. */
static HRESULT read_value(IOlkAccount *account, DWORD tag, struct olkacct_value *value)
{
    ACCT_VARIANT var;
    HRESULT hr;

    memset(&var, 0, sizeof(var));
    hr = IOlkAccount_GetProp(account, tag, &var);
    if (hr == E_ACCT_NOT_FOUND) return S_OK;
    if (FAILED(hr)) return hr;
    hr = copy_variant(&var, value);
    free_variant(account, &var);
    return hr;
}

static HRESULT read_info(IOlkAccount *account, struct olkacct_record *record)
{
    CLSID *categories = NULL;
    DWORD count = 0, i;
    HRESULT hr = IOlkAccount_GetAccountInfo(account, &record->type, &count, &categories);

    if (FAILED(hr)) return hr;
    for (i = 0; categories && i < count; i++)
        record->categories |= olk_category_bit(&categories[i]);
    if (categories) IOlkAccount_FreeMemory(account, (BYTE *)categories);
    return S_OK;
}

static void free_record(struct olkacct_record *record)
{
    int i;

    for (i = 0; i < OLKACCT_F_COUNT; i++)
    {
        free(record->values[i].str);
        free(record->values[i].bin);
    }
    memset(record, 0, sizeof(*record));
}

static BOOL already_listed(const struct olkacct_list *list, const struct olkacct_value *id)
{
    DWORD i;

    if (id->type != PT_LONG) return FALSE;
    for (i = 0; i < list->count; i++)
    {
        const struct olkacct_value *other = &list->items[i].values[OLKACCT_F_ID];

        if (other->type == PT_LONG && other->dw == id->dw) return TRUE;
    }
    return FALSE;
}

static HRESULT read_fields(IOlkAccount *account, struct olkacct_record *record, const char **step)
{
    int i;
    HRESULT hr;

    for (i = OLKACCT_F_ID + 1; i < OLKACCT_F_COUNT; i++)
    {
        if (FAILED(hr = read_value(account, olkacct_fields[i]->tag, &record->values[i])))
        {
            *step = "IOlkAccount::GetProp";
            return hr;
        }
    }
    if (FAILED(hr = read_info(account, record))) *step = "IOlkAccount::GetAccountInfo";
    return hr;
}

static HRESULT append(struct olkacct_list *list, struct olkacct_record *record)
{
    struct olkacct_record *grown = realloc(list->items, (list->count + 1) * sizeof(*grown));

    if (!grown) return E_OUTOFMEMORY;
    list->items = grown;
    list->items[list->count++] = *record;
    return S_OK;
}

/* The list takes the record on success; an account already listed (same
 * PROP_ACCT_ID, met in an earlier category) is skipped. */
static HRESULT read_new_account(IOlkAccount *account, struct olkacct_list *list, const char **step)
{
    struct olkacct_record record;
    HRESULT hr;

    memset(&record, 0, sizeof(record));
    if (FAILED(hr = read_value(account, PROP_ACCT_ID, &record.values[OLKACCT_F_ID])))
    {
        *step = "IOlkAccount::GetProp";
        return hr;
    }
    if (!already_listed(list, &record.values[OLKACCT_F_ID]) && SUCCEEDED(hr = read_fields(account, &record, step)))
    {
        if (SUCCEEDED(hr = append(list, &record))) return S_OK;
        *step = "memory";
    }
    free_record(&record);
    return hr;
}

static HRESULT read_account(IUnknown *unk, struct olkacct_list *list, const char **step)
{
    IOlkAccount *account = NULL;
    HRESULT hr;

    if (FAILED(hr = IUnknown_QueryInterface(unk, &IID_IOlkAccount, (void **)&account)) || !account)
    {
        *step = "QueryInterface(IID_IOlkAccount)";
        return FAILED(hr) ? hr : E_POINTER;
    }
    hr = read_new_account(account, list, step);
    IOlkAccount_Release(account);
    return hr;
}

static HRESULT read_category(IOlkAccountManager *manager, const CLSID *category, struct olkacct_list *list,
                             const char **step)
{
    IOlkEnum *accounts = NULL;
    IUnknown *unk;
    HRESULT hr;
    int n;

    hr = IOlkAccountManager_EnumerateAccounts(manager, category, NULL, OLK_ACCOUNT_NO_FLAGS, &accounts);
    if (FAILED(hr) || !accounts)
    {
        *step = "IOlkAccountManager::EnumerateAccounts";
        return FAILED(hr) ? hr : E_POINTER;
    }
    if (FAILED(hr = IOlkEnum_Reset(accounts))) *step = "IOlkEnum::Reset";
    for (n = 0; SUCCEEDED(hr) && n <= MAX_ACCOUNTS; n++)
    {
        unk = NULL;
        if (FAILED(hr = IOlkEnum_GetNext(accounts, &unk)))
        {
            *step = "IOlkEnum::GetNext";
            break;
        }
        /* The end is S_FALSE and NULL; anything but S_OK and an account ends it too. */
        if (hr != S_OK || !unk)
        {
            if (unk) IUnknown_Release(unk);
            hr = S_OK;
            break;
        }
        hr = read_account(unk, list, step);
        IUnknown_Release(unk);
    }
    if (SUCCEEDED(hr) && n > MAX_ACCOUNTS)
    {
        *step = "IOlkEnum::GetNext (no end after 65536 accounts)";
        hr = E_UNEXPECTED;
    }
    IOlkEnum_Release(accounts);
    return FAILED(hr) ? hr : S_OK;
}

HRESULT olkacct_read_accounts(IOlkAccountManager *manager, DWORD categories, struct olkacct_list *list,
                              const char **step)
{
    HRESULT hr = S_OK;
    size_t i;

    memset(list, 0, sizeof(*list));
    *step = NULL;
    for (i = 0; i < OLK_CATEGORY_COUNT && SUCCEEDED(hr); i++)
        if (categories & olk_account_categories[i].bit)
            hr = read_category(manager, olk_account_categories[i].clsid, list, step);
    if (FAILED(hr)) olkacct_list_free(list);
    return hr;
}

void olkacct_list_free(struct olkacct_list *list)
{
    DWORD i;

    for (i = 0; i < list->count; i++) free_record(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof(*list));
}
