/*
 * The events of Accounts: IConnectionPointContainer with one connection
 * point for DOlkHelperAccountsEvents. The account manager is watched through
 * the account model (olk_watch_start) while at least one sink is connected,
 * and each notification becomes a call of the matching event on every sink.
 * Events run on the thread the account manager notifies on: the thread that
 * made the change, for changes made in-process.
 *
 * SPDX-License-Identifier: MIT
 */
#include "automation.h"

#include <olectl.h>

#include "memory.h"

#define MAX_SINKS ARRAYSIZE(((struct auto_events *)0)->sinks)

static inline struct auto_events *impl_from_IConnectionPointContainer(IConnectionPointContainer *iface)
{
    return CONTAINING_RECORD(iface, struct auto_events, IConnectionPointContainer_iface);
}

static inline struct auto_events *impl_from_IConnectionPoint(IConnectionPoint *iface)
{
    return CONTAINING_RECORD(iface, struct auto_events, IConnectionPoint_iface);
}

/* ---- notifications --------------------------------------------------------------- */

/* The DISPID in DOlkHelperAccountsEvents of a notification, or 0. */
static DISPID event_of(DWORD notify)
{
    switch (notify)
    {
    case NOTIFY_ACCT_CHANGED: return 1;         /* AccountChange */
    case NOTIFY_ACCT_CREATED: return 2;         /* AccountAdd */
    case NOTIFY_ACCT_PREDELETED: return 3;      /* AccountBeforeRemove */
    case NOTIFY_ACCT_DELETED: return 4;         /* AccountRemove */
    case NOTIFY_ACCT_ORDER_CHANGED: return 5;   /* OrderChange */
    }
    return 0;
}

static void notified(void *context, DWORD notify, DWORD id, DWORD flags)
{
    struct auto_events *events = context;
    DISPID event = event_of(notify);
    IDispatch *sinks[MAX_SINKS];
    VARIANT arg;
    DISPPARAMS params = { &arg, NULL, event == 5 ? 0 : 1, 0 };
    DWORD i, count = 0;

    (void)flags;
    if (!event)
        return;
    V_VT(&arg) = VT_I4;
    V_I4(&arg) = (LONG)id;
    /* A sink may disconnect from its own event: call a copy of the list. */
    for (i = 0; i < MAX_SINKS; i++)
    {
        if (!events->sinks[i])
            continue;
        sinks[count] = events->sinks[i];
        IDispatch_AddRef(sinks[count]);
        count++;
    }
    for (i = 0; i < count; i++)
    {
        IDispatch_Invoke(sinks[i], event, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD, &params, NULL, NULL,
                         NULL);
        IDispatch_Release(sinks[i]);
    }
}

/* ---- IConnectionPointContainer ---------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE container_QueryInterface(IConnectionPointContainer *iface, REFIID riid, void **ppv)
{
    return IUnknown_QueryInterface(impl_from_IConnectionPointContainer(iface)->outer, riid, ppv);
}

static ULONG STDMETHODCALLTYPE container_AddRef(IConnectionPointContainer *iface)
{
    return IUnknown_AddRef(impl_from_IConnectionPointContainer(iface)->outer);
}

static ULONG STDMETHODCALLTYPE container_Release(IConnectionPointContainer *iface)
{
    return IUnknown_Release(impl_from_IConnectionPointContainer(iface)->outer);
}

static HRESULT STDMETHODCALLTYPE container_EnumConnectionPoints(IConnectionPointContainer *iface,
                                                                IEnumConnectionPoints **points)
{
    (void)iface;
    if (points)
        *points = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE container_FindConnectionPoint(IConnectionPointContainer *iface, REFIID riid,
                                                               IConnectionPoint **point)
{
    struct auto_events *events = impl_from_IConnectionPointContainer(iface);

    if (!point)
        return E_POINTER;
    *point = NULL;
    if (!IsEqualIID(riid, &DIID_DOlkHelperAccountsEvents))
        return CONNECT_E_NOCONNECTION;
    *point = &events->IConnectionPoint_iface;
    IConnectionPoint_AddRef(*point);
    return S_OK;
}

static const IConnectionPointContainerVtbl container_vtbl =
{
    container_QueryInterface,
    container_AddRef,
    container_Release,
    container_EnumConnectionPoints,
    container_FindConnectionPoint,
};

/* ---- IConnectionPoint ------------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE point_QueryInterface(IConnectionPoint *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IConnectionPoint))
        return E_NOINTERFACE;
    *ppv = iface;
    IConnectionPoint_AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE point_AddRef(IConnectionPoint *iface)
{
    return IUnknown_AddRef(impl_from_IConnectionPoint(iface)->outer);
}

static ULONG STDMETHODCALLTYPE point_Release(IConnectionPoint *iface)
{
    return IUnknown_Release(impl_from_IConnectionPoint(iface)->outer);
}

static HRESULT STDMETHODCALLTYPE point_GetConnectionInterface(IConnectionPoint *iface, IID *iid)
{
    (void)iface;
    if (!iid)
        return E_POINTER;
    *iid = DIID_DOlkHelperAccountsEvents;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE point_GetConnectionPointContainer(IConnectionPoint *iface,
                                                                   IConnectionPointContainer **container)
{
    struct auto_events *events = impl_from_IConnectionPoint(iface);

    if (!container)
        return E_POINTER;
    *container = &events->IConnectionPointContainer_iface;
    IConnectionPointContainer_AddRef(*container);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE point_Advise(IConnectionPoint *iface, IUnknown *sink, DWORD *cookie)
{
    struct auto_events *events = impl_from_IConnectionPoint(iface);
    IDispatch *dispatch = NULL;
    DWORD i;
    HRESULT hr;

    if (!cookie)
        return E_POINTER;
    *cookie = 0;
    if (!sink)
        return E_POINTER;
    if (FAILED(IUnknown_QueryInterface(sink, &DIID_DOlkHelperAccountsEvents, (void **)&dispatch)) &&
        FAILED(IUnknown_QueryInterface(sink, &IID_IDispatch, (void **)&dispatch)))
        return CONNECT_E_CANNOTCONNECT;
    for (i = 0; i < MAX_SINKS && events->sinks[i]; i++)
        ;
    if (i == MAX_SINKS)
    {
        IDispatch_Release(dispatch);
        return CONNECT_E_ADVISELIMIT;
    }
    if (!events->watch && FAILED(hr = olk_watch_start(events->manager, notified, events, &events->watch)))
    {
        IDispatch_Release(dispatch);
        return auto_error(hr, &IID_IOlkHelperAccounts, "The account manager does not notify changes");
    }
    events->sinks[i] = dispatch;
    *cookie = i + 1;
    return S_OK;
}

static void stop_watch_if_unused(struct auto_events *events)
{
    DWORD i;

    for (i = 0; i < MAX_SINKS; i++)
        if (events->sinks[i])
            return;
    if (events->watch)
        olk_watch_stop(events->watch);
    events->watch = NULL;
}

static HRESULT STDMETHODCALLTYPE point_Unadvise(IConnectionPoint *iface, DWORD cookie)
{
    struct auto_events *events = impl_from_IConnectionPoint(iface);
    IDispatch *sink;

    if (!cookie || cookie > MAX_SINKS || !events->sinks[cookie - 1])
        return CONNECT_E_NOCONNECTION;
    sink = events->sinks[cookie - 1];
    events->sinks[cookie - 1] = NULL;
    stop_watch_if_unused(events);
    IDispatch_Release(sink);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE point_EnumConnections(IConnectionPoint *iface, IEnumConnections **connections)
{
    (void)iface;
    if (connections)
        *connections = NULL;
    return E_NOTIMPL;
}

static const IConnectionPointVtbl point_vtbl =
{
    point_QueryInterface,
    point_AddRef,
    point_Release,
    point_GetConnectionInterface,
    point_GetConnectionPointContainer,
    point_Advise,
    point_Unadvise,
    point_EnumConnections,
};

void auto_events_init(struct auto_events *events, IUnknown *outer, IOlkAccountManager *manager)
{
    memset(events, 0, sizeof(*events));
    events->IConnectionPointContainer_iface.lpVtbl = &container_vtbl;
    events->IConnectionPoint_iface.lpVtbl = &point_vtbl;
    events->outer = outer;
    events->manager = manager;
}

void auto_events_cleanup(struct auto_events *events)
{
    DWORD i;

    for (i = 0; i < MAX_SINKS; i++)
    {
        if (events->sinks[i])
            IDispatch_Release(events->sinks[i]);
        events->sinks[i] = NULL;
    }
    stop_watch_if_unused(events);
}
