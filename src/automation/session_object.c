/*
 * OlkHelper.Session: a MAPI session through olkhelper's own helper, owned
 * (Logon) or borrowed from a host (MAPIOBJECT put), and the account manager
 * opened on it. The helper owns the logon, and with it MAPIInitialize and
 * its balancing MAPIUninitialize on this thread.
 *
 * SPDX-License-Identifier: MIT
 */
#include "automation.h"

#include <wchar.h>
#include <mapix.h>
#include <mapicode.h>

#include "helper.h"
#include "mapi.h"
#include "memory.h"
#include "server_lock.h"

struct session
{
    IOlkHelperSession IOlkHelperSession_iface;
    struct auto_error_support support;
    LONG refcount;
    ITypeInfo *info;
    IOlkAccountHelper *helper;      /* NULL while logged off */
    IOlkAccountManager *manager;
};

#define SESSION_IID (&IID_IOlkHelperSession)

static inline struct session *impl_from_IOlkHelperSession(IOlkHelperSession *iface)
{
    return CONTAINING_RECORD(iface, struct session, IOlkHelperSession_iface);
}

static void logoff(struct session *session)
{
    if (session->manager)
        IOlkAccountManager_Release(session->manager);
    /* The helper's last reference logs its own session off. */
    if (session->helper)
        IOlkAccountHelper_Release(session->helper);
    session->manager = NULL;
    session->helper = NULL;
}

static HRESULT not_logged_on(void)
{
    return auto_error(MAPI_E_NOT_INITIALIZED, SESSION_IID, "Not logged on: call Logon, or set MAPIOBJECT, first");
}

/* ---- IUnknown, IDispatch ----------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE session_QueryInterface(IOlkHelperSession *iface, REFIID riid, void **ppv)
{
    return auto_query_interface(&impl_from_IOlkHelperSession(iface)->support, NULL, NULL, riid, ppv);
}

static ULONG STDMETHODCALLTYPE session_AddRef(IOlkHelperSession *iface)
{
    return InterlockedIncrement(&impl_from_IOlkHelperSession(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE session_Release(IOlkHelperSession *iface)
{
    struct session *session = impl_from_IOlkHelperSession(iface);
    ULONG refcount = InterlockedDecrement(&session->refcount);

    if (!refcount)
    {
        logoff(session);
        if (session->info)
            ITypeInfo_Release(session->info);
        olk_free(session);
        server_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE session_GetTypeInfoCount(IOlkHelperSession *iface, UINT *count)
{
    (void)iface;
    *count = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE session_GetTypeInfo(IOlkHelperSession *iface, UINT index, LCID lcid,
                                                     ITypeInfo **info)
{
    (void)lcid;
    return auto_get_type_info(impl_from_IOlkHelperSession(iface)->info, index, info);
}

static HRESULT STDMETHODCALLTYPE session_GetIDsOfNames(IOlkHelperSession *iface, REFIID riid, LPOLESTR *names,
                                                       UINT count, LCID lcid, DISPID *ids)
{
    (void)lcid;
    return auto_get_ids_of_names(impl_from_IOlkHelperSession(iface)->info, riid, names, count, ids);
}

static HRESULT STDMETHODCALLTYPE session_Invoke(IOlkHelperSession *iface, DISPID id, REFIID riid, LCID lcid,
                                                WORD flags, DISPPARAMS *params, VARIANT *result, EXCEPINFO *excep,
                                                UINT *arg_err)
{
    (void)lcid;
    return auto_invoke(impl_from_IOlkHelperSession(iface)->info, iface, id, riid, flags, params, result, excep,
                       arg_err);
}

/* ---- logging on ---------------------------------------------------------------- */

/* A configured helper: logs on now, so that a failed logon is Logon's error,
 * then opens the account manager on it. */
static HRESULT open_session(struct session *session, IUnknown *borrowed, const WCHAR *profile)
{
    enum olk_open_step step = OLK_OPEN_CREATE;
    IUnknown *mapi_session = NULL;
    HRESULT hr;

    logoff(session);
    hr = helper_create_configured(borrowed, profile, 0, &IID_IOlkAccountHelper, (void **)&session->helper);
    if (FAILED(hr))
        return auto_error(hr, SESSION_IID, borrowed ? "MAPIOBJECT: that is not a MAPI session (IMAPISession)"
                                                    : "Logon: the helper could not be made");
    hr = IOlkAccountHelper_GetMapiSession(session->helper, &mapi_session);
    if (FAILED(hr))
    {
        logoff(session);
        if (hr == MAPI_E_LOGON_FAILED || hr == MAPI_E_NOT_FOUND)
            return auto_error_name(hr, SESSION_IID, "Logon failed: no such profile or the logon was refused: ",
                                   profile ? profile : L"(the default profile)", "");
        return auto_error_name(hr, SESSION_IID, "Logon failed (MAPI's error) to ",
                               profile ? profile : L"the default profile", "");
    }
    IUnknown_Release(mapi_session);
    hr = olk_manager_open(session->helper, &session->manager, &step);
    if (FAILED(hr))
    {
        logoff(session);
        return auto_error(hr, SESSION_IID, step == OLK_OPEN_CREATE
                          ? "Outlook's account manager is not registered or could not be created"
                          : "Outlook's account manager refused to start on this session");
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE session_Logon(IOlkHelperSession *iface, VARIANT profile)
{
    struct session *session = impl_from_IOlkHelperSession(iface);
    const VARIANT *name = auto_deref(&profile);
    VARIANT text;
    HRESULT hr;

    /* Omitted (VT_ERROR), Empty, Null or "": the default profile. */
    if (V_VT(name) == VT_ERROR || V_VT(name) == VT_EMPTY || V_VT(name) == VT_NULL)
        return open_session(session, NULL, NULL);
    VariantInit(&text);
    if (FAILED(auto_change_type(&text, name, VT_BSTR)))
        return auto_error(E_INVALIDARG, SESSION_IID, "Logon: the profile is named by a string");
    hr = open_session(session, NULL, SysStringLen(V_BSTR(&text)) ? V_BSTR(&text) : NULL);
    VariantClear(&text);
    return hr;
}

static HRESULT STDMETHODCALLTYPE session_get_MAPIOBJECT(IOlkHelperSession *iface, VARIANT *value)
{
    struct session *session = impl_from_IOlkHelperSession(iface);
    IUnknown *mapi_session;
    HRESULT hr;

    if (!value)
        return E_POINTER;
    VariantInit(value);
    if (!session->helper)
        return not_logged_on();
    hr = IOlkAccountHelper_GetMapiSession(session->helper, &mapi_session);
    if (FAILED(hr))
        return auto_error(hr, SESSION_IID, "MAPIOBJECT: the MAPI session is not available");
    V_VT(value) = VT_UNKNOWN;
    V_UNKNOWN(value) = mapi_session;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE session_put_MAPIOBJECT(IOlkHelperSession *iface, VARIANT value)
{
    const VARIANT *object = auto_deref(&value);

    if ((V_VT(object) != VT_UNKNOWN && V_VT(object) != VT_DISPATCH) || !V_UNKNOWN(object))
        return auto_error(E_INVALIDARG, SESSION_IID, "MAPIOBJECT: give the IMAPISession of a host's session");
    return open_session(impl_from_IOlkHelperSession(iface), V_UNKNOWN(object), NULL);
}

static HRESULT STDMETHODCALLTYPE session_get_ProfileName(IOlkHelperSession *iface, BSTR *result)
{
    struct session *session = impl_from_IOlkHelperSession(iface);
    WCHAR name[MAX_PATH];
    DWORD cch = ARRAYSIZE(name);
    HRESULT hr;

    if (!result)
        return E_POINTER;
    *result = NULL;
    if (!session->helper)
        return not_logged_on();
    hr = IOlkAccountHelper_GetIdentity(session->helper, name, &cch);
    if (FAILED(hr))
        return auto_error(hr, SESSION_IID, "ProfileName: the profile name could not be read");
    *result = SysAllocString(name);
    return *result ? S_OK : auto_error(E_OUTOFMEMORY, SESSION_IID, "Out of memory");
}

static HRESULT STDMETHODCALLTYPE session_get_Accounts(IOlkHelperSession *iface, IDispatch **result)
{
    struct session *session = impl_from_IOlkHelperSession(iface);
    HRESULT hr;

    if (!result)
        return E_POINTER;
    *result = NULL;
    if (!session->manager)
        return not_logged_on();
    hr = auto_accounts_create(session->manager, OLK_CATEGORY_ALL, result);
    return FAILED(hr) ? auto_error(hr, SESSION_IID, "Accounts: the account manager could not list the accounts")
                      : hr;
}

/* ---- profiles ------------------------------------------------------------------- */

struct names
{
    BSTR *items;
    DWORD count;
};

static HRESULT add_row(struct names *names, const SRow *row)
{
    BSTR *grown;
    ULONG i;

    for (i = 0; i < row->cValues; i++)
    {
        const SPropValue *prop = &row->lpProps[i];

        if (prop->ulPropTag != PR_DISPLAY_NAME_W && prop->ulPropTag != PR_DISPLAY_NAME_A)
            continue;
        if (!(grown = olk_alloc((names->count + 1) * sizeof(BSTR))))
            return E_OUTOFMEMORY;
        if (names->count)
            memcpy(grown, names->items, names->count * sizeof(BSTR));
        olk_free(names->items);
        names->items = grown;
        if (prop->ulPropTag == PR_DISPLAY_NAME_W)
            grown[names->count] = SysAllocString(prop->Value.lpszW);
        else
        {
            WCHAR wide[MAX_PATH];

            if (!MultiByteToWideChar(CP_ACP, 0, prop->Value.lpszA, -1, wide, MAX_PATH))
                wide[0] = 0;
            grown[names->count] = SysAllocString(wide);
        }
        if (!grown[names->count])
            return E_OUTOFMEMORY;
        names->count++;
        return S_OK;
    }
    return S_OK;
}

static HRESULT read_profiles(struct names *names)
{
    const struct mapi_functions *mapi;
    LPPROFADMIN admin = NULL;
    LPMAPITABLE table = NULL;
    LPSRowSet rows = NULL;
    HRESULT hr;
    ULONG i;

    if (FAILED(hr = mapi_get(&mapi)))
        return hr;
    if (!mapi->admin_profiles)
        return MAPI_E_NO_SUPPORT;
    if (FAILED(hr = mapi->admin_profiles(0, &admin)))
        return hr;
    hr = admin->lpVtbl->GetProfileTable(admin, 0, &table);
    if (SUCCEEDED(hr))
    {
        while (SUCCEEDED(hr = table->lpVtbl->QueryRows(table, 64, 0, &rows)) && rows && rows->cRows)
        {
            for (i = 0; i < rows->cRows && SUCCEEDED(hr); i++)
                hr = add_row(names, &rows->aRow[i]);
            mapi_free_rows(mapi, rows);
            rows = NULL;
            if (FAILED(hr))
                break;
        }
        if (rows)
            mapi_free_rows(mapi, rows);
        table->lpVtbl->Release(table);
    }
    admin->lpVtbl->Release(admin);
    return hr;
}

static HRESULT name_item(const void *context, DWORD i, VARIANT *out)
{
    const struct names *names = context;

    V_BSTR(out) = SysAllocString(names->items[i]);
    if (!V_BSTR(out))
        return E_OUTOFMEMORY;
    V_VT(out) = VT_BSTR;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE session_get_Profiles(IOlkHelperSession *iface, VARIANT *result)
{
    struct names names = { NULL, 0 };
    HRESULT hr;
    DWORD i;

    (void)iface;
    if (!result)
        return E_POINTER;
    VariantInit(result);
    hr = read_profiles(&names);
    if (SUCCEEDED(hr))
        hr = auto_array(names.count, name_item, &names, result);
    for (i = 0; i < names.count; i++)
        SysFreeString(names.items[i]);
    olk_free(names.items);
    return FAILED(hr) ? auto_error(hr, SESSION_IID, "Profiles: MAPI's profile table could not be read") : hr;
}

static HRESULT STDMETHODCALLTYPE session_Logoff(IOlkHelperSession *iface)
{
    logoff(impl_from_IOlkHelperSession(iface));
    return S_OK;
}

static const IOlkHelperSessionVtbl session_vtbl =
{
    session_QueryInterface,
    session_AddRef,
    session_Release,
    session_GetTypeInfoCount,
    session_GetTypeInfo,
    session_GetIDsOfNames,
    session_Invoke,
    session_Logon,
    session_get_MAPIOBJECT,
    session_put_MAPIOBJECT,
    session_get_ProfileName,
    session_get_Accounts,
    session_get_Profiles,
    session_Logoff,
};

HRESULT auto_session_create(REFIID riid, void **ppv)
{
    struct session *session;
    HRESULT hr;

    *ppv = NULL;
    if (!(session = olk_alloc(sizeof(*session))))
        return E_OUTOFMEMORY;
    session->IOlkHelperSession_iface.lpVtbl = &session_vtbl;
    auto_error_support_init(&session->support, (IUnknown *)&session->IOlkHelperSession_iface, SESSION_IID);
    session->refcount = 1;
    server_lock();
    hr = auto_type_info(SESSION_IID, &session->info);
    if (SUCCEEDED(hr))
        hr = session_QueryInterface(&session->IOlkHelperSession_iface, riid, ppv);
    session_Release(&session->IOlkHelperSession_iface);
    return hr;
}
