/*
 * The session owner: the one place that holds a helper's MAPI session.
 *
 * A session owner is thread-safe and belongs to one helper, which ends it
 * with session_owner_close. It is either
 *   - borrowed: it keeps its own reference to an IMAPISession the caller
 *     opened, hands that session out, never logs off, and answers hands-off
 *     with E_NOTIMPL; or
 *   - owned: it logs on to a profile (or the default profile) through the MAPI
 *     unit at the first session_owner_get_session after configuration or after
 *     a hands-off, and hands out a forwarding session (logon.h) that it logs
 *     off when the last holder releases it, or at session_owner_close.
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
 * OLKHELPER_LOGON_*; unknown bits give E_INVALIDARG; E_OUTOFMEMORY. Nothing is
 * loaded or logged on here. */
HRESULT session_owner_own(const WCHAR *profile, DWORD flags, struct session_owner **out);

/* The helper's end: every session the owner opened is logged off now (a
 * holder that still has one gets MAPI_E_END_OF_SESSION, and its Release is
 * the session's last); the owner itself goes when no holder is left. */
void session_owner_close(struct session_owner *owner);

/* The session, AddRef'd, as IUnknown (an IMAPISession pointer, so a caller
 * may cast or QI); session is non-NULL and *session NULL (the caller sees
 * to both). Borrowed: the session given, without a lock. Owned: the
 * current logon, also without a lock; without one, this thread logs on with
 * no lock held, or waits for the thread that is logging on; a call made on
 * the logging-on thread while MAPILogonEx runs (a logon dialog pumping
 * messages) gets MAPI_E_BUSY. On failure *session is NULL and the MAPI or
 * loader HRESULT is returned. */
HRESULT session_owner_get_session(struct session_owner *owner, IUnknown **session);

/* Borrowed: E_NOTIMPL, nothing changes. Owned: the current session stops being
 * handed out, and is logged off and released as soon as no holder is left
 * (at once if none); the next session_owner_get_session logs on anew. S_OK,
 * with or without a session. */
HRESULT session_owner_hands_off(struct session_owner *owner);

/* IOlkAccountHelper::GetIdentity's contract: pcch non-NULL (the caller checks);
 * *pcch in = buffer size in WCHARs, out = length including the NUL;
 * E_OUTOFMEMORY (buffer untouched) when buffer is NULL or too small. A name
 * given at configuration, or once read, is answered without a lock or MAPI.
 * Otherwise the name is read from the session (owned: logging on first); a
 * failure there is returned with *pcch untouched, a shortage of memory as
 * HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY), never as E_OUTOFMEMORY. */
HRESULT session_owner_get_identity(struct session_owner *owner, WCHAR *buffer, DWORD *pcch);

#endif
