/*
 * IClassFactory for the module's classes (CLSID_OlkAccountHelper, and in
 * olkhelper.dll CLSID_OlkHelperSession).
 *
 * Each DllGetClassObject gets a factory of its own on the heap, and a factory
 * counts as a live object for DllCanUnloadNow. A caller that keeps a factory
 * without calling LockServer (which COM's rules allow it to forget) then
 * still keeps the DLL loaded, and the factory's reference count is real, so
 * the tests can check it.
 *
 * SPDX-License-Identifier: MIT
 */
#include "factory.h"

#include "helper.h"
#include "memory.h"
#include "olkhelper.h"
#include "server_lock.h"

struct factory
{
    IClassFactory IClassFactory_iface;
    LONG refcount;
    factory_create_instance create;
};

/* LockServer(TRUE) calls not yet undone, across all factories: a lock taken
 * on one factory may be released through another. */
static LONG lock_server_count;

static inline struct factory *impl_from_IClassFactory(IClassFactory *iface)
{
    return CONTAINING_RECORD(iface, struct factory, IClassFactory_iface);
}

static HRESULT STDMETHODCALLTYPE factory_QueryInterface(IClassFactory *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!riid)
        return E_INVALIDARG;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IClassFactory))
        return E_NOINTERFACE;
    *ppv = iface;
    IClassFactory_AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE factory_AddRef(IClassFactory *iface)
{
    struct factory *factory = impl_from_IClassFactory(iface);

    return InterlockedIncrement(&factory->refcount);
}

static ULONG STDMETHODCALLTYPE factory_Release(IClassFactory *iface)
{
    struct factory *factory = impl_from_IClassFactory(iface);
    ULONG refcount = InterlockedDecrement(&factory->refcount);

    if (!refcount)
    {
        olk_free(factory);
        server_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE factory_CreateInstance(IClassFactory *iface, IUnknown *outer, REFIID riid,
                                                        void **ppv)
{
    struct factory *factory = impl_from_IClassFactory(iface);

    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (outer)
        return CLASS_E_NOAGGREGATION;
    if (!riid)
        return E_INVALIDARG;
    return factory->create(riid, ppv);
}

/* Decrements *count unless it is already 0; FALSE then. */
static BOOL decrement_if_positive(LONG *count)
{
    LONG old = InterlockedCompareExchange(count, 0, 0);

    while (old > 0)
    {
        LONG seen = InterlockedCompareExchange(count, old - 1, old);

        if (seen == old)
            return TRUE;
        old = seen;
    }
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE factory_LockServer(IClassFactory *iface, BOOL lock)
{
    (void)iface;
    if (lock)
    {
        InterlockedIncrement(&lock_server_count);
        server_lock();
        return S_OK;
    }
    /* An unbalanced unlock would otherwise take the count of a live object. */
    if (!decrement_if_positive(&lock_server_count))
        return E_UNEXPECTED;
    server_unlock();
    return S_OK;
}

static const IClassFactoryVtbl factory_vtbl =
{
    factory_QueryInterface,
    factory_AddRef,
    factory_Release,
    factory_CreateInstance,
    factory_LockServer,
};

static HRESULT factory_create(factory_create_instance create, IClassFactory **out)
{
    struct factory *factory = olk_alloc(sizeof(*factory));

    if (!factory)
        return E_OUTOFMEMORY;
    factory->IClassFactory_iface.lpVtbl = &factory_vtbl;
    factory->refcount = 1;
    factory->create = create;
    server_lock();
    *out = &factory->IClassFactory_iface;
    return S_OK;
}

HRESULT factory_get_class_object_of(const struct factory_class *classes, size_t count, REFCLSID rclsid,
                                    REFIID riid, void **ppv)
{
    IClassFactory *factory;
    HRESULT hr;
    size_t i;

    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!rclsid || !riid)
        return E_INVALIDARG;
    for (i = 0; i < count && !IsEqualCLSID(rclsid, classes[i].clsid); i++)
        ;
    if (i == count)
        return CLASS_E_CLASSNOTAVAILABLE;

    hr = factory_create(classes[i].create, &factory);
    if (FAILED(hr))
        return hr;
    hr = IClassFactory_QueryInterface(factory, riid, ppv);
    IClassFactory_Release(factory);
    return hr;
}

HRESULT factory_get_class_object(REFCLSID rclsid, REFIID riid, void **ppv)
{
    static const struct factory_class helper_class = { &CLSID_OlkAccountHelper, helper_create };

    return factory_get_class_object_of(&helper_class, 1, rclsid, riid, ppv);
}
