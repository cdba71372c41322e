/*
 * src/session.c: the session owner, borrowed and owned.
 *
 * Owned mode runs through Wine's real mapi32.dll, which forwards to the
 * stand-in provider olkstubmapi.dll (tests/wine/prefix.d/10-stubmapi.sh);
 * the stand-in's counters say what the product did to MAPI. Run with one
 * group name:
 *   borrowed               a session the caller opened
 *   owned                  logon, hands-off, re-logon, identity, release
 *   blocking_load          a logon stuck loading MAPI holds no lock
 *   failures               MAPIInitialize / MAPILogonEx / Logoff failing, unknown profile
 *   no_provider            no Extended MAPI provider registered
 *   provider_missing       the provider DLL does not exist
 *   provider_lacks_export  the provider has no MAPILogonEx
 * The last three change the registry for the moment Wine's mapi32 loads (it
 * reads the mail client once, then) and put it back at once.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <mapix.h>

#include "alloc_faults.h"
#include "fake_session.h"
#include "mapi.h"
#include "memory.h"
#include "olkstubmapi.h"
#include "session.h"

#define OWNED_LOGON_FLAGS (MAPI_EXTENDED | MAPI_UNICODE | MAPI_NEW_SESSION)

/* The provider DLL the group's Wine mapi32 forwards to. */
static const WCHAR *stub_name = L"olkstubmapi.dll";

/* ---- the stand-in's counters ---------------------------------------------- */

static HMODULE stub_module(void)
{
    return GetModuleHandleW(stub_name);
}

static void stub_stats(struct olkstub_stats *stats)
{
    HMODULE module = stub_module();
    olkstub_get_stats_fn get;

    if (!module)
        fail_msg("%ls is not loaded: is it the default mail client's DLLPathEx?", stub_name);
    get = (olkstub_get_stats_fn)(void (*)(void))GetProcAddress(module, "OlkStubMapiGetStats");
    assert_non_null(get);
    get(stats);
}

static void stub_reset(void)
{
    HMODULE module = stub_module();
    olkstub_reset_stats_fn reset;

    if (!module)
        return;
    reset = (olkstub_reset_stats_fn)(void (*)(void))GetProcAddress(module, "OlkStubMapiResetStats");
    assert_non_null(reset);
    reset();
}

static void clear_stub_environment(void)
{
    static const WCHAR *const names[] =
    {
        L"OLKSTUB_PROFILES", L"OLKSTUB_DEFAULT_PROFILE", L"OLKSTUB_FAIL_INITIALIZE",
        L"OLKSTUB_FAIL_LOGON", L"OLKSTUB_FAIL_LOGOFF", L"OLKSTUB_LOGON_DELAY_MS",
    };
    size_t i;

    for (i = 0; i < ARRAYSIZE(names); i++)
        SetEnvironmentVariableW(names[i], NULL);
}

/* Nothing of MAPI left behind: sessions, objects, memory, initializations. */
static void assert_stub_clean(void)
{
    struct olkstub_stats stats;

    stub_stats(&stats);
    if (stats.violations)
        fail_msg("%ld MAPI violation(s), the last: %s", (long)stats.violations, stats.last_violation);
    assert_int_equal(stats.live_sessions, 0);
    assert_int_equal(stats.live_session_refs, 0);
    assert_int_equal(stats.live_objects, 0);
    assert_int_equal(stats.live_allocations, 0);
    assert_int_equal(stats.init_depth, 0);
    assert_int_equal(stats.initialize_calls, stats.uninitialize_calls);
}

static int stub_setup(void **state)
{
    (void)state;
    clear_stub_environment();
    stub_reset();
    return 0;
}

static int stub_teardown(void **state)
{
    (void)state;
    if (stub_module())
        assert_stub_clean();
    clear_stub_environment();
    return 0;
}

static void assert_identity(struct session_owner *owner, const WCHAR *expected)
{
    WCHAR buffer[OLKSTUB_NAME_CCH];
    DWORD cch = ARRAYSIZE(buffer);

    assert_hr(session_owner_get_identity(owner, buffer, &cch), S_OK);
    assert_int_equal(cch, wcslen(expected) + 1);
    if (wcscmp(buffer, expected))
        fail_msg("identity %ls, expected %ls", buffer, expected);
}

static IUnknown *get_session(struct session_owner *owner)
{
    IUnknown *session = NULL;

    assert_hr(session_owner_get_session(owner, &session), S_OK);
    assert_non_null(session);
    assert_ptr_not_equal(session, OLK_SENTINEL);
    return session;
}

/* Log on if needed, and give the reference back at once. */
static void touch_session(struct session_owner *owner)
{
    IUnknown *session = get_session(owner);

    IUnknown_Release(session);
}

static void assert_get_session_fails(struct session_owner *owner, HRESULT expected)
{
    IUnknown *session = NULL;

    assert_hr(session_owner_get_session(owner, &session), expected);
    assert_null(session);
}

/* A MAPI call on the session as a holder makes one: its profile name, read
 * from its global profile section. */
static HRESULT use_session(IUnknown *session)
{
    WCHAR *name = NULL;
    HRESULT hr = mapi_read_profile_name((IMAPISession *)session, &name);

    olk_free(name);
    return hr;
}

/* Runs routine(arg) on a thread of its own; FALSE if it has not returned
 * within 10 s (it waits for something it must not wait for). */
static BOOL finishes(LPTHREAD_START_ROUTINE routine, void *arg)
{
    HANDLE thread = CreateThread(NULL, 0, routine, arg, 0, NULL);
    DWORD wait;

    assert_non_null(thread);
    wait = WaitForSingleObject(thread, 10000);
    CloseHandle(thread);
    return wait == WAIT_OBJECT_0;
}

struct identity_call
{
    struct session_owner *owner;
    HRESULT hr;
    DWORD cch;
    WCHAR name[OLKSTUB_NAME_CCH];
};

static DWORD WINAPI identity_thread(void *arg)
{
    struct identity_call *call = arg;

    call->cch = ARRAYSIZE(call->name);
    call->hr = session_owner_get_identity(call->owner, call->name, &call->cch);
    return 0;
}

/* ---- borrowed ------------------------------------------------------------- */

static void test_borrow_bad_arguments(void **state)
{
    struct session_owner *owner = OLK_SENTINEL;
    IStream *stream;

    (void)state;
    assert_hr(session_owner_borrow(NULL, NULL, &owner), E_INVALIDARG);
    assert_null(owner);

    /* Not a MAPI session: the QI's answer, and the object is left as it was. */
    assert_hr(CreateStreamOnHGlobal(NULL, TRUE, &stream), S_OK);
    owner = OLK_SENTINEL;
    assert_hr(session_owner_borrow((IUnknown *)stream, NULL, &owner), E_NOINTERFACE);
    assert_null(owner);
    EXPECT_REF(stream, 1);
    IStream_Release(stream);
}

/* A session whose QueryInterface says S_OK but hands out nothing is no
 * session: borrowing it would later give S_OK with a NULL session. */
static void test_borrow_qi_without_pointer(void **state)
{
    struct session_owner *owner = OLK_SENTINEL;
    struct fake_session fake;

    (void)state;
    fake_session_init(&fake);
    fake.qi_succeeds_with_null = TRUE;
    assert_hr(session_owner_borrow(fake_session_unknown(&fake), L"Outlook", &owner), E_NOINTERFACE);
    assert_null(owner);
    assert_int_equal(fake.refcount, 1);
}

static void test_borrow_references(void **state)
{
    struct session_owner *owner = NULL;
    struct fake_session fake;
    IUnknown *session;

    (void)state;
    fake_session_init(&fake);
    assert_hr(session_owner_borrow(fake_session_unknown(&fake), L"Outlook", &owner), S_OK);
    assert_non_null(owner);
    EXPECT_REF(&fake.IMAPISession_iface, 2);

    session = get_session(owner);
    assert_ptr_equal(session, &fake.IMAPISession_iface);
    EXPECT_REF(&fake.IMAPISession_iface, 3);
    check_interface(session, &IID_IMAPISession, TRUE);
    IUnknown_Release(session);
    EXPECT_REF(&fake.IMAPISession_iface, 2);

    session_owner_close(owner);
    EXPECT_REF(&fake.IMAPISession_iface, 1);
    assert_int_equal(fake.logoffs, 0);
    assert_int_equal(fake.unexpected_calls, 0);
}

static void test_borrow_hands_off_is_not_implemented(void **state)
{
    struct session_owner *owner = NULL;
    struct fake_session fake;
    IUnknown *session;

    (void)state;
    fake_session_init(&fake);
    assert_hr(session_owner_borrow(fake_session_unknown(&fake), NULL, &owner), S_OK);
    assert_hr(session_owner_hands_off(owner), E_NOTIMPL);
    assert_hr(session_owner_hands_off(owner), E_NOTIMPL);
    EXPECT_REF(&fake.IMAPISession_iface, 2);
    assert_int_equal(fake.logoffs, 0);
    assert_int_equal(fake.unexpected_calls, 0);

    /* Still the same session afterwards. */
    session = get_session(owner);
    assert_ptr_equal(session, &fake.IMAPISession_iface);
    IUnknown_Release(session);
    session_owner_close(owner);
    EXPECT_REF(&fake.IMAPISession_iface, 1);
}

/* A given name needs no session call; GetIdentity's documented contract. */
static void test_borrow_identity_contract(void **state)
{
    struct session_owner *owner = NULL;
    struct fake_session fake;
    WCHAR buffer[16];
    DWORD cch;
    size_t i;

    (void)state;
    fake_session_init(&fake);
    assert_hr(session_owner_borrow(fake_session_unknown(&fake), L"Zoë 1", &owner), S_OK);

    cch = 0xdeadbeef;
    assert_hr(session_owner_get_identity(owner, NULL, &cch), E_OUTOFMEMORY);
    assert_int_equal(cch, 6);

    for (i = 0; i < ARRAYSIZE(buffer); i++)
        buffer[i] = L'#';
    cch = 5;
    assert_hr(session_owner_get_identity(owner, buffer, &cch), E_OUTOFMEMORY);
    assert_int_equal(cch, 6);
    for (i = 0; i < ARRAYSIZE(buffer); i++)
        assert_int_equal(buffer[i], L'#');

    cch = 0;
    assert_hr(session_owner_get_identity(owner, buffer, &cch), E_OUTOFMEMORY);
    assert_int_equal(cch, 6);
    assert_int_equal(buffer[0], L'#');

    cch = 6;
    assert_hr(session_owner_get_identity(owner, buffer, &cch), S_OK);
    assert_int_equal(cch, 6);
    assert_memory_equal(buffer, L"Zoë 1", 6 * sizeof(WCHAR));
    assert_int_equal(buffer[6], L'#');

    cch = ARRAYSIZE(buffer);
    assert_hr(session_owner_get_identity(owner, buffer, &cch), S_OK);
    assert_int_equal(cch, 6);

    assert_int_equal(fake.unexpected_calls, 0);
    session_owner_close(owner);
    EXPECT_REF(&fake.IMAPISession_iface, 1);
}

/* Without a name the session must answer; the fake cannot, and its error
 * comes back with the size untouched. An empty name counts as none. */
static void test_borrow_identity_error(void **state)
{
    struct session_owner *owner = NULL;
    struct fake_session fake;
    WCHAR buffer[16];
    DWORD cch = ARRAYSIZE(buffer);

    (void)state;
    fake_session_init(&fake);
    assert_hr(session_owner_borrow(fake_session_unknown(&fake), L"", &owner), S_OK);
    assert_hr(session_owner_get_identity(owner, buffer, &cch), MAPI_E_NO_SUPPORT);
    assert_int_equal(cch, ARRAYSIZE(buffer));
    assert_int_equal(fake.unexpected_calls, 1);
    session_owner_close(owner);
    EXPECT_REF(&fake.IMAPISession_iface, 1);
}

/* A session the caller opened through Wine's mapi32 and the stand-in: the
 * name is read from its global profile section, the property array freed
 * through the same MAPI (the stand-in counts what is left), the section
 * released, and the session left logged on for its owner. */
static void test_borrow_identity_from_session(void **state)
{
    MAPIINIT_0 init = { MAPI_INIT_VERSION, MAPI_MULTITHREAD_NOTIFICATIONS | MAPI_NO_COINIT };
    const struct mapi_functions *mapi;
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    IMAPISession *session = NULL;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook;Zoë Łukasiewicz"));
    assert_hr(mapi_get(&mapi), S_OK);
    stub_reset();
    assert_hr(mapi->initialize(&init), S_OK);
    assert_hr(mapi->logon_ex(0, (LPTSTR)L"zoë Łukasiewicz", NULL,
                             MAPI_EXTENDED | MAPI_UNICODE | MAPI_NEW_SESSION | MAPI_EXPLICIT_PROFILE, &session), S_OK);

    assert_hr(session_owner_borrow((IUnknown *)session, NULL, &owner), S_OK);
    assert_identity(owner, L"Zoë Łukasiewicz");
    assert_identity(owner, L"Zoë Łukasiewicz");
    stub_stats(&stats);
    assert_int_equal(stats.live_allocations, 0);
    assert_int_equal(stats.live_objects, 0);
    assert_int_equal(stats.live_session_refs, 2);
    assert_hr(session_owner_hands_off(owner), E_NOTIMPL);
    session_owner_close(owner);

    stub_stats(&stats);
    assert_int_equal(stats.live_session_refs, 1);
    assert_int_equal(stats.logoffs, 0);
    assert_hr(session->lpVtbl->Logoff(session, 0, 0, 0), S_OK);
    session->lpVtbl->Release(session);
    mapi->uninitialize();
}

/* A host may hold a session of another MAPI than the one olkhelper would
 * load. Here the loader attaches to an already-loaded olmapi32.dll (a second
 * copy of the stand-in, with an allocator of its own) while the session comes
 * from Wine's mapi32 and the default provider: the property array holding
 * the profile name must go back to the session's own MAPIFreeBuffer. */
static void test_identity_freed_by_the_session_mapi(void **state)
{
    MAPIINIT_0 init = { MAPI_INIT_VERSION, MAPI_MULTITHREAD_NOTIFICATIONS | MAPI_NO_COINIT };
    struct mapi_functions system = { 0 };
    const struct mapi_functions *loaded;
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    olkstub_get_stats_fn foreign_stats;
    IMAPISession *session = NULL;
    LPMAPIINITIALIZE initialize;
    LPMAPIUNINITIALIZE uninitialize;
    LPMAPILOGONEX logon;
    WCHAR path[MAX_PATH];
    HMODULE foreign;
    UINT len;

    (void)state;
    olk_bin_path(L"foreign\\olmapi32.dll", path, ARRAYSIZE(path));
    assert_non_null(foreign = LoadLibraryW(path));
    assert_hr(mapi_get(&loaded), S_OK);
    assert_ptr_equal(loaded->module, foreign);

    len = GetSystemDirectoryW(path, ARRAYSIZE(path));
    assert_true(len > 0 && len + 12 < ARRAYSIZE(path));
    wcscat(path, L"\\mapi32.dll");
    assert_non_null(system.module = LoadLibraryW(path));
    system.ops = &mapi_loader_default_ops;
    initialize = (LPMAPIINITIALIZE)(void (*)(void))mapi_proc(&system, "MAPIInitialize", 4);
    uninitialize = (LPMAPIUNINITIALIZE)(void (*)(void))mapi_proc(&system, "MAPIUninitialize", 0);
    logon = (LPMAPILOGONEX)(void (*)(void))mapi_proc(&system, "MAPILogonEx", 20);
    assert_true(initialize && uninitialize && logon);
    assert_hr(initialize(&init), S_OK);
    assert_hr(logon(0, (LPTSTR)L"Outlook", NULL,
                    MAPI_EXTENDED | MAPI_UNICODE | MAPI_NEW_SESSION | MAPI_EXPLICIT_PROFILE, &session), S_OK);

    assert_hr(session_owner_borrow((IUnknown *)session, NULL, &owner), S_OK);
    assert_identity(owner, L"Outlook");
    stub_stats(&stats);
    assert_int_equal(stats.live_allocations, 0);
    foreign_stats = (olkstub_get_stats_fn)(void (*)(void))GetProcAddress(foreign, "OlkStubMapiGetStats");
    assert_non_null(foreign_stats);
    foreign_stats(&stats);
    if (stats.violations)
        fail_msg("the loaded MAPI saw %ld violation(s): %s", (long)stats.violations, stats.last_violation);

    session_owner_close(owner);
    assert_hr(session->lpVtbl->Logoff(session, 0, 0, 0), S_OK);
    session->lpVtbl->Release(session);
    uninitialize();
    FreeLibrary(system.module);
    FreeLibrary(foreign);
}

/* ---- owned ---------------------------------------------------------------- */

static void test_own_bad_arguments(void **state)
{
    struct session_owner *owner = OLK_SENTINEL;

    (void)state;
    assert_hr(session_owner_own(NULL, 2, &owner), E_INVALIDARG);
    assert_null(owner);
    owner = OLK_SENTINEL;
    assert_hr(session_owner_own(L"Outlook", ~OLKHELPER_LOGON_UI, &owner), E_INVALIDARG);
    assert_null(owner);
    assert_hr(session_owner_own(NULL, 0, NULL), E_POINTER);
}

/* The first test of its process: nothing of MAPI is loaded until the first
 * session is asked for, not even for a named profile's identity. */
static void test_owned_is_lazy(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    IUnknown *session;

    (void)state;
    assert_null(GetModuleHandleW(L"mapi32.dll"));
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    assert_identity(owner, L"Outlook");
    assert_hr(session_owner_hands_off(owner), S_OK);
    assert_null(GetModuleHandleW(L"mapi32.dll"));
    assert_null(stub_module());

    session = get_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.initialize_calls, 1);
    assert_int_equal(stats.last_init_flags, MAPI_MULTITHREAD_NOTIFICATIONS | MAPI_NO_COINIT);
    assert_int_equal(stats.logons, 1);
    assert_int_equal(stats.last_logon_flags, OWNED_LOGON_FLAGS | MAPI_EXPLICIT_PROFILE);
    assert_memory_equal(stats.last_logon_profile, L"Outlook", sizeof(L"Outlook"));
    IUnknown_Release(session);
    session_owner_close(owner);

    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 1);
    assert_int_equal(stats.uninitialize_calls, 1);
}

static void test_owned_same_session(void **state)
{
    struct session_owner *owner = NULL;
    IUnknown *first, *second;
    struct olkstub_stats stats;

    (void)state;
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    first = get_session(owner);
    second = get_session(owner);
    assert_ptr_equal(first, second);
    check_interface(first, &IID_IMAPISession, TRUE);
    check_interface(first, &IID_IUnknown, TRUE);
    stub_stats(&stats);
    assert_int_equal(stats.logons, 1);
    assert_int_equal(stats.initialize_calls, 1);
    /* MAPI's session has the owner's reference only; the holders' references
     * are on the session handed out. */
    assert_int_equal(stats.live_session_refs, 1);
    EXPECT_REF(first, 3);
    IUnknown_Release(first);
    IUnknown_Release(second);
    EXPECT_REF(first, 1);
    stub_stats(&stats);
    assert_int_equal(stats.live_session_refs, 1);
    session_owner_close(owner);
}

static void test_owned_hands_off_and_again(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    IUnknown *session;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    touch_session(owner);

    assert_hr(session_owner_hands_off(owner), S_OK);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 1);
    assert_int_equal(stats.live_sessions, 0);
    assert_int_equal(stats.init_depth, 1);

    /* A second hands-off in a row: nothing to do, harmless. */
    assert_hr(session_owner_hands_off(owner), S_OK);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 1);

    session = get_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logons, 2);
    assert_int_equal(stats.initialize_calls, 1);
    assert_int_equal(stats.live_sessions, 1);
    IUnknown_Release(session);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 2);
}

static void test_owned_hands_off_without_session(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats before, after;

    (void)state;
    stub_stats(&before);
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    assert_hr(session_owner_hands_off(owner), S_OK);
    session_owner_close(owner);
    stub_stats(&after);
    assert_int_equal(after.logon_calls, before.logon_calls);
    assert_int_equal(after.initialize_calls, before.initialize_calls);
    assert_int_equal(after.uninitialize_calls, before.uninitialize_calls);
}

/* Closing the owner logs off, and then MAPI is uninitialized. */
static void test_owned_release_logs_off(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    touch_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 0);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 1);
    assert_int_equal(stats.live_sessions, 0);
    assert_int_equal(stats.uninitialize_calls, 1);
    assert_int_equal(stats.init_depth, 0);
}

/* Two holders of the owned session: the first one's hands-off leaves the
 * second one's session usable until it releases it; only then is it logged
 * off. The next session is a new logon. */
static void test_owned_hands_off_keeps_other_holders(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    IUnknown *first, *second, *next;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    first = get_session(owner);
    second = get_session(owner);
    assert_hr(session_owner_hands_off(owner), S_OK);
    assert_hr(use_session(second), S_OK);
    assert_hr(use_session(first), S_OK);
    IUnknown_Release(first);
    assert_hr(use_session(second), S_OK);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 0);
    assert_int_equal(stats.violations, 0);

    next = get_session(owner);
    assert_hr(use_session(next), S_OK);
    stub_stats(&stats);
    assert_int_equal(stats.logons, 2);
    assert_int_equal(stats.live_sessions, 2);

    IUnknown_Release(second);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 1);
    assert_int_equal(stats.live_sessions, 1);
    IUnknown_Release(next);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 2);
}

/* A hands-off with no holder left logs off at once: handed-off sessions
 * never outnumber the references callers hold. */
static void test_owned_hands_off_unheld_logs_off_at_once(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    int i;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    for (i = 0; i < 5; i++)
    {
        touch_session(owner);
        assert_hr(session_owner_hands_off(owner), S_OK);
        stub_stats(&stats);
        assert_int_equal(stats.logoffs, i + 1);
        assert_int_equal(stats.live_sessions, 0);
    }
    session_owner_close(owner);
}

/* A logon's memory outlives its last holder, for the next logon: callers
 * take references to the current logon without a lock. What is kept never
 * exceeds the most logons that were live at once, and goes with the owner. */
static void test_owned_logon_memory_is_reused(void **state)
{
    struct session_owner *owner = NULL;
    IUnknown *held[3];
    LONG one_logon;
    int i, round;

    (void)state;
    alloc_faults_fail_nth(0);
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    touch_session(owner);
    one_logon = alloc_faults_live();
    for (round = 0; round < 20; round++)
    {
        assert_hr(session_owner_hands_off(owner), S_OK);
        touch_session(owner);
        assert_int_equal(alloc_faults_live(), one_logon);
    }
    for (i = 0; i < 3; i++)
    {
        assert_hr(session_owner_hands_off(owner), S_OK);
        held[i] = get_session(owner);
    }
    for (i = 0; i < 3; i++)
        IUnknown_Release(held[i]);
    /* Three were live at once: the memory of two more is kept. */
    assert_int_equal(alloc_faults_live(), one_logon + 2);
    for (round = 0; round < 20; round++)
    {
        assert_hr(session_owner_hands_off(owner), S_OK);
        touch_session(owner);
        assert_int_equal(alloc_faults_live(), one_logon + 2);
    }
    session_owner_close(owner);
    assert_int_equal(alloc_faults_live(), 0);
    alloc_faults_remove();
    assert_stub_clean();
}

/* The owner's end logs off every session it opened, held or not; a holder
 * that outlives it gets MAPI_E_END_OF_SESSION, and its release is the
 * session's last. */
static void test_owned_end_logs_off_held_sessions(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    IUnknown *old, *current;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    old = get_session(owner);
    assert_hr(session_owner_hands_off(owner), S_OK);
    current = get_session(owner);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logoffs, 2);
    assert_hr(use_session(old), MAPI_E_END_OF_SESSION);
    assert_hr(use_session(current), MAPI_E_END_OF_SESSION);
    stub_stats(&stats);
    assert_int_equal(stats.violations, 0);
    IUnknown_Release(old);
    IUnknown_Release(current);
    stub_stats(&stats);
    assert_int_equal(stats.live_sessions, 0);
    assert_int_equal(stats.init_depth, 0);
}

/* A named profile's identity is known without MAPI: asked from another
 * thread in the middle of a logon, it does not wait for it. */
static struct identity_call during_logon;
static BOOL identity_finished;

static void WINAPI identity_during_logon(void *context)
{
    (void)context;
    identity_finished = finishes(identity_thread, &during_logon);
}

static void test_named_identity_does_not_wait_for_logon(void **state)
{
    olkstub_set_logon_hook_fn set_hook;
    IUnknown *session;

    (void)state;
    set_hook = (olkstub_set_logon_hook_fn)(void (*)(void))GetProcAddress(GetModuleHandleW(L"olkstubmapi.dll"),
                                                                         "OlkStubMapiSetLogonHook");
    assert_non_null(set_hook);
    memset(&during_logon, 0, sizeof(during_logon));
    assert_hr(session_owner_own(L"Outlook", 0, &during_logon.owner), S_OK);
    set_hook(identity_during_logon, NULL);
    session = get_session(during_logon.owner);
    assert_true(identity_finished);
    assert_hr(during_logon.hr, S_OK);
    assert_int_equal(during_logon.cch, 8);
    IUnknown_Release(session);
    session_owner_close(during_logon.owner);
}

/* Each allocation of an owned logon can fail: configuring and logging on
 * answer E_OUTOFMEMORY with nothing logged on; a default profile's name that
 * could not be kept is read again by GetIdentity, whose own shortage is
 * HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY). Nothing is left behind. */
static void logon_with_faults(void *context)
{
    const WCHAR *profile = context;
    struct session_owner *owner = NULL;
    IUnknown *session = NULL;
    struct olkstub_stats stats;
    WCHAR name[OLKSTUB_NAME_CCH];
    DWORD cch = ARRAYSIZE(name);
    HRESULT hr;

    if (FAILED(hr = session_owner_own(profile, 0, &owner)))
    {
        assert_hr(hr, E_OUTOFMEMORY);
        assert_null(owner);
    }
    else if (FAILED(hr = session_owner_get_session(owner, &session)))
    {
        assert_hr(hr, E_OUTOFMEMORY);
        assert_null(session);
        stub_stats(&stats);
        assert_int_equal(stats.live_sessions, 0);
        session_owner_close(owner);
    }
    else
    {
        hr = session_owner_get_identity(owner, name, &cch);
        if (FAILED(hr))
            assert_hr(hr, HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY));
        else
            assert_int_equal(cch, 8);
        IUnknown_Release(session);
        session_owner_close(owner);
    }
    if (!alloc_faults_injected())
        assert_hr(hr, S_OK);
    assert_int_equal(alloc_faults_live(), 0);
    assert_stub_clean();
}

static void test_owned_out_of_memory(void **state)
{
    (void)state;
    /* the owner, the name, the logon */
    assert_int_equal(alloc_faults_each(logon_with_faults, L"Outlook"), 3);
    /* the owner, the logon, the name read and kept at the logon, then again
     * by GetIdentity when the first could not be kept */
    assert_true(alloc_faults_each(logon_with_faults, NULL) >= 4);
}

/* The default profile's name is read from the session; once read it is the
 * profile of every later logon, whatever the default becomes. */
/* After a hands-off, the default moves from Work to Outlook: the next logon
 * must still be to Work, by name. Releases owner. */
static void assert_relogon_stays_on_work(struct session_owner *owner)
{
    struct olkstub_stats stats;

    assert_hr(session_owner_hands_off(owner), S_OK);
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_DEFAULT_PROFILE", L"Outlook"));
    touch_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logons, 2);
    assert_int_equal(stats.last_logon_flags, OWNED_LOGON_FLAGS | MAPI_EXPLICIT_PROFILE);
    assert_memory_equal(stats.last_logon_profile, L"Work", sizeof(L"Work"));
    assert_identity(owner, L"Work");
    session_owner_close(owner);
}

static void test_owned_default_identity_pins_profile(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;
    WCHAR buffer[4];
    DWORD cch = 0;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook;Work"));
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_DEFAULT_PROFILE", L"Work"));
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);

    assert_hr(session_owner_get_identity(owner, NULL, &cch), E_OUTOFMEMORY);
    assert_int_equal(cch, 5);
    cch = ARRAYSIZE(buffer);
    assert_hr(session_owner_get_identity(owner, buffer, &cch), E_OUTOFMEMORY);
    assert_int_equal(cch, 5);
    assert_identity(owner, L"Work");
    stub_stats(&stats);
    assert_int_equal(stats.logons, 1);
    assert_int_equal(stats.last_logon_flags, OWNED_LOGON_FLAGS | MAPI_USE_DEFAULT);
    assert_int_equal(stats.live_allocations, 0);
    assert_int_equal(stats.live_objects, 0);

    assert_relogon_stays_on_work(owner);
}

/* The default profile is pinned by the first logon, even when nobody asked
 * for the identity before the hands-off. */
static void test_owned_default_pinned_by_first_logon(void **state)
{
    struct session_owner *owner = NULL;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook;Work"));
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_DEFAULT_PROFILE", L"Work"));
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    touch_session(owner);
    assert_relogon_stays_on_work(owner);
}

struct reentry
{
    struct session_owner *owner;
    HRESULT session_hr, identity_hr;
    IUnknown *session;
    DWORD cch;
};

static void WINAPI reenter_during_logon(void *context)
{
    struct reentry *reentry = context;
    WCHAR name[16];

    reentry->session = NULL;
    reentry->session_hr = session_owner_get_session(reentry->owner, &reentry->session);
    reentry->cch = ARRAYSIZE(name);
    reentry->identity_hr = session_owner_get_identity(reentry->owner, name, &reentry->cch);
}

/* A call that arrives on the logging-on thread in the middle of MAPILogonEx
 * (a logon dialog pumps messages) is refused, and logs on nothing. */
static void test_owned_reentrant_logon(void **state)
{
    struct reentry reentry = { 0 };
    olkstub_set_logon_hook_fn set_hook;
    struct olkstub_stats stats;
    IUnknown *session;

    (void)state;
    set_hook = (olkstub_set_logon_hook_fn)(void (*)(void))GetProcAddress(GetModuleHandleW(L"olkstubmapi.dll"),
                                                                         "OlkStubMapiSetLogonHook");
    assert_non_null(set_hook);
    assert_hr(session_owner_own(NULL, 0, &reentry.owner), S_OK);
    set_hook(reenter_during_logon, &reentry);

    session = get_session(reentry.owner);
    assert_hr(reentry.session_hr, MAPI_E_BUSY);
    assert_null(reentry.session);
    assert_hr(reentry.identity_hr, MAPI_E_BUSY);
    assert_int_equal(reentry.cch, 16);
    stub_stats(&stats);
    assert_int_equal(stats.logon_calls, 1);
    assert_int_equal(stats.initialize_calls, 1);
    IUnknown_Release(session);
    assert_identity(reentry.owner, L"Outlook");
    session_owner_close(reentry.owner);
}

/* An empty name is the default profile too. */
static void test_owned_empty_profile_is_default(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_hr(session_owner_own(L"", 0, &owner), S_OK);
    touch_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.last_logon_flags, OWNED_LOGON_FLAGS | MAPI_USE_DEFAULT);
    assert_identity(owner, L"Outlook");
    session_owner_close(owner);
}

static void test_owned_logon_ui(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", OLKHELPER_LOGON_UI, &owner), S_OK);
    touch_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.last_logon_flags, OWNED_LOGON_FLAGS | MAPI_EXPLICIT_PROFILE | MAPI_LOGON_UI);
    session_owner_close(owner);
}

/* Two owners, two logons, each balanced on its own. */
static void test_owned_two_owners(void **state)
{
    struct session_owner *a = NULL, *b = NULL;
    struct olkstub_stats stats;
    IUnknown *sa, *sb;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &a), S_OK);
    assert_hr(session_owner_own(L"Outlook", 0, &b), S_OK);
    sa = get_session(a);
    sb = get_session(b);
    assert_ptr_not_equal(sa, sb);
    IUnknown_Release(sa);
    IUnknown_Release(sb);
    session_owner_close(a);
    stub_stats(&stats);
    assert_int_equal(stats.init_depth, 1);
    assert_int_equal(stats.live_sessions, 1);
    session_owner_close(b);
}

/* ---- failures the stand-in is told to produce ------------------------------ */

static void test_initialize_fails(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_FAIL_INITIALIZE", L"8004011d"));
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    assert_get_session_fails(owner, MAPI_E_FAILONEPROVIDER);
    assert_get_session_fails(owner, MAPI_E_FAILONEPROVIDER);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.initialize_failures, 2);
    assert_int_equal(stats.logon_calls, 0);
    assert_int_equal(stats.uninitialize_calls, 0);
}

static void test_initialize_fails_then_succeeds(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_FAIL_INITIALIZE", L"0x80040605"));
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    assert_get_session_fails(owner, MAPI_E_NOT_INITIALIZED);
    SetEnvironmentVariableW(L"OLKSTUB_FAIL_INITIALIZE", NULL);
    touch_session(owner);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.initialize_failures, 1);
    assert_int_equal(stats.initialize_calls, 1);
    assert_int_equal(stats.uninitialize_calls, 1);
}

static void test_logon_fails_then_succeeds(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_FAIL_LOGON", L"80040113"));
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    assert_get_session_fails(owner, MAPI_E_USER_CANCEL);
    stub_stats(&stats);
    assert_int_equal(stats.logon_calls, 1);
    assert_int_equal(stats.logons, 0);
    assert_int_equal(stats.init_depth, 1);

    SetEnvironmentVariableW(L"OLKSTUB_FAIL_LOGON", NULL);
    touch_session(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logon_calls, 2);
    assert_int_equal(stats.logons, 1);
    assert_int_equal(stats.initialize_calls, 1);
    session_owner_close(owner);
}

/* As real MAPI says it; the name of a named profile is known without MAPI. */
static void test_unknown_profile(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook;Work"));
    assert_hr(session_owner_own(L"Nobody", 0, &owner), S_OK);
    assert_get_session_fails(owner, MAPI_E_LOGON_FAILED);
    assert_identity(owner, L"Nobody");
    stub_stats(&stats);
    assert_int_equal(stats.logon_calls, 1);
    assert_memory_equal(stats.last_logon_profile, L"Nobody", sizeof(L"Nobody"));
    session_owner_close(owner);
}

/* The default profile's identity needs a logon; with the stand-in's logon
 * failing with logon_hr, GetIdentity answers expected, *pcch untouched. */
static void assert_default_identity_fails(HRESULT logon_hr, HRESULT expected)
{
    struct session_owner *owner = NULL;
    WCHAR buffer[16], hr_text[16];
    DWORD cch = ARRAYSIZE(buffer);

    swprintf(hr_text, ARRAYSIZE(hr_text), L"%08lx", (unsigned long)logon_hr);
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_FAIL_LOGON", hr_text));
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    assert_hr(session_owner_get_identity(owner, buffer, &cch), expected);
    assert_int_equal(cch, ARRAYSIZE(buffer));
    assert_get_session_fails(owner, logon_hr);
    session_owner_close(owner);
}

static void test_default_identity_logon_fails(void **state)
{
    (void)state;
    assert_default_identity_fails(MAPI_E_LOGON_FAILED, MAPI_E_LOGON_FAILED);
}

/* A real out-of-memory on the way to the name (here MAPILogonEx's
 * MAPI_E_NOT_ENOUGH_MEMORY, which is E_OUTOFMEMORY) must not read as "buffer
 * too small": a caller would retry for ever. */
static void test_identity_out_of_memory(void **state)
{
    (void)state;
    assert_default_identity_fails(MAPI_E_NOT_ENOUGH_MEMORY, HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY));
}

/* Logoff's failure does not keep the session: it is released, and hands-off
 * gives its documented S_OK. */
static void test_logoff_fails(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_FAIL_LOGOFF", L"80004005"));
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    touch_session(owner);
    assert_hr(session_owner_hands_off(owner), S_OK);
    stub_stats(&stats);
    assert_int_equal(stats.logoff_failures, 1);
    assert_int_equal(stats.live_sessions, 0);
    assert_hr(session_owner_hands_off(owner), S_OK);

    touch_session(owner);
    SetEnvironmentVariableW(L"OLKSTUB_FAIL_LOGOFF", NULL);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.logons, 2);
    assert_int_equal(stats.logoffs, 1);
}

/* ---- registry variants: what Wine's mapi32 sees when it loads --------------- */

#define MAIL_CLIENTS L"Software\\Clients\\Mail"
#define VARIANT_CLIENT L"olkhelper test variant"

static WCHAR saved_client[256];

static void set_default_client(const WCHAR *client)
{
    DWORD size = (DWORD)((wcslen(client) + 1) * sizeof(WCHAR));

    assert_int_equal(RegSetKeyValueW(HKEY_LOCAL_MACHINE, MAIL_CLIENTS, NULL, REG_SZ, client, size), ERROR_SUCCESS);
}

/* The default mail client becomes a variant whose DLLPathEx is dllpathex
 * (NULL: none) for as long as mapi32.dll takes to load, then is what it was. */
static int load_mapi32_with(const WCHAR *dllpathex)
{
    WCHAR path[MAX_PATH], current[256];
    DWORD size = sizeof(saved_client);
    HMODULE mapi32;
    HKEY key;

    if (RegGetValueW(HKEY_LOCAL_MACHINE, MAIL_CLIENTS, NULL, RRF_RT_REG_SZ, NULL, saved_client, &size))
        return -1;
    if (RegCreateKeyExW(HKEY_LOCAL_MACHINE, MAIL_CLIENTS L"\\" VARIANT_CLIENT, 0, NULL, 0, KEY_SET_VALUE, NULL,
                        &key, NULL))
        return -1;
    if (dllpathex)
        RegSetValueExW(key, L"DLLPathEx", 0, REG_SZ, (const BYTE *)dllpathex,
                       (DWORD)((wcslen(dllpathex) + 1) * sizeof(WCHAR)));
    RegCloseKey(key);
    set_default_client(VARIANT_CLIENT);

    GetSystemDirectoryW(path, MAX_PATH);
    wcscat(path, L"\\mapi32.dll");
    mapi32 = LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);

    set_default_client(saved_client);
    RegDeleteTreeW(HKEY_LOCAL_MACHINE, MAIL_CLIENTS L"\\" VARIANT_CLIENT);
    size = sizeof(current);
    if (!mapi32 || RegGetValueW(HKEY_LOCAL_MACHINE, MAIL_CLIENTS, NULL, RRF_RT_REG_SZ, NULL, current, &size)
        || wcscmp(current, saved_client))
        return -1;
    return 0;
}

static int no_provider_setup(void **state)
{
    (void)state;
    return load_mapi32_with(NULL);
}

static int provider_missing_setup(void **state)
{
    (void)state;
    return load_mapi32_with(L"olkstub-absent.dll");
}

static int provider_lacks_export_setup(void **state)
{
    WCHAR path[MAX_PATH];

    (void)state;
    olk_bin_path(L"olkstubnologon.dll", path, MAX_PATH);
    stub_name = L"olkstubnologon.dll";
    return load_mapi32_with(path);
}

/* Wine's own MAPIInitialize, with no provider to forward to, says
 * MAPI_E_NOT_INITIALIZED; the owner returns that, owes no MAPIUninitialize,
 * and can still name a named profile. */
static void test_without_provider(void **state)
{
    struct session_owner *owner = NULL, *named = NULL;

    (void)state;
    assert_hr(session_owner_own(NULL, 0, &owner), S_OK);
    assert_get_session_fails(owner, MAPI_E_NOT_INITIALIZED);
    assert_get_session_fails(owner, MAPI_E_NOT_INITIALIZED);
    assert_hr(session_owner_hands_off(owner), S_OK);
    session_owner_close(owner);

    assert_hr(session_owner_own(L"Outlook", 0, &named), S_OK);
    assert_get_session_fails(named, MAPI_E_NOT_INITIALIZED);
    assert_identity(named, L"Outlook");
    session_owner_close(named);

    assert_non_null(GetModuleHandleW(L"mapi32.dll"));
    assert_null(GetModuleHandleW(L"olkstubmapi.dll"));
}

/* The provider initializes, but Wine keeps its own MAPILogonEx (MAPI_E_CALL_FAILED)
 * for the export it lacks; the owner's MAPIInitialize is balanced all the same. */
static void test_provider_lacks_logon(void **state)
{
    struct session_owner *owner = NULL;
    struct olkstub_stats stats;

    (void)state;
    assert_hr(session_owner_own(L"Outlook", 0, &owner), S_OK);
    assert_get_session_fails(owner, MAPI_E_CALL_FAILED);
    stub_stats(&stats);
    assert_int_equal(stats.initialize_calls, 1);
    assert_int_equal(stats.init_depth, 1);
    assert_get_session_fails(owner, MAPI_E_CALL_FAILED);
    session_owner_close(owner);
    stub_stats(&stats);
    assert_int_equal(stats.initialize_calls, 1);
    assert_int_equal(stats.uninitialize_calls, 1);
    assert_int_equal(stats.logon_calls, 0);
    assert_null(GetModuleHandleW(L"olkstubmapi.dll"));
}

/* ---- a load that blocks: no lock of the product is held across it ---------- */

static HANDLE load_entered, load_may_go;
static LONG load_blocked;

/* The first load through the seam waits until the test lets it go. */
static HMODULE blocking_load(const WCHAR *path)
{
    if (!InterlockedExchange(&load_blocked, 1))
    {
        SetEvent(load_entered);
        WaitForSingleObject(load_may_go, INFINITE);
    }
    return mapi_loader_default_ops.load(path);
}

struct session_call
{
    struct session_owner *owner;
    HRESULT hr;
    IUnknown *session;
};

static DWORD WINAPI session_thread(void *arg)
{
    struct session_call *call = arg;

    call->hr = session_owner_get_session(call->owner, &call->session);
    return 0;
}

static DWORD WINAPI hands_off_thread(void *arg)
{
    struct session_call *call = arg;

    call->hr = session_owner_hands_off(call->owner);
    return 0;
}

static DWORD WINAPI mapi_get_thread(void *arg)
{
    const struct mapi_functions *mapi;

    *(HRESULT *)arg = mapi_get(&mapi);
    return 0;
}

/* While one thread's logon is stuck loading MAPI, the same owner still names
 * its profile and takes a hands-off, and another thread still gets MAPI. */
static void test_no_lock_across_load(void **state)
{
    static struct mapi_loader_ops ops;
    struct session_call logon = { 0 }, hands_off = { 0 };
    struct identity_call identity = { 0 };
    HRESULT mapi_hr = E_FAIL;
    HANDLE thread;

    (void)state;
    ops = mapi_loader_default_ops;
    ops.load = blocking_load;
    assert_non_null(load_entered = CreateEventW(NULL, TRUE, FALSE, NULL));
    assert_non_null(load_may_go = CreateEventW(NULL, TRUE, FALSE, NULL));
    mapi_set_loader_ops(&ops);
    assert_hr(session_owner_own(L"Outlook", 0, &logon.owner), S_OK);
    assert_non_null(thread = CreateThread(NULL, 0, session_thread, &logon, 0, NULL));
    assert_int_equal(WaitForSingleObject(load_entered, 10000), WAIT_OBJECT_0);

    identity.owner = logon.owner;
    assert_true(finishes(identity_thread, &identity));
    assert_hr(identity.hr, S_OK);
    hands_off.owner = logon.owner;
    assert_true(finishes(hands_off_thread, &hands_off));
    assert_hr(hands_off.hr, S_OK);
    assert_true(finishes(mapi_get_thread, &mapi_hr));
    assert_hr(mapi_hr, S_OK);

    SetEvent(load_may_go);
    assert_int_equal(WaitForSingleObject(thread, 10000), WAIT_OBJECT_0);
    CloseHandle(thread);
    assert_hr(logon.hr, S_OK);
    assert_hr(use_session(logon.session), S_OK);
    IUnknown_Release(logon.session);
    session_owner_close(logon.owner);
    mapi_set_loader_ops(NULL);
    CloseHandle(load_entered);
    CloseHandle(load_may_go);
}

/* ---- groups ---------------------------------------------------------------- */

#define STUB_TEST(f) cmocka_unit_test_setup_teardown(f, stub_setup, stub_teardown)

static const struct CMUnitTest borrowed_tests[] =
{
    cmocka_unit_test(test_borrow_bad_arguments),
    cmocka_unit_test(test_borrow_qi_without_pointer),
    cmocka_unit_test(test_borrow_references),
    cmocka_unit_test(test_borrow_hands_off_is_not_implemented),
    cmocka_unit_test(test_borrow_identity_contract),
    cmocka_unit_test(test_borrow_identity_error),
    STUB_TEST(test_borrow_identity_from_session),
};

/* A process of its own: the loader caches what it attaches to. */
static const struct CMUnitTest foreign_mapi_tests[] =
{
    STUB_TEST(test_identity_freed_by_the_session_mapi),
};

static const struct CMUnitTest owned_tests[] =
{
    STUB_TEST(test_owned_is_lazy),
    cmocka_unit_test(test_own_bad_arguments),
    STUB_TEST(test_owned_same_session),
    STUB_TEST(test_owned_hands_off_and_again),
    STUB_TEST(test_owned_hands_off_without_session),
    STUB_TEST(test_owned_release_logs_off),
    STUB_TEST(test_owned_default_identity_pins_profile),
    STUB_TEST(test_owned_default_pinned_by_first_logon),
    STUB_TEST(test_owned_reentrant_logon),
    STUB_TEST(test_owned_empty_profile_is_default),
    STUB_TEST(test_owned_logon_ui),
    STUB_TEST(test_owned_two_owners),
    STUB_TEST(test_owned_hands_off_keeps_other_holders),
    STUB_TEST(test_owned_hands_off_unheld_logs_off_at_once),
    STUB_TEST(test_owned_logon_memory_is_reused),
    STUB_TEST(test_owned_end_logs_off_held_sessions),
    STUB_TEST(test_named_identity_does_not_wait_for_logon),
    STUB_TEST(test_owned_out_of_memory),
};

static const struct CMUnitTest failure_tests[] =
{
    STUB_TEST(test_initialize_fails),
    STUB_TEST(test_initialize_fails_then_succeeds),
    STUB_TEST(test_logon_fails_then_succeeds),
    STUB_TEST(test_unknown_profile),
    STUB_TEST(test_default_identity_logon_fails),
    STUB_TEST(test_identity_out_of_memory),
    STUB_TEST(test_logoff_fails),
};

/* A process of its own: the loader's table is swapped. */
static const struct CMUnitTest blocking_load_tests[] =
{
    STUB_TEST(test_no_lock_across_load),
};

static const struct CMUnitTest no_provider_tests[] =
{
    cmocka_unit_test(test_without_provider),
};

static const struct CMUnitTest provider_lacks_export_tests[] =
{
    STUB_TEST(test_provider_lacks_logon),
};

static int run_group(const char *group)
{
    if (!strcmp(group, "borrowed"))
        return cmocka_run_group_tests_name("borrowed", borrowed_tests, NULL, NULL);
    if (!strcmp(group, "foreign_mapi"))
        return cmocka_run_group_tests_name("foreign_mapi", foreign_mapi_tests, NULL, NULL);
    if (!strcmp(group, "owned"))
        return cmocka_run_group_tests_name("owned", owned_tests, NULL, NULL);
    if (!strcmp(group, "blocking_load"))
        return cmocka_run_group_tests_name("blocking_load", blocking_load_tests, NULL, NULL);
    if (!strcmp(group, "failures"))
        return cmocka_run_group_tests_name("failures", failure_tests, NULL, NULL);
    if (!strcmp(group, "no_provider"))
        return cmocka_run_group_tests_name("no_provider", no_provider_tests, no_provider_setup, NULL);
    if (!strcmp(group, "provider_missing"))
        return cmocka_run_group_tests_name("provider_missing", no_provider_tests, provider_missing_setup, NULL);
    if (!strcmp(group, "provider_lacks_export"))
        return cmocka_run_group_tests_name("provider_lacks_export", provider_lacks_export_tests,
                                           provider_lacks_export_setup, NULL);
    fprintf(stderr, "test_session: unknown group '%s'\n", group);
    return 2;
}

int main(int argc, char **argv)
{
    int failures;

    olk_test_init();
    if (argc != 2)
    {
        fprintf(stderr, "usage: test_session borrowed|foreign_mapi|owned|blocking_load|failures|no_provider|provider_missing|"
                        "provider_lacks_export\n");
        return 2;
    }
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    failures = run_group(argv[1]);
    CoUninitialize();
    return failures;
}
