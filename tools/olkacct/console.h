/*
 * olkacct's output channels: UTF-8 bytes to a file or pipe (never a CRT text
 * mode that would turn \n into \r\n), UTF-16 to a console window so that
 * non-ASCII names show whatever the console code page.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_CONSOLE_H
#define OLKACCT_CONSOLE_H

#include <windows.h>
#include <stddef.h>

/* FALSE when the text could not be written (a closed pipe, a full disk). */
BOOL olkacct_write_stdout(const char *utf8, size_t len);

BOOL olkacct_write_stderr(const char *utf8, size_t len);

/* "olkacct: <message>\n" on stderr; the format and its %s arguments are UTF-8. */
void olkacct_error(const char *fmt, ...) __attribute__((format(ms_printf, 1, 2)));

/* The last message olkacct_error printed, without "olkacct: " and the newline. */
const char *olkacct_last_error(void);

/* A UTF-16 string as UTF-8 for messages, cut (with "...") to fit size.
 * Control characters become U+FFFD, so that text from the command line or
 * from account data never reaches the terminal as a control sequence. */
void olkacct_utf8(const WCHAR *s, char *out, size_t size);

/* C0, DEL and C1 (U+0080-U+009F): what a terminal may act on rather than show. */
static inline BOOL olkacct_is_control(WCHAR c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

#endif
