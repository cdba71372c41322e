/*
 * The stand-in's counters and its record of MAPI misuse.
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

struct olkstub_stats stub_stats;

/* Guards the strings and whole-structure copies; the counters themselves are
 * Interlocked. */
static SRWLOCK stats_lock = SRWLOCK_INIT;

/* Also on stderr, so a test log shows what went wrong where. */
void stub_violation(const char *format, ...)
{
    char message[sizeof(stub_stats.last_violation)];
    va_list args;

    va_start(args, format);
    vsnprintf(message, sizeof(message), format, args);
    va_end(args);
    message[sizeof(message) - 1] = 0;

    AcquireSRWLockExclusive(&stats_lock);
    stub_stats.violations++;
    memcpy(stub_stats.last_violation, message, sizeof(message));
    ReleaseSRWLockExclusive(&stats_lock);
    fprintf(stderr, "olkstubmapi: violation: %s\n", message);
}

void stub_note_logon(ULONG flags, const WCHAR *requested)
{
    AcquireSRWLockExclusive(&stats_lock);
    stub_stats.last_logon_flags = flags;
    wcsncpy(stub_stats.last_logon_profile, requested, OLKSTUB_NAME_CCH - 1);
    stub_stats.last_logon_profile[OLKSTUB_NAME_CCH - 1] = 0;
    ReleaseSRWLockExclusive(&stats_lock);
}

BOOL stub_initialized(void)
{
    return InterlockedCompareExchange(&stub_stats.init_depth, 0, 0) > 0;
}

void WINAPI OlkStubMapiGetStats(struct olkstub_stats *stats)
{
    AcquireSRWLockExclusive(&stats_lock);
    *stats = stub_stats;
    ReleaseSRWLockExclusive(&stats_lock);
}

void WINAPI OlkStubMapiResetStats(void)
{
    AcquireSRWLockExclusive(&stats_lock);
    stub_stats.initialize_calls = 0;
    stub_stats.initialize_failures = 0;
    stub_stats.uninitialize_calls = 0;
    stub_stats.last_init_flags = 0;
    stub_stats.logon_calls = 0;
    stub_stats.logons = 0;
    stub_stats.last_logon_flags = 0;
    stub_stats.last_logon_profile[0] = 0;
    stub_stats.logoffs = 0;
    stub_stats.logoff_failures = 0;
    stub_stats.violations = 0;
    stub_stats.last_violation[0] = 0;
    ReleaseSRWLockExclusive(&stats_lock);
}
