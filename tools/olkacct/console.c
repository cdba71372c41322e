/*
 * SPDX-License-Identifier: MIT
 */
#include "console.h"
#include "allocator.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static BOOL write_console(HANDLE handle, const char *utf8, size_t len)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, utf8, (int)len, NULL, 0);
    WCHAR *wide;
    DWORD written;
    BOOL ok;

    if (!len) return TRUE;
    if (n <= 0 || !(wide = olkacct_realloc_array(NULL, n, sizeof(WCHAR)))) return FALSE;
    MultiByteToWideChar(CP_UTF8, 0, utf8, (int)len, wide, n);
    ok = WriteConsoleW(handle, wide, n, &written, NULL);
    free(wide);
    return ok;
}

static BOOL write_bytes(HANDLE handle, const char *utf8, size_t len)
{
    DWORD written;

    while (len)
    {
        DWORD chunk = len > 0x10000 ? 0x10000 : (DWORD)len;

        if (!WriteFile(handle, utf8, chunk, &written, NULL) || !written) return FALSE;
        utf8 += written;
        len -= written;
    }
    return TRUE;
}

static BOOL write_handle(DWORD which, const char *utf8, size_t len)
{
    HANDLE handle = GetStdHandle(which);
    DWORD mode;

    if (handle == NULL || handle == INVALID_HANDLE_VALUE) return FALSE;
    if (GetConsoleMode(handle, &mode)) return write_console(handle, utf8, len);
    return write_bytes(handle, utf8, len);
}

BOOL olkacct_write_stdout(const char *utf8, size_t len)
{
    return write_handle(STD_OUTPUT_HANDLE, utf8, len);
}

BOOL olkacct_write_stderr(const char *utf8, size_t len)
{
    return write_handle(STD_ERROR_HANDLE, utf8, len);
}

static char last_error[1024];

const char *olkacct_last_error(void)
{
    return last_error;
}

void olkacct_error(const char *fmt, ...)
{
    char line[1024];
    va_list args;
    int n;

    strcpy(line, "olkacct: ");
    va_start(args, fmt);
    n = vsnprintf(line + 9, sizeof(line) - 10, fmt, args);
    va_end(args);
    if (n < 0) n = 0;
    n = (int)strlen(line);
    memcpy(last_error, line + 9, n - 9 + 1);
    line[n++] = '\n';
    write_handle(STD_ERROR_HANDLE, line, n);
}

void olkacct_utf8(const WCHAR *s, char *out, size_t size)
{
    WCHAR clean[1024];
    size_t len = wcslen(s), keep = len < ARRAYSIZE(clean) ? len : ARRAYSIZE(clean) - 1, i;
    int n;

    for (i = 0; i < keep; i++) clean[i] = olkacct_is_control(s[i]) ? 0xfffd : s[i];
    clean[keep] = 0;
    if (keep == len && WideCharToMultiByte(CP_UTF8, 0, clean, -1, out, (int)size, NULL, NULL)) return;
    /* Too long: keep what surely fits (3 bytes a UTF-16 unit), marked as cut. */
    if (keep > (size - 4) / 3) keep = (size - 4) / 3;
    n = WideCharToMultiByte(CP_UTF8, 0, clean, (int)keep, out, (int)size - 4, NULL, NULL);
    memcpy(out + n, "...", 4);
}
