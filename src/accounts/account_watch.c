/*
 * A free-threaded IOlkAccountNotify sink that forwards to a callback, and
 * the Advise/Unadvise around it. Once olk_watch_stop returns, the callback is
 * never called again, even if the manager still holds the sink.
 *
 * SPDX-License-Identifier: MIT
 */
#include "account_model.h"
#include "memory.h"

struct olk_notify_sink
{
    IOlkAccountNotify IOlkAccountNotify_iface;
    LONG refcount;
    SRWLOCK lock;               /* shared while calling back, exclusive to stop */
    olk_notify_callback callback;   /* NULL once stopped */
    void *context;
};

struct olk_watch
{
    IOlkAccountManager *manager;
    struct olk_notify_sink *sink;
    DWORD cookie;
};

static inline struct olk_notify_sink *impl_from_IOlkAccountNotify(IOlkAccountNotify *iface)
{
    return CONTAINING_RECORD(iface, struct olk_notify_sink, IOlkAccountNotify_iface);
}

static HRESULT STDMETHODCALLTYPE sink_QueryInterface(IOlkAccountNotify *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOlkErrorUnknown)
        || IsEqualIID(riid, &IID_IOlkAccountNotify))
    {
        *ppv = iface;
        IOlkAccountNotify_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE sink_AddRef(IOlkAccountNotify *iface)
{
    return InterlockedIncrement(&impl_from_IOlkAccountNotify(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE sink_Release(IOlkAccountNotify *iface)
{
    struct olk_notify_sink *sink = impl_from_IOlkAccountNotify(iface);
    ULONG refcount = InterlockedDecrement(&sink->refcount);

    if (!refcount) olk_free(sink);
    return refcount;
}

static HRESULT STDMETHODCALLTYPE sink_GetLastError(IOlkAccountNotify *iface, HRESULT hr, LPWSTR *error)
{
    (void)iface;
    (void)hr;
    if (error) *error = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE sink_Notify(IOlkAccountNotify *iface, DWORD notify, DWORD id, DWORD flags)
{
    struct olk_notify_sink *sink = impl_from_IOlkAccountNotify(iface);

    AcquireSRWLockShared(&sink->lock);
    if (sink->callback) sink->callback(sink->context, notify, id, flags);
    ReleaseSRWLockShared(&sink->lock);
    return S_OK;
}

static const IOlkAccountNotifyVtbl sink_vtbl =
{
    sink_QueryInterface,
    sink_AddRef,
    sink_Release,
    sink_GetLastError,
    sink_Notify,
};

HRESULT olk_watch_start(IOlkAccountManager *manager, olk_notify_callback callback, void *context,
                        struct olk_watch **out)
{
    struct olk_watch *watch;
    struct olk_notify_sink *sink;
    HRESULT hr;

    *out = NULL;
    if (!callback) return E_INVALIDARG;
    if (!(watch = olk_alloc(sizeof(*watch)))) return E_OUTOFMEMORY;
    if (!(sink = olk_alloc(sizeof(*sink))))
    {
        olk_free(watch);
        return E_OUTOFMEMORY;
    }
    sink->IOlkAccountNotify_iface.lpVtbl = &sink_vtbl;
    sink->refcount = 1;
    sink->lock = (SRWLOCK)SRWLOCK_INIT;    /* as InitializeSRWLock would, without importing it */
    sink->callback = callback;
    sink->context = context;
    if (FAILED(hr = IOlkAccountManager_Advise(manager, &sink->IOlkAccountNotify_iface, &watch->cookie)))
    {
        IOlkAccountNotify_Release(&sink->IOlkAccountNotify_iface);
        olk_free(watch);
        return hr;
    }
    watch->manager = manager;
    IOlkAccountManager_AddRef(manager);
    watch->sink = sink;
    *out = watch;
    return S_OK;
}

HRESULT olk_watch_stop(struct olk_watch *watch)
{
    HRESULT hr;

    if (!watch) return S_OK;
    hr = IOlkAccountManager_Unadvise(watch->manager, watch->cookie);
    AcquireSRWLockExclusive(&watch->sink->lock);
    watch->sink->callback = NULL;
    ReleaseSRWLockExclusive(&watch->sink->lock);
    IOlkAccountNotify_Release(&watch->sink->IOlkAccountNotify_iface);
    IOlkAccountManager_Release(watch->manager);
    olk_free(watch);
    return hr;
}

const char *olk_notify_name(DWORD notify)
{
    switch (notify)
    {
    case NOTIFY_ACCT_CHANGED: return "changed";
    case NOTIFY_ACCT_CREATED: return "created";
    case NOTIFY_ACCT_DELETED: return "deleted";
    case NOTIFY_ACCT_ORDER_CHANGED: return "order-changed";
    case NOTIFY_ACCT_PREDELETED: return "pre-deleted";
    default: return NULL;
    }
}
