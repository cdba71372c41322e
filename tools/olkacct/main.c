/*
 * olkacct: lists a profile's Outlook accounts the way a program would,
 * through olkhelper's registered IOlkAccountHelper and Outlook's account
 * manager. Every failure is one "olkacct: ..." line and its own exit code.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <objbase.h>
#include <mapicode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "olkhelper.h"
#include "accounts.h"
#include "args.h"
#include "console.h"
#include "exit_codes.h"
#include "hresult_name.h"
#include "mapi_client.h"
#include "output.h"

#define BITS ((int)sizeof(void *) * 8)
#define OTHER_BITS (96 - BITS)

struct run
{
    const struct olkacct_options *options;
    char profile[512];              /* for messages */
    IOlkAccountHelper *helper;
    IOlkAccountManager *manager;
    struct olkacct_mapi mapi;       /* --borrow: olkacct's own MAPI session */
    IUnknown *session;
    struct olk_account_list list;
};

static const char *hr_text(HRESULT hr)
{
    static char buffer[96];

    return olkacct_hresult_text(hr, buffer, sizeof(buffer));
}

static int create_helper(struct run *run)
{
    HRESULT hr = CoCreateInstance(&CLSID_OlkAccountHelper, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountHelper,
                                  (void **)&run->helper);

    if (SUCCEEDED(hr)) return OLKACCT_EXIT_OK;
    run->helper = NULL;
    if (hr == REGDB_E_CLASSNOTREG)
        olkacct_error("olkhelper is not registered for %d-bit programs: run the %d-bit regsvr32 on the %d-bit "
                      "olkhelper.dll (%s)", BITS, BITS, BITS, hr_text(hr));
    else
        olkacct_error("olkhelper is registered but could not be created: %s", hr_text(hr));
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

static int create_manager(struct run *run)
{
    REGSAM own = BITS == 64 ? KEY_WOW64_64KEY : KEY_WOW64_32KEY;
    REGSAM other = BITS == 64 ? KEY_WOW64_32KEY : KEY_WOW64_64KEY;
    HRESULT hr = CoCreateInstance(&CLSID_OlkAccountManager, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountManager,
                                  (void **)&run->manager);

    if (SUCCEEDED(hr)) return OLKACCT_EXIT_OK;
    run->manager = NULL;
    if (manager_registered(own))
        olkacct_error("Outlook's account manager is registered but could not be loaded into this %d-bit "
                      "olkacct: %s", BITS, hr_text(hr));
    else if (manager_registered(other))
        olkacct_error("Outlook's account manager is registered for %d-bit programs only and this olkacct is "
                      "%d-bit: use the %d-bit olkacct (%s)", OTHER_BITS, BITS, OTHER_BITS, hr_text(hr));
    else
        olkacct_error("Outlook's account manager (CLSID_OlkAccountManager) is not registered for %d-bit "
                      "programs: Outlook is not installed, or it is a %d-bit Outlook and needs the %d-bit "
                      "olkacct (%s)", BITS, OTHER_BITS, OTHER_BITS, hr_text(hr));
    return OLKACCT_EXIT_NO_ACCOUNT_MANAGER;
}

static const char *profile_text(const struct run *run)
{
    return run->options->profile ? run->profile : "the default profile";
}

/* After a failed logon: no MAPI, no such profile, or the logon itself. */
static int explain_logon_failure(struct run *run, HRESULT logon_hr)
{
    struct olkacct_mapi probe;
    const char *step = NULL;
    BOOL exists = FALSE;
    HRESULT hr;

    if (FAILED(hr = olkacct_mapi_start(&probe, &step)))
    {
        olkacct_error("MAPI is not installed or does not start (%s: %s): olkacct needs Outlook, or another "
                      "Extended MAPI provider as the default mail client, of the same bitness (%d-bit)",
                      step, hr_text(hr), BITS);
        return OLKACCT_EXIT_NO_MAPI;
    }
    hr = olkacct_mapi_profile_exists(&probe, run->options->profile, &exists);
    olkacct_mapi_stop(&probe);
    if (SUCCEEDED(hr) && !exists)
    {
        if (run->options->profile)
            olkacct_error("profile \"%s\" not found (%s)", run->profile, hr_text(logon_hr));
        else
            olkacct_error("there is no default MAPI profile: name one with --profile (%s)", hr_text(logon_hr));
        return OLKACCT_EXIT_NO_PROFILE;
    }
    olkacct_error("logon to %s failed: %s", profile_text(run), hr_text(logon_hr));
    return OLKACCT_EXIT_LOGON_FAILED;
}

static int borrowed_session(struct run *run, IOlkHelperConfig *config)
{
    const char *step = NULL;
    HRESULT hr;

    if (FAILED(hr = olkacct_mapi_start(&run->mapi, &step)))
    {
        olkacct_error("MAPI is not installed or does not start (%s: %s): olkacct needs Outlook, or another "
                      "Extended MAPI provider as the default mail client, of the same bitness (%d-bit)",
                      step, hr_text(hr), BITS);
        return OLKACCT_EXIT_NO_MAPI;
    }
    if (FAILED(hr = olkacct_mapi_logon(&run->mapi, run->options->profile, &run->session)))
        return explain_logon_failure(run, hr);
    if (FAILED(hr = IOlkHelperConfig_UseSession(config, run->session, run->options->profile)))
    {
        olkacct_error("IOlkHelperConfig::UseSession failed: %s", hr_text(hr));
        return OLKACCT_EXIT_FAILURE;
    }
    return OLKACCT_EXIT_OK;
}

/* Owned mode logs on lazily; asking for the session here makes a logon
 * failure olkacct's to explain rather than the account manager's. */
static int owned_session(struct run *run, IOlkHelperConfig *config)
{
    IUnknown *session = NULL;
    HRESULT hr;

    if (FAILED(hr = IOlkHelperConfig_UseProfile(config, run->options->profile, 0)))
    {
        olkacct_error("IOlkHelperConfig::UseProfile failed: %s", hr_text(hr));
        return OLKACCT_EXIT_FAILURE;
    }
    if (FAILED(hr = IOlkAccountHelper_GetMapiSession(run->helper, &session)))
        return explain_logon_failure(run, hr);
    if (session) IUnknown_Release(session);
    return OLKACCT_EXIT_OK;
}

static int configure_helper(struct run *run)
{
    IOlkHelperConfig *config = NULL;
    HRESULT hr = IOlkAccountHelper_QueryInterface(run->helper, &IID_IOlkHelperConfig, (void **)&config);
    int code;

    if (FAILED(hr))
    {
        olkacct_error("the registered olkhelper has no IOlkHelperConfig (an older or foreign olkhelper.dll?): %s",
                      hr_text(hr));
        return OLKACCT_EXIT_NO_HELPER;
    }
    code = run->options->borrow ? borrowed_session(run, config) : owned_session(run, config);
    IOlkHelperConfig_Release(config);
    return code;
}

static int list_accounts(struct run *run)
{
    const char *step = NULL;
    char *text = NULL;
    size_t len = 0;
    HRESULT hr = IOlkAccountManager_Init(run->manager, run->helper, ACCT_INIT_NOSYNCH_MAPI_ACCTS);

    if (FAILED(hr))
    {
        olkacct_error("IOlkAccountManager::Init failed for %s: %s", profile_text(run), hr_text(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    if (FAILED(hr = olk_accounts_read(run->manager, run->options->categories, &run->list, &step)))
    {
        if (!step)
        {
            olkacct_error("out of memory reading the accounts");
            return OLKACCT_EXIT_FAILURE;
        }
        olkacct_error("%s failed: %s", step, hr_text(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    hr = run->options->json ? olkacct_format_json(&run->list, &text, &len)
                            : olkacct_format_table(&run->list, &text, &len);
    if (FAILED(hr))
    {
        olkacct_error("out of memory formatting %lu accounts", (unsigned long)run->list.count);
        return OLKACCT_EXIT_FAILURE;
    }
    if (!olkacct_write_stdout(text, len))
    {
        olkacct_error("cannot write the output (error %lu)", GetLastError());
        free(text);
        return OLKACCT_EXIT_FAILURE;
    }
    free(text);
    return OLKACCT_EXIT_OK;
}

/* The manager first: its final Release hands the session back to the helper;
 * then the helper; then olkacct's own session and MAPI, last of all. */
static void finish(struct run *run)
{
    olk_account_list_free(&run->list);
    if (run->manager) IOlkAccountManager_Release(run->manager);
    if (run->helper) IOlkAccountHelper_Release(run->helper);
    olkacct_mapi_logoff(run->session);
    olkacct_mapi_stop(&run->mapi);
}

static int run_listing(const struct olkacct_options *options)
{
    struct run run;
    int code;

    memset(&run, 0, sizeof(run));
    run.options = options;
    if (options->profile) olkacct_utf8(options->profile, run.profile, sizeof(run.profile));
    if ((code = create_helper(&run)) == OLKACCT_EXIT_OK
        && (code = create_manager(&run)) == OLKACCT_EXIT_OK
        && (code = configure_helper(&run)) == OLKACCT_EXIT_OK)
        code = list_accounts(&run);
    finish(&run);
    return code;
}

static int print_text(const char *text)
{
    if (olkacct_write_stdout(text, strlen(text))) return OLKACCT_EXIT_OK;
    olkacct_error("cannot write the output (error %lu)", GetLastError());
    return OLKACCT_EXIT_FAILURE;
}

int wmain(int argc, WCHAR **argv)
{
    struct olkacct_options options;
    char error[512], version[64];
    HRESULT hr;
    int code;

    if (!olkacct_parse_args(argc, argv, &options, error, sizeof(error)))
    {
        olkacct_error("%s (try --help)", error);
        return OLKACCT_EXIT_USAGE;
    }
    if (options.help) return print_text(olkacct_usage());
    if (options.version)
    {
        snprintf(version, sizeof(version), "olkacct %s (%d-bit)\n", OLKACCT_VERSION, BITS);
        return print_text(version);
    }
    if (FAILED(hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)))
    {
        olkacct_error("CoInitializeEx failed: %s", hr_text(hr));
        return OLKACCT_EXIT_FAILURE;
    }
    code = run_listing(&options);
    CoUninitialize();
    return code;
}
