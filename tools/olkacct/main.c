/*
 * olkacct: lists and manages a profile's Outlook accounts the way a program
 * would, through olkhelper's registered IOlkAccountHelper, Outlook's account
 * manager and the product's account model. Every failure is one
 * "olkacct: ..." line and its own exit code.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <objbase.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "console.h"
#include "exit_codes.h"

static int print_text(const char *text)
{
    if (olkacct_write_stdout(text, strlen(text))) return OLKACCT_EXIT_OK;
    olkacct_error("cannot write the output (error %lu)", GetLastError());
    return OLKACCT_EXIT_FAILURE;
}

static int (*const commands[OLKACCT_COMMAND_COUNT])(const struct olkacct_options *) =
{
    [OLKACCT_LIST] = olkacct_cmd_list,
    [OLKACCT_SHOW] = olkacct_cmd_show,
    [OLKACCT_SET] = olkacct_cmd_set,
    [OLKACCT_RESTORE] = olkacct_cmd_restore,
    [OLKACCT_DELETE] = olkacct_cmd_delete,
    [OLKACCT_ORDER] = olkacct_cmd_order,
    [OLKACCT_WATCH] = olkacct_cmd_watch,
    [OLKACCT_DIALOG] = olkacct_cmd_dialog,
};

static int run(const struct olkacct_options *options)
{
    char version[64];
    HRESULT hr;
    int code;

    if (options->help)
    {
        code = print_text(options->command_given ? olkacct_command_usage(options->command) : olkacct_usage());
        return code ? code : print_text("\n") ? OLKACCT_EXIT_FAILURE : print_text(olkacct_exit_codes());
    }
    if (options->version)
    {
        snprintf(version, sizeof(version), "olkacct %s (%d-bit)\n", OLKACCT_VERSION, OLKACCT_BITS);
        return print_text(version);
    }
    if (FAILED(hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)))
    {
        olkacct_error("CoInitializeEx failed: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_FAILURE;
    }
    code = commands[options->command](options);
    CoUninitialize();
    return code;
}

int wmain(int argc, WCHAR **argv)
{
    struct olkacct_options options;
    char error[512];
    int code;

    if (!olkacct_parse_args(argc, argv, &options, error, sizeof(error)))
    {
        if (options.command_given)
            olkacct_error("%s (try olkacct %s --help)", error, olkacct_command_name(options.command));
        else
            olkacct_error("%s (try --help)", error);
        olkacct_options_free(&options);
        return OLKACCT_EXIT_USAGE;
    }
    /* Read by olkhelper.dll (and by olkacct's own MAPI unit) at its first
     * traced event, which comes after this. */
    if (options.trace)
        SetEnvironmentVariableW(L"OLKHELPER_TRACE", L"stderr");
    code = run(&options);
    olkacct_options_free(&options);
    return code;
}
