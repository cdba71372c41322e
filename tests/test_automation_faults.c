/*
 * The automation objects with each allocation of the product failing in
 * turn (src/memory.h's seam): from creating OlkHelper.Session through
 * logging on, listing, reading, enumerating, changing and saving an account
 * and ordering, a failed allocation fails the call that made it (but for the
 * profile name the session owner only caches), and nothing is left allocated
 * once the objects are released. The objects are linked in
 * statically, with the type library as this program's own resource.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <oleauto.h>

#include "alloc_faults.h"
#include "automation.h"
#include "test_support.h"

static const char accounts_data[] =
    "[account]\nprofile = Outlook\ntype = imap4\ncategories = mail, store\nACCT_ID = 1\nACCT_NAME = First\n"
    "ACCT_USER_DISPLAY_NAME = One\nINET_PORT = 993\nACCT_DELIVERY_STORE = 00 0a ff\n"
    "[account]\nprofile = Outlook\ntype = pop3\ncategories = mail, store\nACCT_ID = 2\nACCT_NAME = Second\n";

struct outcome
{
    unsigned int runs, failed_runs, tolerated_runs;
};

/* One pass through the object model; stops at the first failure. */
static HRESULT use_objects(void)
{
    IOlkHelperSession *session = NULL;
    IOlkHelperAccounts *accounts = NULL;
    IOlkHelperAccount *account = NULL;
    IDispatch *dispatch = NULL;
    IUnknown *enumerator = NULL;
    VARIANT key, value, missing;
    BSTR text = NULL;
    LONG number;
    HRESULT hr;

    VariantInit(&value);
    V_VT(&missing) = VT_ERROR;       /* Logon's optional profile, omitted */
    V_ERROR(&missing) = DISP_E_PARAMNOTFOUND;
    V_VT(&key) = VT_I4;
    V_I4(&key) = 1;
    hr = auto_session_create(&IID_IOlkHelperSession, (void **)&session);
    if (SUCCEEDED(hr))
        hr = IOlkHelperSession_Logon(session, missing);
    if (SUCCEEDED(hr))
        hr = IOlkHelperSession_get_Accounts(session, &dispatch);
    if (SUCCEEDED(hr))
        hr = IDispatch_QueryInterface(dispatch, &IID_IOlkHelperAccounts, (void **)&accounts);
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccounts_get_Count(accounts, &number);
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccounts__NewEnum(accounts, &enumerator);
    if (dispatch)
        IDispatch_Release(dispatch);
    dispatch = NULL;
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccounts_get_Item(accounts, key, &dispatch);
    if (SUCCEEDED(hr))
        hr = IDispatch_QueryInterface(dispatch, &IID_IOlkHelperAccount, (void **)&account);
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccount_get_Name(account, &text);
    SysFreeString(text);
    text = NULL;
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccount_get_DeliveryStore(account, &text);
    SysFreeString(text);
    text = SysAllocString(L"Uno");
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccount_put_DisplayName(account, text);
    SysFreeString(text);
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccount_Save(account);
    text = SysAllocString(L"store");
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccounts_GetOrder(accounts, text, &value);
    if (SUCCEEDED(hr))
        hr = IOlkHelperAccounts_SetOrder(accounts, text, value);
    SysFreeString(text);
    VariantClear(&value);

    if (enumerator)
        IUnknown_Release(enumerator);
    if (account)
        IOlkHelperAccount_Release(account);
    if (dispatch)
        IDispatch_Release(dispatch);
    if (accounts)
        IOlkHelperAccounts_Release(accounts);
    if (session)
        IOlkHelperSession_Release(session);
    return hr;
}

static void attempt(void *context)
{
    struct outcome *outcome = context;
    HRESULT hr;

    standin_test_data(accounts_data);
    hr = use_objects();
    outcome->runs++;
    if (alloc_faults_injected())
    {
        /* The session owner tolerates failing to keep the profile name it
         * reads at logon (it reads it again when asked): a success then. */
        if (SUCCEEDED(hr))
            outcome->tolerated_runs++;
        else
            outcome->failed_runs++;
    }
    else
        assert_hr(hr, S_OK);
    assert_int_equal(alloc_faults_live(), 0);
}

static void test_every_allocation_fails(void **state)
{
    struct outcome outcome = { 0, 0, 0 };
    int failures;

    (void)state;
    /* The first pass loads MAPI and the stand-ins, which stay: the runs
     * that follow count only the objects' own allocations. */
    standin_test_data(accounts_data);
    assert_hr(use_objects(), S_OK);
    failures = alloc_faults_each(attempt, &outcome);
    print_message("%d allocations failed in turn, %u of them tolerated\n", failures, outcome.tolerated_runs);
    assert_true(failures > 10);
    assert_int_equal(outcome.failed_runs + outcome.tolerated_runs, failures);
    /* The profile name, copied by MAPI's unit and kept by the session owner. */
    assert_true(outcome.tolerated_runs <= 2);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_every_allocation_fails),
    };
    int result;

    olk_test_init();
    SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook");
    SetEnvironmentVariableW(L"OLKSTUB_DEFAULT_PROFILE", L"Outlook");
    standin_test_data(accounts_data);
    CoInitialize(NULL);
    result = cmocka_run_group_tests(tests, NULL, NULL);
    CoUninitialize();
    standin_test_data_remove();
    return result;
}
