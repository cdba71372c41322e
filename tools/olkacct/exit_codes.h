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
    OLKACCT_EXIT_ACCOUNT_API = 9,       /* an account API call failed, or the manager refused a change */
    OLKACCT_EXIT_NO_ACCOUNT = 10,       /* no account has that ID or name */
    OLKACCT_EXIT_AMBIGUOUS = 11,        /* several accounts have that name */
    OLKACCT_EXIT_REFUSED = 12,          /* a change refused before anything was written */
    OLKACCT_EXIT_NOT_CONFIRMED = 13,    /* delete without --yes */
    OLKACCT_EXIT_RESTORE_REFUSED = 14,  /* changed since the backup, or not restorable */
    OLKACCT_EXIT_BACKUP = 15,           /* the backup could not be written or read */
    OLKACCT_EXIT_SOME_PROFILES = 16,    /* list --all-profiles: some profiles failed */
    OLKACCT_EXIT_NOT_KEPT = 17,         /* set --allow-read-only: refused or ignored */
    OLKACCT_EXIT_UI_BUSY = 18,          /* dialog: E_ACCT_UI_BUSY */
    OLKACCT_EXIT_CANCELLED = 19,        /* dialog --add: MAPI_E_USER_CANCEL */
};

#endif
