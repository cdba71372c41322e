/*
 * dialog's reading of DisplayAccountList's documented results
 * (tools/olkacct/dialog_result.c): a normal close is exit 0, each failure one
 * message and its own exit code.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <mapicode.h>
#include <string.h>

#include "console.h"
#include "dialog_result.h"
#include "exit_codes.h"
#include "olkacct.h"

static void expect(BOOL add, HRESULT hr, int code, const char *message)
{
    char before[1024];

    strcpy(before, olkacct_last_error());
    assert_int_equal(olkacct_dialog_result(add, hr), code);
    if (message) assert_string_equal(olkacct_last_error(), message);
    else assert_string_equal(olkacct_last_error(), before);
}

static void test_results(void **state)
{
    (void)state;
    expect(FALSE, S_OK, OLKACCT_EXIT_OK, NULL);
    expect(TRUE, S_OK, OLKACCT_EXIT_OK, NULL);
    /* Account Settings' Close button. */
    expect(FALSE, MAPI_E_USER_CANCEL, OLKACCT_EXIT_OK, NULL);
    expect(TRUE, MAPI_E_USER_CANCEL, OLKACCT_EXIT_CANCELLED,
           "Add New Account was closed without adding an account (0x80040113 (MAPI_E_USER_CANCEL))");
    /* Add New Account's documented result when it is left without an account. */
    expect(TRUE, MAPI_E_CALL_FAILED, OLKACCT_EXIT_CANCELLED,
           "Add New Account was closed without adding an account (0x80004005 (E_FAIL))");
    expect(FALSE, E_ACCT_UI_BUSY, OLKACCT_EXIT_UI_BUSY,
           "another account dialog is already open (0x800c8102 (E_ACCT_UI_BUSY))");
    expect(FALSE, MAPI_E_CALL_FAILED, OLKACCT_EXIT_ACCOUNT_API,
           "the account dialog failed (0x80004005 (E_FAIL))");
    expect(FALSE, E_OLK_NOT_INITIALIZED, OLKACCT_EXIT_ACCOUNT_API,
           "the account manager was not initialised for the dialog (0x800c8005 (E_OLK_NOT_INITIALIZED))");
    expect(FALSE, E_NOTIMPL, OLKACCT_EXIT_ACCOUNT_API,
           "IOlkAccountManager::DisplayAccountList failed: 0x80004001 (E_NOTIMPL)");
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_results),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
