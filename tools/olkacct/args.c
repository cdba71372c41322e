/*
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "account_vocabulary.h"
#include "console.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const char usage[] =
    "Usage: olkacct [--profile NAME] [--category LIST]... [--json] [--borrow]\n"
    "       olkacct --help | --version\n"
    "\n"
    "Lists the Outlook accounts of a MAPI profile through Outlook's Account\n"
    "Management API, with olkhelper's IOlkAccountHelper.\n"
    "\n"
    "  -p, --profile NAME   the profile to read (default: the default profile)\n"
    "  -c, --category LIST  mail, addressbook, store or all; a comma list or the\n"
    "                       option repeated (default: all). An account in several\n"
    "                       categories is listed once, with all its categories.\n"
    "      --json           a JSON array, one object per account, instead of a table\n"
    "      --borrow         log on to MAPI here and hand the session to the helper\n"
    "                       (IOlkHelperConfig::UseSession) instead of letting the\n"
    "                       helper log on (UseProfile)\n"
    "  -h, --help           this text\n"
    "      --version        olkacct's version\n"
    "\n"
    "Output is UTF-8. Exit codes:\n"
    "  0  success\n"
    "  1  unexpected failure (COM, memory, writing the output)\n"
    "  2  bad arguments\n"
    "  3  olkhelper.dll is not registered (regsvr32 olkhelper.dll)\n"
    "  4  Outlook's account manager is not registered: Outlook is missing, or it\n"
    "     is of the other bitness than this olkacct\n"
    "  6  MAPI is not installed\n"
    "  7  the profile does not exist (or there is no default profile)\n"
    "  8  the logon to the profile failed\n"
    "  9  an Account Management API call failed\n";

const char *olkacct_usage(void)
{
    return usage;
}

static BOOL fail(char *error, size_t size, const char *what, const WCHAR *arg)
{
    char text[192];   /* leaves room for the words around it */

    olkacct_utf8(arg, text, sizeof(text));
    snprintf(error, size, "%s '%s'", what, text);
    return FALSE;
}

static BOOL name_is(const WCHAR *name, size_t len, const WCHAR *candidate)
{
    return wcslen(candidate) == len && CompareStringOrdinal(name, (int)len, candidate, (int)len, TRUE) == CSTR_EQUAL;
}

/* A category's name, or "all". */
static BOOL category_bits(const WCHAR *name, size_t len, DWORD *bits)
{
    size_t i;

    if (name_is(name, len, L"all"))
    {
        *bits = OLK_CATEGORY_ALL;
        return TRUE;
    }
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (name_is(name, len, olk_account_categories[i].name))
        {
            *bits = olk_account_categories[i].bit;
            return TRUE;
        }
    }
    return FALSE;
}

static BOOL add_categories(const WCHAR *list, struct olkacct_options *options, char *error, size_t size)
{
    const WCHAR *p = list;

    if (!*list) return fail(error, size, "empty category list in", list);
    while (*p)
    {
        size_t len = wcscspn(p, L",");
        DWORD bits;

        if (!category_bits(p, len, &bits))
        {
            WCHAR name[64] = { 0 };

            wcsncpy(name, p, len < 63 ? len : 63);
            return fail(error, size, "unknown category (use mail, addressbook, store or all):", name);
        }
        options->categories |= bits;
        p += len;
        if (*p == L',' && !*++p) return fail(error, size, "empty category at the end of", list);
    }
    return TRUE;
}

/* "--name VALUE", "--name=VALUE" or "-x VALUE": the value, or NULL when the
 * argument is not this option. *i moves past a separate value. */
static const WCHAR *option_value(int argc, WCHAR **argv, int *i, const WCHAR *longname, const WCHAR *shortname,
                                 BOOL *missing)
{
    const WCHAR *arg = argv[*i];
    size_t len = wcslen(longname);

    *missing = FALSE;
    if (!wcsncmp(arg, longname, len) && arg[len] == L'=') return arg + len + 1;
    if (wcscmp(arg, longname) && wcscmp(arg, shortname)) return NULL;
    if (*i + 1 >= argc)
    {
        *missing = TRUE;
        return NULL;
    }
    return argv[++*i];
}

static BOOL parse_flag(const WCHAR *arg, struct olkacct_options *options)
{
    if (!wcscmp(arg, L"--json")) options->json = TRUE;
    else if (!wcscmp(arg, L"--borrow")) options->borrow = TRUE;
    else if (!wcscmp(arg, L"--help") || !wcscmp(arg, L"-h")) options->help = TRUE;
    else if (!wcscmp(arg, L"--version")) options->version = TRUE;
    else return FALSE;
    return TRUE;
}

static BOOL parse_one(int argc, WCHAR **argv, int *i, struct olkacct_options *options, char *error, size_t size)
{
    const WCHAR *arg = argv[*i], *value;
    BOOL missing;

    if (parse_flag(arg, options)) return TRUE;
    if ((value = option_value(argc, argv, i, L"--profile", L"-p", &missing)))
    {
        if (options->profile) return fail(error, size, "the profile is given twice:", value);
        if (!*value) return fail(error, size, "empty profile name after", arg);
        options->profile = value;
        return TRUE;
    }
    if (missing) return fail(error, size, "a profile name must follow", arg);
    if ((value = option_value(argc, argv, i, L"--category", L"-c", &missing)))
        return add_categories(value, options, error, size);
    if (missing) return fail(error, size, "a category list must follow", arg);
    if (arg[0] == L'-') return fail(error, size, "unknown option", arg);
    return fail(error, size, "unexpected argument", arg);
}

BOOL olkacct_parse_args(int argc, WCHAR **argv, struct olkacct_options *options, char *error, size_t size)
{
    int i;

    memset(options, 0, sizeof(*options));
    error[0] = 0;
    for (i = 1; i < argc; i++)
        if (!parse_one(argc, argv, &i, options, error, size)) return FALSE;
    if (!options->categories) options->categories = OLK_CATEGORY_ALL;
    return TRUE;
}
