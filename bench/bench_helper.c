/*
 * Throughput of the helper's hot calls, printed as figures: what the account
 * manager pays per GetIdentity, per GetMapiSession + Release, and per helper
 * created and configured, on one thread and under contention. Borrowed mode
 * with an in-process fake session, so MAPI's own cost is not in the numbers.
 *
 * Run: wine build/x64/bin/bench_helper.exe [iterations]
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#include "fake_session.h"
#include "helper.h"
#include "olkhelper.h"

struct job
{
    IOlkAccountHelper *helper;
    LONG iterations;
    int (*op)(IOlkAccountHelper *helper);
    HANDLE start;
    LONG failures;
};

static int op_identity(IOlkAccountHelper *helper)
{
    WCHAR buffer[64];
    DWORD cch = ARRAYSIZE(buffer);

    return IOlkAccountHelper_GetIdentity(helper, buffer, &cch) == S_OK && cch == 8;
}

static int op_session(IOlkAccountHelper *helper)
{
    IUnknown *session;

    if (IOlkAccountHelper_GetMapiSession(helper, &session) != S_OK)
        return 0;
    IUnknown_Release(session);
    return 1;
}

static DWORD WINAPI worker(void *arg)
{
    struct job *job = arg;

    WaitForSingleObject(job->start, INFINITE);
    for (LONG i = 0; i < job->iterations; i++)
        if (!job->op(job->helper))
            InterlockedIncrement(&job->failures);
    return 0;
}

static double run(IOlkAccountHelper *helper, int (*op)(IOlkAccountHelper *), int threads, LONG iterations,
                  LONG *failures)
{
    struct job job = { helper, iterations, op, CreateEventW(NULL, TRUE, FALSE, NULL), 0 };
    HANDLE handles[16];
    LARGE_INTEGER freq, t0, t1;

    for (int i = 0; i < threads; i++)
        handles[i] = CreateThread(NULL, 0, worker, &job, 0, NULL);
    QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&t0);
    SetEvent(job.start);
    WaitForMultipleObjects(threads, handles, TRUE, INFINITE);
    QueryPerformanceCounter(&t1);
    for (int i = 0; i < threads; i++)
        CloseHandle(handles[i]);
    CloseHandle(job.start);
    *failures += job.failures;
    /* nanoseconds per call, all threads' calls counted */
    return (double)(t1.QuadPart - t0.QuadPart) * 1e9 / (double)freq.QuadPart / ((double)iterations * threads);
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

int main(int argc, char **argv)
{
    static const int thread_counts[] = { 1, 2, 4 };
    LONG iterations = argc > 1 ? atol(argv[1]) : 200000;
    struct fake_session fake;
    IOlkAccountHelper *helper;
    LONG failures = 0;

    if (iterations <= 0)
    {
        fprintf(stderr, "bench_helper: iterations must be a positive number\n");
        return 2;
    }
    fake_session_init(&fake);
    if (FAILED(helper_create_configured(fake_session_unknown(&fake), L"Outlook", 0, &IID_IOlkAccountHelper,
                                        (void **)&helper)))
    {
        fprintf(stderr, "bench_helper: cannot create a helper\n");
        return 1;
    }

    printf("olkhelper benchmark, %ld iterations per thread, borrowed session\n", iterations);
    printf("%-34s %8s %12s\n", "operation", "threads", "ns/call");
    for (size_t i = 0; i < ARRAYSIZE(thread_counts); i++)
        printf("%-34s %8d %12.1f\n", "GetIdentity", thread_counts[i],
               run(helper, op_identity, thread_counts[i], iterations, &failures));
    for (size_t i = 0; i < ARRAYSIZE(thread_counts); i++)
        printf("%-34s %8d %12.1f\n", "GetMapiSession + Release", thread_counts[i],
               run(helper, op_session, thread_counts[i], iterations, &failures));
    printf("%-34s %8d %12.1f\n", "create + UseSession + Release", 1,
           create_configure_release(&fake, iterations / 10 ? iterations / 10 : 1, &failures));

    IOlkAccountHelper_Release(helper);
    printf("failed calls: %ld, session references left: %ld (expected 1)\n", failures, fake.refcount);
    return failures || fake.refcount != 1 ? 1 : 0;
}
