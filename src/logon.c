/*
 * The forwarding session handed to the helper's callers (see logon.h).
 *
 * SPDX-License-Identifier: MIT
 */
#include "logon.h"

#include "mapi.h"

static inline struct logon *impl_from_IMAPISession(IMAPISession *iface)
{
    return CONTAINING_RECORD(iface, struct logon, IMAPISession_iface);
}

/* MAPI's session, or NULL once the logon has ended. A plain read: ended
 * only ever goes from 0 to 1, by an interlocked exchange, and a call that
 * races with the owner's end may go either way. Inlined, so that each
 * forwarder is a tail call into MAPI's session. */
static inline IMAPISession *live_session(IMAPISession *iface)
{
    struct logon *logon = impl_from_IMAPISession(iface);

    return *(volatile LONG *)&logon->ended ? NULL : logon->session;
}

/* Forwards a call to MAPI's session, as s; MAPI_E_END_OF_SESSION once ended. */
#define FORWARD(method, args) \
    do { \
        IMAPISession *s = live_session(iface); \
        return s ? s->lpVtbl->method args : MAPI_E_END_OF_SESSION; \
    } while (0)

void logon_end(struct logon *logon)
{
    if (!InterlockedExchange(&logon->ended, 1))
        mapi_session_logoff(logon->session);
}

/* The first read is a plain one: the compare-exchange checks it anyway,
 * and a second locked operation would double the hot path's cost. */
BOOL logon_addref_unless_released(struct logon *logon)
{
    LONG count = *(volatile LONG *)&logon->refcount;

    while (count)
    {
        LONG seen = InterlockedCompareExchange(&logon->refcount, count + 1, count);

        if (seen == count)
            return TRUE;
        count = seen;
    }
    return FALSE;
}

/* Logoff, then the last Release, as MAPI documents; then the memory goes
 * back to the owner. */
static void logon_destroy(struct logon *logon)
{
    logon_end(logon);
    mapi_session_release(logon->session);
    logon->detach(logon->context, logon);
}

static HRESULT STDMETHODCALLTYPE logon_QueryInterface(IMAPISession *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!riid)
        return E_INVALIDARG;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IMAPISession))
        return E_NOINTERFACE;
    *ppv = iface;
    logon_addref(impl_from_IMAPISession(iface));
    return S_OK;
}

static ULONG STDMETHODCALLTYPE logon_AddRef(IMAPISession *iface)
{
    return InterlockedIncrement(&impl_from_IMAPISession(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE logon_Release(IMAPISession *iface)
{
    struct logon *logon = impl_from_IMAPISession(iface);
    LONG count = InterlockedDecrement(&logon->refcount);

    if (!count)
        logon_destroy(logon);
    return count;
}

static HRESULT STDMETHODCALLTYPE logon_GetLastError(IMAPISession *iface, HRESULT hr, ULONG flags,
                                                    LPMAPIERROR *error)
{
    FORWARD(GetLastError, (s, hr, flags, error));
}

static HRESULT STDMETHODCALLTYPE logon_GetMsgStoresTable(IMAPISession *iface, ULONG flags, LPMAPITABLE *table)
{
    FORWARD(GetMsgStoresTable, (s, flags, table));
}

static HRESULT STDMETHODCALLTYPE logon_OpenMsgStore(IMAPISession *iface, ULONG_PTR ui, ULONG cb, LPENTRYID id,
                                                    LPCIID iid, ULONG flags, LPMDB *store)
{
    FORWARD(OpenMsgStore, (s, ui, cb, id, iid, flags, store));
}

static HRESULT STDMETHODCALLTYPE logon_OpenAddressBook(IMAPISession *iface, ULONG_PTR ui, LPCIID iid, ULONG flags,
                                                       LPADRBOOK *book)
{
    FORWARD(OpenAddressBook, (s, ui, iid, flags, book));
}

static HRESULT STDMETHODCALLTYPE logon_OpenProfileSection(IMAPISession *iface, LPMAPIUID uid, LPCIID iid,
                                                          ULONG flags, LPPROFSECT *section)
{
    FORWARD(OpenProfileSection, (s, uid, iid, flags, section));
}

static HRESULT STDMETHODCALLTYPE logon_GetStatusTable(IMAPISession *iface, ULONG flags, LPMAPITABLE *table)
{
    FORWARD(GetStatusTable, (s, flags, table));
}

static HRESULT STDMETHODCALLTYPE logon_OpenEntry(IMAPISession *iface, ULONG cb, LPENTRYID id, LPCIID iid,
                                                 ULONG flags, ULONG *type, LPUNKNOWN *unk)
{
    FORWARD(OpenEntry, (s, cb, id, iid, flags, type, unk));
}

static HRESULT STDMETHODCALLTYPE logon_CompareEntryIDs(IMAPISession *iface, ULONG cb1, LPENTRYID id1, ULONG cb2,
                                                       LPENTRYID id2, ULONG flags, ULONG *result)
{
    FORWARD(CompareEntryIDs, (s, cb1, id1, cb2, id2, flags, result));
}

static HRESULT STDMETHODCALLTYPE logon_Advise(IMAPISession *iface, ULONG cb, LPENTRYID id, ULONG mask,
                                              LPMAPIADVISESINK sink, ULONG *connection)
{
    FORWARD(Advise, (s, cb, id, mask, sink, connection));
}

static HRESULT STDMETHODCALLTYPE logon_Unadvise(IMAPISession *iface, ULONG connection)
{
    FORWARD(Unadvise, (s, connection));
}

static HRESULT STDMETHODCALLTYPE logon_MessageOptions(IMAPISession *iface, ULONG_PTR ui, ULONG flags,
                                                      LPTSTR type, LPMESSAGE message)
{
    FORWARD(MessageOptions, (s, ui, flags, type, message));
}

static HRESULT STDMETHODCALLTYPE logon_QueryDefaultMessageOpt(IMAPISession *iface, LPTSTR type, ULONG flags,
                                                              ULONG *count, LPSPropValue *options)
{
    FORWARD(QueryDefaultMessageOpt, (s, type, flags, count, options));
}

static HRESULT STDMETHODCALLTYPE logon_EnumAdrTypes(IMAPISession *iface, ULONG flags, ULONG *count,
                                                    LPTSTR **types)
{
    FORWARD(EnumAdrTypes, (s, flags, count, types));
}

static HRESULT STDMETHODCALLTYPE logon_QueryIdentity(IMAPISession *iface, ULONG *cb, LPENTRYID *id)
{
    FORWARD(QueryIdentity, (s, cb, id));
}

/* The helper logs its sessions off itself, when no holder is left: one
 * holder's Logoff must not end the session for the others. */
static HRESULT STDMETHODCALLTYPE logon_Logoff(IMAPISession *iface, ULONG_PTR ui, ULONG flags, ULONG reserved)
{
    (void)ui; (void)flags; (void)reserved;
    return live_session(iface) ? S_OK : MAPI_E_END_OF_SESSION;
}

static HRESULT STDMETHODCALLTYPE logon_SetDefaultStore(IMAPISession *iface, ULONG flags, ULONG cb, LPENTRYID id)
{
    FORWARD(SetDefaultStore, (s, flags, cb, id));
}

static HRESULT STDMETHODCALLTYPE logon_AdminServices(IMAPISession *iface, ULONG flags, LPSERVICEADMIN *admin)
{
    FORWARD(AdminServices, (s, flags, admin));
}

static HRESULT STDMETHODCALLTYPE logon_ShowForm(IMAPISession *iface, ULONG_PTR ui, LPMDB store,
                                                LPMAPIFOLDER parent, LPCIID iid, ULONG token, LPMESSAGE sent,
                                                ULONG flags, ULONG status, ULONG message_flags, ULONG access,
                                                LPSTR message_class)
{
    FORWARD(ShowForm, (s, ui, store, parent, iid, token, sent, flags, status, message_flags, access,
                       message_class));
}

static HRESULT STDMETHODCALLTYPE logon_PrepareForm(IMAPISession *iface, LPCIID iid, LPMESSAGE message,
                                                   ULONG *token)
{
    FORWARD(PrepareForm, (s, iid, message, token));
}

static const IMAPISessionVtbl logon_vtbl =
{
    logon_QueryInterface,
    logon_AddRef,
    logon_Release,
    logon_GetLastError,
    logon_GetMsgStoresTable,
    logon_OpenMsgStore,
    logon_OpenAddressBook,
    logon_OpenProfileSection,
    logon_GetStatusTable,
    logon_OpenEntry,
    logon_CompareEntryIDs,
    logon_Advise,
    logon_Unadvise,
    logon_MessageOptions,
    logon_QueryDefaultMessageOpt,
    logon_EnumAdrTypes,
    logon_QueryIdentity,
    logon_Logoff,
    logon_SetDefaultStore,
    logon_AdminServices,
    logon_ShowForm,
    logon_PrepareForm,
};

void logon_init(struct logon *logon, IMAPISession *session, logon_detach_fn detach, void *context)
{
    logon->IMAPISession_iface.lpVtbl = &logon_vtbl;
    logon->ended = FALSE;
    logon->session = session;
    logon->detach = detach;
    logon->context = context;
    logon->prev = logon->next = NULL;
    InterlockedExchange(&logon->refcount, 1);
}
