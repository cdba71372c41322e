/*
 * olkacct's command line.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_ARGS_H
#define OLKACCT_ARGS_H

#include <windows.h>
#include <stddef.h>

struct olkacct_options
{
    const WCHAR *profile;   /* NULL: the default profile; points into argv */
    DWORD categories;       /* enum olk_category bits; never 0 after parsing */
    BOOL json;
    BOOL borrow;
    BOOL help;
    BOOL version;
};

/* TRUE with *options filled, or FALSE with a one-line UTF-8 reason in error. */
BOOL olkacct_parse_args(int argc, WCHAR **argv, struct olkacct_options *options, char *error, size_t size);

/* The --help text (UTF-8, ends with a newline). */
const char *olkacct_usage(void);

#endif
