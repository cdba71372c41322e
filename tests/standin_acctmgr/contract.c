/*
 * What Outlook relies on when it is handed an IOlkAccountHelper, checked the
 * way Outlook would exercise it, failing loudly on any deviation.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <mapiguid.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static LONG violations;
static LONG checks;

/* A value no correct GetIdentity writes where it must not write. */
#define CANARY ((WCHAR)0xfdd0)

void standin_violation(const char *fmt, ...)
{
    va_list args;

    InterlockedIncrement(&violations);
    fputs("olkstubacctmgr: contract violation: ", stderr);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    fflush(stderr);
}

LONG standin_violation_count(void)
{
    return InterlockedCompareExchange(&violations, 0, 0);
}

void standin_check_passed(void)
{
    InterlockedIncrement(&checks);
}

LONG standin_check_count(void)
{
    return InterlockedCompareExchange(&checks, 0, 0);
}

void standin_report(LONG outstanding)
{
    if (!GetEnvironmentVariableW(L"OLK_STANDIN_REPORT", NULL, 0)) return;
    fprintf(stderr, "olkstubacctmgr: report: %ld checks passed, %ld violations, %ld allocations outstanding\n",
            (long)standin_check_count(), (long)standin_violation_count(), (long)outstanding);
    fflush(stderr);
}

static BOOL expect(BOOL ok, const char *what, HRESULT hr)
{
    if (!ok)
    {
        standin_violation("%s (hr 0x%08lx)", what, (unsigned long)hr);
        return FALSE;
    }
    standin_check_passed();
    return TRUE;
}

static BOOL check_qi(IOlkAccountHelper *helper)
{
    IUnknown *unk = (IUnknown *)(ULONG_PTR)0xdeadbeef;
    HRESULT hr = IOlkAccountHelper_QueryInterface(helper, &IID_IOlkAccountHelper, (void **)&unk);

    if (!expect(hr == S_OK && unk != NULL && unk != (IUnknown *)(ULONG_PTR)0xdeadbeef,
                "QueryInterface(IID_IOlkAccountHelper) must succeed", hr))
        return FALSE;
    IUnknown_Release(unk);
    return TRUE;
}

static BOOL check_placeholder(IOlkAccountHelper *helper)
{
    HRESULT hr = IOlkAccountHelper_PlaceHolder1(helper, NULL);

    return expect(hr == E_NOTIMPL, "PlaceHolder1 must return E_NOTIMPL", hr);
}

static BOOL untouched(const WCHAR *buffer, DWORD count)
{
    DWORD i;

    for (i = 0; i < count; i++)
        if (buffer[i] != CANARY) return FALSE;
    return TRUE;
}

/* *pcch = 0 asks for the size: E_OUTOFMEMORY, *pcch = length + 1, nothing
 * written. A failure other than E_OUTOFMEMORY (a failed logon while the
 * helper finds the default profile) is the helper's to report. */
static HRESULT probe_identity_size(IOlkAccountHelper *helper, DWORD *need)
{
    WCHAR probe[4] = { CANARY, CANARY, CANARY, CANARY };
    DWORD cch = 0;
    HRESULT hr = IOlkAccountHelper_GetIdentity(helper, probe, &cch);

    if (FAILED(hr) && hr != E_OUTOFMEMORY) return hr;
    if (!expect(hr == E_OUTOFMEMORY, "GetIdentity with *pcch = 0 must return E_OUTOFMEMORY", hr)) return E_FAIL;
    if (!expect(cch >= 2, "GetIdentity must report the size including the NUL (at least 2)", hr)) return E_FAIL;
    if (!expect(untouched(probe, ARRAYSIZE(probe)), "GetIdentity wrote into a buffer of size 0", hr))
        return E_FAIL;
    *need = cch;
    return S_OK;
}

static HRESULT read_identity(IOlkAccountHelper *helper, DWORD need, WCHAR **profile)
{
    WCHAR *buffer = malloc((need + 1) * sizeof(WCHAR));
    DWORD cch = need, i;
    HRESULT hr;

    if (!buffer) return E_OUTOFMEMORY;
    for (i = 0; i <= need; i++) buffer[i] = CANARY;
    hr = IOlkAccountHelper_GetIdentity(helper, buffer, &cch);
    if (FAILED(hr) && hr != E_OUTOFMEMORY)
    {
        free(buffer);
        return hr;
    }
    if (!expect(hr == S_OK, "GetIdentity with the size it asked for must succeed", hr)
        || !expect(buffer[need] == CANARY, "GetIdentity wrote past *pcch", hr)
        || !expect(buffer[need - 1] == 0 && wcslen(buffer) == need - 1,
                   "GetIdentity must NUL-terminate at the size it reported", hr)
        || !expect(cch == need, "GetIdentity must set *pcch to wcslen + 1", hr))
    {
        free(buffer);
        return E_FAIL;
    }
    *profile = buffer;
    return S_OK;
}

/* COM's rule for [out] pointers: NULL on failure, AddRef'd on success. */
HRESULT standin_check_session(IOlkAccountHelper *helper)
{
    IUnknown *session = (IUnknown *)(ULONG_PTR)0xdeadbeef, *mapi = NULL;
    HRESULT hr = IOlkAccountHelper_GetMapiSession(helper, &session);
    BOOL ok;

    if (FAILED(hr))
        return expect(session == NULL, "GetMapiSession failed without setting *ppmsess to NULL", hr) ? hr : E_FAIL;
    if (!expect(hr == S_OK && session && session != (IUnknown *)(ULONG_PTR)0xdeadbeef,
                "GetMapiSession must return S_OK and a session", hr))
        return E_FAIL;
    hr = IUnknown_QueryInterface(session, &IID_IMAPISession, (void **)&mapi);
    ok = expect(hr == S_OK && mapi, "the session must answer QueryInterface(IID_IMAPISession)", hr);
    if (SUCCEEDED(hr) && mapi) IUnknown_Release(mapi);
    IUnknown_Release(session);
    return ok ? S_OK : E_FAIL;
}

HRESULT standin_check_helper(IOlkAccountHelper *helper, WCHAR **profile)
{
    DWORD need = 0;
    HRESULT hr;

    *profile = NULL;
    if (!check_qi(helper) || !check_placeholder(helper)) return E_FAIL;
    if (FAILED(hr = probe_identity_size(helper, &need))) return hr;
    if (FAILED(hr = read_identity(helper, need, profile))) return hr;
    if (FAILED(hr = standin_check_session(helper)))
    {
        free(*profile);
        *profile = NULL;
    }
    return hr;
}
