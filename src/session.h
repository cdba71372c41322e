/*
 * The session owner: the one place that holds a helper's MAPI session.
 *
 * A session owner is reference counted and thread-safe. It is either
 *   - borrowed: it keeps its own reference to an IMAPISession the caller
 *     opened, never logs off, and answers hands-off with E_NOTIMPL; or
 *   - owned: it logs on to a profile (or the default profile) through the MAPI
 *     that the MAPI unit finds, at the first session_owner_get_session, and logs
 *     off in session_owner_hands_off.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_SESSION_H
#define OLKHELPER_SESSION_H

#include <windows.h>

struct session_owner;

/* Borrowed mode. session is QI'd for IID_IMAPISession (the owner keeps that
 * reference); profile may be NULL, in which case the identity is read from the
 * session's global profile section when first asked for.
 * E_INVALIDARG for a NULL session; the QI's failure (E_NOINTERFACE) when it is
 * not a session; E_OUTOFMEMORY. */
HRESULT session_owner_borrow(IUnknown *session, const WCHAR *profile, struct session_owner **out);

/* Owned mode. profile NULL or empty means the default profile. flags are
 * OLKHELPER_LOGON_*; unknown bits give E_INVALIDARG. Nothing is loaded or
 * logged on here. */
HRESULT session_owner_own(const WCHAR *profile, DWORD flags, struct session_owner **out);

void session_owner_addref(struct session_owner *owner);
void session_owner_release(struct session_owner *owner);

/* The session, AddRef'd, as IUnknown (the IMAPISession pointer itself, so a
 * caller may cast or QI). Owned mode logs on first if needed; a call made on
 * the logging-on thread while MAPILogonEx runs (a logon dialog pumping
 * messages) gets MAPI_E_BUSY. On failure *session is NULL and the MAPI or
 * loader HRESULT is returned. */
HRESULT session_owner_get_session(struct session_owner *owner, IUnknown **session);

/* Borrowed: E_NOTIMPL, nothing changes. Owned: logs off and releases the
 * owner's reference, S_OK (whatever Logoff answers: the session is released
 * either way, and S_OK is the documented answer); with no session held, S_OK. */
HRESULT session_owner_hands_off(struct session_owner *owner);

/* IOlkAccountHelper::GetIdentity's contract: pcch non-NULL (the caller checks);
 * *pcch in = buffer size in WCHARs, out = length including the NUL;
 * E_OUTOFMEMORY (buffer untouched) when buffer is NULL or too small. */
HRESULT session_owner_get_identity(struct session_owner *owner, WCHAR *buffer, DWORD *pcch);

#endif
