/*
 * olkacct's command line (tools/olkacct/args.c).
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <string.h>
#include <wchar.h>

#include "account_vocabulary.h"
#include "args.h"

static BOOL parse(struct olkacct_options *options, char *error, int argc, ...)
{
    WCHAR *argv[16];
    va_list args;
    int i;

    assert_true(argc < 16);
    va_start(args, argc);
    argv[0] = L"olkacct";
    for (i = 1; i < argc; i++) argv[i] = va_arg(args, WCHAR *);
    va_end(args);
    argv[argc] = NULL;
    memset(options, 0xcc, sizeof(*options));
    return olkacct_parse_args(argc, argv, options, error, 256);
}

static void test_defaults(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_true(parse(&o, error, 1));
    assert_null(o.profile);
    assert_int_equal(o.categories, OLK_CATEGORY_ALL);
    assert_false(o.json);
    assert_false(o.borrow);
    assert_false(o.help);
    assert_false(o.version);
    assert_string_equal(error, "");
}

static void test_profile_forms(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_true(parse(&o, error, 3, L"--profile", L"Home"));
    assert_true(!wcscmp(o.profile, L"Home"));
    assert_true(parse(&o, error, 2, L"--profile=Zo\u00eb \u0141"));
    assert_true(!wcscmp(o.profile, L"Zo\u00eb \u0141"));
    assert_true(parse(&o, error, 3, L"-p", L"Outlook"));
    assert_true(!wcscmp(o.profile, L"Outlook"));
    /* A value that looks like an option is still the value. */
    assert_true(parse(&o, error, 3, L"--profile", L"--json"));
    assert_true(!wcscmp(o.profile, L"--json"));
    assert_false(o.json);
}

static void test_profile_errors(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_false(parse(&o, error, 2, L"--profile"));
    assert_string_equal(error, "a profile name must follow '--profile'");
    assert_false(parse(&o, error, 2, L"--profile="));
    assert_string_equal(error, "empty profile name after '--profile='");
    assert_false(parse(&o, error, 5, L"-p", L"A", L"--profile", L"B"));
    assert_string_equal(error, "the profile is given twice: 'B'");
}

static void test_flags(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_true(parse(&o, error, 3, L"--json", L"--borrow"));
    assert_true(o.borrow);
    assert_true(o.borrow);
    assert_true(parse(&o, error, 2, L"-h"));
    assert_true(o.help);
    assert_true(parse(&o, error, 2, L"--help"));
    assert_true(o.help);
    assert_true(parse(&o, error, 2, L"--version"));
    assert_true(o.version);
    assert_false(o.help);
}

static void test_categories(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_true(parse(&o, error, 3, L"--category", L"mail"));
    assert_int_equal(o.categories, OLK_CATEGORY_MAIL);
    assert_true(parse(&o, error, 2, L"--category=store,addressbook"));
    assert_int_equal(o.categories, OLK_CATEGORY_STORE | OLK_CATEGORY_ADDRESSBOOK);
    assert_true(parse(&o, error, 4, L"-c", L"Mail", L"--category=STORE"));
    assert_int_equal(o.categories, OLK_CATEGORY_MAIL | OLK_CATEGORY_STORE);
    assert_true(parse(&o, error, 3, L"-c", L"all"));
    assert_int_equal(o.categories, OLK_CATEGORY_ALL);
}

static void test_category_errors(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_false(parse(&o, error, 3, L"--category", L"calendar"));
    assert_string_equal(error, "unknown category (use mail, addressbook, store or all): 'calendar'");
    assert_false(parse(&o, error, 3, L"--category", L"mail,,store"));
    assert_string_equal(error, "unknown category (use mail, addressbook, store or all): ''");
    assert_false(parse(&o, error, 3, L"--category", L"mail,"));
    assert_string_equal(error, "empty category at the end of 'mail,'");
    assert_false(parse(&o, error, 2, L"--category="));
    assert_string_equal(error, "empty category list in ''");
    assert_false(parse(&o, error, 2, L"-c"));
    assert_string_equal(error, "a category list must follow '-c'");
    /* A prefix of a name is not the name. */
    assert_false(parse(&o, error, 3, L"-c", L"mai"));
}

static void test_unknown(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_false(parse(&o, error, 2, L"--jsn"));
    assert_string_equal(error, "unknown option '--jsn'");
    assert_false(parse(&o, error, 2, L"Outlook"));
    assert_string_equal(error, "unexpected argument 'Outlook'");
    /* Non-ASCII arguments come back as UTF-8. */
    assert_false(parse(&o, error, 2, L"\u0141"));
    assert_string_equal(error, "unexpected argument '\xc5\x81'");
}

static void test_long_argument_is_cut(void **state)
{
    struct olkacct_options o;
    char error[256];
    WCHAR arg[600];

    (void)state;
    wmemset(arg, L'x', 599);
    arg[0] = L'-';
    arg[599] = 0;
    assert_false(parse(&o, error, 2, arg));
    assert_true(strlen(error) < 256);
    assert_non_null(strstr(error, "...'"));
}

/* Control characters of an argument never reach stderr raw: they become U+FFFD. */
static void test_controls_not_echoed(void **state)
{
    static const WCHAR profile[] = { L'B', 0x1b, L'[', L'2', L'J', 0x9b, 0x85, 0x07, L'\r', 0x7f, 0 };
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_false(parse(&o, error, 5, L"-p", L"A", L"--profile", profile));
    assert_string_equal(error, "the profile is given twice: 'B\xef\xbf\xbd[2J\xef\xbf\xbd\xef\xbf\xbd"
                               "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd'");
}

static void test_usage_lists_exit_codes(void **state)
{
    const char *usage = olkacct_exit_codes();
    const char *codes[] = { "  0  ", "  1  ", "  2  ", "  3  ", "  4  ", "  6  ", "  7  ", "  8  ", "  9  ",
                            " 10  ", " 11  ", " 12  ", " 13  ", " 14  ", " 15  ", " 16  ", " 17  ", " 18  ", " 19  " };
    size_t i, c;

    (void)state;
    for (i = 0; i < ARRAYSIZE(codes); i++) assert_non_null(strstr(usage, codes[i]));
    assert_null(strstr(usage, "  5  "));
    assert_null(strstr(usage, " 53  "));
    for (c = 0; c <= OLKACCT_COMMAND_COUNT; c++)
    {
        usage = c < OLKACCT_COMMAND_COUNT ? olkacct_command_usage((enum olkacct_command)c) : olkacct_usage();
        assert_non_null(strstr(usage, "Usage: olkacct"));
        assert_null(strstr(usage, "\r"));
    }
}

static void test_subcommands(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_true(parse(&o, error, 1));
    assert_int_equal(o.command, OLKACCT_LIST);
    assert_false(o.command_given);
    /* Options before and after the subcommand alike. */
    assert_true(parse(&o, error, 6, L"--borrow", L"set", L"2", L"name=x", L"--dry-run"));
    assert_int_equal(o.command, OLKACCT_SET);
    assert_true(o.borrow);
    assert_true(o.dry_run);
    assert_int_equal(o.arg_count, 2);
    assert_true(!wcscmp(o.args[0].text, L"2"));
    assert_false(o.args[0].is_name);
    assert_true(!wcscmp(o.args[1].text, L"name=x"));
    olkacct_options_free(&o);
    assert_true(parse(&o, error, 6, L"order", L"store", L"--name", L"4", L"1"));
    assert_int_equal(o.arg_count, 3);
    assert_true(o.args[1].is_name);
    assert_false(o.args[2].is_name);
    olkacct_options_free(&o);
    assert_true(parse(&o, error, 5, L"show", L"--json", L"--", L"-p"));
    assert_true(!wcscmp(o.args[0].text, L"-p"));
    assert_null(o.profile);
    olkacct_options_free(&o);
    assert_true(parse(&o, error, 4, L"watch", L"--timeout", L"86400"));
    assert_int_equal(o.timeout, 86400);
    olkacct_options_free(&o);
}

static void test_subcommand_errors(void **state)
{
    struct olkacct_options o;
    char error[256];

    (void)state;
    assert_false(parse(&o, error, 4, L"show", L"1", L"--yes"));
    assert_string_equal(error, "'--yes' does not apply to 'show'");
    assert_false(parse(&o, error, 2, L"set"));
    assert_string_equal(error, "'set' needs an ACCOUNT and at least one NAME=VALUE");
    assert_false(parse(&o, error, 3, L"watch", L"--timeout=86401"));
    assert_string_equal(error, "the timeout must be 1 to 86400 seconds, not '86401'");
    assert_false(parse(&o, error, 4, L"dialog", L"--add", L"--data"));
    assert_string_equal(error, "'--data' and '--add' exclude each other");
    assert_false(parse(&o, error, 4, L"list", L"--all-profiles", L"--borrow"));
    assert_string_equal(error, "'--all-profiles' reads every profile: not with '--borrow'");
    assert_false(parse(&o, error, 5, L"order", L"--name", L"x", L"store"));
    assert_string_equal(error, "a CATEGORY comes first, not the name 'x'");
    assert_false(parse(&o, error, 4, L"restore", L"a", L"b"));
    assert_string_equal(error, "unexpected argument 'b'");
    assert_false(parse(&o, error, 2, L"--name"));
    assert_string_equal(error, "an account name must follow '--name'");
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_profile_forms),
        cmocka_unit_test(test_profile_errors),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_categories),
        cmocka_unit_test(test_category_errors),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_long_argument_is_cut),
        cmocka_unit_test(test_controls_not_echoed),
        cmocka_unit_test(test_usage_lists_exit_codes),
        cmocka_unit_test(test_subcommands),
        cmocka_unit_test(test_subcommand_errors),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
