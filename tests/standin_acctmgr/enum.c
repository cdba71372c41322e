/*
 * IOlkEnum over a snapshot of the accounts EnumerateAccounts selected.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <stdlib.h>
#include <string.h>

struct standin_enum
{
    IOlkEnum IOlkEnum_iface;
    LONG refcount;
    struct standin_manager *manager;
    CRITICAL_SECTION cs;
    DWORD position;
    DWORD count;
    struct standin_account *accounts[];
};

static inline struct standin_enum *impl_from_IOlkEnum(IOlkEnum *iface)
{
    return CONTAINING_RECORD(iface, struct standin_enum, IOlkEnum_iface);
}

static HRESULT STDMETHODCALLTYPE enum_QueryInterface(IOlkEnum *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOlkEnum))
    {
        *ppv = iface;
        IOlkEnum_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE enum_AddRef(IOlkEnum *iface)
{
    return InterlockedIncrement(&impl_from_IOlkEnum(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE enum_Release(IOlkEnum *iface)
{
    struct standin_enum *e = impl_from_IOlkEnum(iface);
    ULONG refcount = InterlockedDecrement(&e->refcount);

    if (!refcount)
    {
        standin_manager_release(e->manager);
        DeleteCriticalSection(&e->cs);
        free(e);
        standin_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE enum_GetCount(IOlkEnum *iface, DWORD *count)
{
    if (!count) return E_INVALIDARG;
    *count = impl_from_IOlkEnum(iface)->count;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE enum_Reset(IOlkEnum *iface)
{
    struct standin_enum *e = impl_from_IOlkEnum(iface);

    EnterCriticalSection(&e->cs);
    e->position = 0;
    LeaveCriticalSection(&e->cs);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE enum_GetNext(IOlkEnum *iface, IUnknown **out)
{
    struct standin_enum *e = impl_from_IOlkEnum(iface);
    struct standin_account *account = NULL;
    IOlkAccount *acct;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    *out = NULL;
    EnterCriticalSection(&e->cs);
    if (e->position < e->count) account = e->accounts[e->position++];
    LeaveCriticalSection(&e->cs);
    if (!account) return S_FALSE;
    if (FAILED(hr = standin_account_create(e->manager, account, &acct))) return hr;
    *out = (IUnknown *)acct;
    return S_OK;
}

/* S_FALSE when the end came before cSkip accounts were skipped. */
static HRESULT STDMETHODCALLTYPE enum_Skip(IOlkEnum *iface, DWORD skip)
{
    struct standin_enum *e = impl_from_IOlkEnum(iface);
    HRESULT hr = S_OK;

    EnterCriticalSection(&e->cs);
    if (skip > e->count - e->position)
    {
        e->position = e->count;
        hr = S_FALSE;
    }
    else
        e->position += skip;
    LeaveCriticalSection(&e->cs);
    return hr;
}

static const IOlkEnumVtbl enum_vtbl =
{
    enum_QueryInterface,
    enum_AddRef,
    enum_Release,
    enum_GetCount,
    enum_Reset,
    enum_GetNext,
    enum_Skip,
};

HRESULT standin_enum_create(struct standin_manager *manager, struct standin_account **accounts,
                            DWORD count, IOlkEnum **out)
{
    struct standin_enum *e = calloc(1, sizeof(*e) + count * sizeof(e->accounts[0]));

    *out = NULL;
    if (!e) return E_OUTOFMEMORY;
    e->IOlkEnum_iface.lpVtbl = &enum_vtbl;
    e->refcount = 1;
    e->manager = manager;
    standin_manager_addref(manager);
    InitializeCriticalSection(&e->cs);
    e->count = count;
    if (count) memcpy(e->accounts, accounts, count * sizeof(e->accounts[0]));
    standin_lock();
    *out = &e->IOlkEnum_iface;
    return S_OK;
}
