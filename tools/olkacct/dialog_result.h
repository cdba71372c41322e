/*
 * IOlkAccountManager::DisplayAccountList's documented results as olkacct's
 * messages and exit codes (docs/olkacct.md, "dialog").
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_DIALOG_RESULT_H
#define OLKACCT_DIALOG_RESULT_H

#include <windows.h>

/* The exit code; a failure reported as one "olkacct: ..." line. */
int olkacct_dialog_result(BOOL add_account, HRESULT hr);

#endif
