/*
 * Account Settings reports its Close button as MAPI_E_USER_CANCEL, so that
 * is a normal close; for Add New Account the same code means no account was
 * added.
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
    if (hr == MAPI_E_USER_CANCEL)
    {
        olkacct_error("Add New Account was cancelled (%s)", olkacct_hr(hr));
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
