/*
 * A test double for IMAPISession that counts its references and the calls
 * the product makes on it. Every method outside IUnknown and Logoff answers
 * MAPI_E_NO_SUPPORT and counts as an unexpected call.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_FAKE_SESSION_H
#define OLKHELPER_FAKE_SESSION_H

#include <windows.h>
#include <mapix.h>

struct fake_session
{
    IMAPISession IMAPISession_iface;
    LONG refcount;
    LONG logoffs;
    LONG unexpected_calls;
    BOOL qi_succeeds_with_null;   /* a broken session: QueryInterface S_OK, *ppv NULL */
};

/* Initialises a fake with a reference count of 1 (the test's own). */
void fake_session_init(struct fake_session *fake);
IUnknown *fake_session_unknown(struct fake_session *fake);

#endif
