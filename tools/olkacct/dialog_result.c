/*
 * MAPI_E_USER_CANCEL is documented for Account Settings, whose only way out
 * is to close it: a normal close. MAPI_E_CALL_FAILED is documented for Add
 * New Account, which gives it when it is left without an account (and for any
 * failure of its own, which it cannot tell apart): no account added.
 *
 * SPDX-License-Identifier: MIT
 */
#include "dialog_result.h"
#include "console.h"
#include "exit_codes.h"
#include "hresult_name.h"
#include "olkacct.h"

#include <mapicode.h>

int olkacct_dialog_result(BOOL add_account, HRESULT hr)
{
    if (hr == S_OK) return OLKACCT_EXIT_OK;
    if (hr == MAPI_E_USER_CANCEL && !add_account) return OLKACCT_EXIT_OK;
    if (add_account && (hr == MAPI_E_USER_CANCEL || hr == MAPI_E_CALL_FAILED))
    {
        olkacct_error("Add New Account was closed without adding an account (%s)", olkacct_hr(hr));
        return OLKACCT_EXIT_CANCELLED;
    }
    if (hr == E_ACCT_UI_BUSY)
    {
        olkacct_error("another account dialog is already open (%s)", olkacct_hr(hr));
        return OLKACCT_EXIT_UI_BUSY;
    }
    if (hr == MAPI_E_CALL_FAILED)
        olkacct_error("the account dialog failed (%s)", olkacct_hr(hr));
    else if (hr == E_OLK_NOT_INITIALIZED)
        olkacct_error("the account manager was not initialised for the dialog (%s)", olkacct_hr(hr));
    else
        olkacct_error("IOlkAccountManager::DisplayAccountList failed: %s", olkacct_hr(hr));
    return OLKACCT_EXIT_ACCOUNT_API;
}
