/*
 * The session owner (see session.h and docs/sessions.md).
 *
 * Every field behind the critical section; the reference count alone is
 * Interlocked. In owned mode the lock is held across MAPIInitialize,
 * MAPILogonEx and Logoff, so concurrent first callers log on exactly once and
 * a hands-off never races a logon.
 *
 * SPDX-License-Identifier: MIT
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mapi.h"
#include "olkhelper.h"

struct session_owner
{
    LONG refcount;
    CRITICAL_SECTION lock;
    BOOL owned;
    DWORD logon_flags;                    /* OLKHELPER_LOGON_*, owned mode */
    WCHAR *profile;                       /* given, or read from the session and then pinned */
    IMAPISession *session;                /* a reference of our own, or NULL */
    const struct mapi_functions *mapi;    /* the MAPI we use, once loaded */
    BOOL mapi_initialized;                /* our MAPIInitialize succeeded: one MAPIUninitialize owed */
    BOOL logging_on;                      /* inside MAPIInitialize/MAPILogonEx, lock held */
};

static WCHAR *copy_profile(const WCHAR *profile)
{
    size_t size;
    WCHAR *copy;

    if (!profile || !profile[0])
        return NULL;
    size = (wcslen(profile) + 1) * sizeof(WCHAR);
    copy = malloc(size);
    if (copy)
        memcpy(copy, profile, size);
    return copy;
}

static struct session_owner *owner_alloc(const WCHAR *profile)
{
    struct session_owner *owner = calloc(1, sizeof(*owner));

    if (!owner)
        return NULL;
    if (profile && profile[0] && !(owner->profile = copy_profile(profile)))
    {
        free(owner);
        return NULL;
    }
    owner->refcount = 1;
    InitializeCriticalSection(&owner->lock);
    return owner;
}

HRESULT session_owner_borrow(IUnknown *session, const WCHAR *profile, struct session_owner **out)
{
    struct session_owner *owner;
    IMAPISession *mapi_session;
    HRESULT hr;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (!session)
        return E_INVALIDARG;
    mapi_session = NULL;
    hr = IUnknown_QueryInterface(session, &IID_IMAPISession, (void **)&mapi_session);
    if (FAILED(hr))
        return hr;
    if (!mapi_session)
        return E_NOINTERFACE;
    if (!(owner = owner_alloc(profile)))
    {
        mapi_session->lpVtbl->Release(mapi_session);
        return E_OUTOFMEMORY;
    }
    owner->session = mapi_session;
    *out = owner;
    return S_OK;
}

HRESULT session_owner_own(const WCHAR *profile, DWORD flags, struct session_owner **out)
{
    struct session_owner *owner;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (flags & ~OLKHELPER_LOGON_UI)
        return E_INVALIDARG;
    if (!(owner = owner_alloc(profile)))
        return E_OUTOFMEMORY;
    owner->owned = TRUE;
    owner->logon_flags = flags;
    *out = owner;
    return S_OK;
}

void session_owner_addref(struct session_owner *owner)
{
    InterlockedIncrement(&owner->refcount);
}

/* Caller holds the lock or the last reference. The reference goes whatever
 * Logoff answers: a session MAPI would not log off is still one we must not
 * keep, and HandsOffSession's documented answer for a session the helper
 * opened is S_OK once it is released. */
static void log_off(struct session_owner *owner)
{
    IMAPISession *session = owner->session;

    owner->session = NULL;
    mapi_logoff(session);
}

void session_owner_release(struct session_owner *owner)
{
    if (InterlockedDecrement(&owner->refcount))
        return;
    if (owner->session)
    {
        if (owner->owned)
            log_off(owner);
        else
            owner->session->lpVtbl->Release(owner->session);
    }
    if (owner->mapi_initialized)
        owner->mapi->uninitialize();
    DeleteCriticalSection(&owner->lock);
    free(owner->profile);
    free(owner);
}

/* MAPI_MULTITHREAD_NOTIFICATIONS: notifications get a thread of MAPI's own
 * instead of depending on the first caller's thread living longest. */
static HRESULT initialize_locked(struct session_owner *owner)
{
    HRESULT hr;

    if (!owner->mapi && FAILED(hr = mapi_get(&owner->mapi)))
        return hr;
    if (owner->mapi_initialized)
        return S_OK;
    hr = mapi_initialize(owner->mapi, MAPI_MULTITHREAD_NOTIFICATIONS);
    if (SUCCEEDED(hr))
        owner->mapi_initialized = TRUE;
    return hr;
}

static HRESULT log_on_with_flags_locked(struct session_owner *owner)
{
    IMAPISession *session;
    HRESULT hr;

    if (FAILED(hr = initialize_locked(owner)))
        return hr;
    hr = mapi_logon(owner->mapi, owner->profile, owner->logon_flags & OLKHELPER_LOGON_UI ? MAPI_LOGON_UI : 0,
                    &session);
    if (FAILED(hr))
        return hr;
    owner->session = session;
    /* The default profile is pinned at once: a hands-off and a new logon must
     * not follow a default changed in between. If the name cannot be read
     * now, GetIdentity tries again. */
    if (!owner->profile)
        mapi_read_profile_name(session, &owner->profile);
    return S_OK;
}

/* The lock is a critical section, which its owner thread may enter again: a
 * logon dialog pumping messages (OLKHELPER_LOGON_UI) can deliver a call to
 * this helper on the thread that is logging on. That call is refused rather
 * than allowed to log on a second time. */
static HRESULT log_on_locked(struct session_owner *owner)
{
    HRESULT hr;

    if (owner->logging_on)
        return MAPI_E_BUSY;
    owner->logging_on = TRUE;
    hr = log_on_with_flags_locked(owner);
    owner->logging_on = FALSE;
    return hr;
}

HRESULT session_owner_get_session(struct session_owner *owner, IUnknown **session)
{
    HRESULT hr = S_OK;

    if (!session)
        return E_POINTER;
    *session = NULL;
    EnterCriticalSection(&owner->lock);
    if (!owner->session && owner->owned)
        hr = log_on_locked(owner);
    if (SUCCEEDED(hr) && owner->session)
    {
        owner->session->lpVtbl->AddRef(owner->session);
        *session = (IUnknown *)owner->session;
    }
    LeaveCriticalSection(&owner->lock);
    return hr;
}

HRESULT session_owner_hands_off(struct session_owner *owner)
{
    if (!owner->owned)
        return E_NOTIMPL;
    EnterCriticalSection(&owner->lock);
    if (owner->session)
        log_off(owner);
    LeaveCriticalSection(&owner->lock);
    return S_OK;
}

/* Once read, the name stays: in owned mode it is also the profile of every
 * later logon. */
static HRESULT resolve_identity_locked(struct session_owner *owner)
{
    HRESULT hr;

    if (!owner->session && owner->owned && FAILED(hr = log_on_locked(owner)))
        return hr;
    if (owner->profile)
        return S_OK;
    /* Re-entered while the first logon pins the name: reading it here too
     * would leave one of the two copies behind. */
    if (owner->logging_on)
        return MAPI_E_BUSY;
    return mapi_read_profile_name(owner->session, &owner->profile);
}

HRESULT session_owner_get_identity(struct session_owner *owner, WCHAR *buffer, DWORD *pcch)
{
    HRESULT hr = S_OK;
    DWORD needed;

    EnterCriticalSection(&owner->lock);
    if (!owner->profile)
        hr = resolve_identity_locked(owner);
    if (SUCCEEDED(hr))
    {
        needed = (DWORD)wcslen(owner->profile) + 1;
        if (!buffer || *pcch < needed)
            hr = E_OUTOFMEMORY;
        else
            memcpy(buffer, owner->profile, needed * sizeof(WCHAR));
        *pcch = needed;
    }
    LeaveCriticalSection(&owner->lock);
    return hr;
}
