/*
 * dialog: DisplayAccountList, owned by the console window, and each
 * documented result as a message and an exit code. Account Settings reports
 * its Close button as MAPI_E_USER_CANCEL, so that is a normal close; for
 * Add New Account the same code means no account was added.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "exit_codes.h"

#include <mapicode.h>

static int dialog_result(const struct olkacct_options *o, HRESULT hr)
{
    if (hr == S_OK) return OLKACCT_EXIT_OK;
    if (hr == MAPI_E_USER_CANCEL && !o->add_account) return OLKACCT_EXIT_OK;
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

int olkacct_cmd_dialog(const struct olkacct_options *o)
{
    struct olkacct_connection c;
    DWORD flags = o->data_tab ? ACCTUI_SHOW_DATA_TAB : o->add_account ? ACCTUI_SHOW_ACCTWIZARD : 0;
    int code;

    if (!(code = olkacct_connect(&c, o->profile, o->borrow)))
        code = dialog_result(o, IOlkAccountManager_DisplayAccountList(c.manager, GetConsoleWindow(), flags, NULL, 0,
                                                                      NULL, NULL));
    olkacct_disconnect(&c);
    return code;
}
