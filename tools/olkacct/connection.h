/*
 * olkacct's way to a profile's accounts: olkhelper's registered helper,
 * given its session (owned, or borrowed with --borrow), and Outlook's
 * account manager opened with it through the account model. Every failure
 * is reported here, as one "olkacct: ..." line, and returned as its exit
 * code.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_CONNECTION_H
#define OLKACCT_CONNECTION_H

#include <windows.h>
#include "olkhelper.h"
#include "mapi_client.h"
#include "hresult_name.h"

struct olkacct_connection
{
    const WCHAR *profile;           /* as asked for; NULL: the default profile */
    char profile_text[512];         /* for messages: the name, or "the default profile" */
    WCHAR identity[256];            /* the profile's name, as the helper reports it */
    IOlkAccountHelper *helper;
    IOlkAccountManager *manager;
    struct olkacct_mapi mapi;       /* --borrow: olkacct's own MAPI session */
    IUnknown *session;
};

/* An exit code: OLKACCT_EXIT_OK with the manager ready, or the failure's,
 * already reported. olkacct_disconnect is needed either way. */
int olkacct_connect(struct olkacct_connection *c, const WCHAR *profile, BOOL borrow);

/* The manager first: its final Release hands the session back to the helper;
 * then the helper; then olkacct's own session and MAPI, last of all. */
void olkacct_disconnect(struct olkacct_connection *c);

/* MAPIInitialize through olkacct's MAPI client; a failure reported (exit 6). */
int olkacct_start_mapi(struct olkacct_mapi *mapi);


#define OLKACCT_BITS ((int)sizeof(void *) * 8)

#endif
