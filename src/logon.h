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
 * logged off and released. The logon's memory is the owner's again: nothing
 * touches it afterwards, so the owner may keep it for a later logon_init. */
typedef void (*logon_detach_fn)(void *context, struct logon *logon);

struct logon
{
    IMAPISession IMAPISession_iface;
    LONG refcount;
    LONG ended;                    /* Logoff done: calls answer MAPI_E_END_OF_SESSION */
    IMAPISession *session;         /* MAPI's, one reference, until the last Release */
    logon_detach_fn detach;
    void *context;
    struct logon *prev, *next;     /* the session owner's lists, under its lock */
};

/* Makes logon, new memory or memory given back by detach, a logon of
 * session (taking over the caller's reference) with one reference. The
 * count is set last: logon_addref_unless_released fails on the memory
 * until the logon is whole. */
void logon_init(struct logon *logon, IMAPISession *session, logon_detach_fn detach, void *context);

static inline void logon_addref(struct logon *logon)
{
    InterlockedIncrement(&logon->refcount);
}

/* An AddRef unless the last Release has already begun (FALSE then). Safe on
 * memory that may have been detached meanwhile, as long as it is not freed:
 * a TRUE is then a reference to whichever logon the memory holds now. */
BOOL logon_addref_unless_released(struct logon *logon);

static inline void logon_release(struct logon *logon)
{
    logon->IMAPISession_iface.lpVtbl->Release(&logon->IMAPISession_iface);
}

/* Logs MAPI's session off now (once; Logoff's answer does not matter, the
 * session is over for the helper either way). Its last Release still waits
 * for the logon's, so that holders calling meanwhile get
 * MAPI_E_END_OF_SESSION instead of a dangling session. */
void logon_end(struct logon *logon);

#endif
