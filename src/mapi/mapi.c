/*
 * The MAPI steps the product takes, on the entry points the discovery found
 * (see mapi.h).
 *
 * SPDX-License-Identifier: MIT
 */
#include "mapi.h"

#include <string.h>
#include <wchar.h>

#include <mapiutil.h>

#include "memory.h"
#include "trace.h"

/* The UID of a profile's global section, which holds PR_PROFILE_NAME; MinGW's
 * headers lack pbGlobalProfileSectionGuid. */
static const BYTE global_profile_section_uid[16] =
{
    0x13, 0xdb, 0xb0, 0xc8, 0xaa, 0x05, 0x10, 0x1a, 0x9b, 0xb0, 0x00, 0xaa, 0x00, 0x2f, 0xc4, 0x5a
};

typedef void (WINAPI *free_rows_fn)(LPSRowSet rows);

HRESULT mapi_initialize(const struct mapi_functions *mapi, ULONG flags)
{
    MAPIINIT_0 init = { MAPI_INIT_VERSION, flags | MAPI_NO_COINIT };
    HRESULT hr = mapi->initialize(&init);

    TRACE("mapi", "MAPIInitialize(flags %#lx) -> %08lx", init.ulFlags, hr);
    return hr;
}

HRESULT mapi_logon(const struct mapi_functions *mapi, const WCHAR *profile, ULONG extra_flags,
                   IMAPISession **session)
{
    ULONG flags = MAPI_EXTENDED | MAPI_UNICODE | MAPI_NEW_SESSION | extra_flags;
    IMAPISession *result = NULL;
    HRESULT hr;

    *session = NULL;
    flags |= profile ? MAPI_EXPLICIT_PROFILE : MAPI_USE_DEFAULT;
    /* MinGW declares the name LPTSTR; with MAPI_UNICODE it is a WCHAR string. */
    hr = mapi->logon_ex(0, (LPTSTR)profile, NULL, flags, &result);
    TRACE("mapi", "MAPILogonEx(\"%ls\", flags %#lx) -> %08lx, session %p", profile ? profile : L"(default)", flags,
          hr, result);
    if (FAILED(hr))
        return hr;
    if (!result)
        return MAPI_E_CALL_FAILED;
    *session = result;
    return S_OK;
}

HRESULT mapi_session_logoff(IMAPISession *session)
{
    HRESULT hr = session->lpVtbl->Logoff(session, 0, 0, 0);

    TRACE("mapi", "session %p: Logoff -> %08lx", session, hr);
    return hr;
}

ULONG mapi_session_release(IMAPISession *session)
{
    ULONG refcount = session->lpVtbl->Release(session);

    TRACE("mapi", "session %p: Release -> %lu", session, refcount);
    return refcount;
}

void mapi_logoff(IMAPISession *session)
{
    if (!session)
        return;
    mapi_session_logoff(session);
    mapi_session_release(session);
}

HRESULT mapi_session_free_buffer(IMAPISession *session, LPMAPIFREEBUFFER *free_buffer)
{
    struct mapi_functions implementer = { 0 };
    const struct mapi_functions *mapi;
    HRESULT hr;

    implementer.ops = &mapi_loader_default_ops;
    if (GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           (LPCWSTR)(ULONG_PTR)session->lpVtbl->OpenProfileSection, &implementer.module)
        && (*free_buffer = (LPMAPIFREEBUFFER)(void (*)(void))mapi_proc(&implementer, "MAPIFreeBuffer", 4)))
        return S_OK;
    if (FAILED(hr = mapi_get(&mapi)))
        return hr;
    *free_buffer = mapi->free_buffer;
    return S_OK;
}

static HRESULT copy_name(const WCHAR *name, WCHAR **copy)
{
    size_t size = (wcslen(name) + 1) * sizeof(WCHAR);

    if (!(*copy = olk_alloc(size)))
        return E_OUTOFMEMORY;
    memcpy(*copy, name, size);
    return S_OK;
}

/* Never through an import of HrGetOneProp: Wine's mapi32 exports it only
 * decorated. */
HRESULT mapi_read_profile_name(IMAPISession *session, WCHAR **name)
{
    SizedSPropTagArray(1, tags) = { 1, { PR_PROFILE_NAME_W } };
    LPMAPIFREEBUFFER free_buffer;
    LPSPropValue props = NULL;
    LPPROFSECT section = NULL;
    ULONG count = 0;
    HRESULT hr;

    *name = NULL;
    if (FAILED(hr = mapi_session_free_buffer(session, &free_buffer)))
        return hr;
    hr = session->lpVtbl->OpenProfileSection(session, (LPMAPIUID)global_profile_section_uid, NULL, 0, &section);
    if (FAILED(hr))
        return hr;
    hr = section->lpVtbl->GetProps(section, (LPSPropTagArray)&tags, 0, &count, &props);
    if (SUCCEEDED(hr))
    {
        if (count == 1 && props && props[0].ulPropTag == PR_PROFILE_NAME_W
            && props[0].Value.lpszW && props[0].Value.lpszW[0])
            hr = copy_name(props[0].Value.lpszW, name);
        else
            hr = MAPI_E_NOT_FOUND;
    }
    if (props)
        free_buffer(props);
    section->lpVtbl->Release(section);
    return hr;
}

void mapi_free_rows(const struct mapi_functions *mapi, LPSRowSet rows)
{
    free_rows_fn free_rows = (free_rows_fn)(void (*)(void))mapi_proc(mapi, "FreeProws", 4);
    ULONG i;

    if (free_rows)
    {
        free_rows(rows);
        return;
    }
    for (i = 0; i < rows->cRows; i++)
        mapi->free_buffer(rows->aRow[i].lpProps);
    mapi->free_buffer(rows);
}
