/*
 * Account: one account of the profile, as the account model read it, with
 * one property per entry of the account vocabulary (under its automation
 * name, its tag as DISPID). Writes are checked and staged, and Save hands
 * them to the model in one olk_account_set; Delete goes through the model
 * too.
 *
 * SPDX-License-Identifier: MIT
 */
#include "account_slots.h"

#include <wchar.h>

#include "memory.h"
#include "server_lock.h"

struct account
{
    IOlkHelperAccount IOlkHelperAccount_iface;
    struct auto_error_support support;
    LONG refcount;
    ITypeInfo *info;
    IOlkAccountManager *manager;
    struct olk_account_record record;
    /* Staged by the property puts, at most one per property, for Save. */
    struct olk_change changes[OLK_PROP_COUNT];
    DWORD change_count;
};

#define ACCOUNT_IID (&IID_IOlkHelperAccount)

static inline struct account *impl_from_IOlkHelperAccount(IOlkHelperAccount *iface)
{
    return CONTAINING_RECORD(iface, struct account, IOlkHelperAccount_iface);
}

static DWORD account_id(const struct account *account)
{
    return account->record.values[OLK_PROP_ACCT_ID].dw;
}

static void clear_changes(struct account *account)
{
    DWORD i;

    for (i = 0; i < account->change_count; i++)
        olk_value_free(&account->changes[i].value);
    account->change_count = 0;
}

/* ---- IUnknown, IDispatch ----------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE account_QueryInterface(IOlkHelperAccount *iface, REFIID riid, void **ppv)
{
    return auto_query_interface(&impl_from_IOlkHelperAccount(iface)->support, NULL, NULL, riid, ppv);
}

static ULONG STDMETHODCALLTYPE account_AddRef(IOlkHelperAccount *iface)
{
    return InterlockedIncrement(&impl_from_IOlkHelperAccount(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE account_Release(IOlkHelperAccount *iface)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    ULONG refcount = InterlockedDecrement(&account->refcount);

    if (!refcount)
    {
        clear_changes(account);
        olk_account_record_free(&account->record);
        if (account->manager)
            IOlkAccountManager_Release(account->manager);
        if (account->info)
            ITypeInfo_Release(account->info);
        olk_free(account);
        server_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE account_GetTypeInfoCount(IOlkHelperAccount *iface, UINT *count)
{
    (void)iface;
    *count = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE account_GetTypeInfo(IOlkHelperAccount *iface, UINT index, LCID lcid,
                                                     ITypeInfo **info)
{
    (void)lcid;
    return auto_get_type_info(impl_from_IOlkHelperAccount(iface)->info, index, info);
}

static HRESULT STDMETHODCALLTYPE account_GetIDsOfNames(IOlkHelperAccount *iface, REFIID riid, LPOLESTR *names,
                                                       UINT count, LCID lcid, DISPID *ids)
{
    (void)lcid;
    return auto_get_ids_of_names(impl_from_IOlkHelperAccount(iface)->info, riid, names, count, ids);
}

static const WCHAR *read_only_message(const struct olk_account_prop *prop, struct auto_text *message)
{
    message->len = 0;
    auto_text_add_ascii(message, prop->automation);
    auto_text_add_ascii(auto_text_add_ascii(message, " ("), prop->idl_name);
    return auto_text_add_ascii(message, ") is documented read-only: the account manager does not let it change")->buf;
}

static HRESULT get_value(struct account *account, enum olk_prop_id id, VARIANT *out);

static HRESULT STDMETHODCALLTYPE account_Invoke(IOlkHelperAccount *iface, DISPID id, REFIID riid, LCID lcid,
                                                WORD flags, DISPPARAMS *params, VARIANT *result, EXCEPINFO *excep,
                                                UINT *arg_err)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    const struct olk_account_prop *prop = olk_account_prop_by_tag((DWORD)id);

    (void)lcid;
    if (prop && IsEqualIID(riid, &IID_NULL))
    {
        /* A read-only property has no propput in the library; a script that
         * sets it learns why, rather than that the member is missing. */
        if ((flags & (DISPATCH_PROPERTYPUT | DISPATCH_PROPERTYPUTREF)) && !prop->secret &&
            prop->access == OLK_PROP_READ_ONLY)
        {
            struct auto_text message;

            auto_error_text(E_OLK_PROP_READ_ONLY, ACCOUNT_IID, read_only_message(prop, &message));
            return auto_exception(excep, E_OLK_PROP_READ_ONLY, message.buf);
        }
        /* Late-bound reads of a property the account does not have give
         * Empty, as Property(Tag) does; a secret's read says why it fails. */
        if ((flags & DISPATCH_PROPERTYGET) && params && !params->cArgs)
        {
            VARIANT value;
            HRESULT hr = get_value(account, (enum olk_prop_id)(prop - olk_account_props), &value);

            if (FAILED(hr))
                return auto_exception_from_error(excep, hr);
            if (result)
                *result = value;
            else
                VariantClear(&value);
            return S_OK;
        }
    }
    return auto_invoke(account->info, iface, id, riid, flags, params, result, excep, arg_err);
}

/* ---- values -------------------------------------------------------------------- */

static const struct olk_value *current_value(const struct account *account, enum olk_prop_id id)
{
    DWORD i;

    for (i = 0; i < account->change_count; i++)
        if (account->changes[i].prop == &olk_account_props[id])
            return &account->changes[i].value;
    return &account->record.values[id];
}

/* The value of a property, VT_EMPTY when the account does not have it. */
static HRESULT get_value(struct account *account, enum olk_prop_id id, VARIANT *out)
{
    const struct olk_account_prop *prop = &olk_account_props[id];

    if (!out)
        return E_POINTER;
    VariantInit(out);
    if (prop->secret)
        return auto_error_ascii_name(E_ACCESSDENIED, ACCOUNT_IID, "", prop->automation,
                               " is a secret: it can be set, never read back");
    if (FAILED(auto_value_to_variant(current_value(account, id), out)))
        return auto_error(E_OUTOFMEMORY, ACCOUNT_IID, "Out of memory");
    return S_OK;
}

/* A typed property get: the account must have the property. */
static HRESULT get_typed(struct account *account, enum olk_prop_id id, VARTYPE type, VARIANT *out)
{
    HRESULT hr = get_value(account, id, out);

    if (SUCCEEDED(hr) && V_VT(out) != type)
    {
        VariantClear(out);
        return auto_error_ascii_name(E_ACCT_NOT_FOUND, ACCOUNT_IID, "The account does not have the property ",
                               olk_account_props[id].automation, "");
    }
    return hr;
}

HRESULT account_get_long(IOlkHelperAccount *iface, enum olk_prop_id id, LONG *value)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    VARIANT v;
    HRESULT hr;

    if (!value)
        return E_POINTER;
    *value = 0;
    hr = get_typed(account, id, VT_I4, &v);
    if (SUCCEEDED(hr))
        *value = V_I4(&v);
    return hr;
}

HRESULT account_get_text(IOlkHelperAccount *iface, enum olk_prop_id id, BSTR *value)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    VARIANT v;
    HRESULT hr;

    if (!value)
        return E_POINTER;
    *value = NULL;
    hr = get_typed(account, id, VT_BSTR, &v);
    if (SUCCEEDED(hr))
        *value = V_BSTR(&v);
    return hr;
}

/* Checks a new value and stages it for Save. */
static HRESULT put_value(struct account *account, enum olk_prop_id id, const VARIANT *in)
{
    const struct olk_account_prop *prop = &olk_account_props[id];
    struct olk_value value;
    HRESULT hr;
    DWORD i;

    if (prop->access == OLK_PROP_READ_ONLY)
    {
        struct auto_text message;

        return auto_error_text(E_OLK_PROP_READ_ONLY, ACCOUNT_IID, read_only_message(prop, &message));
    }
    hr = auto_value_from_variant(prop, in, &value, ACCOUNT_IID);
    if (FAILED(hr))
        return hr == E_OUTOFMEMORY ? auto_error(hr, ACCOUNT_IID, "Out of memory") : hr;
    for (i = 0; i < account->change_count && account->changes[i].prop != prop; i++)
        ;
    if (i < account->change_count)
        olk_value_free(&account->changes[i].value);
    else
        account->changes[account->change_count++].prop = prop;
    account->changes[i].value = value;
    return S_OK;
}

HRESULT account_put_text(IOlkHelperAccount *iface, enum olk_prop_id id, BSTR text)
{
    VARIANT v;

    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = text;
    return put_value(impl_from_IOlkHelperAccount(iface), id, &v);
}

/* ---- members that are not properties ------------------------------------------ */

static HRESULT STDMETHODCALLTYPE account_get_Type(IOlkHelperAccount *iface, BSTR *value)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    const WCHAR *name = olk_account_type_name(&account->record.type);
    WCHAR clsid[40];

    if (!value)
        return E_POINTER;
    /* Another type is named by its CLSID, as olkacct names it. */
    if (!name)
    {
        StringFromGUID2(&account->record.type, clsid, ARRAYSIZE(clsid));
        name = clsid;
    }
    *value = SysAllocString(name);
    return *value ? S_OK : auto_error(E_OUTOFMEMORY, ACCOUNT_IID, "Out of memory");
}

static HRESULT STDMETHODCALLTYPE account_get_TypeCLSID(IOlkHelperAccount *iface, BSTR *value)
{
    WCHAR clsid[40];

    if (!value)
        return E_POINTER;
    StringFromGUID2(&impl_from_IOlkHelperAccount(iface)->record.type, clsid, ARRAYSIZE(clsid));
    *value = SysAllocString(clsid);
    return *value ? S_OK : auto_error(E_OUTOFMEMORY, ACCOUNT_IID, "Out of memory");
}

static HRESULT category_name(const void *context, DWORD i, VARIANT *out)
{
    const DWORD *names = context;

    V_BSTR(out) = SysAllocString(olk_account_categories[names[i]].name);
    if (!V_BSTR(out))
        return E_OUTOFMEMORY;
    V_VT(out) = VT_BSTR;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE account_get_Categories(IOlkHelperAccount *iface, VARIANT *result)
{
    DWORD bits = impl_from_IOlkHelperAccount(iface)->record.categories, names[OLK_CATEGORY_COUNT], count = 0, i;

    if (!result)
        return E_POINTER;
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
        if (bits & olk_account_categories[i].bit)
            names[count++] = i;
    if (FAILED(auto_array(count, category_name, names, result)))
        return auto_error(E_OUTOFMEMORY, ACCOUNT_IID, "Out of memory");
    return S_OK;
}

static HRESULT documented_tag(LONG tag, enum olk_prop_id *id)
{
    const struct olk_account_prop *prop = olk_account_prop_by_tag((DWORD)tag);
    struct auto_text message = { { 0 }, 0 };

    if (prop)
    {
        *id = (enum olk_prop_id)(prop - olk_account_props);
        return S_OK;
    }
    auto_text_add_ascii(auto_text_add_hex(&message, (DWORD)tag), " is not a documented account property tag");
    return auto_error_text(E_INVALIDARG, ACCOUNT_IID, message.buf);
}

static HRESULT STDMETHODCALLTYPE account_get_Property(IOlkHelperAccount *iface, LONG tag, VARIANT *value)
{
    enum olk_prop_id id = OLK_PROP_COUNT;
    HRESULT hr = documented_tag(tag, &id);

    if (value)
        VariantInit(value);
    return FAILED(hr) ? hr : get_value(impl_from_IOlkHelperAccount(iface), id, value);
}

static HRESULT STDMETHODCALLTYPE account_put_Property(IOlkHelperAccount *iface, LONG tag, VARIANT value)
{
    enum olk_prop_id id = OLK_PROP_COUNT;
    HRESULT hr = documented_tag(tag, &id);

    return FAILED(hr) ? hr : put_value(impl_from_IOlkHelperAccount(iface), id, &value);
}

static HRESULT STDMETHODCALLTYPE account_Save(IOlkHelperAccount *iface)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    struct olk_account_record fresh;
    IOlkAccount *target = NULL;
    const char *step = NULL;
    DWORD failed = 0;
    HRESULT hr;

    if (!account->change_count)
        return S_OK;
    hr = olk_account_find_id(account->manager, account_id(account), &target);
    if (FAILED(hr))
        return auto_error(hr, ACCOUNT_IID, "Save: the account is no longer there");
    hr = olk_account_set(target, account->changes, account->change_count, 0, &failed);
    if (FAILED(hr))
    {
        IOlkAccount_Release(target);
        if (failed < account->change_count)
            return auto_error_ascii_name(hr, ACCOUNT_IID, "Save: the account manager refused ",
                                   account->changes[failed].prop->automation, "");
        return auto_error(hr, ACCOUNT_IID, "Save: the account manager could not save the changes");
    }
    clear_changes(account);
    memset(&fresh, 0, sizeof(fresh));
    hr = olk_account_read(target, &fresh, &step);
    IOlkAccount_Release(target);
    if (FAILED(hr))
        return auto_error(hr, ACCOUNT_IID, "Save: the changes were saved, but the account could not be read back");
    olk_account_record_free(&account->record);
    account->record = fresh;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE account_Delete(IOlkHelperAccount *iface)
{
    struct account *account = impl_from_IOlkHelperAccount(iface);
    HRESULT hr = olk_account_delete(account->manager, account_id(account));

    return FAILED(hr) ? auto_error(hr, ACCOUNT_IID, "Delete: the account manager did not delete the account") : hr;
}

#define GET(name) .get_##name = account_get_##name
#define PUT(name) .put_##name = account_put_##name
#define SLOT_GET(name, id) GET(name),
#define SLOT_PUT(name, id) PUT(name),

static const IOlkHelperAccountVtbl account_vtbl =
{
    .QueryInterface = account_QueryInterface,
    .AddRef = account_AddRef,
    .Release = account_Release,
    .GetTypeInfoCount = account_GetTypeInfoCount,
    .GetTypeInfo = account_GetTypeInfo,
    .GetIDsOfNames = account_GetIDsOfNames,
    .Invoke = account_Invoke,
    GET(Type), GET(TypeCLSID), GET(Categories), GET(Property), PUT(Property),
    .Save = account_Save,
    .Delete = account_Delete,
    ACCOUNT_PROPERTY_SLOTS(SLOT_GET, SLOT_GET, SLOT_PUT)
};

static HRESULT copy_record(const struct olk_account_record *from, struct olk_account_record *to)
{
    HRESULT hr = S_OK;
    size_t i;

    to->type = from->type;
    to->categories = from->categories;
    for (i = 0; SUCCEEDED(hr) && i < OLK_PROP_COUNT; i++)
        hr = olk_value_copy(&from->values[i], &to->values[i]);
    return hr;
}

HRESULT auto_account_create(IOlkAccountManager *manager, const struct olk_account_record *record,
                            IDispatch **out)
{
    struct account *account;
    HRESULT hr;

    *out = NULL;
    if (!(account = olk_alloc(sizeof(*account))))
        return E_OUTOFMEMORY;
    account->IOlkHelperAccount_iface.lpVtbl = &account_vtbl;
    auto_error_support_init(&account->support, (IUnknown *)&account->IOlkHelperAccount_iface, ACCOUNT_IID);
    account->refcount = 1;
    account->manager = manager;
    IOlkAccountManager_AddRef(manager);
    server_lock();
    hr = auto_type_info(ACCOUNT_IID, &account->info);
    if (SUCCEEDED(hr))
        hr = copy_record(record, &account->record);
    if (SUCCEEDED(hr))
        *out = (IDispatch *)&account->IOlkHelperAccount_iface;
    else
        account_Release(&account->IOlkHelperAccount_iface);
    return hr;
}
