/*
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "account_vocabulary.h"
#include "allocator.h"
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define EXIT_CODES \
    "Output is UTF-8. Exit codes:\n" \
    "  0  success (also a dialog closed normally)\n" \
    "  1  unexpected failure (COM, memory, writing the output)\n" \
    "  2  bad arguments\n" \
    "  3  olkhelper.dll is not registered (regsvr32 olkhelper.dll)\n" \
    "  4  Outlook's account manager is not registered: Outlook is missing, or it\n" \
    "     is of the other bitness than this olkacct\n" \
    "  6  MAPI is not installed\n" \
    "  7  the profile does not exist (or there is no default profile)\n" \
    "  8  the logon to the profile failed\n" \
    "  9  an Account Management API call failed, or the manager refused a change\n" \
    " 10  no account has that ID or name\n" \
    " 11  several accounts have that name\n" \
    " 12  a change refused before anything was written (unknown or read-only\n" \
    "     property, bad value, secret on the command line, order of mail)\n" \
    " 13  delete without --yes: nothing deleted\n" \
    " 14  restore refused: changed since the backup, or cannot be restored\n" \
    " 15  the backup could not be written (or read): nothing changed\n" \
    " 16  list --all-profiles: some profiles could not be read\n" \
    " 17  set --allow-read-only: a read-only property was refused or ignored\n" \
    " 18  dialog: another account dialog is already open\n" \
    " 19  dialog --add: closed without adding an account\n"

#define COMMON \
    "  -p, --profile NAME   the profile (default: the default profile)\n" \
    "      --borrow         log on to MAPI here and hand the session to the helper\n" \
    "                       (IOlkHelperConfig::UseSession) instead of letting the\n" \
    "                       helper log on (UseProfile)\n" \
    "      --trace          olkhelper's trace on standard error: each call into the\n" \
    "                       helper and each MAPI step (OLKHELPER_TRACE=stderr)\n" \
    "  -h, --help           this text\n"

#define ACCOUNT_WORD \
    "ACCOUNT is an account ID (digits) or an account name (exact, any case);\n" \
    "--name NAME always names one by name.\n"

static const char usage[] =
    "Usage: olkacct [OPTION]... [list] [--all-profiles]\n"
    "       olkacct [OPTION]... show ACCOUNT\n"
    "       olkacct [OPTION]... set ACCOUNT NAME=VALUE... [--dry-run] [--allow-read-only]\n"
    "       olkacct [OPTION]... restore FILE [--force]\n"
    "       olkacct [OPTION]... delete ACCOUNT [--yes]\n"
    "       olkacct [OPTION]... order CATEGORY [ACCOUNT...]\n"
    "       olkacct [OPTION]... watch [--timeout SECONDS]\n"
    "       olkacct [OPTION]... dialog [--data | --add]\n"
    "       olkacct [SUBCOMMAND] --help | --version\n"
    "\n"
    "Lists and manages the Outlook accounts of a MAPI profile through Outlook's\n"
    "Account Management API, with olkhelper's IOlkAccountHelper. Options may come\n"
    "before or after the subcommand; without one, olkacct lists.\n"
    "\n"
    "  -p, --profile NAME   the profile to read (default: the default profile)\n"
    "  -c, --category LIST  mail, addressbook, store or all; a comma list or the\n"
    "                       option repeated (default: all). An account in several\n"
    "                       categories is listed once, with all its categories.\n"
    "      --json           JSON instead of a table (list, show, watch)\n"
    "      --borrow         log on to MAPI here and hand the session to the helper\n"
    "                       (IOlkHelperConfig::UseSession) instead of letting the\n"
    "                       helper log on (UseProfile)\n"
    "      --trace          olkhelper's trace on standard error: each call the\n"
    "                       account manager makes into the helper and each MAPI\n"
    "                       step (as OLKHELPER_TRACE=stderr)\n"
    "      --backup FILE    set, delete, order, restore: the backup file\n"
    "                       (default: under %LOCALAPPDATA%\\olkacct\\backups)\n"
    "  -h, --help           this text (olkacct SUBCOMMAND --help: that subcommand's)\n"
    "      --version        olkacct's version\n"
    "\n"
    ACCOUNT_WORD;

static const char *const command_usage[OLKACCT_COMMAND_COUNT] =
{
    [OLKACCT_LIST] =
        "Usage: olkacct [list] [--all-profiles] [--category LIST] [--json] [--profile NAME]\n"
        "\n"
        "Lists the accounts of a profile, or of every profile (--all-profiles).\n"
        "\n"
        "  -c, --category LIST  mail, addressbook, store or all (default: all)\n"
        "      --json           a JSON array instead of a table\n"
        "      --all-profiles   every profile of MAPI's profile table\n"
        COMMON,
    [OLKACCT_SHOW] =
        "Usage: olkacct show ACCOUNT [--json]\n"
        "\n"
        "Every documented property of one account, its documented value names, and\n"
        "which are read-only. Secrets show only as \"set\" or \"not set\".\n"
        "\n" ACCOUNT_WORD "\n"
        "      --json           a JSON object\n"
        COMMON,
    [OLKACCT_SET] =
        "Usage: olkacct set ACCOUNT NAME=VALUE... [--dry-run] [--allow-read-only]\n"
        "                   [--backup FILE]\n"
        "\n"
        "Changes properties (NAME: the JSON names of docs/properties.md). Every value\n"
        "is checked before anything is written; a backup is written first. A secret\n"
        "is given as NAME=- and read from standard input.\n"
        "\n" ACCOUNT_WORD "\n"
        "      --dry-run        print what would change; write nothing\n"
        "      --allow-read-only  try properties documented read-only (outside the\n"
        "                       documented contract; the result is read back)\n"
        "      --backup FILE    the backup file\n"
        COMMON,
    [OLKACCT_RESTORE] =
        "Usage: olkacct restore FILE [--force] [--backup FILE]\n"
        "\n"
        "Puts back what a set or order backed up in FILE. Refuses when the account\n"
        "no longer holds what the change left, unless --force. What the restore\n"
        "replaces is backed up first, so a restore can be restored too. A deleted\n"
        "account cannot be restored: the API cannot create accounts.\n"
        "\n"
        "      --force          restore over later changes\n"
        "      --backup FILE    the backup of what the restore replaces\n"
        COMMON,
    [OLKACCT_DELETE] =
        "Usage: olkacct delete ACCOUNT --yes [--backup FILE]\n"
        "\n"
        "Deletes an account (IOlkAccountManager::DeleteAccount) after a backup.\n"
        "Without --yes, says what would be deleted and deletes nothing. The API\n"
        "cannot recreate a deleted account.\n"
        "\n" ACCOUNT_WORD "\n"
        "      --yes            really delete\n"
        "      --backup FILE    the backup file\n"
        COMMON,
    [OLKACCT_ORDER] =
        "Usage: olkacct order CATEGORY [ACCOUNT...] [--backup FILE]\n"
        "\n"
        "Without accounts, the order of a category (mail, addressbook, store). With\n"
        "them, sets it (addressbook and store only), after a backup: give each\n"
        "account of the category exactly once.\n"
        "\n" ACCOUNT_WORD "\n"
        "      --backup FILE    the backup file\n"
        COMMON,
    [OLKACCT_WATCH] =
        "Usage: olkacct watch [--json] [--timeout SECONDS]\n"
        "\n"
        "Prints the account manager's notifications, one line each, until Ctrl-C or\n"
        "the timeout.\n"
        "\n"
        "      --json           one JSON object per line\n"
        "      --timeout SECONDS  stop after SECONDS (1 to 86400)\n"
        COMMON,
    [OLKACCT_DIALOG] =
        "Usage: olkacct dialog [--data | --add]\n"
        "\n"
        "Opens Outlook's Account Settings (IOlkAccountManager::DisplayAccountList),\n"
        "owned by this console window, and waits until it closes.\n"
        "\n"
        "      --data           the Data tab (ACCTUI_SHOW_DATA_TAB)\n"
        "      --add            Add New Account (ACCTUI_SHOW_ACCTWIZARD)\n"
        COMMON,
};

static const char *const command_names[OLKACCT_COMMAND_COUNT] =
{
    "list", "show", "set", "restore", "delete", "order", "watch", "dialog",
};

/* Which options each subcommand takes. */
enum option_bit
{
    OPT_CATEGORY = 0x1, OPT_JSON = 0x2, OPT_ALL_PROFILES = 0x4, OPT_NAME = 0x8, OPT_DRY_RUN = 0x10,
    OPT_ALLOW_READ_ONLY = 0x20, OPT_BACKUP = 0x40, OPT_FORCE = 0x80, OPT_YES = 0x100, OPT_TIMEOUT = 0x200,
    OPT_DATA = 0x400, OPT_ADD = 0x800,
};

static const DWORD allowed[OLKACCT_COMMAND_COUNT] =
{
    [OLKACCT_LIST] = OPT_CATEGORY | OPT_JSON | OPT_ALL_PROFILES,
    [OLKACCT_SHOW] = OPT_JSON | OPT_NAME,
    [OLKACCT_SET] = OPT_NAME | OPT_DRY_RUN | OPT_ALLOW_READ_ONLY | OPT_BACKUP,
    [OLKACCT_RESTORE] = OPT_FORCE | OPT_BACKUP,
    [OLKACCT_DELETE] = OPT_NAME | OPT_YES | OPT_BACKUP,
    [OLKACCT_ORDER] = OPT_NAME | OPT_BACKUP,
    [OLKACCT_WATCH] = OPT_JSON | OPT_TIMEOUT,
    [OLKACCT_DIALOG] = OPT_DATA | OPT_ADD,
};

static const struct { const WCHAR *name; DWORD bit; } flag_names[] =
{
    { L"--json", OPT_JSON }, { L"--all-profiles", OPT_ALL_PROFILES }, { L"--dry-run", OPT_DRY_RUN },
    { L"--allow-read-only", OPT_ALLOW_READ_ONLY }, { L"--force", OPT_FORCE }, { L"--yes", OPT_YES },
    { L"--data", OPT_DATA }, { L"--add", OPT_ADD }, { L"--category", OPT_CATEGORY }, { L"--name", OPT_NAME },
    { L"--backup", OPT_BACKUP }, { L"--timeout", OPT_TIMEOUT },
};

struct parse
{
    struct olkacct_options *options;
    DWORD seen;                 /* enum option_bit */
    BOOL no_more_options;       /* after "--" */
    char *error;
    size_t size;
};

static const char exit_codes[] = EXIT_CODES;

const char *olkacct_usage(void)
{
    return usage;
}

const char *olkacct_exit_codes(void)
{
    return exit_codes;
}

const char *olkacct_command_usage(enum olkacct_command command)
{
    return command_usage[command];
}

const char *olkacct_command_name(enum olkacct_command command)
{
    return command_names[command];
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
    if (wcscmp(arg, longname) && (!shortname || wcscmp(arg, shortname))) return NULL;
    if (*i + 1 >= argc)
    {
        *missing = TRUE;
        return NULL;
    }
    return argv[++*i];
}

static BOOL parse_flag(const WCHAR *arg, struct parse *p)
{
    struct olkacct_options *o = p->options;

    if (!wcscmp(arg, L"--json")) o->json = TRUE;
    else if (!wcscmp(arg, L"--borrow")) o->borrow = TRUE;
    else if (!wcscmp(arg, L"--trace")) o->trace = TRUE;
    else if (!wcscmp(arg, L"--help") || !wcscmp(arg, L"-h")) o->help = TRUE;
    else if (!wcscmp(arg, L"--version")) o->version = TRUE;
    else if (!wcscmp(arg, L"--all-profiles")) o->all_profiles = TRUE;
    else if (!wcscmp(arg, L"--dry-run")) o->dry_run = TRUE;
    else if (!wcscmp(arg, L"--allow-read-only")) o->allow_read_only = TRUE;
    else if (!wcscmp(arg, L"--force")) o->force = TRUE;
    else if (!wcscmp(arg, L"--yes")) o->yes = TRUE;
    else if (!wcscmp(arg, L"--data")) o->data_tab = TRUE;
    else if (!wcscmp(arg, L"--add")) o->add_account = TRUE;
    else return FALSE;
    return TRUE;
}

static void note_option(struct parse *p, const WCHAR *arg)
{
    size_t i;

    for (i = 0; i < ARRAYSIZE(flag_names); i++)
    {
        size_t len = wcslen(flag_names[i].name);

        if (!wcsncmp(arg, flag_names[i].name, len) && (!arg[len] || arg[len] == L'=')) p->seen |= flag_names[i].bit;
    }
    if (!wcscmp(arg, L"-c")) p->seen |= OPT_CATEGORY;
}

static BOOL parse_timeout(const WCHAR *value, struct parse *p)
{
    WCHAR *end;
    unsigned long n = wcstoul(value, &end, 10);

    if (!*value || *end || value[0] == L'-' || n < 1 || n > 86400)
        return fail(p->error, p->size, "the timeout must be 1 to 86400 seconds, not", value);
    p->options->timeout = (DWORD)n;
    return TRUE;
}

static BOOL add_word(struct parse *p, const WCHAR *word, BOOL is_name)
{
    struct olkacct_options *o = p->options;
    size_t i;

    if (!o->command_given && !is_name)
    {
        for (i = 0; i < OLKACCT_COMMAND_COUNT; i++)
        {
            WCHAR name[16];

            MultiByteToWideChar(CP_UTF8, 0, command_names[i], -1, name, ARRAYSIZE(name));
            if (wcscmp(word, name)) continue;
            o->command = (enum olkacct_command)i;
            o->command_given = TRUE;
            return TRUE;
        }
        return fail(p->error, p->size, "unexpected argument", word);
    }
    o->args[o->arg_count].text = word;
    o->args[o->arg_count++].is_name = is_name;
    return TRUE;
}

static BOOL parse_valued(int argc, WCHAR **argv, int *i, struct parse *p, BOOL *done)
{
    struct olkacct_options *o = p->options;
    const WCHAR *arg = argv[*i], *value;
    BOOL missing;

    *done = TRUE;
    if ((value = option_value(argc, argv, i, L"--profile", L"-p", &missing)))
    {
        if (o->profile) return fail(p->error, p->size, "the profile is given twice:", value);
        if (!*value) return fail(p->error, p->size, "empty profile name after", arg);
        o->profile = value;
        return TRUE;
    }
    if (missing) return fail(p->error, p->size, "a profile name must follow", arg);
    if ((value = option_value(argc, argv, i, L"--category", L"-c", &missing)))
        return add_categories(value, o, p->error, p->size);
    if (missing) return fail(p->error, p->size, "a category list must follow", arg);
    if ((value = option_value(argc, argv, i, L"--name", NULL, &missing)))
    {
        if (!*value) return fail(p->error, p->size, "empty account name after", arg);
        return add_word(p, value, TRUE);
    }
    if (missing) return fail(p->error, p->size, "an account name must follow", arg);
    if ((value = option_value(argc, argv, i, L"--backup", NULL, &missing)))
    {
        if (o->backup) return fail(p->error, p->size, "the backup file is given twice:", value);
        if (!*value) return fail(p->error, p->size, "empty file name after", arg);
        o->backup = value;
        return TRUE;
    }
    if (missing) return fail(p->error, p->size, "a file name must follow", arg);
    if ((value = option_value(argc, argv, i, L"--timeout", NULL, &missing))) return parse_timeout(value, p);
    if (missing) return fail(p->error, p->size, "a number of seconds must follow", arg);
    *done = FALSE;
    return TRUE;
}

static BOOL parse_one(int argc, WCHAR **argv, int *i, struct parse *p)
{
    const WCHAR *arg = argv[*i];
    BOOL done;

    if (p->no_more_options || arg[0] != L'-' || !arg[1]) return add_word(p, arg, FALSE);
    if (!wcscmp(arg, L"--"))
    {
        p->no_more_options = TRUE;
        return TRUE;
    }
    note_option(p, arg);
    if (parse_flag(arg, p)) return TRUE;
    if (!parse_valued(argc, argv, i, p, &done)) return FALSE;
    if (done) return TRUE;
    return fail(p->error, p->size, "unknown option", arg);
}

/* The words each subcommand needs: at least min, at most max (-1: any). */
static BOOL check_words(struct parse *p)
{
    static const struct { int min, max; const char *what; } words[OLKACCT_COMMAND_COUNT] =
    {
        [OLKACCT_LIST] = { 0, 0, NULL },
        [OLKACCT_SHOW] = { 1, 1, "an ACCOUNT" },
        [OLKACCT_SET] = { 2, -1, "an ACCOUNT and at least one NAME=VALUE" },
        [OLKACCT_RESTORE] = { 1, 1, "a backup FILE" },
        [OLKACCT_DELETE] = { 1, 1, "an ACCOUNT" },
        [OLKACCT_ORDER] = { 1, -1, "a CATEGORY" },
        [OLKACCT_WATCH] = { 0, 0, NULL },
        [OLKACCT_DIALOG] = { 0, 0, NULL },
    };
    struct olkacct_options *o = p->options;
    int n = o->arg_count;

    if (n > words[o->command].max && words[o->command].max >= 0)
        return fail(p->error, p->size, "unexpected argument", o->args[words[o->command].max].text);
    if (n < words[o->command].min)
    {
        snprintf(p->error, p->size, "'%s' needs %s", command_names[o->command], words[o->command].what);
        return FALSE;
    }
    if (o->command == OLKACCT_ORDER && n && o->args[0].is_name)
        return fail(p->error, p->size, "a CATEGORY comes first, not the name", o->args[0].text);
    return TRUE;
}

static BOOL check_options(struct parse *p)
{
    struct olkacct_options *o = p->options;
    DWORD stray = p->seen & ~allowed[o->command];
    size_t i;

    for (i = 0; stray && i < ARRAYSIZE(flag_names); i++)
    {
        if (!(stray & flag_names[i].bit)) continue;
        snprintf(p->error, p->size, "'%ls' does not apply to '%s'", flag_names[i].name, command_names[o->command]);
        return FALSE;
    }
    if (o->data_tab && o->add_account)
    {
        snprintf(p->error, p->size, "'--data' and '--add' exclude each other");
        return FALSE;
    }
    if (o->all_profiles && (o->profile || o->borrow))
    {
        snprintf(p->error, p->size, "'--all-profiles' reads every profile: not with '%s'",
                 o->profile ? "--profile" : "--borrow");
        return FALSE;
    }
    return TRUE;
}

BOOL olkacct_parse_args(int argc, WCHAR **argv, struct olkacct_options *options, char *error, size_t size)
{
    struct parse p = { options, 0, FALSE, error, size };
    int i;

    memset(options, 0, sizeof(*options));
    error[0] = 0;
    if (!(options->args = olkacct_alloc_array(argc + 1, sizeof(*options->args))))
    {
        snprintf(error, size, "out of memory");
        return FALSE;
    }
    for (i = 1; i < argc; i++)
        if (!parse_one(argc, argv, &i, &p)) return FALSE;
    if (!options->categories) options->categories = OLK_CATEGORY_ALL;
    if (options->help || options->version) return TRUE;
    return check_options(&p) && check_words(&p);
}

void olkacct_options_free(struct olkacct_options *options)
{
    free(options->args);
    options->args = NULL;
    options->arg_count = 0;
}
