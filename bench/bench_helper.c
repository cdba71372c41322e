/*
 * The helper's hot calls, side by side in one process and printed as
 * ratios: per GetMapiSession + Release and per GetIdentity, at 1, 2 and 4
 * threads, against
 *   - the floor: a bare AddRef + Release on the same session object;
 *   - a minimal sample-style helper in C++ (sample_helper.cpp).
 * Sessions are in-process fakes, so MAPI's own cost is not in the numbers:
 * borrowed mode lends one; owned mode logs on to a stand-in MAPI installed
 * through the MAPI unit's loader seam. Seven runs are taken in turns, every
 * row once per run; a time is the median of its seven, a ratio the median
 * of the seven runs' own ratios. Figures only: nothing here asserts a time.
 *
 * Run: wine build/x64/bin/bench_helper.exe [iterations per thread]
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_session.h"
#include "helper.h"
#include "mapi.h"
#include "olkhelper.h"
#include "sample_helper.h"

#define RUNS 7
#define MAX_THREADS 4

static const int thread_counts[] = { 1, 2, 4 };

/* ---- a stand-in MAPI for owned mode, through the loader seam ------------- */

static struct fake_session owned_session;

static HRESULT WINAPI stand_in_initialize(LPVOID init)
{
    (void)init;
    return S_OK;
}

static void WINAPI stand_in_uninitialize(void)
{
}

static HRESULT WINAPI stand_in_logon(ULONG_PTR ui, LPTSTR profile, LPTSTR password, ULONG flags,
                                     LPMAPISESSION *session)
{
    (void)ui; (void)profile; (void)password; (void)flags;
    owned_session.IMAPISession_iface.lpVtbl->AddRef(&owned_session.IMAPISession_iface);
    *session = &owned_session.IMAPISession_iface;
    return S_OK;
}

static ULONG WINAPI stand_in_free_buffer(LPVOID buffer)
{
    (void)buffer;
    return 0;
}

/* The benchmark itself poses as an already-loaded olmapi32.dll. */
static BOOL stand_in_attach(const WCHAR *name, HMODULE *module)
{
    *module = GetModuleHandleW(NULL);
    return !wcscmp(name, L"olmapi32.dll");
}

static FARPROC stand_in_proc(HMODULE module, const char *name)
{
    static const struct { const char *name; FARPROC proc; } procs[] =
    {
        { "MAPIInitialize", (FARPROC)(void (*)(void))stand_in_initialize },
        { "MAPIUninitialize", (FARPROC)(void (*)(void))stand_in_uninitialize },
        { "MAPILogonEx", (FARPROC)(void (*)(void))stand_in_logon },
        { "MAPIFreeBuffer", (FARPROC)(void (*)(void))stand_in_free_buffer },
    };
    size_t len = strcspn(name, "@");

    (void)module;
    for (size_t i = 0; i < ARRAYSIZE(procs); i++)
        if (strlen(procs[i].name) == len && !strncmp(procs[i].name, name, len))
            return procs[i].proc;
    return NULL;
}

static void stand_in_release(HMODULE module)
{
    (void)module;
}

/* ---- timing -------------------------------------------------------------- */

typedef int (*op_fn)(void *target);

static int op_floor(void *target)
{
    IUnknown *session = target;

    IUnknown_AddRef(session);
    IUnknown_Release(session);
    return 1;
}

static int op_session(void *target)
{
    IUnknown *session;

    if (IOlkAccountHelper_GetMapiSession((IOlkAccountHelper *)target, &session) != S_OK)
        return 0;
    IUnknown_Release(session);
    return 1;
}

static int op_identity(void *target)
{
    WCHAR buffer[64];
    DWORD cch = ARRAYSIZE(buffer);

    return IOlkAccountHelper_GetIdentity((IOlkAccountHelper *)target, buffer, &cch) == S_OK && cch == 8;
}

struct job
{
    op_fn op;
    void *target;
    LONG iterations;
    HANDLE start;
    LONG failures;
};

static DWORD WINAPI worker(void *arg)
{
    struct job *job = arg;

    WaitForSingleObject(job->start, INFINITE);
    for (LONG i = 0; i < job->iterations; i++)
        if (!job->op(job->target))
            InterlockedIncrement(&job->failures);
    return 0;
}

/* Nanoseconds per call, all threads' calls counted. */
static double run(op_fn op, void *target, int threads, LONG iterations, LONG *failures)
{
    struct job job = { op, target, iterations, CreateEventW(NULL, TRUE, FALSE, NULL), 0 };
    HANDLE handles[MAX_THREADS];
    LARGE_INTEGER freq, t0, t1;

    for (int i = 0; i < threads; i++)
        handles[i] = CreateThread(NULL, 0, worker, &job, 0, NULL);
    Sleep(1);
    QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&t0);
    SetEvent(job.start);
    WaitForMultipleObjects(threads, handles, TRUE, INFINITE);
    QueryPerformanceCounter(&t1);
    for (int i = 0; i < threads; i++)
        CloseHandle(handles[i]);
    CloseHandle(job.start);
    *failures += job.failures;
    return (double)(t1.QuadPart - t0.QuadPart) * 1e9 / (double)freq.QuadPart / ((double)iterations * threads);
}

enum row { FLOOR, SAMPLE_SESSION, BORROWED_SESSION, OWNED_SESSION, SAMPLE_IDENTITY, BORROWED_IDENTITY,
           OWNED_IDENTITY, ROWS };

struct measure
{
    const char *name;
    op_fn op;
    void *target;
};

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double create_configure_release(struct fake_session *fake, LONG iterations, LONG *failures)
{
    LARGE_INTEGER freq, t0, t1;

    QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&t0);
    for (LONG i = 0; i < iterations; i++)
    {
        IOlkAccountHelper *helper;

        if (FAILED(helper_create_configured(fake_session_unknown(fake), L"Outlook", 0, &IID_IOlkAccountHelper,
                                            (void **)&helper)))
        {
            (*failures)++;
            continue;
        }
        IOlkAccountHelper_Release(helper);
    }
    QueryPerformanceCounter(&t1);
    return (double)(t1.QuadPart - t0.QuadPart) * 1e9 / (double)freq.QuadPart / (double)iterations;
}

static double median(double *values)
{
    qsort(values, RUNS, sizeof(double), compare_doubles);
    return values[RUNS / 2];
}

/* The median of the runs' own ratios: each run times a and b back to back,
 * so a slow moment of the machine weighs on both. */
static void print_ratio(const char *name, double samples[ROWS][ARRAYSIZE(thread_counts)][RUNS], enum row a,
                        enum row b, const char *goal)
{
    double ratios[RUNS];

    printf("%-44s", name);
    for (size_t t = 0; t < ARRAYSIZE(thread_counts); t++)
    {
        for (int r = 0; r < RUNS; r++)
            ratios[r] = samples[a][t][r] / samples[b][t][r];
        printf(" %9.2fx", median(ratios));
    }
    printf("   %s\n", goal);
}

static int measure_all(struct measure *rows, LONG iterations)
{
    double samples[ROWS][ARRAYSIZE(thread_counts)][RUNS], sorted[RUNS];
    LONG failures = 0;

    for (int r = 0; r < RUNS; r++)
        for (size_t t = 0; t < ARRAYSIZE(thread_counts); t++)
            for (int m = 0; m < ROWS; m++)
                samples[m][t][r] = run(rows[m].op, rows[m].target, thread_counts[t], iterations, &failures);

    printf("%-44s %10s %10s %10s\n", "ns per call (median of 7 runs)", "1 thread", "2 threads", "4 threads");
    for (int m = 0; m < ROWS; m++)
    {
        printf("%-44s", rows[m].name);
        for (size_t t = 0; t < ARRAYSIZE(thread_counts); t++)
        {
            memcpy(sorted, samples[m][t], sizeof(sorted));
            printf(" %10.1f", median(sorted));
        }
        printf("\n");
    }
    printf("\n%-44s %10s %10s %10s   %s\n", "ratio (median of the runs' ratios)", "1 thread", "2 threads",
           "4 threads", "goal (1, 2 threads)");
    print_ratio("borrowed GetMapiSession+Release / floor", samples, BORROWED_SESSION, FLOOR, "<= 1.10");
    print_ratio("borrowed GetMapiSession+Release / sample", samples, BORROWED_SESSION, SAMPLE_SESSION, "");
    print_ratio("owned GetMapiSession+Release / floor", samples, OWNED_SESSION, FLOOR, "<= 1.50");
    print_ratio("GetIdentity (borrowed, named) / sample", samples, BORROWED_IDENTITY, SAMPLE_IDENTITY, "<= 1.00");
    print_ratio("GetIdentity (owned, named) / sample", samples, OWNED_IDENTITY, SAMPLE_IDENTITY, "<= 1.00");
    return failures;
}

int main(int argc, char **argv)
{
    static struct mapi_loader_ops stand_in_ops;
    LONG iterations = argc > 1 ? atol(argv[1]) : 1000000;
    IOlkAccountHelper *borrowed = NULL, *owned = NULL, *sample;
    struct fake_session fake;
    IUnknown *session;
    LONG failures;

    if (iterations <= 0)
    {
        fprintf(stderr, "bench_helper: iterations must be a positive number\n");
        return 2;
    }
    fake_session_init(&fake);
    fake_session_init(&owned_session);
    stand_in_ops = mapi_loader_default_ops;
    stand_in_ops.attach_loaded = stand_in_attach;
    stand_in_ops.get_proc = stand_in_proc;
    stand_in_ops.release = stand_in_release;
    mapi_set_loader_ops(&stand_in_ops);

    sample = sample_helper_create(fake_session_unknown(&fake), L"Outlook");
    if (!sample
        || FAILED(helper_create_configured(fake_session_unknown(&fake), L"Outlook", 0, &IID_IOlkAccountHelper,
                                           (void **)&borrowed))
        || FAILED(helper_create_configured(NULL, L"Outlook", 0, &IID_IOlkAccountHelper, (void **)&owned))
        || FAILED(IOlkAccountHelper_GetMapiSession(owned, &session)))
    {
        fprintf(stderr, "bench_helper: cannot create the helpers\n");
        return 1;
    }
    IUnknown_Release(session);

    {
        struct measure rows[ROWS] =
        {
            [FLOOR] = { "floor: AddRef+Release on the session", op_floor, fake_session_unknown(&fake) },
            [SAMPLE_SESSION] = { "sample-style GetMapiSession+Release", op_session, sample },
            [BORROWED_SESSION] = { "olkhelper borrowed GetMapiSession+Release", op_session, borrowed },
            [OWNED_SESSION] = { "olkhelper owned GetMapiSession+Release", op_session, owned },
            [SAMPLE_IDENTITY] = { "sample-style GetIdentity", op_identity, sample },
            [BORROWED_IDENTITY] = { "olkhelper borrowed GetIdentity", op_identity, borrowed },
            [OWNED_IDENTITY] = { "olkhelper owned GetIdentity", op_identity, owned },
        };

        printf("olkhelper benchmark, %ld iterations per thread\n\n", iterations);
        failures = measure_all(rows, iterations);
    }
    printf("\n%-44s %10.1f ns\n", "create + UseSession + Release (1 thread)",
           create_configure_release(&fake, iterations / 10 ? iterations / 10 : 1, &failures));

    IOlkAccountHelper_Release(sample);
    IOlkAccountHelper_Release(borrowed);
    IOlkAccountHelper_Release(owned);
    printf("failed calls: %ld; session references left: %ld, %ld (expected 1, 1); owned logoffs: %ld\n", failures,
           fake.refcount, owned_session.refcount, owned_session.logoffs);
    return failures || fake.refcount != 1 || owned_session.refcount != 1 || owned_session.logoffs != 1 ? 1 : 0;
}
