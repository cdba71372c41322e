/*
 * Reading accounts: one account's every documented property, a profile's
 * accounts by category, and an account by ID or name.
 *
 * SPDX-License-Identifier: MIT
 */
#include "account_model.h"
#include "memory.h"

#include <string.h>
#include <wchar.h>

static WCHAR *copy_string(const WCHAR *s)
{
    size_t size = (wcslen(s) + 1) * sizeof(WCHAR);
    WCHAR *copy = olk_alloc(size);

    if (copy) memcpy(copy, s, size);
    return copy;
}

/* E_UNEXPECTED for a value GetProp should not have returned; E_OUTOFMEMORY
 * is the model's own failure. A secret is only noted as set. */
static HRESULT copy_variant(const struct olk_account_prop *prop, const ACCT_VARIANT *var, struct olk_value *value)
{
    switch (var->dwType)
    {
    case PT_LONG:
        value->dw = var->Val.dw;
        break;
    case PT_UNICODE:
        if (prop->secret) break;
        value->str = copy_string(var->Val.pwsz ? var->Val.pwsz : L"");
        if (!value->str) return E_OUTOFMEMORY;
        break;
    case PT_BINARY:
        if (var->Val.bin.cb && !var->Val.bin.pb) return E_UNEXPECTED;
        if (!(value->bin = olk_alloc(var->Val.bin.cb ? var->Val.bin.cb : 1))) return E_OUTOFMEMORY;
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
    if (var->dwType == PT_UNICODE && var->Val.pwsz)
    {
        /* Wiped before it goes back: a password must not linger in freed memory. */
        SecureZeroMemory(var->Val.pwsz, wcslen(var->Val.pwsz) * sizeof(WCHAR));
        IOlkAccount_FreeMemory(account, (BYTE *)var->Val.pwsz);
    }
    if (var->dwType == PT_BINARY && var->Val.bin.pb) IOlkAccount_FreeMemory(account, var->Val.bin.pb);
}

/* An absent property (E_ACCT_NOT_FOUND) leaves value->type 0. */
static HRESULT read_value(IOlkAccount *account, const struct olk_account_prop *prop, struct olk_value *value,
                          const char **step)
{
    ACCT_VARIANT var;
    HRESULT hr;

    memset(&var, 0, sizeof(var));
    hr = IOlkAccount_GetProp(account, prop->tag, &var);
    if (hr == E_ACCT_NOT_FOUND) return S_OK;
    if (SUCCEEDED(hr))
    {
        hr = copy_variant(prop, &var, value);
        free_variant(account, &var);
        if (hr == E_OUTOFMEMORY) return hr;
    }
    if (FAILED(hr)) *step = "IOlkAccount::GetProp";
    return hr;
}

static HRESULT read_info(IOlkAccount *account, struct olk_account_record *record, const char **step)
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

static HRESULT read_values(IOlkAccount *account, struct olk_account_record *record, const char **step)
{
    HRESULT hr = S_OK;
    int i;

    for (i = 0; i < OLK_PROP_COUNT && SUCCEEDED(hr); i++)
        hr = read_value(account, &olk_account_props[i], &record->values[i], step);
    return hr;
}

void olk_account_record_free(struct olk_account_record *record)
{
    int i;

    for (i = 0; i < OLK_PROP_COUNT; i++) olk_value_free(&record->values[i]);
    memset(record, 0, sizeof(*record));
}

HRESULT olk_account_read(IOlkAccount *account, struct olk_account_record *record, const char **step)
{
    HRESULT hr;

    memset(record, 0, sizeof(*record));
    *step = NULL;
    if (SUCCEEDED(hr = read_info(account, record, step)) && SUCCEEDED(hr = read_values(account, record, step)))
        return S_OK;
    olk_account_record_free(record);
    return hr;
}

/* Room for one more record: the capacity grows by half each time, so that
 * reading n accounts copies O(n) records in all. */
static HRESULT reserve_one(struct olk_account_list *list)
{
    struct olk_account_record *grown;
    DWORD capacity;

    if (list->count < list->capacity) return S_OK;
    if (list->capacity >= MAXDWORD / 3 * 2) return E_OUTOFMEMORY;
    capacity = list->capacity < 16 ? 16 : list->capacity + list->capacity / 2;
    if ((ULONGLONG)capacity * sizeof(*grown) > (SIZE_T)-1) return E_OUTOFMEMORY;
    if (!(grown = olk_alloc(capacity * sizeof(*grown)))) return E_OUTOFMEMORY;
    if (list->count) memcpy(grown, list->items, list->count * sizeof(*grown));
    olk_free(list->items);
    list->items = grown;
    list->capacity = capacity;
    return S_OK;
}

/* An account that is also in a category listed earlier (earlier: enum
 * olk_category bits) was listed there, with all its categories, and is
 * skipped. Nothing else is merged: two accounts the manager returns are two
 * rows, whatever their PROP_ACCT_ID. */
static HRESULT read_new_account(IOlkAccount *account, DWORD earlier, struct olk_account_list *list,
                                const char **step)
{
    struct olk_account_record record;
    HRESULT hr;

    memset(&record, 0, sizeof(record));
    if (FAILED(hr = read_info(account, &record, step)) || (record.categories & earlier)) return hr;
    if (SUCCEEDED(hr = read_values(account, &record, step)) && SUCCEEDED(hr = reserve_one(list)))
    {
        list->items[list->count++] = record;
        return S_OK;
    }
    olk_account_record_free(&record);
    return hr;
}

static HRESULT as_account(IUnknown *unk, IOlkAccount **account, const char **step)
{
    HRESULT hr;

    *account = NULL;
    if (SUCCEEDED(hr = IUnknown_QueryInterface(unk, &IID_IOlkAccount, (void **)account)) && *account) return S_OK;
    *step = "QueryInterface(IID_IOlkAccount)";
    return FAILED(hr) ? hr : E_POINTER;
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

/* Calls visit for each account the enumeration of category (NULL: all)
 * returns, until visit fails or returns S_FALSE (stop). */
typedef HRESULT (*visit_account)(IOlkAccount *account, void *context, const char **step);

static HRESULT each_account(IOlkAccountManager *manager, const CLSID *category, visit_account visit,
                            void *context, const char **step)
{
    IOlkEnum *accounts = NULL;
    IOlkAccount *account;
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
        if (SUCCEEDED(hr = as_account(unk, &account, step)))
        {
            hr = visit(account, context, step);
            IOlkAccount_Release(account);
        }
        IUnknown_Release(unk);
    }
    IOlkEnum_Release(accounts);
    return FAILED(hr) ? hr : S_OK;
}

struct list_visit
{
    DWORD earlier;
    struct olk_account_list *list;
};

static HRESULT list_one(IOlkAccount *account, void *context, const char **step)
{
    struct list_visit *v = context;

    return read_new_account(account, v->earlier, v->list, step);
}

HRESULT olk_accounts_read(IOlkAccountManager *manager, DWORD categories, struct olk_account_list *list,
                          const char **step)
{
    struct list_visit v = { 0, list };
    HRESULT hr = S_OK;
    size_t i;

    memset(list, 0, sizeof(*list));
    *step = NULL;
    for (i = 0; i < OLK_CATEGORY_COUNT && SUCCEEDED(hr); i++)
    {
        if (!(categories & olk_account_categories[i].bit)) continue;
        hr = each_account(manager, olk_account_categories[i].clsid, list_one, &v, step);
        v.earlier |= olk_account_categories[i].bit;
    }
    if (FAILED(hr)) olk_account_list_free(list);
    return hr;
}

void olk_account_list_free(struct olk_account_list *list)
{
    DWORD i;

    for (i = 0; i < list->count; i++) olk_account_record_free(&list->items[i]);
    olk_free(list->items);
    memset(list, 0, sizeof(*list));
}

HRESULT olk_account_find_id(IOlkAccountManager *manager, DWORD id, IOlkAccount **account)
{
    ACCT_VARIANT var;
    HRESULT hr;

    memset(&var, 0, sizeof(var));
    var.dwType = PT_LONG;
    var.Val.dw = id;
    *account = NULL;
    hr = IOlkAccountManager_FindAccount(manager, PROP_ACCT_ID, &var, account);
    if (SUCCEEDED(hr) && !*account) hr = E_ACCT_NOT_FOUND;
    return hr;
}

struct name_visit
{
    const WCHAR *name;
    IOlkAccount *found;
    DWORD matches;
    DWORD *ids;
    DWORD max_ids;
};

static HRESULT match_name(IOlkAccount *account, void *context, const char **step)
{
    struct name_visit *v = context;
    ACCT_VARIANT name, id;
    HRESULT hr;
    BOOL same;

    memset(&name, 0, sizeof(name));
    memset(&id, 0, sizeof(id));
    hr = IOlkAccount_GetProp(account, PROP_ACCT_NAME, &name);
    if (hr == E_ACCT_NOT_FOUND) return S_OK;
    if (FAILED(hr))
    {
        *step = "IOlkAccount::GetProp";
        return hr;
    }
    same = name.dwType == PT_UNICODE && name.Val.pwsz
           && CompareStringOrdinal(name.Val.pwsz, -1, v->name, -1, TRUE) == CSTR_EQUAL;
    free_variant(account, &name);
    if (!same) return S_OK;
    if (v->matches < v->max_ids)
        v->ids[v->matches] = SUCCEEDED(IOlkAccount_GetProp(account, PROP_ACCT_ID, &id)) && id.dwType == PT_LONG
                             ? id.Val.dw : 0;
    if (!v->matches++)
    {
        v->found = account;
        IOlkAccount_AddRef(account);
    }
    return S_OK;
}

HRESULT olk_account_find_name(IOlkAccountManager *manager, const WCHAR *name, IOlkAccount **account,
                              DWORD *matches, DWORD *ids, DWORD max_ids)
{
    struct name_visit v = { name, NULL, 0, ids, max_ids };
    const char *step = NULL;
    HRESULT hr;

    *account = NULL;
    *matches = 0;
    hr = each_account(manager, NULL, match_name, &v, &step);
    *matches = v.matches;
    if (SUCCEEDED(hr) && v.matches == 1)
    {
        *account = v.found;
        return S_OK;
    }
    if (v.found) IOlkAccount_Release(v.found);
    if (FAILED(hr)) return hr;
    return v.matches ? OLK_E_AMBIGUOUS : E_ACCT_NOT_FOUND;
}
