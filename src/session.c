/*
 * The session owner (see session.h and docs/sessions.md).
 *
 * What never changes after configuration is read without a lock: the mode,
 * a borrowed session, and the profile name once known (written once, by a
 * compare-exchange, and kept to the end). Owned mode hands out its current
 * logon without a lock too: the logon's memory is never freed while the
 * owner lives (a logon whose last holder is gone goes to a list of spares
 * for the next logon), so a caller can read the current pointer, take a
 * reference unless the count has already reached zero, and keep it if the
 * pointer is still current. Changing the current logon takes an SRW lock
 * exclusive; no lock is held across a MAPI call or a DLL load: one thread at
 * a time logs on with the lock released, and others that need that session
 * wait for it on a condition variable.
 *
 * SPDX-License-Identifier: MIT
 */
#include "session.h"

#include <stdatomic.h>
#include <string.h>
#include <wchar.h>

#include "logon.h"
#include "mapi.h"
#include "memory.h"
#include "olkhelper.h"

/* A profile name with its length, so GetIdentity copies without counting. */
struct name
{
    DWORD cch;                            /* including the NUL */
    WCHAR text[];
};

struct session_owner
{
    LONG refcount;                        /* the helper's, and one per logon not yet detached */
    BOOL owned;
    ULONG logon_flags;                    /* extra MAPILogonEx flags, owned mode */
    struct name *_Atomic profile;         /* given, or pinned by the first logon; then fixed */
    IMAPISession *borrowed;               /* borrowed mode: our reference, fixed */

    /* Owned mode. */
    SRWLOCK lock;
    CONDITION_VARIABLE logon_done;
    struct logon *_Atomic current;        /* the session GetMapiSession hands out, our reference;
                                             read freely, written under the lock */
    struct logon *logons;                 /* lock: every logon not yet released, current or handed off */
    struct logon *spares;                 /* lock: detached logons' memory, for the next logons; never
                                             more than the most logons that were ever live at once */
    DWORD logon_thread;                   /* lock: the thread logging on, or 0 */
    const struct mapi_functions *mapi;    /* the logon thread's; read-only after */
    BOOL mapi_initialized;                /* one MAPIUninitialize owed; likewise */
};

static struct name *name_create(const WCHAR *text)
{
    size_t cch = wcslen(text) + 1;
    struct name *name = olk_alloc(offsetof(struct name, text) + cch * sizeof(WCHAR));

    if (!name)
        return NULL;
    name->cch = (DWORD)cch;
    memcpy(name->text, text, cch * sizeof(WCHAR));
    return name;
}

static const struct name *known_profile(struct session_owner *owner)
{
    return atomic_load_explicit(&owner->profile, memory_order_acquire);
}

/* The first name published stays; a later one is freed. */
static const struct name *publish_profile(struct session_owner *owner, struct name *name)
{
    struct name *expected = NULL;

    if (!atomic_compare_exchange_strong(&owner->profile, &expected, name))
    {
        olk_free(name);
        return expected;
    }
    return name;
}

static HRESULT owner_create(BOOL owned, const WCHAR *profile, struct session_owner **out)
{
    struct session_owner *owner = olk_alloc(sizeof(*owner));
    struct name *name = NULL;

    if (!owner || (profile && profile[0] && !(name = name_create(profile))))
    {
        olk_free(owner);
        return E_OUTOFMEMORY;
    }
    owner->refcount = 1;
    owner->owned = owned;
    atomic_init(&owner->profile, name);
    /* As InitializeSRWLock and InitializeConditionVariable would, without
     * importing them. */
    owner->lock = (SRWLOCK)SRWLOCK_INIT;
    owner->logon_done = (CONDITION_VARIABLE)CONDITION_VARIABLE_INIT;
    *out = owner;
    return S_OK;
}

static void owner_release(struct session_owner *owner)
{
    struct logon *spare;

    if (InterlockedDecrement(&owner->refcount))
        return;
    while ((spare = owner->spares))
    {
        owner->spares = spare->next;
        olk_free(spare);
    }
    if (owner->borrowed)
        owner->borrowed->lpVtbl->Release(owner->borrowed);
    if (owner->mapi_initialized)
        owner->mapi->uninitialize();
    olk_free(atomic_load(&owner->profile));
    olk_free(owner);
}

HRESULT session_owner_borrow(IUnknown *session, const WCHAR *profile, struct session_owner **out)
{
    IMAPISession *mapi_session = NULL;
    HRESULT hr;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (!session)
        return E_INVALIDARG;
    if (FAILED(hr = IUnknown_QueryInterface(session, &IID_IMAPISession, (void **)&mapi_session)))
        return hr;
    if (!mapi_session)
        return E_NOINTERFACE;
    if (FAILED(hr = owner_create(FALSE, profile, out)))
    {
        mapi_session->lpVtbl->Release(mapi_session);
        return hr;
    }
    (*out)->borrowed = mapi_session;
    return S_OK;
}

HRESULT session_owner_own(const WCHAR *profile, DWORD flags, struct session_owner **out)
{
    HRESULT hr;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (flags & ~OLKHELPER_LOGON_UI)
        return E_INVALIDARG;
    if (FAILED(hr = owner_create(TRUE, profile, out)))
        return hr;
    (*out)->logon_flags = flags & OLKHELPER_LOGON_UI ? MAPI_LOGON_UI : 0;
    return S_OK;
}

/* ---- owned mode: logons --------------------------------------------------- */

/* A logon's last holder is gone (it is logged off and released already).
 * Its memory is kept: a caller may still be reading it on the way to
 * finding that it is no longer current. */
static void detach_logon(void *context, struct logon *logon)
{
    struct session_owner *owner = context;

    AcquireSRWLockExclusive(&owner->lock);
    if (logon->prev)
        logon->prev->next = logon->next;
    else
        owner->logons = logon->next;
    if (logon->next)
        logon->next->prev = logon->prev;
    logon->next = owner->spares;
    owner->spares = logon;
    ReleaseSRWLockExclusive(&owner->lock);
    owner_release(owner);
}

static struct logon *obtain_logon(struct session_owner *owner)
{
    struct logon *logon;

    AcquireSRWLockExclusive(&owner->lock);
    if ((logon = owner->spares))
        owner->spares = logon->next;
    ReleaseSRWLockExclusive(&owner->lock);
    return logon ? logon : olk_alloc(sizeof(*logon));
}

/* Caller holds the lock exclusively. */
static void attach_logon(struct session_owner *owner, struct logon *logon)
{
    InterlockedIncrement(&owner->refcount);
    logon->next = owner->logons;
    if (owner->logons)
        owner->logons->prev = logon;
    owner->logons = logon;
}

/* MAPI_MULTITHREAD_NOTIFICATIONS: notifications get a thread of MAPI's own
 * instead of depending on the first caller's thread living longest. */
static HRESULT initialize(struct session_owner *owner)
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

static HRESULT pin_profile(struct session_owner *owner, IMAPISession *session, const struct name **out)
{
    WCHAR *text;
    struct name *name;
    HRESULT hr;

    if (FAILED(hr = mapi_read_profile_name(session, &text)))
        return hr;
    name = name_create(text);
    olk_free(text);
    if (!name)
        return E_OUTOFMEMORY;
    *out = publish_profile(owner, name);
    return S_OK;
}

/* The MAPI part of a logon, on the logging-on thread, with no lock held. */
static HRESULT open_logon(struct session_owner *owner, struct logon **out)
{
    const struct name *profile = known_profile(owner);
    IMAPISession *session;
    HRESULT hr;

    if (FAILED(hr = initialize(owner)))
        return hr;
    if (FAILED(hr = mapi_logon(owner->mapi, profile ? profile->text : NULL, owner->logon_flags, &session)))
        return hr;
    if (!(*out = obtain_logon(owner)))
    {
        mapi_logoff(session);
        return E_OUTOFMEMORY;
    }
    logon_init(*out, session, detach_logon, owner);
    /* The default profile is pinned at once: a hands-off and a new logon must
     * not follow a default changed in between. If the name cannot be read
     * now, GetIdentity tries again. */
    if (!profile)
        pin_profile(owner, session, &profile);
    return S_OK;
}

/* A call that arrives on the logging-on thread while MAPILogonEx runs (a
 * logon dialog pumping messages) is refused rather than allowed to wait for
 * itself or to log on a second time. */
static HRESULT log_on(struct session_owner *owner, struct logon **out)
{
    DWORD thread = GetCurrentThreadId();
    HRESULT hr;

    AcquireSRWLockExclusive(&owner->lock);
    while (!owner->current && owner->logon_thread && owner->logon_thread != thread)
        SleepConditionVariableSRW(&owner->logon_done, &owner->lock, INFINITE, 0);
    if ((*out = owner->current) || owner->logon_thread)
    {
        if (*out)
            logon_addref(*out);
        ReleaseSRWLockExclusive(&owner->lock);
        return *out ? S_OK : MAPI_E_BUSY;
    }
    owner->logon_thread = thread;
    ReleaseSRWLockExclusive(&owner->lock);

    hr = open_logon(owner, out);

    AcquireSRWLockExclusive(&owner->lock);
    owner->logon_thread = 0;
    if (SUCCEEDED(hr))
    {
        attach_logon(owner, *out);
        logon_addref(*out);
        owner->current = *out;
    }
    ReleaseSRWLockExclusive(&owner->lock);
    WakeAllConditionVariable(&owner->logon_done);
    return hr;
}

/* The current logon, with a reference for the caller. The reference taken
 * may be on a logon that stopped being current meanwhile (even on its memory
 * holding a newer logon): it is given back, and the lock decides. */
static HRESULT get_logon(struct session_owner *owner, struct logon **out)
{
    struct logon *logon = atomic_load_explicit(&owner->current, memory_order_acquire);

    if (logon && logon_addref_unless_released(logon))
    {
        if (logon == atomic_load_explicit(&owner->current, memory_order_acquire))
        {
            *out = logon;
            return S_OK;
        }
        logon_release(logon);
    }
    return log_on(owner, out);
}

static struct logon *take_current(struct session_owner *owner)
{
    struct logon *logon;

    AcquireSRWLockExclusive(&owner->lock);
    logon = owner->current;
    owner->current = NULL;
    ReleaseSRWLockExclusive(&owner->lock);
    return logon;
}

/* Logs off every logon still held by someone, one at a time and with the
 * lock released around each Logoff. */
static void end_logons(struct session_owner *owner)
{
    struct logon *logon, *next;

    AcquireSRWLockExclusive(&owner->lock);
    for (logon = owner->logons; logon && !logon_addref_unless_released(logon); logon = logon->next);
    ReleaseSRWLockExclusive(&owner->lock);
    while (logon)
    {
        logon_end(logon);
        AcquireSRWLockExclusive(&owner->lock);
        for (next = logon->next; next && !logon_addref_unless_released(next); next = next->next);
        ReleaseSRWLockExclusive(&owner->lock);
        logon_release(logon);
        logon = next;
    }
}

/* ---- the interface ---------------------------------------------------------- */

void session_owner_close(struct session_owner *owner)
{
    struct logon *current;

    if (owner->owned)
    {
        if ((current = take_current(owner)))
            logon_release(current);
        end_logons(owner);
    }
    owner_release(owner);
}

/* Kept out of line: the borrowed path then needs no frame of its own. */
static DECLSPEC_NOINLINE HRESULT get_owned_session(struct session_owner *owner, IUnknown **session)
{
    struct logon *logon;
    HRESULT hr;

    if (FAILED(hr = get_logon(owner, &logon)))
        return hr;
    *session = (IUnknown *)&logon->IMAPISession_iface;
    return S_OK;
}

HRESULT session_owner_get_session(struct session_owner *owner, IUnknown **session)
{
    IMAPISession *borrowed = owner->borrowed;

    if (owner->owned)
        return get_owned_session(owner, session);
    *session = (IUnknown *)borrowed;
    borrowed->lpVtbl->AddRef(borrowed);
    return S_OK;
}

HRESULT session_owner_hands_off(struct session_owner *owner)
{
    struct logon *current;

    if (!owner->owned)
        return E_NOTIMPL;
    if ((current = take_current(owner)))
        logon_release(current);
    return S_OK;
}

/* The default profile's name, read from the session (owned mode: logging on
 * first if need be, which pins it). */
static HRESULT resolve_identity(struct session_owner *owner, const struct name **name)
{
    IMAPISession *session = owner->borrowed;
    struct logon *logon = NULL;
    HRESULT hr = S_OK;

    if (owner->owned)
    {
        if (FAILED(hr = get_logon(owner, &logon)))
            return hr;
        session = logon->session;
    }
    if (!(*name = known_profile(owner)))
        hr = pin_profile(owner, session, name);
    if (logon)
        logon_release(logon);
    return hr;
}

HRESULT session_owner_get_identity(struct session_owner *owner, WCHAR *buffer, DWORD *pcch)
{
    const struct name *name = known_profile(owner);
    HRESULT hr = S_OK;

    /* E_OUTOFMEMORY (also MAPI's MAPI_E_NOT_ENOUGH_MEMORY) means "buffer too
     * small" in GetIdentity's contract: a real shortage must read otherwise. */
    if (!name && FAILED(hr = resolve_identity(owner, &name)))
        return hr == E_OUTOFMEMORY ? HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY) : hr;
    if (buffer && *pcch >= name->cch)
        memcpy(buffer, name->text, name->cch * sizeof(WCHAR));
    else
        hr = E_OUTOFMEMORY;
    *pcch = name->cch;
    return hr;
}
