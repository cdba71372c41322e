/*
 * The opt-in trace (see trace.h). No allocation: the setting is read under a
 * one-time initialisation, each line is formatted on the stack and written
 * with one call. A file is opened for each line, in append mode, so that a
 * trace file can be deleted or moved while a host runs; the threads of one
 * process take turns at it, since Wine's appends through separate handles
 * can overwrite each other (a lost line, seen with four threads).
 *
 * SPDX-License-Identifier: MIT
 */
#include "trace.h"

#include "ascii.h"

#include <objbase.h>
#include <stdarg.h>
#include <wchar.h>

#define LINE_CCH 1024

enum sink { SINK_DEBUGGER, SINK_STDERR, SINK_FILE };

volatile LONG trace_state = TRACE_UNREAD;
static INIT_ONCE config_once = INIT_ONCE_STATIC_INIT;
static enum sink sink;
static WCHAR sink_path[MAX_PATH];
static SRWLOCK file_lock = SRWLOCK_INIT;

static const WCHAR setting_key[] = L"Software\\olkhelper";

static BOOL same_text(const WCHAR *value, const char *word)
{
    return olk_ascii_equal(value, wcslen(value), word);
}

/* The first setting that is there: the environment, then HKCU, then HKLM. */
static BOOL read_setting(WCHAR *value, DWORD cch)
{
    static const HKEY roots[] = { HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE };
    DWORD len = GetEnvironmentVariableW(L"OLKHELPER_TRACE", value, cch);
    size_t i;

    if (len > 0)
        return len < cch;
    for (i = 0; i < ARRAYSIZE(roots); i++)
    {
        DWORD size = cch * sizeof(WCHAR);
        LSTATUS err = RegGetValueW(roots[i], setting_key, L"Trace", RRF_RT_REG_SZ, NULL, value, &size);

        if (err == ERROR_SUCCESS)
            return TRUE;
        if (err != ERROR_FILE_NOT_FOUND)
            return FALSE;
    }
    return FALSE;
}

static BOOL CALLBACK configure_once(INIT_ONCE *once, void *param, void **context)
{
    WCHAR value[MAX_PATH];
    LONG state = TRACE_OFF;

    (void)once;
    (void)param;
    (void)context;
    if (read_setting(value, ARRAYSIZE(value)) && *value && !same_text(value, "off") && !same_text(value, "0"))
    {
        state = TRACE_ON;
        if (same_text(value, "debugger"))
            sink = SINK_DEBUGGER;
        else if (same_text(value, "stderr"))
            sink = SINK_STDERR;
        else
        {
            sink = SINK_FILE;
            wcscpy(sink_path, value);
        }
    }
    InterlockedExchange(&trace_state, state);
    return TRUE;
}

BOOL trace_configure(void)
{
    InitOnceExecuteOnce(&config_once, configure_once, NULL, NULL);
    return trace_state == TRACE_ON;
}

void trace_reset(void)
{
    InitOnceInitialize(&config_once);
    InterlockedExchange(&trace_state, TRACE_UNREAD);
}

static const char *apartment_name(void)
{
    APTTYPEQUALIFIER qualifier;
    APTTYPE type;

    if (FAILED(CoGetApartmentType(&type, &qualifier)))
        return "no-COM";
    switch (type)
    {
    case APTTYPE_STA:     return "STA";
    case APTTYPE_MAINSTA: return "main-STA";
    case APTTYPE_MTA:     return "MTA";
    case APTTYPE_NA:      return "NA";
    default:              return "?";
    }
}

/* UTF-8 to a file or a redirected standard error; a console gets UTF-16. */
static void write_line(HANDLE handle, const WCHAR *line, int len)
{
    char utf8[LINE_CCH * 3];
    DWORD mode, written;
    int bytes;

    if (GetConsoleMode(handle, &mode))
    {
        WriteConsoleW(handle, line, (DWORD)len, &written, NULL);
        return;
    }
    bytes = WideCharToMultiByte(CP_UTF8, 0, line, len, utf8, sizeof(utf8), NULL, NULL);
    if (bytes > 0)
        WriteFile(handle, utf8, (DWORD)bytes, &written, NULL);
}

static void emit(const WCHAR *line, int len)
{
    HANDLE file;

    switch (sink)
    {
    case SINK_DEBUGGER:
        OutputDebugStringW(line);
        break;
    case SINK_STDERR:
        write_line(GetStdHandle(STD_ERROR_HANDLE), line, len);
        break;
    case SINK_FILE:
        AcquireSRWLockExclusive(&file_lock);
        file = CreateFileW(sink_path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
        if (file != INVALID_HANDLE_VALUE)
        {
            write_line(file, line, len);
            CloseHandle(file);
        }
        ReleaseSRWLockExclusive(&file_lock);
        break;
    }
}

void trace_write(const char *area, const char *format, ...)
{
    /* Room for the line end, whatever the text's length. */
    WCHAR line[LINE_CCH + 3], wide_format[TRACE_FORMAT_CCH];
    DWORD error = GetLastError();
    va_list args;
    int len, text;

    olk_widen(wide_format, TRACE_FORMAT_CCH, "olkhelper %lu:%lu %hs %hs: ");
    len = _snwprintf(line, LINE_CCH, wide_format, GetCurrentProcessId(), GetCurrentThreadId(), apartment_name(), area);
    if (len < 0)
        len = 0;
    olk_widen(wide_format, TRACE_FORMAT_CCH, format);
    va_start(args, format);
    text = _vsnwprintf(line + len, LINE_CCH - len, wide_format, args);
    va_end(args);
    len = text < 0 ? LINE_CCH : len + text;
    wcscpy(line + len, L"\r\n");
    emit(line, len + 2);
    /* A traced call's callers may still read the error it left. */
    SetLastError(error);
}
