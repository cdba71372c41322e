/*
 * The helper object: IOlkAccountHelper, as Microsoft documents it, and
 * IOlkHelperConfig, which gives it its session once.
 *
 * The helper holds no session state of its own: everything about the session
 * lives in the session owner (session.c). The helper's only mutable field is
 * the owner pointer, written once by a compare-exchange, so the object needs
 * no lock and is safe to call from any apartment (ThreadingModel Both).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdatomic.h>

#include "helper.h"
#include "memory.h"
#include "olkhelper.h"
#include "server_lock.h"
#include "session.h"
#include "trace.h"

struct helper
{
    IOlkAccountHelper IOlkAccountHelper_iface;
    IOlkHelperConfig IOlkHelperConfig_iface;
    LONG refcount;
    struct session_owner *_Atomic owner; /* NULL until configured, then never changed */
};

static inline struct helper *impl_from_IOlkAccountHelper(IOlkAccountHelper *iface)
{
    return CONTAINING_RECORD(iface, struct helper, IOlkAccountHelper_iface);
}

static inline struct helper *impl_from_IOlkHelperConfig(IOlkHelperConfig *iface)
{
    return CONTAINING_RECORD(iface, struct helper, IOlkHelperConfig_iface);
}

static struct session_owner *helper_owner(struct helper *helper)
{
    /* Acquire: an owner published by another thread is seen whole. */
    return atomic_load_explicit(&helper->owner, memory_order_acquire);
}

/* Publishes owner unless the helper is configured already; consumes owner. */
static HRESULT helper_set_owner(struct helper *helper, struct session_owner *owner)
{
    struct session_owner *expected = NULL;

    if (!atomic_compare_exchange_strong(&helper->owner, &expected, owner))
    {
        session_owner_close(owner);
        return E_OLK_ALREADY_INITIALIZED;
    }
    return S_OK;
}

static HRESULT query_interface(struct helper *helper, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!riid)
        return E_INVALIDARG;

    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOlkAccountHelper))
        *ppv = &helper->IOlkAccountHelper_iface;
    else if (IsEqualIID(riid, &IID_IOlkHelperConfig))
        *ppv = &helper->IOlkHelperConfig_iface;
    else
        return E_NOINTERFACE;

    IUnknown_AddRef((IUnknown *)*ppv);
    return S_OK;
}

static void trace_query_interface(struct helper *helper, REFIID riid, HRESULT hr)
{
    WCHAR iid[39] = L"NULL";

    if (riid)
        StringFromGUID2(riid, iid, ARRAYSIZE(iid));
    trace_write("helper", "%p QueryInterface(%ls) -> %08lx", helper, iid, hr);
}

static HRESULT STDMETHODCALLTYPE helper_QueryInterface(IOlkAccountHelper *iface, REFIID riid, void **ppv)
{
    struct helper *helper = impl_from_IOlkAccountHelper(iface);
    HRESULT hr = query_interface(helper, riid, ppv);

    if (TRACE_ENABLED())
        trace_query_interface(helper, riid, hr);
    return hr;
}

static ULONG STDMETHODCALLTYPE helper_AddRef(IOlkAccountHelper *iface)
{
    struct helper *helper = impl_from_IOlkAccountHelper(iface);

    ULONG refcount = InterlockedIncrement(&helper->refcount);

    TRACE("helper", "%p AddRef -> %lu", helper, refcount);
    return refcount;
}

static ULONG STDMETHODCALLTYPE helper_Release(IOlkAccountHelper *iface)
{
    struct helper *helper = impl_from_IOlkAccountHelper(iface);
    ULONG refcount = InterlockedDecrement(&helper->refcount);

    TRACE("helper", "%p Release -> %lu", helper, refcount);
    if (!refcount)
    {
        if (helper_owner(helper))
            session_owner_close(helper_owner(helper));
        olk_free(helper);
        server_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE helper_PlaceHolder1(IOlkAccountHelper *iface, void *pv)
{
    TRACE("helper", "%p PlaceHolder1(%p) -> %08lx", impl_from_IOlkAccountHelper(iface), pv, E_NOTIMPL);
    return E_NOTIMPL;
}

static HRESULT get_identity(struct helper *helper, LPWSTR identity, DWORD *pcch)
{
    struct session_owner *owner = helper_owner(helper);

    if (!pcch)
        return E_INVALIDARG;
    if (!owner)
        return E_OLK_NOT_INITIALIZED;
    return session_owner_get_identity(owner, identity, pcch);
}

/* The name is shown only when it was written: the buffer is the caller's. */
static HRESULT STDMETHODCALLTYPE helper_GetIdentity(IOlkAccountHelper *iface, LPWSTR identity, DWORD *pcch)
{
    struct helper *helper = impl_from_IOlkAccountHelper(iface);
    DWORD cch_in = pcch ? *pcch : 0;
    HRESULT hr = get_identity(helper, identity, pcch);

    TRACE("helper", "%p GetIdentity(%p, %lu) -> %08lx, cch %lu, \"%ls\"", helper, identity, cch_in, hr,
          pcch ? *pcch : 0, hr == S_OK ? identity : L"");
    return hr;
}

static HRESULT get_mapi_session(struct helper *helper, IUnknown **session)
{
    struct session_owner *owner = helper_owner(helper);

    if (!session)
        return E_INVALIDARG;
    *session = NULL;
    if (!owner)
        return E_OLK_NOT_INITIALIZED;
    return session_owner_get_session(owner, session);
}

static DECLSPEC_NOINLINE HRESULT traced_get_mapi_session(struct helper *helper, IUnknown **session)
{
    HRESULT hr = get_mapi_session(helper, session);

    TRACE("helper", "%p GetMapiSession -> %08lx, session %p", helper, hr, session ? *session : NULL);
    return hr;
}

/* The hottest call: the trace is looked at first, so that with it off the
 * call is a tail call with no frame of its own. */
static HRESULT STDMETHODCALLTYPE helper_GetMapiSession(IOlkAccountHelper *iface, IUnknown **session)
{
    struct helper *helper = impl_from_IOlkAccountHelper(iface);

    if (TRACE_MAYBE_ON())
        return traced_get_mapi_session(helper, session);
    return get_mapi_session(helper, session);
}

static HRESULT STDMETHODCALLTYPE helper_HandsOffSession(IOlkAccountHelper *iface)
{
    struct helper *helper = impl_from_IOlkAccountHelper(iface);
    struct session_owner *owner = helper_owner(helper);
    /* No session was ever created by this helper: the documented answer. */
    HRESULT hr = owner ? session_owner_hands_off(owner) : E_NOTIMPL;

    TRACE("helper", "%p HandsOffSession -> %08lx", helper, hr);
    return hr;
}

static const IOlkAccountHelperVtbl helper_vtbl =
{
    helper_QueryInterface,
    helper_AddRef,
    helper_Release,
    helper_PlaceHolder1,
    helper_GetIdentity,
    helper_GetMapiSession,
    helper_HandsOffSession,
};

static HRESULT STDMETHODCALLTYPE config_QueryInterface(IOlkHelperConfig *iface, REFIID riid, void **ppv)
{
    struct helper *helper = impl_from_IOlkHelperConfig(iface);

    return helper_QueryInterface(&helper->IOlkAccountHelper_iface, riid, ppv);
}

static ULONG STDMETHODCALLTYPE config_AddRef(IOlkHelperConfig *iface)
{
    struct helper *helper = impl_from_IOlkHelperConfig(iface);

    return helper_AddRef(&helper->IOlkAccountHelper_iface);
}

static ULONG STDMETHODCALLTYPE config_Release(IOlkHelperConfig *iface)
{
    struct helper *helper = impl_from_IOlkHelperConfig(iface);

    return helper_Release(&helper->IOlkAccountHelper_iface);
}

static HRESULT use_session(struct helper *helper, IUnknown *session, LPCWSTR profile)
{
    struct session_owner *owner;
    HRESULT hr;

    if (!session)
        return E_INVALIDARG;
    if (helper_owner(helper))
        return E_OLK_ALREADY_INITIALIZED;
    if (FAILED(hr = session_owner_borrow(session, profile, &owner)))
        return hr;
    return helper_set_owner(helper, owner);
}

static HRESULT STDMETHODCALLTYPE config_UseSession(IOlkHelperConfig *iface, IUnknown *session, LPCWSTR profile)
{
    struct helper *helper = impl_from_IOlkHelperConfig(iface);
    HRESULT hr = use_session(helper, session, profile);

    TRACE("helper", "%p UseSession(%p, \"%ls\") -> %08lx", helper, session, profile ? profile : L"(none)", hr);
    return hr;
}

static HRESULT use_profile(struct helper *helper, LPCWSTR profile, DWORD flags)
{
    struct session_owner *owner;
    HRESULT hr;

    if (helper_owner(helper))
        return E_OLK_ALREADY_INITIALIZED;
    if (FAILED(hr = session_owner_own(profile, flags, &owner)))
        return hr;
    return helper_set_owner(helper, owner);
}

static HRESULT STDMETHODCALLTYPE config_UseProfile(IOlkHelperConfig *iface, LPCWSTR profile, DWORD flags)
{
    struct helper *helper = impl_from_IOlkHelperConfig(iface);
    HRESULT hr = use_profile(helper, profile, flags);

    TRACE("helper", "%p UseProfile(\"%ls\", %#lx) -> %08lx", helper, profile ? profile : L"(default)", flags, hr);
    return hr;
}

static const IOlkHelperConfigVtbl config_vtbl =
{
    config_QueryInterface,
    config_AddRef,
    config_Release,
    config_UseSession,
    config_UseProfile,
};

static struct helper *helper_alloc(void)
{
    struct helper *helper = olk_alloc(sizeof(*helper));

    if (!helper)
        return NULL;
    helper->IOlkAccountHelper_iface.lpVtbl = &helper_vtbl;
    helper->IOlkHelperConfig_iface.lpVtbl = &config_vtbl;
    helper->refcount = 1;
    atomic_init(&helper->owner, NULL);
    server_lock();
    TRACE("helper", "%p created", helper);
    return helper;
}

HRESULT helper_create(REFIID riid, void **ppv)
{
    struct helper *helper;
    HRESULT hr;

    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!(helper = helper_alloc()))
        return E_OUTOFMEMORY;
    hr = helper_QueryInterface(&helper->IOlkAccountHelper_iface, riid, ppv);
    helper_Release(&helper->IOlkAccountHelper_iface);
    return hr;
}

HRESULT helper_create_configured(IUnknown *session, const WCHAR *profile, DWORD flags,
                                 REFIID riid, void **ppv)
{
    IOlkHelperConfig *config;
    HRESULT hr;

    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    /* Logon flags mean nothing for a session the caller opened. */
    if (session && flags)
        return E_INVALIDARG;
    if (FAILED(hr = helper_create(&IID_IOlkHelperConfig, (void **)&config)))
        return hr;
    if (session)
        hr = IOlkHelperConfig_UseSession(config, session, profile);
    else
        hr = IOlkHelperConfig_UseProfile(config, profile, flags);
    if (SUCCEEDED(hr))
        hr = IOlkHelperConfig_QueryInterface(config, riid, ppv);
    IOlkHelperConfig_Release(config);
    return hr;
}
