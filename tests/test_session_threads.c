/*
 * One owned helper under concurrency, through its IOlkAccountHelper methods,
 * Wine's mapi32 and the stand-in provider: the process's first calls, from
 * threads in both apartment types, finish; concurrent first calls log on
 * once; then many threads get, use, release, hand off and ask the identity
 * (a session stays usable for its holder whatever others hand off), and
 * when the helper is released nothing is left: no session reference, as many
 * logoffs as logons, MAPIInitialize balanced, no MAPI misuse seen by the
 * stand-in.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <mapix.h>

#include "helper.h"
#include "mapi.h"
#include "memory.h"
#include "olkstubmapi.h"

#define THREADS 8
#define ITERATIONS 2000

static void stub_stats(struct olkstub_stats *stats)
{
    HMODULE module = GetModuleHandleW(L"olkstubmapi.dll");
    olkstub_get_stats_fn get;

    if (!module)
        fail_msg("olkstubmapi.dll is not loaded: is it the default mail client's DLLPathEx?");
    get = (olkstub_get_stats_fn)(void (*)(void))GetProcAddress(module, "OlkStubMapiGetStats");
    assert_non_null(get);
    get(stats);
}

static void assert_stub_clean(const struct olkstub_stats *stats)
{
    if (stats->violations)
        fail_msg("%ld MAPI violation(s), the last: %s", (long)stats->violations, stats->last_violation);
    assert_int_equal(stats->live_sessions, 0);
    assert_int_equal(stats->live_session_refs, 0);
    assert_int_equal(stats->live_objects, 0);
    assert_int_equal(stats->live_allocations, 0);
    assert_int_equal(stats->init_depth, 0);
    assert_int_equal(stats->initialize_calls, stats->uninitialize_calls);
    assert_int_equal(stats->logons, stats->logoffs);
}

struct worker
{
    IOlkAccountHelper *helper;
    HANDLE start;
    int index;
    IUnknown *session;       /* first-logon test: what this thread got */
    LONG *errors;
};

static void error(struct worker *worker, const char *what, HRESULT hr)
{
    if (InterlockedIncrement(worker->errors) <= 5)
        fprintf(stderr, "thread %d: %s: 0x%08lx\n", worker->index, what, (unsigned long)hr);
}

static DWORD WINAPI first_logon_thread(void *arg)
{
    struct worker *worker = arg;
    HRESULT hr;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    WaitForSingleObject(worker->start, INFINITE);
    if (FAILED(hr = IOlkAccountHelper_GetMapiSession(worker->helper, &worker->session)))
        error(worker, "get_session", hr);
    CoUninitialize();
    return 0;
}

static void run_threads(LPTHREAD_START_ROUTINE routine, struct worker *workers, IOlkAccountHelper *helper,
                        LONG *errors)
{
    HANDLE threads[THREADS], start = CreateEventW(NULL, TRUE, FALSE, NULL);
    int i;

    assert_non_null(start);
    for (i = 0; i < THREADS; i++)
    {
        workers[i].helper = helper;
        workers[i].start = start;
        workers[i].index = i;
        workers[i].session = NULL;
        workers[i].errors = errors;
        threads[i] = CreateThread(NULL, 0, routine, &workers[i], 0, NULL);
        assert_non_null(threads[i]);
    }
    SetEvent(start);
    assert_int_equal(WaitForMultipleObjects(THREADS, threads, TRUE, 60000), WAIT_OBJECT_0);
    for (i = 0; i < THREADS; i++)
        CloseHandle(threads[i]);
    CloseHandle(start);
}

/* The first MAPI use of the process, from eight threads at once, half of
 * them entering a single-threaded apartment at that very moment: every call
 * finishes (Wine 8 deadlocks loading msi.dll against such a CoInitializeEx). */
static DWORD WINAPI mixed_first_call_thread(void *arg)
{
    struct worker *worker = arg;
    BOOL sta = worker->index % 2;
    HRESULT hr;

    if (!sta)
        CoInitializeEx(NULL, COINIT_MULTITHREADED);
    WaitForSingleObject(worker->start, INFINITE);
    if (sta)
        CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    if (FAILED(hr = IOlkAccountHelper_GetMapiSession(worker->helper, &worker->session)))
        error(worker, "get_session", hr);
    CoUninitialize();
    return 0;
}

static void test_mixed_apartments_first_call(void **state)
{
    struct worker workers[THREADS];
    IOlkAccountHelper *helper = NULL;
    struct olkstub_stats stats;
    LONG errors = 0;
    int i;

    (void)state;
    assert_null(GetModuleHandleW(L"mapi32.dll"));
    assert_hr(helper_create_configured(NULL, NULL, 0, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    run_threads(mixed_first_call_thread, workers, helper, &errors);
    assert_int_equal(errors, 0);
    for (i = 0; i < THREADS; i++)
    {
        assert_ptr_equal(workers[i].session, workers[0].session);
        IUnknown_Release(workers[i].session);
    }
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    stub_stats(&stats);
    assert_int_equal(stats.logons, 1);
    assert_stub_clean(&stats);
}

/* With a slow logon, every thread arrives while the first is still logging
 * on: all must get that one session. */
static void test_concurrent_first_logon(void **state)
{
    struct worker workers[THREADS];
    IOlkAccountHelper *helper = NULL;
    struct olkstub_stats stats;
    LONG errors = 0;
    int i;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKSTUB_LOGON_DELAY_MS", L"200"));
    assert_hr(helper_create_configured(NULL, NULL, 0, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    run_threads(first_logon_thread, workers, helper, &errors);
    SetEnvironmentVariableW(L"OLKSTUB_LOGON_DELAY_MS", NULL);
    assert_int_equal(errors, 0);

    stub_stats(&stats);
    assert_int_equal(stats.logon_calls, 1);
    assert_int_equal(stats.logons, 1);
    assert_int_equal(stats.initialize_calls, 1);
    /* The holders' references are on the session handed out. */
    assert_int_equal(stats.live_session_refs, 1);
    EXPECT_REF(workers[0].session, 1 + THREADS);
    for (i = 0; i < THREADS; i++)
    {
        assert_non_null(workers[i].session);
        assert_ptr_equal(workers[i].session, workers[0].session);
        IUnknown_Release(workers[i].session);
    }
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    stub_stats(&stats);
    assert_stub_clean(&stats);
}

static BOOL is_outlook(const WCHAR *name, DWORD cch)
{
    return cch == 8 && !wcscmp(name, L"Outlook");
}

static void one_iteration(struct worker *worker, int i)
{
    IUnknown *session = NULL, *mapi_session = NULL;
    WCHAR name[32], *profile = NULL;
    DWORD cch;
    HRESULT hr;

    if (FAILED(hr = IOlkAccountHelper_GetMapiSession(worker->helper, &session)) || !session)
    {
        error(worker, "get_session", hr);
        return;
    }
    if (FAILED(hr = IUnknown_QueryInterface(session, &IID_IMAPISession, (void **)&mapi_session)))
        error(worker, "QueryInterface", hr);
    else
    {
        /* Used after other threads may have handed it off. */
        SwitchToThread();
        if (FAILED(hr = mapi_read_profile_name((IMAPISession *)mapi_session, &profile))
            || wcscmp(profile, L"Outlook"))
            error(worker, "using the session", hr);
        olk_free(profile);
        IUnknown_Release(mapi_session);
    }
    IUnknown_Release(session);

    if (i % 7 == worker->index % 7)
    {
        cch = ARRAYSIZE(name);
        if (FAILED(hr = IOlkAccountHelper_GetIdentity(worker->helper, name, &cch)) || !is_outlook(name, cch))
            error(worker, "get_identity", hr);
    }
    if (i % 50 == worker->index)
    {
        if (FAILED(hr = IOlkAccountHelper_HandsOffSession(worker->helper)))
            error(worker, "hands_off", hr);
    }
    if (i % 97 == 0)
    {
        IOlkAccountHelper_AddRef(worker->helper);
        IOlkAccountHelper_Release(worker->helper);
    }
}

/* Half the threads in single-threaded apartments, half in the multithreaded
 * one: the helper is Both-threaded and called directly from either. */
static DWORD WINAPI stress_thread(void *arg)
{
    struct worker *worker = arg;
    int i;

    CoInitializeEx(NULL, worker->index % 2 ? COINIT_APARTMENTTHREADED : COINIT_MULTITHREADED);
    WaitForSingleObject(worker->start, INFINITE);
    for (i = 0; i < ITERATIONS; i++)
        one_iteration(worker, i);
    CoUninitialize();
    return 0;
}

static void test_stress(void **state)
{
    struct worker workers[THREADS];
    IOlkAccountHelper *helper = NULL;
    struct olkstub_stats stats;
    ULONGLONG start;
    LONG errors = 0;

    (void)state;
    assert_hr(helper_create_configured(NULL, NULL, 0, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    start = GetTickCount64();
    run_threads(stress_thread, workers, helper, &errors);
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    stub_stats(&stats);
    printf("threads=%d iterations=%d logons=%ld logoffs=%ld leaked_refs=%ld violations=%ld elapsed_ms=%llu\n",
           THREADS, ITERATIONS, (long)stats.logons, (long)stats.logoffs, (long)stats.live_session_refs,
           (long)stats.violations, (unsigned long long)(GetTickCount64() - start));
    assert_int_equal(errors, 0);
    assert_true(stats.logons > 1);
    assert_stub_clean(&stats);
}

/* The hot path against hands-offs: most threads take and give back the
 * current session as fast as they can, using one now and then, while two
 * others hand it off and log on again in a loop. A session taken is never
 * one already logged off, and each is logged off once its last holder is
 * gone (the memory of logons is reused meanwhile). */
#define RACE_ITERATIONS 20000

static DWORD WINAPI race_thread(void *arg)
{
    struct worker *worker = arg;
    IUnknown *session;
    WCHAR *profile;
    HRESULT hr;
    int i;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    WaitForSingleObject(worker->start, INFINITE);
    for (i = 0; i < RACE_ITERATIONS; i++)
    {
        if (worker->index < 2 && i % 8 == 0 && FAILED(hr = IOlkAccountHelper_HandsOffSession(worker->helper)))
            error(worker, "hands_off", hr);
        if (FAILED(hr = IOlkAccountHelper_GetMapiSession(worker->helper, &session)))
        {
            error(worker, "get_session", hr);
            continue;
        }
        if (worker->index < 2 || i % 64 == worker->index)
        {
            profile = NULL;
            if (FAILED(hr = mapi_read_profile_name((IMAPISession *)session, &profile)))
                error(worker, "using the session", hr);
            olk_free(profile);
        }
        IUnknown_Release(session);
    }
    CoUninitialize();
    return 0;
}

static void test_hot_path_against_hands_off(void **state)
{
    struct worker workers[THREADS];
    IOlkAccountHelper *helper = NULL;
    struct olkstub_stats stats;
    LONG errors = 0;

    (void)state;
    assert_hr(helper_create_configured(NULL, L"Outlook", 0, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    run_threads(race_thread, workers, helper, &errors);
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    stub_stats(&stats);
    printf("threads=%d iterations=%d logons=%ld\n", THREADS, RACE_ITERATIONS, (long)stats.logons);
    assert_int_equal(errors, 0);
    assert_true(stats.logons > 1);
    assert_stub_clean(&stats);
}

static int reset(void **state)
{
    HMODULE module = GetModuleHandleW(L"olkstubmapi.dll");
    olkstub_reset_stats_fn reset_stats;

    (void)state;
    if (!module)
        return 0;
    reset_stats = (olkstub_reset_stats_fn)(void (*)(void))GetProcAddress(module, "OlkStubMapiResetStats");
    if (!reset_stats)
        return -1;
    reset_stats();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup(test_mixed_apartments_first_call, reset),
        cmocka_unit_test_setup(test_concurrent_first_logon, reset),
        cmocka_unit_test_setup(test_stress, reset),
        cmocka_unit_test_setup(test_hot_path_against_hands_off, reset),
    };
    int failures;

    olk_test_init();
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    failures = cmocka_run_group_tests(tests, NULL, NULL);
    CoUninitialize();
    return failures;
}
