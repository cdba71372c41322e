/*
 * olkstubmapi.dll, the stand-in Extended MAPI provider of the test suite:
 * what tests may ask it. It is reached through Wine's mapi32.dll (the
 * default mail client's DLLPathEx) and configured by environment variables
 * read at call time:
 *   OLKSTUB_PROFILES          profile names separated by ';' (default "Outlook")
 *   OLKSTUB_DEFAULT_PROFILE   the default profile (default: the first one)
 *   OLKSTUB_FAIL_INITIALIZE   hex HRESULT that MAPIInitialize returns
 *   OLKSTUB_FAIL_LOGON        hex HRESULT that MAPILogonEx returns
 *   OLKSTUB_FAIL_LOGOFF       hex HRESULT that IMAPISession::Logoff returns
 *   OLKSTUB_LOGON_DELAY_MS    milliseconds MAPILogonEx sleeps first
 *
 * Tests find the functions below with
 * GetProcAddress(GetModuleHandleW(L"olkstubmapi.dll"), "OlkStubMapiGetStats").
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_OLKSTUBMAPI_H
#define OLKHELPER_OLKSTUBMAPI_H

#include <windows.h>

#define OLKSTUB_NAME_CCH 64

struct olkstub_stats
{
    LONG initialize_calls;        /* MAPIInitialize calls that succeeded */
    LONG initialize_failures;     /* ... that returned OLKSTUB_FAIL_INITIALIZE */
    LONG uninitialize_calls;
    LONG init_depth;              /* initializations not yet balanced */
    ULONG last_init_flags;        /* MAPIINIT_0.ulFlags of the last MAPIInitialize */
    LONG logon_calls;             /* every MAPILogonEx call */
    LONG logons;                  /* sessions handed out */
    ULONG last_logon_flags;
    WCHAR last_logon_profile[OLKSTUB_NAME_CCH];   /* the name asked for; empty if none */
    LONG logoffs;                 /* successful IMAPISession::Logoff calls */
    LONG logoff_failures;         /* ... that returned OLKSTUB_FAIL_LOGOFF */
    LONG live_sessions;           /* session objects not yet destroyed */
    LONG live_session_refs;       /* references held on them, summed */
    LONG live_objects;            /* profile sections, profile admins, tables */
    LONG live_allocations;        /* MAPIAllocateBuffer blocks not yet freed */
    LONG violations;              /* misuses of MAPI seen; see last_violation */
    char last_violation[256];
};

typedef void (WINAPI *olkstub_get_stats_fn)(struct olkstub_stats *stats);
typedef void (WINAPI *olkstub_reset_stats_fn)(void);

/* A snapshot of the counters. */
void WINAPI OlkStubMapiGetStats(struct olkstub_stats *stats);

/* Zeroes the call counters and violations; what is live (init depth,
 * sessions, objects, allocations) stays as it is. */
void WINAPI OlkStubMapiResetStats(void);

typedef void (WINAPI *olkstub_logon_hook_fn)(void *context);
typedef void (WINAPI *olkstub_set_logon_hook_fn)(olkstub_logon_hook_fn hook, void *context);

/* The next MAPILogonEx calls hook(context) once, on the calling thread, after
 * its checks and before it creates the session. */
void WINAPI OlkStubMapiSetLogonHook(olkstub_logon_hook_fn hook, void *context);

#endif
