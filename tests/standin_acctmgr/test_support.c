/*
 * SPDX-License-Identifier: MIT
 */
#include "test_support.h"

#include <mapiguid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static inline struct fake_session *impl_from_IUnknown(IUnknown *iface)
{
    return CONTAINING_RECORD(iface, struct fake_session, IUnknown_iface);
}

static HRESULT STDMETHODCALLTYPE session_QueryInterface(IUnknown *iface, REFIID riid, void **ppv)
{
    struct fake_session *session = impl_from_IUnknown(iface);

    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || (session->mapi && IsEqualIID(riid, &IID_IMAPISession)))
    {
        *ppv = iface;
        IUnknown_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE session_AddRef(IUnknown *iface)
{
    return InterlockedIncrement(&impl_from_IUnknown(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE session_Release(IUnknown *iface)
{
    return InterlockedDecrement(&impl_from_IUnknown(iface)->refcount);
}

static const IUnknownVtbl session_vtbl = { session_QueryInterface, session_AddRef, session_Release };

static inline struct fake_helper *impl_from_IOlkAccountHelper(IOlkAccountHelper *iface)
{
    return CONTAINING_RECORD(iface, struct fake_helper, IOlkAccountHelper_iface);
}

static HRESULT STDMETHODCALLTYPE helper_QueryInterface(IOlkAccountHelper *iface, REFIID riid, void **ppv)
{
    struct fake_helper *helper = impl_from_IOlkAccountHelper(iface);

    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown)
        || (IsEqualIID(riid, &IID_IOlkAccountHelper) && helper->flaw != FLAW_QI_REFUSES))
    {
        *ppv = iface;
        IOlkAccountHelper_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE helper_AddRef(IOlkAccountHelper *iface)
{
    return InterlockedIncrement(&impl_from_IOlkAccountHelper(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE helper_Release(IOlkAccountHelper *iface)
{
    return InterlockedDecrement(&impl_from_IOlkAccountHelper(iface)->refcount);
}

static HRESULT STDMETHODCALLTYPE helper_PlaceHolder1(IOlkAccountHelper *iface, void *pv)
{
    (void)pv;
    return impl_from_IOlkAccountHelper(iface)->flaw == FLAW_PLACEHOLDER_OK ? S_OK : E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE helper_GetIdentity(IOlkAccountHelper *iface, LPWSTR buffer, DWORD *pcch)
{
    struct fake_helper *helper = impl_from_IOlkAccountHelper(iface);
    DWORD need = (DWORD)wcslen(helper->profile) + 1;

    if (!pcch) return E_INVALIDARG;
    if (helper->flaw == FLAW_IDENTITY_NO_NUL) need--;
    if (helper->flaw == FLAW_IDENTITY_WRITES_ON_ZERO && buffer) buffer[0] = 0;
    if (!buffer || *pcch < need)
    {
        *pcch = need;
        return E_OUTOFMEMORY;
    }
    memcpy(buffer, helper->profile, need * sizeof(WCHAR));
    *pcch = helper->flaw == FLAW_IDENTITY_PCCH_TOO_BIG ? need + 1 : need;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE helper_GetMapiSession(IOlkAccountHelper *iface, LPUNKNOWN *session)
{
    struct fake_helper *helper = impl_from_IOlkAccountHelper(iface);

    InterlockedIncrement(&helper->session_calls);
    *session = NULL;
    if (helper->flaw == FLAW_SESSION_FAIL_DIRTY)
    {
        *session = &helper->session.IUnknown_iface;
        return E_FAIL;
    }
    if (FAILED(helper->session_hr)) return helper->session_hr;
    if (helper->flaw == FLAW_SESSION_NULL) return S_OK;
    *session = &helper->session.IUnknown_iface;
    IUnknown_AddRef(*session);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE helper_HandsOffSession(IOlkAccountHelper *iface)
{
    InterlockedIncrement(&impl_from_IOlkAccountHelper(iface)->hands_off_calls);
    return S_OK;
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

void fake_helper_init(struct fake_helper *helper, const WCHAR *profile, enum fake_flaw flaw)
{
    memset(helper, 0, sizeof(*helper));
    helper->IOlkAccountHelper_iface.lpVtbl = &helper_vtbl;
    helper->refcount = 1;
    helper->profile = profile;
    helper->flaw = flaw;
    helper->session.IUnknown_iface.lpVtbl = &session_vtbl;
    helper->session.refcount = 1;
    helper->session.mapi = flaw != FLAW_SESSION_NOT_MAPI;
}

static WCHAR data_path[MAX_PATH];

void standin_test_data(const char *text)
{
    WCHAR dir[MAX_PATH], *path = data_path;
    HANDLE file;
    DWORD written;

    GetTempPathW(MAX_PATH, dir);
    swprintf(path, MAX_PATH, L"%lsolkstub-accounts-%lu.ini", dir, GetCurrentProcessId());
    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY, NULL);
    if (file == INVALID_HANDLE_VALUE || !WriteFile(file, text, (DWORD)strlen(text), &written, NULL))
    {
        fprintf(stderr, "cannot write the test's account data (error %lu)\n", GetLastError());
        abort();
    }
    CloseHandle(file);
    SetEnvironmentVariableW(L"OLK_STANDIN_ACCOUNTS", path);
}

void standin_test_data_remove(void)
{
    if (data_path[0]) DeleteFileW(data_path);
    data_path[0] = 0;
}

const WCHAR *standin_test_data_path(void)
{
    return data_path;
}

char *standin_test_data_read(void)
{
    HANDLE file = CreateFileW(data_path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    DWORD size, got = 0;
    char *text;

    if (file == INVALID_HANDLE_VALUE) return NULL;
    size = GetFileSize(file, NULL);
    if ((text = malloc(size + 1)) && ReadFile(file, text, size, &got, NULL)) text[got] = 0;
    CloseHandle(file);
    return text;
}
