/*
 * olkacct's exit codes, one per cause (documented in --help and
 * docs/olkacct.md). 5 and 53 are left out: Wine reports a crash as 5 and a
 * missing DLL as 53, so they must never be mistaken for an answer.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_EXIT_CODES_H
#define OLKACCT_EXIT_CODES_H

enum olkacct_exit
{
    OLKACCT_EXIT_OK = 0,
    OLKACCT_EXIT_FAILURE = 1,           /* COM, memory or output failure */
    OLKACCT_EXIT_USAGE = 2,             /* bad arguments */
    OLKACCT_EXIT_NO_HELPER = 3,         /* olkhelper.dll not registered */
    OLKACCT_EXIT_NO_ACCOUNT_MANAGER = 4,/* Outlook's account manager missing, or other bitness */
    OLKACCT_EXIT_NO_MAPI = 6,           /* no MAPI implementation */
    OLKACCT_EXIT_NO_PROFILE = 7,        /* profile not found */
    OLKACCT_EXIT_LOGON_FAILED = 8,      /* logon to the profile failed */
    OLKACCT_EXIT_ACCOUNT_API = 9,       /* an account API call failed */
};

#endif
