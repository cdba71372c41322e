/*
 * What the trace records of a helper's life, against Wine's mapi32 and the
 * stand-in MAPI provider of the test prefix: every call into the helper with
 * its HRESULT, the MAPI discovery's candidates, the logon's flags and result,
 * and the log-off; and, with the trace off, not a line.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "helper.h"
#include "trace.h"

static WCHAR trace_file[MAX_PATH];

static int setup(void **state)
{
    WCHAR dir[MAX_PATH];

    (void)state;
    if (!GetTempPathW(MAX_PATH, dir) || !GetTempFileNameW(dir, L"olk", 0, trace_file))
        return -1;
    DeleteFileW(trace_file);
    SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook");
    SetEnvironmentVariableW(L"OLKSTUB_DEFAULT_PROFILE", L"Outlook");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    SetEnvironmentVariableW(L"OLKHELPER_TRACE", NULL);
    trace_reset();
    DeleteFileW(trace_file);
    return 0;
}

/* Each part is found after the one before it. */
static void assert_in_order(const char *text, const char *const *parts, size_t count)
{
    const char *at = text;
    size_t i;

    for (i = 0; i < count; i++)
    {
        const char *found = strstr(at, parts[i]);

        if (!found)
        {
            /* The whole trace, which can be longer than cmocka's messages. */
            fprintf(stderr, "the trace:\n%s\n", text);
            print_error("\"%s\" not found (in order) in the trace\n", parts[i]);
            fail();
        }
        at = found + strlen(parts[i]);
    }
}

/* An owned helper's whole life, as a host such as the account manager
 * would live it. */
static void run_owned_helper(void)
{
    IOlkAccountHelper *helper = NULL;
    IUnknown *session = NULL, *unknown = OLK_SENTINEL;
    DWORD cch = 0;

    assert_hr(helper_create_configured(NULL, L"Outlook", 0, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    assert_hr(IOlkAccountHelper_GetIdentity(helper, NULL, &cch), E_OUTOFMEMORY);
    assert_hr(IOlkAccountHelper_GetMapiSession(helper, &session), S_OK);
    IUnknown_Release(session);
    assert_hr(IOlkAccountHelper_HandsOffSession(helper), S_OK);
    assert_hr(IOlkAccountHelper_QueryInterface(helper, &IID_IDispatch, (void **)&unknown), E_NOINTERFACE);
    IOlkAccountHelper_Release(helper);
}

static void test_owned_helper_traced(void **state)
{
    static const char *const parts[] =
    {
        " helper: ", " created\r\n",
        "UseProfile(\"Outlook\", 0) -> 00000000\r\n",
        "GetIdentity(", ", 0) -> 8007000e, cch 8, \"\"\r\n",
        " mapi: no Outlook registered", "Windows Installer not asked\r\n",
        " mapi: candidate \"", "mapi32.dll\": loaded", " mapi: module ", "using it\r\n",
        " mapi: discovery -> 00000000\r\n",
        /* MAPI_MULTITHREAD_NOTIFICATIONS | MAPI_NO_COINIT */
        " mapi: MAPIInitialize(flags 0x9) -> 00000000\r\n",
        /* MAPI_UNICODE | MAPI_EXTENDED | MAPI_EXPLICIT_PROFILE | MAPI_NEW_SESSION */
        " mapi: MAPILogonEx(\"Outlook\", flags 0x80000032) -> 00000000, session ",
        "GetMapiSession -> 00000000, session ",
        /* The hands-off ends the session at once: nobody else holds it. */
        " mapi: session ", ": Logoff -> 00000000\r\n",
        " mapi: session ", ": Release -> 0\r\n",
        "HandsOffSession -> 00000000\r\n",
        "QueryInterface({00020400-0000-0000-C000-000000000046}) -> 80004002\r\n",
        "Release -> 0\r\n",
    };
    char *text;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", trace_file));
    trace_reset();
    assert_hr(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    run_owned_helper();
    CoUninitialize();

    text = olk_read_file(trace_file);
    assert_in_order(text, parts, ARRAYSIZE(parts));
    /* Every line names the thread's apartment. */
    assert_null(strstr(text, " no-COM helper: "));
    free(text);
}

static void test_off_writes_nothing(void **state)
{
    (void)state;
    SetEnvironmentVariableW(L"OLKHELPER_TRACE", NULL);
    trace_reset();
    run_owned_helper();
    assert_int_equal(GetFileAttributesW(trace_file), INVALID_FILE_ATTRIBUTES);
    assert_int_equal(trace_state, TRACE_OFF);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        /* First: the process's MAPI discovery happens, traced, in it. */
        cmocka_unit_test_setup_teardown(test_owned_helper_traced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_off_writes_nothing, setup, teardown),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
