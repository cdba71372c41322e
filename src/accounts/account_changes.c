/*
 * Changing accounts: opening the manager, setting properties (all checked
 * before the first SetProp), deleting, and the order of a category.
 *
 * SPDX-License-Identifier: MIT
 */
#include "account_model.h"
#include "memory.h"

#include <string.h>

HRESULT olk_manager_open(IOlkAccountHelper *helper, IOlkAccountManager **manager, enum olk_open_step *step)
{
    HRESULT hr;

    *step = OLK_OPEN_CREATE;
    hr = CoCreateInstance(&CLSID_OlkAccountManager, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountManager,
                          (void **)manager);
    if (FAILED(hr) || !*manager)
    {
        *manager = NULL;
        return FAILED(hr) ? hr : E_POINTER;
    }
    *step = OLK_OPEN_INIT;
    if (SUCCEEDED(hr = IOlkAccountManager_Init(*manager, helper, ACCT_INIT_NOSYNCH_MAPI_ACCTS))) return hr;
    IOlkAccountManager_Release(*manager);
    *manager = NULL;
    return hr;
}

static HRESULT check_change(const struct olk_change *change, DWORD flags)
{
    if (!change->prop || change->value.type != change->prop->type) return E_INVALIDARG;
    if (change->value.type == PT_UNICODE && !change->value.str) return E_INVALIDARG;
    if (change->value.type == PT_BINARY && change->value.cb && !change->value.bin) return E_INVALIDARG;
    if (change->prop->access == OLK_PROP_READ_ONLY && !(flags & OLK_SET_ALLOW_READ_ONLY))
        return E_OLK_PROP_READ_ONLY;
    return S_OK;
}

static void to_variant(const struct olk_value *value, ACCT_VARIANT *var)
{
    memset(var, 0, sizeof(*var));
    var->dwType = value->type;
    if (value->type == PT_LONG) var->Val.dw = value->dw;
    else if (value->type == PT_UNICODE) var->Val.pwsz = value->str;
    else
    {
        var->Val.bin.cb = value->cb;
        var->Val.bin.pb = value->bin;
    }
}

HRESULT olk_account_set(IOlkAccount *account, const struct olk_change *changes, DWORD count, DWORD flags,
                        DWORD *failed)
{
    ACCT_VARIANT var;
    HRESULT hr;
    DWORD i;

    for (i = 0; i < count; i++)
    {
        *failed = i;
        if (FAILED(hr = check_change(&changes[i], flags))) return hr;
    }
    for (i = 0; i < count; i++)
    {
        *failed = i;
        to_variant(&changes[i].value, &var);
        if (FAILED(hr = IOlkAccount_SetProp(account, changes[i].prop->tag, &var))) return hr;
    }
    *failed = count;
    return IOlkAccount_SaveChanges(account, OLK_ACCOUNT_NO_FLAGS);
}

HRESULT olk_account_delete(IOlkAccountManager *manager, DWORD id)
{
    return IOlkAccountManager_DeleteAccount(manager, id);
}

static const CLSID *category_clsid(DWORD category)
{
    size_t i;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
        if (olk_account_categories[i].bit == category) return olk_account_categories[i].clsid;
    return NULL;
}

HRESULT olk_order_get(IOlkAccountManager *manager, DWORD category, DWORD **ids, DWORD *count)
{
    const CLSID *clsid = category_clsid(category);
    DWORD *order = NULL, n = 0;
    HRESULT hr;

    *ids = NULL;
    *count = 0;
    if (!clsid) return E_INVALIDARG;
    if (FAILED(hr = IOlkAccountManager_GetOrder(manager, clsid, &n, &order))) return hr;
    if (n && !order) return E_POINTER;
    if (((ULONGLONG)n + 1) * sizeof(DWORD) > (SIZE_T)-1) hr = E_OUTOFMEMORY;
    else if (!(*ids = olk_alloc((n + 1) * sizeof(DWORD)))) hr = E_OUTOFMEMORY;
    else
    {
        if (n) memcpy(*ids, order, n * sizeof(DWORD));
        *count = n;
    }
    if (order) IOlkAccountManager_FreeMemory(manager, (BYTE *)order);
    return hr;
}

HRESULT olk_order_set(IOlkAccountManager *manager, DWORD category, const DWORD *ids, DWORD count)
{
    if (category != OLK_CATEGORY_ADDRESSBOOK && category != OLK_CATEGORY_STORE) return E_OLK_PARAM_NOT_SUPPORTED;
    if (count && !ids) return E_INVALIDARG;
    return IOlkAccountManager_SetOrder(manager, category_clsid(category), count, (DWORD *)ids);
}
