/*
 * The stand-in's IMAPISession: reference counted and logged off once.
 * Everything but IUnknown, OpenProfileSection and Logoff answers
 * MAPI_E_NO_SUPPORT.
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct stub_session
{
    IMAPISession IMAPISession_iface;
    LONG refcount;
    LONG logged_off;
    WCHAR profile[OLKSTUB_NAME_CCH];
};

static const IMAPISessionVtbl session_vtbl;

static inline struct stub_session *impl_from_IMAPISession(IMAPISession *iface)
{
    return CONTAINING_RECORD(iface, struct stub_session, IMAPISession_iface);
}

BOOL stub_session_usable(IMAPISession *iface, const char *method)
{
    struct stub_session *session = impl_from_IMAPISession(iface);

    if (InterlockedCompareExchange(&session->logged_off, 0, 0))
    {
        stub_violation("%s on a session after its Logoff", method);
        return FALSE;
    }
    if (!stub_initialized())
    {
        stub_violation("%s while MAPI is not initialized", method);
        return FALSE;
    }
    return TRUE;
}

static HRESULT no_support(IMAPISession *iface, const char *method)
{
    stub_session_usable(iface, method);
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE session_QueryInterface(IMAPISession *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IMAPISession))
        return E_NOINTERFACE;
    *ppv = iface;
    iface->lpVtbl->AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE session_AddRef(IMAPISession *iface)
{
    InterlockedIncrement(&stub_stats.live_session_refs);
    return InterlockedIncrement(&impl_from_IMAPISession(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE session_Release(IMAPISession *iface)
{
    struct stub_session *session = impl_from_IMAPISession(iface);
    ULONG refcount = InterlockedDecrement(&session->refcount);

    InterlockedDecrement(&stub_stats.live_session_refs);
    if (refcount)
        return refcount;
    if (!stub_initialized())
        stub_violation("session released while MAPI is not initialized");
    InterlockedDecrement(&stub_stats.live_sessions);
    free(session);
    return 0;
}

static HRESULT STDMETHODCALLTYPE session_GetLastError(IMAPISession *iface, HRESULT hr, ULONG flags,
                                                      LPMAPIERROR *error)
{
    (void)hr; (void)flags; (void)error;
    return no_support(iface, "GetLastError");
}

static HRESULT STDMETHODCALLTYPE session_GetMsgStoresTable(IMAPISession *iface, ULONG flags, LPMAPITABLE *table)
{
    (void)flags; (void)table;
    return no_support(iface, "GetMsgStoresTable");
}

static HRESULT STDMETHODCALLTYPE session_OpenMsgStore(IMAPISession *iface, ULONG_PTR ui, ULONG cb, LPENTRYID id,
                                                      LPCIID iid, ULONG flags, LPMDB *store)
{
    (void)ui; (void)cb; (void)id; (void)iid; (void)flags; (void)store;
    return no_support(iface, "OpenMsgStore");
}

static HRESULT STDMETHODCALLTYPE session_OpenAddressBook(IMAPISession *iface, ULONG_PTR ui, LPCIID iid,
                                                         ULONG flags, LPADRBOOK *book)
{
    (void)ui; (void)iid; (void)flags; (void)book;
    return no_support(iface, "OpenAddressBook");
}

/* Only the global section exists here: it is where clients read
 * PR_PROFILE_NAME. */
static HRESULT STDMETHODCALLTYPE session_OpenProfileSection(IMAPISession *iface, LPMAPIUID uid, LPCIID iid,
                                                            ULONG flags, LPPROFSECT *section)
{
    (void)flags;
    if (!section)
        return MAPI_E_INVALID_PARAMETER;
    *section = NULL;
    if (!stub_session_usable(iface, "OpenProfileSection"))
        return MAPI_E_END_OF_SESSION;
    if (!uid || memcmp(uid, stub_global_profile_section_uid, sizeof(stub_global_profile_section_uid)))
        return MAPI_E_NOT_FOUND;
    if (iid && !IsEqualIID(iid, &stub_iid_profsect) && !IsEqualIID(iid, &IID_IMAPIProp))
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    return stub_profile_section_create(iface, impl_from_IMAPISession(iface)->profile, section);
}

static HRESULT STDMETHODCALLTYPE session_GetStatusTable(IMAPISession *iface, ULONG flags, LPMAPITABLE *table)
{
    (void)flags; (void)table;
    return no_support(iface, "GetStatusTable");
}

static HRESULT STDMETHODCALLTYPE session_OpenEntry(IMAPISession *iface, ULONG cb, LPENTRYID id, LPCIID iid,
                                                   ULONG flags, ULONG *type, LPUNKNOWN *unk)
{
    (void)cb; (void)id; (void)iid; (void)flags; (void)type; (void)unk;
    return no_support(iface, "OpenEntry");
}

static HRESULT STDMETHODCALLTYPE session_CompareEntryIDs(IMAPISession *iface, ULONG cb1, LPENTRYID id1, ULONG cb2,
                                                         LPENTRYID id2, ULONG flags, ULONG *result)
{
    (void)cb1; (void)id1; (void)cb2; (void)id2; (void)flags; (void)result;
    return no_support(iface, "CompareEntryIDs");
}

static HRESULT STDMETHODCALLTYPE session_Advise(IMAPISession *iface, ULONG cb, LPENTRYID id, ULONG mask,
                                                LPMAPIADVISESINK sink, ULONG *connection)
{
    (void)cb; (void)id; (void)mask; (void)sink; (void)connection;
    return no_support(iface, "Advise");
}

static HRESULT STDMETHODCALLTYPE session_Unadvise(IMAPISession *iface, ULONG connection)
{
    (void)connection;
    return no_support(iface, "Unadvise");
}

static HRESULT STDMETHODCALLTYPE session_MessageOptions(IMAPISession *iface, ULONG_PTR ui, ULONG flags,
                                                        LPTSTR type, LPMESSAGE message)
{
    (void)ui; (void)flags; (void)type; (void)message;
    return no_support(iface, "MessageOptions");
}

static HRESULT STDMETHODCALLTYPE session_QueryDefaultMessageOpt(IMAPISession *iface, LPTSTR type, ULONG flags,
                                                                ULONG *count, LPSPropValue *options)
{
    (void)type; (void)flags; (void)count; (void)options;
    return no_support(iface, "QueryDefaultMessageOpt");
}

static HRESULT STDMETHODCALLTYPE session_EnumAdrTypes(IMAPISession *iface, ULONG flags, ULONG *count,
                                                      LPTSTR **types)
{
    (void)flags; (void)count; (void)types;
    return no_support(iface, "EnumAdrTypes");
}

static HRESULT STDMETHODCALLTYPE session_QueryIdentity(IMAPISession *iface, ULONG *cb, LPENTRYID *id)
{
    (void)cb; (void)id;
    return no_support(iface, "QueryIdentity");
}

/* A failure configured by OLKSTUB_FAIL_LOGOFF leaves the session logged on,
 * as a failed call should. */
static HRESULT STDMETHODCALLTYPE session_Logoff(IMAPISession *iface, ULONG_PTR ui, ULONG flags, ULONG reserved)
{
    struct stub_session *session = impl_from_IMAPISession(iface);
    HRESULT hr;

    (void)ui; (void)flags; (void)reserved;
    if (!stub_session_usable(iface, "Logoff"))
        return MAPI_E_END_OF_SESSION;
    if (stub_env_hresult(L"OLKSTUB_FAIL_LOGOFF", &hr) && FAILED(hr))
    {
        InterlockedIncrement(&stub_stats.logoff_failures);
        return hr;
    }
    if (InterlockedExchange(&session->logged_off, 1))
    {
        stub_violation("Logoff twice on one session");
        return MAPI_E_END_OF_SESSION;
    }
    InterlockedIncrement(&stub_stats.logoffs);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE session_SetDefaultStore(IMAPISession *iface, ULONG flags, ULONG cb, LPENTRYID id)
{
    (void)flags; (void)cb; (void)id;
    return no_support(iface, "SetDefaultStore");
}

static HRESULT STDMETHODCALLTYPE session_AdminServices(IMAPISession *iface, ULONG flags, LPSERVICEADMIN *admin)
{
    (void)flags; (void)admin;
    return no_support(iface, "AdminServices");
}

static HRESULT STDMETHODCALLTYPE session_ShowForm(IMAPISession *iface, ULONG_PTR ui, LPMDB store,
                                                  LPMAPIFOLDER folder, LPCIID iid, ULONG token, LPMESSAGE sent,
                                                  ULONG flags, ULONG status, ULONG message_flags, ULONG access,
                                                  LPSTR message_class)
{
    (void)ui; (void)store; (void)folder; (void)iid; (void)token; (void)sent; (void)flags; (void)status;
    (void)message_flags; (void)access; (void)message_class;
    return no_support(iface, "ShowForm");
}

static HRESULT STDMETHODCALLTYPE session_PrepareForm(IMAPISession *iface, LPCIID iid, LPMESSAGE message,
                                                     ULONG *token)
{
    (void)iid; (void)message; (void)token;
    return no_support(iface, "PrepareForm");
}

static const IMAPISessionVtbl session_vtbl =
{
    session_QueryInterface,
    session_AddRef,
    session_Release,
    session_GetLastError,
    session_GetMsgStoresTable,
    session_OpenMsgStore,
    session_OpenAddressBook,
    session_OpenProfileSection,
    session_GetStatusTable,
    session_OpenEntry,
    session_CompareEntryIDs,
    session_Advise,
    session_Unadvise,
    session_MessageOptions,
    session_QueryDefaultMessageOpt,
    session_EnumAdrTypes,
    session_QueryIdentity,
    session_Logoff,
    session_SetDefaultStore,
    session_AdminServices,
    session_ShowForm,
    session_PrepareForm,
};

HRESULT stub_session_create(const WCHAR *profile, IMAPISession **out)
{
    struct stub_session *session = calloc(1, sizeof(*session));

    if (!session)
        return MAPI_E_NOT_ENOUGH_MEMORY;
    session->IMAPISession_iface.lpVtbl = &session_vtbl;
    session->refcount = 1;
    wcsncpy(session->profile, profile, OLKSTUB_NAME_CCH - 1);
    InterlockedIncrement(&stub_stats.live_sessions);
    InterlockedIncrement(&stub_stats.live_session_refs);
    *out = &session->IMAPISession_iface;
    return S_OK;
}
