/*
 * olkacct's command line: options anywhere (before or after the
 * subcommand), the first other word the subcommand, the rest its arguments
 * (grammar in docs/olkacct.md, "Usage").
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_ARGS_H
#define OLKACCT_ARGS_H

#include <windows.h>
#include <stddef.h>

enum olkacct_command
{
    OLKACCT_LIST,
    OLKACCT_SHOW,
    OLKACCT_SET,
    OLKACCT_RESTORE,
    OLKACCT_DELETE,
    OLKACCT_ORDER,
    OLKACCT_WATCH,
    OLKACCT_DIALOG,
    OLKACCT_COMMAND_COUNT
};

/* A word after the subcommand; is_name: given with --name (never an ID). */
struct olkacct_arg
{
    const WCHAR *text;      /* points into argv */
    BOOL is_name;
};

struct olkacct_options
{
    enum olkacct_command command;   /* OLKACCT_LIST when none is given */
    BOOL command_given;
    const WCHAR *profile;   /* NULL: the default profile; points into argv */
    DWORD categories;       /* enum olk_category bits; never 0 after parsing */
    BOOL json;
    BOOL borrow;
    BOOL trace;             /* --trace: olkhelper's trace to standard error */
    BOOL help;
    BOOL version;
    BOOL all_profiles;
    BOOL dry_run;
    BOOL allow_read_only;
    BOOL force;
    BOOL yes;
    BOOL data_tab;          /* dialog --data */
    BOOL add_account;       /* dialog --add */
    const WCHAR *backup;    /* --backup FILE, or NULL */
    DWORD timeout;          /* watch --timeout, seconds; 0: none */
    int arg_count;
    struct olkacct_arg *args;   /* olkacct_alloc'd; free with olkacct_options_free */
};

/* TRUE with *options filled, or FALSE with a one-line UTF-8 reason in error. */
BOOL olkacct_parse_args(int argc, WCHAR **argv, struct olkacct_options *options, char *error, size_t size);
void olkacct_options_free(struct olkacct_options *options);

/* The --help text (UTF-8, ends with a newline): all subcommands, or one;
 * --help prints it, a blank line and the exit codes. */
const char *olkacct_usage(void);
const char *olkacct_command_usage(enum olkacct_command command);
const char *olkacct_exit_codes(void);

/* The subcommand's name, as typed. */
const char *olkacct_command_name(enum olkacct_command command);

#endif
