/*
 * SPDX-License-Identifier: MIT
 */
#include "accounts.h"
#include "args.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* An enumerator that never reports its end must not hang olkacct. */
#define MAX_ACCOUNTS 65536

const struct olkacct_field_def olkacct_fields[OLKACCT_F_COUNT] =
{
    [OLKACCT_F_ID] = { "id", PROP_ACCT_ID },
    [OLKACCT_F_NAME] = { "name", PROP_ACCT_NAME },
    [OLKACCT_F_MINI_UID] = { "mini_uid", PROP_ACCT_MINI_UID },
    [OLKACCT_F_STAMP] = { "stamp", PROP_ACCT_STAMP },
    [OLKACCT_F_EMAIL] = { "email", PROP_ACCT_USER_EMAIL_ADDR },
    [OLKACCT_F_DISPLAY_NAME] = { "display_name", PROP_ACCT_USER_DISPLAY_NAME },
    [OLKACCT_F_INET_USER] = { "inet_user", PROP_INET_USER },
    [OLKACCT_F_INET_SERVER] = { "inet_server", PROP_INET_SERVER },
    [OLKACCT_F_INET_PORT] = { "inet_port", PROP_INET_PORT },
    [OLKACCT_F_SMTP_SERVER] = { "smtp_server", PROP_SMTP_SERVER },
    [OLKACCT_F_SMTP_PORT] = { "smtp_port", PROP_SMTP_PORT },
    [OLKACCT_F_IS_EXCH] = { "is_exch", PROP_ACCT_IS_EXCH },
    [OLKACCT_F_DELIVERY_STORE] = { "delivery_store", PROP_ACCT_DELIVERY_STORE },
};

/* MinGW's mapidefs.h has these, but olkacct needs nothing else from it. */
enum { TYPE_LONG = 0x0003, TYPE_UNICODE = 0x001f, TYPE_BINARY = 0x0102 };

static const struct { const CLSID *clsid; DWORD bit; } category_clsids[] =
{
    { &CLSID_OlkMail, OLKACCT_CAT_MAIL },
    { &CLSID_OlkAddressBook, OLKACCT_CAT_ADDRESSBOOK },
    { &CLSID_OlkStore, OLKACCT_CAT_STORE },
};

const WCHAR *olkacct_type_name(const CLSID *type)
{
    if (IsEqualCLSID(type, &CLSID_OlkMAPIAccount)) return L"Exchange/MAPI";
    if (IsEqualCLSID(type, &CLSID_OlkPOP3Account)) return L"POP3";
    if (IsEqualCLSID(type, &CLSID_OlkIMAP4Account)) return L"IMAP4";
    if (IsEqualCLSID(type, &CLSID_OlkHotmailAccount)) return L"Hotmail";
    if (IsEqualCLSID(type, &CLSID_OlkLDAPAccount)) return L"LDAP";
    return NULL;
}

static HRESULT copy_variant(const ACCT_VARIANT *var, struct olkacct_value *value)
{
    switch (var->dwType)
    {
    case TYPE_LONG:
        value->dw = var->Val.dw;
        break;
    case TYPE_UNICODE:
        value->str = _wcsdup(var->Val.pwsz ? var->Val.pwsz : L"");
        if (!value->str) return E_OUTOFMEMORY;
        break;
    case TYPE_BINARY:
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
    if (var->dwType == TYPE_UNICODE && var->Val.pwsz) IOlkAccount_FreeMemory(account, (BYTE *)var->Val.pwsz);
    if (var->dwType == TYPE_BINARY && var->Val.bin.pb) IOlkAccount_FreeMemory(account, var->Val.bin.pb);
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
    size_t j;
    HRESULT hr = IOlkAccount_GetAccountInfo(account, &record->type, &count, &categories);

    if (FAILED(hr)) return hr;
    for (i = 0; categories && i < count; i++)
        for (j = 0; j < ARRAYSIZE(category_clsids); j++)
            if (IsEqualCLSID(&categories[i], category_clsids[j].clsid)) record->categories |= category_clsids[j].bit;
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

    if (id->type != TYPE_LONG) return FALSE;
    for (i = 0; i < list->count; i++)
    {
        const struct olkacct_value *other = &list->items[i].values[OLKACCT_F_ID];

        if (other->type == TYPE_LONG && other->dw == id->dw) return TRUE;
    }
    return FALSE;
}

static HRESULT read_fields(IOlkAccount *account, struct olkacct_record *record, const char **step)
{
    int i;
    HRESULT hr;

    for (i = OLKACCT_F_ID + 1; i < OLKACCT_F_COUNT; i++)
    {
        if (FAILED(hr = read_value(account, olkacct_fields[i].tag, &record->values[i])))
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
    for (i = 0; i < ARRAYSIZE(category_clsids) && SUCCEEDED(hr); i++)
        if (categories & category_clsids[i].bit)
            hr = read_category(manager, category_clsids[i].clsid, list, step);
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
