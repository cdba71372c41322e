/*
 * The stand-in's MAPI entry points: what Wine's mapi32.dll forwards to the
 * Extended MAPI provider named by the default mail client's DLLPathEx.
 *
 * Wine loads this DLL from mapi32's DllMain, under the loader lock: it has
 * no DllMain of its own and no state that needs one (SRW locks and
 * zero-initialised counters only).
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <wchar.h>

const BYTE stub_global_profile_section_uid[16] =
{
    0x13, 0xdb, 0xb0, 0xc8, 0xaa, 0x05, 0x10, 0x1a, 0x9b, 0xb0, 0x00, 0xaa, 0x00, 0x2f, 0xc4, 0x5a
};

const IID stub_iid_profsect = { 0x00020304, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };
const IID stub_iid_profadmin = { 0x0002031c, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };
const IID stub_iid_mapitable = { 0x00020301, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };

HRESULT WINAPI MAPIInitialize(LPVOID init)
{
    const MAPIINIT_0 *params = init;
    HRESULT hr;

    if (stub_env_hresult(L"OLKSTUB_FAIL_INITIALIZE", &hr) && FAILED(hr))
    {
        InterlockedIncrement(&stub_stats.initialize_failures);
        return hr;
    }
    InterlockedExchange((LONG *)&stub_stats.last_init_flags, params ? (LONG)params->ulFlags : 0);
    InterlockedIncrement(&stub_stats.initialize_calls);
    InterlockedIncrement(&stub_stats.init_depth);
    return S_OK;
}

void WINAPI MAPIUninitialize(void)
{
    LONG depth;

    InterlockedIncrement(&stub_stats.uninitialize_calls);
    do
    {
        depth = InterlockedCompareExchange(&stub_stats.init_depth, 0, 0);
        if (depth <= 0)
        {
            stub_violation("MAPIUninitialize without a matching MAPIInitialize");
            return;
        }
    } while (InterlockedCompareExchange(&stub_stats.init_depth, depth - 1, depth) != depth);
}

/* The profile name as a WCHAR string, whichever form the caller used. */
static void requested_profile(const void *name, ULONG flags, WCHAR *out)
{
    out[0] = 0;
    if (!name)
        return;
    if (flags & MAPI_UNICODE)
    {
        wcsncpy(out, name, OLKSTUB_NAME_CCH - 1);
        out[OLKSTUB_NAME_CCH - 1] = 0;
    }
    else if (!MultiByteToWideChar(CP_ACP, 0, name, -1, out, OLKSTUB_NAME_CCH))
    {
        out[0] = 0;
    }
}

/* MAPI_USE_DEFAULT takes the default profile whatever the name; otherwise
 * the name must be one of the profiles. Real MAPI reports an unknown profile
 * (without a logon dialog) as MAPI_E_LOGON_FAILED, and so does the stand-in. */
static HRESULT choose_profile(const WCHAR *requested, ULONG flags, WCHAR *profile)
{
    if (flags & MAPI_USE_DEFAULT)
        return stub_default_profile(profile) ? S_OK : MAPI_E_LOGON_FAILED;
    if (!requested[0] || !stub_find_profile(requested, profile))
        return MAPI_E_LOGON_FAILED;
    return S_OK;
}

/* Called once, from inside the next MAPILogonEx, on the caller's thread: what
 * a logon dialog pumping messages lets happen in the middle of a logon. */
static olkstub_logon_hook_fn logon_hook;
static void *logon_hook_context;

void WINAPI OlkStubMapiSetLogonHook(olkstub_logon_hook_fn hook, void *context)
{
    logon_hook_context = context;
    InterlockedExchangePointer((void **)&logon_hook, (void *)hook);
}

static void run_logon_hook(void)
{
    olkstub_logon_hook_fn hook = InterlockedExchangePointer((void **)&logon_hook, NULL);

    if (hook)
        hook(logon_hook_context);
}

/* OLKSTUB_FAIL_LOGON_PROFILE limits OLKSTUB_FAIL_LOGON to the logons to one
 * profile, so that one profile of several can fail. */
static BOOL logon_fails_for(const WCHAR *requested)
{
    WCHAR only[OLKSTUB_NAME_CCH];
    DWORD n = GetEnvironmentVariableW(L"OLKSTUB_FAIL_LOGON_PROFILE", only, ARRAYSIZE(only));

    if (!n || n >= ARRAYSIZE(only)) return TRUE;
    return CompareStringOrdinal(only, -1, requested, -1, TRUE) == CSTR_EQUAL;
}

HRESULT WINAPI MAPILogonEx(ULONG_PTR ui_param, LPTSTR profile_name, LPTSTR password, ULONG flags,
                           LPMAPISESSION *session)
{
    WCHAR requested[OLKSTUB_NAME_CCH], profile[OLKSTUB_NAME_CCH];
    DWORD delay;
    HRESULT hr;

    (void)ui_param;
    (void)password;
    InterlockedIncrement(&stub_stats.logon_calls);
    if (!session)
        return MAPI_E_INVALID_PARAMETER;
    if (!stub_initialized())
    {
        stub_violation("MAPILogonEx before MAPIInitialize");
        return MAPI_E_NOT_INITIALIZED;
    }
    requested_profile(profile_name, flags, requested);
    stub_note_logon(flags, requested);
    if ((delay = stub_env_dword(L"OLKSTUB_LOGON_DELAY_MS", 0)))
        Sleep(delay);
    run_logon_hook();
    if (stub_env_hresult(L"OLKSTUB_FAIL_LOGON", &hr) && FAILED(hr) && logon_fails_for(requested))
        return hr;
    if (FAILED(hr = choose_profile(requested, flags, profile)))
        return hr;
    if (FAILED(hr = stub_session_create(profile, session)))
        return hr;
    InterlockedIncrement(&stub_stats.logons);
    return S_OK;
}

HRESULT WINAPI MAPIAdminProfiles(ULONG flags, LPPROFADMIN *admin)
{
    (void)flags;
    if (!admin)
        return MAPI_E_INVALID_PARAMETER;
    *admin = NULL;
    if (!stub_initialized())
    {
        stub_violation("MAPIAdminProfiles before MAPIInitialize");
        return MAPI_E_NOT_INITIALIZED;
    }
    return stub_profile_admin_create(admin);
}
