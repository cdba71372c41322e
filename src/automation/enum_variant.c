/*
 * IEnumVARIANT for For Each (VBScript), new Enumerator (JScript) and every
 * other client of _NewEnum: a position over a collection that hands out its
 * items by index.
 *
 * SPDX-License-Identifier: MIT
 */
#include "automation.h"

#include "memory.h"
#include "server_lock.h"

struct enum_variant
{
    IEnumVARIANT IEnumVARIANT_iface;
    LONG refcount;
    IUnknown *owner;
    auto_enum_item item;
    DWORD position;
};

static inline struct enum_variant *impl_from_IEnumVARIANT(IEnumVARIANT *iface)
{
    return CONTAINING_RECORD(iface, struct enum_variant, IEnumVARIANT_iface);
}

static HRESULT STDMETHODCALLTYPE enum_QueryInterface(IEnumVARIANT *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IEnumVARIANT))
        return E_NOINTERFACE;
    *ppv = iface;
    IEnumVARIANT_AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE enum_AddRef(IEnumVARIANT *iface)
{
    return InterlockedIncrement(&impl_from_IEnumVARIANT(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE enum_Release(IEnumVARIANT *iface)
{
    struct enum_variant *e = impl_from_IEnumVARIANT(iface);
    ULONG refcount = InterlockedDecrement(&e->refcount);

    if (!refcount)
    {
        IUnknown_Release(e->owner);
        olk_free(e);
        server_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE enum_Next(IEnumVARIANT *iface, ULONG count, VARIANT *items, ULONG *fetched)
{
    struct enum_variant *e = impl_from_IEnumVARIANT(iface);
    HRESULT hr = S_OK;
    ULONG i;

    if (fetched)
        *fetched = 0;
    if (!items || (count > 1 && !fetched))
        return E_INVALIDARG;
    for (i = 0; i < count; i++)
    {
        hr = e->item(e->owner, e->position, &items[i]);
        if (hr != S_OK)
            break;
        e->position++;
    }
    if (FAILED(hr))
    {
        while (i)
            VariantClear(&items[--i]);
        return hr;
    }
    if (fetched)
        *fetched = i;
    return i == count ? S_OK : S_FALSE;
}

static HRESULT STDMETHODCALLTYPE enum_Skip(IEnumVARIANT *iface, ULONG count)
{
    struct enum_variant *e = impl_from_IEnumVARIANT(iface);
    VARIANT item;
    ULONG i;

    for (i = 0; i < count; i++)
    {
        HRESULT hr = e->item(e->owner, e->position, &item);

        if (hr != S_OK)
            return FAILED(hr) ? hr : S_FALSE;
        VariantClear(&item);
        e->position++;
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE enum_Reset(IEnumVARIANT *iface)
{
    impl_from_IEnumVARIANT(iface)->position = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE enum_Clone(IEnumVARIANT *iface, IEnumVARIANT **clone)
{
    struct enum_variant *e = impl_from_IEnumVARIANT(iface);
    HRESULT hr;

    if (!clone)
        return E_POINTER;
    hr = auto_enum_create(e->owner, e->item, (IUnknown **)clone);
    if (SUCCEEDED(hr))
        impl_from_IEnumVARIANT(*clone)->position = e->position;
    return hr;
}

static const IEnumVARIANTVtbl enum_vtbl =
{
    enum_QueryInterface,
    enum_AddRef,
    enum_Release,
    enum_Next,
    enum_Skip,
    enum_Reset,
    enum_Clone,
};

HRESULT auto_enum_create(IUnknown *owner, auto_enum_item item, IUnknown **enumerator)
{
    struct enum_variant *e = olk_alloc(sizeof(*e));

    *enumerator = NULL;
    if (!e)
        return E_OUTOFMEMORY;
    e->IEnumVARIANT_iface.lpVtbl = &enum_vtbl;
    e->refcount = 1;
    e->owner = owner;
    IUnknown_AddRef(owner);
    e->item = item;
    server_lock();
    *enumerator = (IUnknown *)&e->IEnumVARIANT_iface;
    return S_OK;
}
