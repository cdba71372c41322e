/*
 * Accounts: the accounts of some categories of the profile, read once by
 * the account model when the object is made, in the order olkacct lists
 * them. Item, ItemByID and the enumerator hand out a new Account for a
 * record; Remove, GetOrder and SetOrder go through the model.
 *
 * SPDX-License-Identifier: MIT
 */
#include "automation.h"

#include <wchar.h>

#include "memory.h"
#include "server_lock.h"

struct accounts
{
    IOlkHelperAccounts IOlkHelperAccounts_iface;
    struct auto_error_support support;
    struct auto_events events;
    LONG refcount;
    ITypeInfo *info;
    IOlkAccountManager *manager;
    struct olk_account_list list;
};

#define ACCOUNTS_IID (&IID_IOlkHelperAccounts)

static inline struct accounts *impl_from_IOlkHelperAccounts(IOlkHelperAccounts *iface)
{
    return CONTAINING_RECORD(iface, struct accounts, IOlkHelperAccounts_iface);
}

static HRESULT STDMETHODCALLTYPE accounts_QueryInterface(IOlkHelperAccounts *iface, REFIID riid, void **ppv)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);

    return auto_query_interface(&accounts->support, (IUnknown *)&accounts->events.IConnectionPointContainer_iface,
                                &IID_IConnectionPointContainer, riid, ppv);
}

static ULONG STDMETHODCALLTYPE accounts_AddRef(IOlkHelperAccounts *iface)
{
    return InterlockedIncrement(&impl_from_IOlkHelperAccounts(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE accounts_Release(IOlkHelperAccounts *iface)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    ULONG refcount = InterlockedDecrement(&accounts->refcount);

    if (!refcount)
    {
        auto_events_cleanup(&accounts->events);
        olk_account_list_free(&accounts->list);
        if (accounts->manager)
            IOlkAccountManager_Release(accounts->manager);
        if (accounts->info)
            ITypeInfo_Release(accounts->info);
        olk_free(accounts);
        server_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE accounts_GetTypeInfoCount(IOlkHelperAccounts *iface, UINT *count)
{
    (void)iface;
    *count = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE accounts_GetTypeInfo(IOlkHelperAccounts *iface, UINT index, LCID lcid,
                                                      ITypeInfo **info)
{
    (void)lcid;
    return auto_get_type_info(impl_from_IOlkHelperAccounts(iface)->info, index, info);
}

static HRESULT STDMETHODCALLTYPE accounts_GetIDsOfNames(IOlkHelperAccounts *iface, REFIID riid, LPOLESTR *names,
                                                        UINT count, LCID lcid, DISPID *ids)
{
    (void)lcid;
    return auto_get_ids_of_names(impl_from_IOlkHelperAccounts(iface)->info, riid, names, count, ids);
}

static HRESULT STDMETHODCALLTYPE accounts_Invoke(IOlkHelperAccounts *iface, DISPID id, REFIID riid, LCID lcid,
                                                 WORD flags, DISPPARAMS *params, VARIANT *result,
                                                 EXCEPINFO *excep, UINT *arg_err)
{
    (void)lcid;
    /* Item is a property; JScript calls it as a method when it discards the
     * result (a statement of its own), and would find no such member. */
    if (id == DISPID_VALUE && flags == DISPATCH_METHOD)
        flags |= DISPATCH_PROPERTYGET;
    return auto_invoke(impl_from_IOlkHelperAccounts(iface)->info, iface, id, riid, flags, params, result, excep,
                       arg_err);
}

/* ---- finding ----------------------------------------------------------------- */

static HRESULT bad_key(const char *what, const WCHAR *key)
{
    return auto_error_name(DISP_E_BADINDEX, ACCOUNTS_IID, what, key, "");
}

/* The index of the account that Key names: a number is a 1-based position,
 * a string an account's name (without regard to case). */
static HRESULT find_key(struct accounts *accounts, const VARIANT *key, DWORD *index)
{
    VARIANT number;
    DWORD i;

    key = auto_deref(key);
    if (V_VT(key) == VT_BSTR)
    {
        const WCHAR *name = V_BSTR(key) ? V_BSTR(key) : L"";

        for (i = 0; i < accounts->list.count; i++)
        {
            const WCHAR *candidate = accounts->list.items[i].values[OLK_PROP_ACCT_NAME].str;

            if (candidate && CompareStringOrdinal(candidate, -1, name, -1, TRUE) == CSTR_EQUAL)
            {
                *index = i;
                return S_OK;
            }
        }
        return bad_key("No account has the name ", name);
    }
    VariantInit(&number);
    if (FAILED(auto_change_type(&number, key, VT_I4)))
        return bad_key("An account is named by its position (a number) or its name (a string)", L"");
    if (V_I4(&number) < 1 || (DWORD)V_I4(&number) > accounts->list.count)
    {
        struct auto_text message = { { 0 }, 0 };

        auto_text_add_number(auto_text_add_ascii(&message, "No account at position "), V_I4(&number));
        auto_text_add_number(auto_text_add_ascii(&message, " (there are "), accounts->list.count);
        return auto_error_text(DISP_E_BADINDEX, ACCOUNTS_IID, auto_text_add_ascii(&message, ")")->buf);
    }
    *index = (DWORD)V_I4(&number) - 1;
    return S_OK;
}

static HRESULT make_account(struct accounts *accounts, DWORD index, IDispatch **result)
{
    HRESULT hr = auto_account_create(accounts->manager, &accounts->list.items[index], result);

    return FAILED(hr) ? auto_error(hr, ACCOUNTS_IID, "The account object could not be made") : hr;
}

/* ---- members --------------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE accounts_get_Count(IOlkHelperAccounts *iface, LONG *result)
{
    if (!result)
        return E_POINTER;
    *result = (LONG)impl_from_IOlkHelperAccounts(iface)->list.count;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE accounts_get_Item(IOlkHelperAccounts *iface, VARIANT key, IDispatch **result)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    DWORD index;
    HRESULT hr;

    if (!result)
        return E_POINTER;
    *result = NULL;
    hr = find_key(accounts, &key, &index);
    return FAILED(hr) ? hr : make_account(accounts, index, result);
}

static HRESULT STDMETHODCALLTYPE accounts_ItemByID(IOlkHelperAccounts *iface, LONG id, IDispatch **result)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    struct auto_text message = { { 0 }, 0 };
    DWORD i;

    if (!result)
        return E_POINTER;
    *result = NULL;
    for (i = 0; i < accounts->list.count; i++)
        if (accounts->list.items[i].values[OLK_PROP_ACCT_ID].dw == (DWORD)id)
            return make_account(accounts, i, result);
    auto_text_add_number(auto_text_add_ascii(&message, "No account has the ID "), id);
    return auto_error_text(DISP_E_BADINDEX, ACCOUNTS_IID, message.buf);
}

static HRESULT enum_item(IUnknown *owner, DWORD index, VARIANT *item)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts((IOlkHelperAccounts *)owner);
    HRESULT hr;

    VariantInit(item);
    if (index >= accounts->list.count)
        return S_FALSE;
    hr = auto_account_create(accounts->manager, &accounts->list.items[index], &V_DISPATCH(item));
    if (SUCCEEDED(hr))
        V_VT(item) = VT_DISPATCH;
    return hr;
}

static HRESULT STDMETHODCALLTYPE accounts__NewEnum(IOlkHelperAccounts *iface, IUnknown **result)
{
    HRESULT hr;

    if (!result)
        return E_POINTER;
    hr = auto_enum_create((IUnknown *)iface, enum_item, result);
    return FAILED(hr) ? auto_error(hr, ACCOUNTS_IID, "Out of memory") : hr;
}

static HRESULT STDMETHODCALLTYPE accounts_Filter(IOlkHelperAccounts *iface, BSTR category, IDispatch **result)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    DWORD bit;
    HRESULT hr;

    if (!result)
        return E_POINTER;
    *result = NULL;
    if (FAILED(hr = auto_category(category, &bit, ACCOUNTS_IID)))
        return hr;
    hr = auto_accounts_create(accounts->manager, bit, result);
    return FAILED(hr) ? auto_error(hr, ACCOUNTS_IID, "Filter: the accounts could not be read") : hr;
}

static HRESULT id_item(const void *context, DWORD i, VARIANT *out)
{
    V_VT(out) = VT_I4;
    V_I4(out) = (LONG)((const DWORD *)context)[i];
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE accounts_GetOrder(IOlkHelperAccounts *iface, BSTR category, VARIANT *result)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    DWORD bit, *ids = NULL, count = 0;
    HRESULT hr;

    if (!result)
        return E_POINTER;
    VariantInit(result);
    if (FAILED(hr = auto_category(category, &bit, ACCOUNTS_IID)))
        return hr;
    hr = olk_order_get(accounts->manager, bit, &ids, &count);
    if (FAILED(hr))
        return auto_error_name(hr, ACCOUNTS_IID, "GetOrder: the account manager gave no order for ", category, "");
    hr = auto_array(count, id_item, ids, result);
    olk_free(ids);
    return FAILED(hr) ? auto_error(hr, ACCOUNTS_IID, "Out of memory") : hr;
}

static HRESULT STDMETHODCALLTYPE accounts_SetOrder(IOlkHelperAccounts *iface, BSTR category, VARIANT list)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    DWORD bit, *ids, count;
    HRESULT hr;

    if (FAILED(hr = auto_category(category, &bit, ACCOUNTS_IID)))
        return hr;
    hr = auto_read_ids(&list, &ids, &count);
    if (FAILED(hr))
        return auto_error(E_INVALIDARG, ACCOUNTS_IID, "SetOrder: IDs must be an array of account IDs");
    hr = olk_order_set(accounts->manager, bit, ids, count);
    olk_free(ids);
    if (hr == E_OLK_PARAM_NOT_SUPPORTED)
        return auto_error(hr, ACCOUNTS_IID, "SetOrder: only the addressbook and store orders can be set");
    if (FAILED(hr))
        return auto_error(hr, ACCOUNTS_IID, "SetOrder: the account manager refused the order");
    return hr;
}

static HRESULT STDMETHODCALLTYPE accounts_Remove(IOlkHelperAccounts *iface, VARIANT key)
{
    struct accounts *accounts = impl_from_IOlkHelperAccounts(iface);
    struct olk_account_list *list = &accounts->list;
    DWORD index;
    HRESULT hr;

    if (FAILED(hr = find_key(accounts, &key, &index)))
        return hr;
    hr = olk_account_delete(accounts->manager, list->items[index].values[OLK_PROP_ACCT_ID].dw);
    if (FAILED(hr))
        return auto_error(hr, ACCOUNTS_IID, "Remove: the account manager did not delete the account");
    olk_account_record_free(&list->items[index]);
    memmove(&list->items[index], &list->items[index + 1], (list->count - index - 1) * sizeof(list->items[0]));
    list->count--;
    return S_OK;
}

static const IOlkHelperAccountsVtbl accounts_vtbl =
{
    accounts_QueryInterface,
    accounts_AddRef,
    accounts_Release,
    accounts_GetTypeInfoCount,
    accounts_GetTypeInfo,
    accounts_GetIDsOfNames,
    accounts_Invoke,
    accounts_get_Count,
    accounts_get_Item,
    accounts_ItemByID,
    accounts__NewEnum,
    accounts_Filter,
    accounts_GetOrder,
    accounts_SetOrder,
    accounts_Remove,
};

HRESULT auto_accounts_create(IOlkAccountManager *manager, DWORD categories, IDispatch **out)
{
    struct accounts *accounts;
    const char *step = NULL;
    HRESULT hr;

    *out = NULL;
    if (!(accounts = olk_alloc(sizeof(*accounts))))
        return E_OUTOFMEMORY;
    accounts->IOlkHelperAccounts_iface.lpVtbl = &accounts_vtbl;
    auto_error_support_init(&accounts->support, (IUnknown *)&accounts->IOlkHelperAccounts_iface, ACCOUNTS_IID);
    accounts->refcount = 1;
    accounts->manager = manager;
    IOlkAccountManager_AddRef(manager);
    auto_events_init(&accounts->events, (IUnknown *)&accounts->IOlkHelperAccounts_iface, manager);
    server_lock();
    hr = auto_type_info(ACCOUNTS_IID, &accounts->info);
    if (SUCCEEDED(hr))
        hr = olk_accounts_read(manager, categories, &accounts->list, &step);
    if (SUCCEEDED(hr))
        *out = (IDispatch *)&accounts->IOlkHelperAccounts_iface;
    else
        accounts_Release(&accounts->IOlkHelperAccounts_iface);
    return hr;
}
