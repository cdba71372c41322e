/*
 * dialog: DisplayAccountList with the documented flags, owned by the console
 * window; its result read by dialog_result.c.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "dialog_result.h"
#include "exit_codes.h"

int olkacct_cmd_dialog(const struct olkacct_options *o)
{
    struct olkacct_connection c;
    DWORD flags = o->data_tab ? ACCTUI_SHOW_DATA_TAB : o->add_account ? ACCTUI_SHOW_ACCTWIZARD : 0;
    int code;

    if (!(code = olkacct_connect(&c, o->profile, o->borrow)))
        code = olkacct_dialog_result(o->add_account, IOlkAccountManager_DisplayAccountList(c.manager, GetConsoleWindow(), flags, NULL, 0,
                                                                      NULL, NULL));
    olkacct_disconnect(&c);
    return code;
}
