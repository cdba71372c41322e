/*
 * SPDX-License-Identifier: MIT
 */
#include "accounts.h"
#include "allocator.h"

#include <stdlib.h>
#include <string.h>

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

/* E_UNEXPECTED for a value GetProp should not have returned; E_OUTOFMEMORY
 * is olkacct's own failure. */
static HRESULT copy_variant(const ACCT_VARIANT *var, struct olkacct_value *value)
{
    switch (var->dwType)
    {
    case PT_LONG:
        value->dw = var->Val.dw;
        break;
    case PT_UNICODE:
        value->str = olkacct_wcsdup(var->Val.pwsz ? var->Val.pwsz : L"");
        if (!value->str) return E_OUTOFMEMORY;
        break;
    case PT_BINARY:
        if (var->Val.bin.cb && !var->Val.bin.pb) return E_UNEXPECTED;
        if (!(value->bin = olkacct_alloc(var->Val.bin.cb))) return E_OUTOFMEMORY;
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
static HRESULT read_value(IOlkAccount *account, DWORD tag, struct olkacct_value *value, const char **step)
{
    ACCT_VARIANT var;
    HRESULT hr;

    memset(&var, 0, sizeof(var));
    hr = IOlkAccount_GetProp(account, tag, &var);
    if (hr == E_ACCT_NOT_FOUND) return S_OK;
    if (SUCCEEDED(hr))
    {
        hr = copy_variant(&var, value);
        free_variant(account, &var);
        if (hr == E_OUTOFMEMORY) return hr;
    }
    if (FAILED(hr)) *step = "IOlkAccount::GetProp";
    return hr;
}

static HRESULT read_info(IOlkAccount *account, struct olkacct_record *record, const char **step)
{
    CLSID *categories = NULL;
    DWORD count = 0, i;
    HRESULT hr = IOlkAccount_GetAccountInfo(account, &record->type, &count, &categories);

    if (FAILED(hr))
    {
        *step = "IOlkAccount::GetAccountInfo";
        return hr;
    }
    for (i = 0; categories && i < count; i++) record->categories |= olk_category_bit(&categories[i]);
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

static HRESULT read_fields(IOlkAccount *account, struct olkacct_record *record, const char **step)
{
    HRESULT hr = S_OK;
    int i;

    for (i = 0; i < OLKACCT_F_COUNT && SUCCEEDED(hr); i++)
        hr = read_value(account, olkacct_fields[i]->tag, &record->values[i], step);
    return hr;
}

/* Room for one more record: the capacity grows by half each time, so that
 * reading n accounts copies O(n) records in all. */
static HRESULT reserve_one(struct olkacct_list *list)
{
    struct olkacct_record *grown;
    DWORD capacity;

    if (list->count < list->capacity) return S_OK;
    if (list->capacity >= MAXDWORD / 3 * 2) return E_OUTOFMEMORY;
    capacity = list->capacity < 16 ? 16 : list->capacity + list->capacity / 2;
    if (!(grown = olkacct_realloc_array(list->items, capacity, sizeof(*grown)))) return E_OUTOFMEMORY;
    list->items = grown;
    list->capacity = capacity;
    return S_OK;
}

/* An account that is also in a category listed earlier (earlier: enum
 * olk_category bits) was listed there, with all its categories, and is
 * skipped. Nothing else is merged: two accounts the manager returns are two
 * rows, whatever their PROP_ACCT_ID. */
static HRESULT read_new_account(IOlkAccount *account, DWORD earlier, struct olkacct_list *list, const char **step)
{
    struct olkacct_record record;
    HRESULT hr;

    memset(&record, 0, sizeof(record));
    if (FAILED(hr = read_info(account, &record, step)) || (record.categories & earlier)) return hr;
    if (SUCCEEDED(hr = read_fields(account, &record, step)) && SUCCEEDED(hr = reserve_one(list)))
    {
        list->items[list->count++] = record;
        return S_OK;
    }
    free_record(&record);
    return hr;
}

static HRESULT read_account(IUnknown *unk, DWORD earlier, struct olkacct_list *list, const char **step)
{
    IOlkAccount *account = NULL;
    HRESULT hr;

    if (FAILED(hr = IUnknown_QueryInterface(unk, &IID_IOlkAccount, (void **)&account)) || !account)
    {
        *step = "QueryInterface(IID_IOlkAccount)";
        return FAILED(hr) ? hr : E_POINTER;
    }
    hr = read_new_account(account, earlier, list, step);
    IOlkAccount_Release(account);
    return hr;
}

/* S_FALSE at the end, S_OK with *unk an account. An enumerator that goes on
 * past the count it reported would never end: it is an error. */
static HRESULT next_account(IOlkEnum *accounts, DWORD read, DWORD count, IUnknown **unk, const char **step)
{
    HRESULT hr;

    *unk = NULL;
    if (FAILED(hr = IOlkEnum_GetNext(accounts, unk)))
    {
        *step = "IOlkEnum::GetNext";
        return hr;
    }
    /* The end is S_FALSE and NULL; anything but S_OK and an account ends it too. */
    if (hr == S_OK && *unk && read >= count)
    {
        *step = "IOlkEnum::GetNext (more accounts than IOlkEnum::GetCount reported)";
        hr = E_UNEXPECTED;
    }
    if (hr == S_OK && *unk) return S_OK;
    if (*unk) IUnknown_Release(*unk);
    *unk = NULL;
    return FAILED(hr) ? hr : S_FALSE;
}

static HRESULT read_category(IOlkAccountManager *manager, const CLSID *category, DWORD earlier,
                             struct olkacct_list *list, const char **step)
{
    IOlkEnum *accounts = NULL;
    IUnknown *unk;
    DWORD count = 0, read;
    HRESULT hr;

    hr = IOlkAccountManager_EnumerateAccounts(manager, category, NULL, OLK_ACCOUNT_NO_FLAGS, &accounts);
    if (FAILED(hr) || !accounts)
    {
        *step = "IOlkAccountManager::EnumerateAccounts";
        return FAILED(hr) ? hr : E_POINTER;
    }
    if (FAILED(hr = IOlkEnum_GetCount(accounts, &count))) *step = "IOlkEnum::GetCount";
    else if (FAILED(hr = IOlkEnum_Reset(accounts))) *step = "IOlkEnum::Reset";
    for (read = 0; SUCCEEDED(hr) && (hr = next_account(accounts, read, count, &unk, step)) == S_OK; read++)
    {
        hr = read_account(unk, earlier, list, step);
        IUnknown_Release(unk);
    }
    IOlkEnum_Release(accounts);
    return FAILED(hr) ? hr : S_OK;
}

HRESULT olkacct_read_accounts(IOlkAccountManager *manager, DWORD categories, struct olkacct_list *list,
                              const char **step)
{
    DWORD earlier = 0;
    HRESULT hr = S_OK;
    size_t i;

    memset(list, 0, sizeof(*list));
    *step = NULL;
    for (i = 0; i < OLK_CATEGORY_COUNT && SUCCEEDED(hr); i++)
    {
        if (!(categories & olk_account_categories[i].bit)) continue;
        hr = read_category(manager, olk_account_categories[i].clsid, earlier, list, step);
        earlier |= olk_account_categories[i].bit;
    }
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
