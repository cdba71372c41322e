/*
 * SPDX-License-Identifier: MIT
 */
#include "connection.h"
#include "account_model.h"
#include "console.h"
#include "exit_codes.h"
#include "hresult_name.h"

#include <objbase.h>
#include <mapicode.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

int olkacct_start_mapi(struct olkacct_mapi *mapi)
{
    const char *step = NULL;
    HRESULT hr;

    if (SUCCEEDED(hr = olkacct_mapi_start(mapi, &step))) return OLKACCT_EXIT_OK;
    olkacct_error("MAPI is not installed or does not start (%s: %s): olkacct needs Outlook, or another "
                  "Extended MAPI provider as the default mail client, of the same bitness (%d-bit)",
                  step, olkacct_hr(hr), OLKACCT_BITS);
    return OLKACCT_EXIT_NO_MAPI;
}

static int create_helper(struct olkacct_connection *run)
{
    HRESULT hr = CoCreateInstance(&CLSID_OlkAccountHelper, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountHelper,
                                  (void **)&run->helper);

    if (SUCCEEDED(hr)) return OLKACCT_EXIT_OK;
    run->helper = NULL;
    if (hr == REGDB_E_CLASSNOTREG)
        olkacct_error("olkhelper is not registered for %d-bit programs: run the %d-bit regsvr32 on the %d-bit "
                      "olkhelper.dll (%s)", OLKACCT_BITS, OLKACCT_BITS, OLKACCT_BITS, olkacct_hr(hr));
    else
        olkacct_error("olkhelper is registered but could not be created: %s", olkacct_hr(hr));
    return OLKACCT_EXIT_NO_HELPER;
}

/* HKLM\Software\Classes\CLSID\{...}\InprocServer32 in one registry view. */
static BOOL manager_registered(REGSAM view)
{
    WCHAR clsid[40], path[96];
    HKEY key;

    if (!StringFromGUID2(&CLSID_OlkAccountManager, clsid, ARRAYSIZE(clsid))) return FALSE;
    swprintf(path, ARRAYSIZE(path), L"Software\\Classes\\CLSID\\%ls\\InprocServer32", clsid);
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE | view, &key)) return FALSE;
    RegCloseKey(key);
    return TRUE;
}

/* CoCreateInstance(CLSID_OlkAccountManager) failed with hr: why. */
static int explain_no_manager(HRESULT hr)
{
    REGSAM own = OLKACCT_BITS == 64 ? KEY_WOW64_64KEY : KEY_WOW64_32KEY;
    REGSAM other = OLKACCT_BITS == 64 ? KEY_WOW64_32KEY : KEY_WOW64_64KEY;

    if (manager_registered(own))
        olkacct_error("Outlook's account manager is registered but could not be loaded into this %d-bit "
                      "olkacct: %s", OLKACCT_BITS, olkacct_hr(hr));
    else if (manager_registered(other))
        olkacct_error("Outlook's account manager is registered for %d-bit programs only and this olkacct is "
                      "%d-bit: use the %d-bit olkacct (%s)", (96 - OLKACCT_BITS), OLKACCT_BITS, (96 - OLKACCT_BITS), olkacct_hr(hr));
    else
        olkacct_error("Outlook's account manager (CLSID_OlkAccountManager) is not registered for %d-bit "
                      "programs: Outlook is not installed, or it is a %d-bit Outlook and needs the %d-bit "
                      "olkacct (%s)", OLKACCT_BITS, (96 - OLKACCT_BITS), (96 - OLKACCT_BITS), olkacct_hr(hr));
    return OLKACCT_EXIT_NO_ACCOUNT_MANAGER;
}

static const char *profile_words(const struct olkacct_connection *run)
{
    return run->profile ? run->profile_text : "the default profile";
}

/* After a failed logon: no MAPI, no such profile, or the logon itself. */
static int explain_logon_failure(struct olkacct_connection *run, HRESULT logon_hr)
{
    struct olkacct_mapi probe;
    BOOL exists = FALSE;
    HRESULT hr;

    if (olkacct_start_mapi(&probe)) return OLKACCT_EXIT_NO_MAPI;
    hr = olkacct_mapi_profile_exists(&probe, run->profile, &exists);
    olkacct_mapi_stop(&probe);
    if (SUCCEEDED(hr) && !exists)
    {
        if (run->profile)
            olkacct_error("profile \"%s\" not found (%s)", run->profile_text, olkacct_hr(logon_hr));
        else
            olkacct_error("there is no default MAPI profile: name one with --profile (%s)", olkacct_hr(logon_hr));
        return OLKACCT_EXIT_NO_PROFILE;
    }
    olkacct_error("logon to %s failed: %s", profile_words(run), olkacct_hr(logon_hr));
    return OLKACCT_EXIT_LOGON_FAILED;
}

static int borrowed_session(struct olkacct_connection *run, IOlkHelperConfig *config)
{
    HRESULT hr;
    int code;

    if ((code = olkacct_start_mapi(&run->mapi))) return code;
    if (FAILED(hr = olkacct_mapi_logon(&run->mapi, run->profile, &run->session)))
        return explain_logon_failure(run, hr);
    if (FAILED(hr = IOlkHelperConfig_UseSession(config, run->session, run->profile)))
    {
        olkacct_error("IOlkHelperConfig::UseSession failed: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_FAILURE;
    }
    return OLKACCT_EXIT_OK;
}

/* Owned mode logs on lazily; asking for the session here makes a logon
 * failure olkacct's to explain rather than the account manager's. */
static int owned_session(struct olkacct_connection *run, IOlkHelperConfig *config)
{
    IUnknown *session = NULL;
    HRESULT hr;

    if (FAILED(hr = IOlkHelperConfig_UseProfile(config, run->profile, 0)))
    {
        olkacct_error("IOlkHelperConfig::UseProfile failed: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_FAILURE;
    }
    if (FAILED(hr = IOlkAccountHelper_GetMapiSession(run->helper, &session)))
        return explain_logon_failure(run, hr);
    if (session) IUnknown_Release(session);
    return OLKACCT_EXIT_OK;
}

static int configure_helper(struct olkacct_connection *run, BOOL borrow)
{
    IOlkHelperConfig *config = NULL;
    HRESULT hr = IOlkAccountHelper_QueryInterface(run->helper, &IID_IOlkHelperConfig, (void **)&config);
    int code;

    if (FAILED(hr))
    {
        olkacct_error("the registered olkhelper has no IOlkHelperConfig (an older or foreign olkhelper.dll?): %s",
                      olkacct_hr(hr));
        return OLKACCT_EXIT_NO_HELPER;
    }
    code = borrow ? borrowed_session(run, config) : owned_session(run, config);
    IOlkHelperConfig_Release(config);
    return code;
}


static int open_manager(struct olkacct_connection *c)
{
    enum olk_open_step step;
    DWORD size = ARRAYSIZE(c->identity);
    HRESULT hr = olk_manager_open(c->helper, &c->manager, &step);

    if (FAILED(hr) && step == OLK_OPEN_CREATE) return explain_no_manager(hr);
    if (FAILED(hr))
    {
        olkacct_error("IOlkAccountManager::Init failed for %s: %s", profile_words(c), olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    if (FAILED(IOlkAccountHelper_GetIdentity(c->helper, c->identity, &size))) c->identity[0] = 0;
    return OLKACCT_EXIT_OK;
}

int olkacct_connect(struct olkacct_connection *c, const WCHAR *profile, BOOL borrow)
{
    int code;

    memset(c, 0, sizeof(*c));
    c->profile = profile;
    if (profile) olkacct_utf8(profile, c->profile_text, sizeof(c->profile_text));
    if ((code = create_helper(c)) == OLKACCT_EXIT_OK && (code = configure_helper(c, borrow)) == OLKACCT_EXIT_OK)
        code = open_manager(c);
    return code;
}

void olkacct_disconnect(struct olkacct_connection *c)
{
    if (c->manager) IOlkAccountManager_Release(c->manager);
    if (c->helper) IOlkAccountHelper_Release(c->helper);
    olkacct_mapi_logoff(c->session);
    olkacct_mapi_stop(&c->mapi);
    memset(c, 0, sizeof(*c));
}
