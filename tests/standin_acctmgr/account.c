/*
 * IOlkAccount for one account of the data file: GetAccountInfo, GetProp and
 * FreeMemory; everything else is not implemented.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <stdlib.h>
#include <string.h>

struct standin_account_object
{
    IOlkAccount IOlkAccount_iface;
    LONG refcount;
    struct standin_manager *manager;
    const struct standin_account *account;
};

static inline struct standin_account_object *impl_from_IOlkAccount(IOlkAccount *iface)
{
    return CONTAINING_RECORD(iface, struct standin_account_object, IOlkAccount_iface);
}

static HRESULT STDMETHODCALLTYPE account_QueryInterface(IOlkAccount *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOlkErrorUnknown)
        || IsEqualIID(riid, &IID_IOlkAccount))
    {
        *ppv = iface;
        IOlkAccount_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE account_AddRef(IOlkAccount *iface)
{
    return InterlockedIncrement(&impl_from_IOlkAccount(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE account_Release(IOlkAccount *iface)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    ULONG refcount = InterlockedDecrement(&object->refcount);

    if (!refcount)
    {
        standin_manager_release(object->manager);
        free(object);
        standin_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE account_GetLastError(IOlkAccount *iface, HRESULT hr, LPWSTR *error)
{
    (void)iface;
    (void)hr;
    if (error) *error = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE account_PlaceHolder(IOlkAccount *iface)
{
    (void)iface;
    return E_NOTIMPL;
}

static const struct { DWORD bit; const CLSID *clsid; } categories[] =
{
    { STANDIN_CAT_MAIL, &CLSID_OlkMail },
    { STANDIN_CAT_ADDRESSBOOK, &CLSID_OlkAddressBook },
    { STANDIN_CAT_STORE, &CLSID_OlkStore },
};

static HRESULT STDMETHODCALLTYPE account_GetAccountInfo(IOlkAccount *iface, CLSID *type, DWORD *count,
                                                        CLSID **array)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    DWORD bits = standin_account_categories(object->account), n = 0;
    size_t i;

    if (!type || !count || !array) return E_INVALIDARG;
    *count = 0;
    *array = standin_tracker_alloc(standin_manager_tracker(object->manager), ARRAYSIZE(categories) * sizeof(CLSID));
    if (!*array) return E_OUTOFMEMORY;
    for (i = 0; i < ARRAYSIZE(categories); i++)
        if (bits & categories[i].bit) (*array)[n++] = *categories[i].clsid;
    *count = n;
    *type = object->account->type;
    return S_OK;
}

static HRESULT copy_out(struct standin_tracker *tracker, const void *data, size_t size, void **out)
{
    if (!(*out = standin_tracker_alloc(tracker, size))) return E_OUTOFMEMORY;
    if (size) memcpy(*out, data, size);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE account_GetProp(IOlkAccount *iface, DWORD tag, ACCT_VARIANT *var)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    struct standin_tracker *tracker = standin_manager_tracker(object->manager);
    const struct standin_prop *prop;

    if (!var) return E_INVALIDARG;
    memset(var, 0, sizeof(*var));
    if (!(prop = standin_account_prop(object->account, tag))) return E_ACCT_NOT_FOUND;
    var->dwType = PROP_TYPE(tag) & ~SECURE_FLAG;
    switch (var->dwType)
    {
    case PT_LONG:
        var->Val.dw = prop->dw;
        return S_OK;
    case PT_UNICODE:
        return copy_out(tracker, prop->str, (wcslen(prop->str) + 1) * sizeof(WCHAR), (void **)&var->Val.pwsz);
    default:
        var->Val.bin.cb = prop->cb;
        return copy_out(tracker, prop->bin, prop->cb, (void **)&var->Val.bin.pb);
    }
}

static HRESULT STDMETHODCALLTYPE account_SetProp(IOlkAccount *iface, DWORD tag, ACCT_VARIANT *var)
{
    (void)iface;
    (void)tag;
    (void)var;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE account_FreeMemory(IOlkAccount *iface, BYTE *pv)
{
    return standin_tracker_free(standin_manager_tracker(impl_from_IOlkAccount(iface)->manager), pv);
}

static HRESULT STDMETHODCALLTYPE account_SaveChanges(IOlkAccount *iface, DWORD flags)
{
    (void)iface;
    (void)flags;
    return E_NOTIMPL;
}

static const IOlkAccountVtbl account_vtbl =
{
    account_QueryInterface,
    account_AddRef,
    account_Release,
    account_GetLastError,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_GetAccountInfo,
    account_GetProp,
    account_SetProp,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_FreeMemory,
    account_PlaceHolder,
    account_SaveChanges,
};

HRESULT standin_account_create(struct standin_manager *manager, const struct standin_account *account,
                               IOlkAccount **out)
{
    struct standin_account_object *object = calloc(1, sizeof(*object));

    *out = NULL;
    if (!object) return E_OUTOFMEMORY;
    object->IOlkAccount_iface.lpVtbl = &account_vtbl;
    object->refcount = 1;
    object->manager = manager;
    object->account = account;
    standin_manager_addref(manager);
    standin_lock();
    *out = &object->IOlkAccount_iface;
    return S_OK;
}
