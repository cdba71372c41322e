/*
 * The product's ASCII texts (src/ascii.c): widened for Windows, and compared
 * with UTF-16 text as names are (ASCII letters without case, nothing else
 * folded).
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <wchar.h>

#include "ascii.h"

static BOOL equal(const WCHAR *text, const char *ascii)
{
    return olk_ascii_equal(text, wcslen(text), ascii);
}

static void test_equal(void **state)
{
    (void)state;
    assert_true(equal(L"smtp_use_auth", "smtp_use_auth"));
    assert_true(equal(L"SMTP_Use_Auth", "smtp_use_auth"));
    assert_true(equal(L"machine", "MACHINE"));
    assert_true(equal(L"", ""));
    /* Counted: the rest of the text is not looked at. */
    assert_true(olk_ascii_equal(L"name=Work", 4, "name"));
}

static void test_not_equal(void **state)
{
    (void)state;
    assert_false(equal(L"smtp_use", "smtp_use_auth"));
    assert_false(equal(L"smtp_use_auth_", "smtp_use_auth"));
    assert_false(equal(L"", "off"));
    assert_false(equal(L"of", "off"));
    assert_false(equal(L"smtp-use-auth", "smtp_use_auth"));
    /* Letters outside ASCII whose case maps onto ASCII ones stay apart:
     * dotless i, long s, the Kelvin sign. */
    assert_false(equal(L"\x0131" L"d", "id"));
    assert_false(equal(L"\x017f" L"tamp", "stamp"));
    assert_false(equal(L"\x212a", "k"));
    /* A NUL inside the counted text is not the end of the word. */
    assert_false(olk_ascii_equal(L"id\0x", 3, "id"));
}

static void test_widen(void **state)
{
    WCHAR out[8];

    (void)state;
    assert_ptr_equal(olk_widen(out, ARRAYSIZE(out), "CLSID"), out);
    assert_true(!wcscmp(out, L"CLSID"));
    /* Cut to fit, always terminated. */
    olk_widen(out, 4, "InprocServer32");
    assert_true(!wcscmp(out, L"Inp"));
    olk_widen(out, 1, "x");
    assert_int_equal(out[0], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_equal),
        cmocka_unit_test(test_not_equal),
        cmocka_unit_test(test_widen),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
