/*
 * olkacct's reader of its own backup files (tools/olkacct/json_reader.c):
 * what a backup holds is read back exactly; anything else is an error with
 * its offset, never a crash or a guess.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <string.h>
#include <wchar.h>

#include "json_reader.h"

static HRESULT parse(const char *text, struct json_value *value)
{
    size_t offset;

    return json_parse(text, strlen(text), value, &offset);
}

static void test_backup_shape(void **state)
{
    struct json_value v;
    const struct json_value *accounts, *before;

    (void)state;
    assert_hr(parse("\xef\xbb\xbf{ \"olkacct_backup\": 1, \"allow_read_only\": true, \"profile\": \"Zo\\u00eb \xc5\x81\","
                    " \"accounts\": [ { \"id\": 4294967295, \"before\": { \"name\": \"a\\\"b\\\\c\\n\", \"x\": null } } ],"
                    " \"order\": [] }", &v), S_OK);
    assert_int_equal(json_member(&v, L"olkacct_backup")->number, 1);
    assert_int_equal(json_member(&v, L"allow_read_only")->kind, JSON_BOOL);
    assert_int_equal(json_member(&v, L"allow_read_only")->number, 1);
    assert_true(!wcscmp(json_member(&v, L"profile")->string, L"Zo\u00eb \u0141"));
    accounts = json_member(&v, L"accounts");
    assert_int_equal(accounts->kind, JSON_ARRAY);
    assert_int_equal(accounts->count, 1);
    assert_int_equal(json_member(&accounts->items[0], L"id")->number, 0xffffffff);
    before = json_member(&accounts->items[0], L"before");
    assert_true(!wcscmp(json_member(before, L"name")->string, L"a\"b\\c\n"));
    assert_int_equal(json_member(before, L"x")->kind, JSON_NULL);
    assert_int_equal(json_member(&v, L"order")->count, 0);
    assert_null(json_member(&v, L"missing"));
    assert_null(json_member(accounts, L"id"));
    json_free(&v);
}

static void test_not_a_backup(void **state)
{
    static const char *const bad[] =
    {
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "{a: 1}", "\"unterminated", "\"bad \\x escape\"",
        "\"\\u12\"", "4294967296", "-1", "1.5", "1e3", "01", "tru", "nul", "{} {}", "\"\x01\"", "\"\xff\"",
        "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
    };
    struct json_value v;
    size_t i, offset;

    (void)state;
    for (i = 0; i < ARRAYSIZE(bad); i++)
    {
        memset(&v, 0xcc, sizeof(v));
        assert_hr(json_parse(bad[i], strlen(bad[i]), &v, &offset), E_INVALIDARG);
        assert_true(offset <= strlen(bad[i]));
        assert_int_equal(v.kind, JSON_NULL);
        assert_null(v.items);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_backup_shape),
        cmocka_unit_test(test_not_a_backup),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
