/*
 * A session the helper logged on, as its callers hold it: a thin
 * IMAPISession that forwards every call to MAPI's session. Handing out this
 * object instead of MAPI's own lets the helper know when the last holder is
 * done, so a hands-off never ends a session someone still uses, and lets the
 * helper end every session it opened when it is itself released.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_LOGON_H
#define OLKHELPER_LOGON_H

#include <windows.h>
#include <mapix.h>

struct logon;

/* Called once, at the logon's last Release, after MAPI's session has been
 * logged off and released and before the logon is freed. */
typedef void (*logon_detach_fn)(void *context, struct logon *logon);

struct logon
{
    IMAPISession IMAPISession_iface;
    LONG refcount;
    LONG ended;                    /* Logoff done: calls answer MAPI_E_END_OF_SESSION */
    IMAPISession *session;         /* MAPI's, one reference, until the last Release */
    logon_detach_fn detach;
    void *context;
    struct logon *prev, *next;     /* the session owner's list, under its lock */
};

/* Takes over the caller's reference to session; the logon starts with one
 * reference. E_OUTOFMEMORY, with session still the caller's. */
HRESULT logon_create(IMAPISession *session, logon_detach_fn detach, void *context, struct logon **out);

void logon_addref(struct logon *logon);
/* An AddRef unless the last Release has already begun (FALSE then). */
BOOL logon_addref_unless_released(struct logon *logon);
void logon_release(struct logon *logon);

/* Logs MAPI's session off now (once; Logoff's answer does not matter, the
 * session is over for the helper either way). Its last Release still waits
 * for the logon's, so that holders calling meanwhile get
 * MAPI_E_END_OF_SESSION instead of a dangling session. */
void logon_end(struct logon *logon);

#endif
