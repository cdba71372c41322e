/*
 * olkacct's output formats (tools/olkacct/output.c): the table aligned by
 * character and valid, escaped, UTF-8 JSON.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdlib.h>
#include <string.h>

#include "output.h"

static void set_long(struct olk_account_record *r, int field, DWORD dw)
{
    r->values[field].type = PT_LONG;
    r->values[field].dw = dw;
}

static void set_text(struct olk_account_record *r, int field, const WCHAR *s)
{
    r->values[field].type = PT_UNICODE;
    r->values[field].str = _wcsdup(s);
}

static void set_binary(struct olk_account_record *r, int field, const BYTE *bin, DWORD cb)
{
    r->values[field].type = PT_BINARY;
    r->values[field].bin = malloc(cb ? cb : 1);
    memcpy(r->values[field].bin, bin, cb);
    r->values[field].cb = cb;
}

/* Two accounts: an Exchange one and an IMAP one whose name is not ASCII. */
static void sample(struct olk_account_list *list)
{
    static const BYTE store[] = { 0x00, 0x0a, 0xff, 0x38 };
    struct olk_account_record *r;

    list->count = 2;
    list->items = calloc(2, sizeof(*list->items));
    r = &list->items[0];
    r->type = CLSID_OlkMAPIAccount;
    r->categories = 0x1 | 0x4;
    set_long(r, OLK_PROP_ACCT_ID, 1);
    set_text(r, OLK_PROP_ACCT_NAME, L"anna@contoso.com");
    set_text(r, OLK_PROP_ACCT_USER_EMAIL_ADDR, L"anna@contoso.com");
    set_long(r, OLK_PROP_ACCT_IS_EXCH, 1);
    set_binary(r, OLK_PROP_ACCT_DELIVERY_STORE, store, sizeof(store));
    r = &list->items[1];
    r->type = CLSID_OlkIMAP4Account;
    r->categories = 0x1;
    set_long(r, OLK_PROP_ACCT_ID, 22);
    set_text(r, OLK_PROP_ACCT_NAME, L"Zo\u00eb \u0141ukasiewicz");
    set_text(r, OLK_PROP_INET_SERVER, L"imap.example.org");
    set_long(r, OLK_PROP_INET_PORT, 993);
    set_text(r, OLK_PROP_SMTP_SERVER, L"smtp.example.org");
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t chars = 0, i;

    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80) chars++;
    return chars;
}

/* The character column at which `column` starts on `line`. */
static size_t column_at(const char *line, const char *column)
{
    const char *p = strstr(line, column);

    assert_non_null(p);
    return utf8_chars(line, p - line);
}

static void test_table(void **state)
{
    struct olk_account_list list = { 0 };
    char *text, *lines[4], *p;
    size_t len, n = 0;

    (void)state;
    sample(&list);
    assert_hr(olkacct_format_table(&list, &text, &len), S_OK);
    assert_int_equal(strlen(text), len);
    assert_null(strchr(text, '\r'));
    assert_int_equal(text[len - 1], '\n');
    for (p = strtok(text, "\n"); p && n < 4; p = strtok(NULL, "\n")) lines[n++] = p;
    assert_int_equal(n, 3);
    assert_string_equal(lines[0], "ID  NAME              TYPE           CATEGORIES  EMAIL             "
                                  "SERVER                SMTP");
    assert_string_equal(lines[1], "1   anna@contoso.com  Exchange/MAPI  mail,store  anna@contoso.com  "
                                  "-                     -");
    /* Aligned by character: the non-ASCII name takes fewer columns than bytes. */
    assert_int_equal(column_at(lines[2], "IMAP4"), column_at(lines[0], "TYPE"));
    assert_int_equal(column_at(lines[2], "imap.example.org:993"), column_at(lines[0], "SERVER"));
    assert_string_equal(lines[2], "22  Zo\xc3\xab \xc5\x81ukasiewicz   IMAP4          mail        -          "
                                  "       imap.example.org:993  smtp.example.org");
    free(text);
    olk_account_list_free(&list);
}

static void test_table_empty_and_odd_text(void **state)
{
    struct olk_account_list list = { 0 };
    char *text;
    size_t len;
    /* Outside the BMP: one character, two UTF-16 units, four UTF-8 bytes. */
    static const WCHAR name[] = L"a\U0001F600\tb";

    (void)state;
    assert_hr(olkacct_format_table(&list, &text, &len), S_OK);
    assert_string_equal(text, "ID  NAME  TYPE  CATEGORIES  EMAIL  SERVER  SMTP\n");
    free(text);

    list.count = 1;
    list.items = calloc(1, sizeof(*list.items));
    list.items[0].type = CLSID_OlkMail;  /* not an account type: shown as the CLSID */
    set_text(&list.items[0], OLK_PROP_ACCT_NAME, name);
    assert_hr(olkacct_format_table(&list, &text, &len), S_OK);
    assert_non_null(strstr(text, "\n-   a\xf0\x9f\x98\x80 b  {ED475418-B0D6-11D2-8C3B-00104B2A6676}  -  "));
    assert_non_null(strstr(text, "ID  NAME  TYPE                                    CATEGORIES"));
    free(text);
    olk_account_list_free(&list);
}

/* C1 controls (U+0085 NEL, U+009B CSI) are shown as spaces like C0 and DEL;
 * a lone surrogate takes the one column of the U+FFFD that stands for it. */
static void test_table_controls_and_lone_surrogates(void **state)
{
    static const WCHAR name[] = { L'a', 0x9b, L'3', L'1', L'm', 0x85, 0x80, 0x9f, 0x7f, 0x1b, L'b', 0 };
    static const WCHAR lone[] = { L'x', 0xdc00, L'y', 0xd800, 0 };
    struct olk_account_list list = { 0 };
    char *text, *line;
    size_t len;

    (void)state;
    list.count = 2;
    list.items = calloc(2, sizeof(*list.items));
    list.items[0].type = CLSID_OlkPOP3Account;
    set_text(&list.items[0], OLK_PROP_ACCT_NAME, name);
    list.items[1].type = CLSID_OlkPOP3Account;
    set_text(&list.items[1], OLK_PROP_ACCT_NAME, lone);
    assert_hr(olkacct_format_table(&list, &text, &len), S_OK);
    assert_null(strstr(text, "\xc2\x9b"));
    assert_null(strstr(text, "\xc2\x85"));
    assert_null(strchr(text, 0x1b));
    assert_non_null(strstr(text, "\n-   a 31m     b  POP3  -"));
    /* Four characters as printed, so TYPE starts in the column of the rows above. */
    line = strstr(text, "\n-   x\xef\xbf\xbdy\xef\xbf\xbd");
    assert_non_null(line);
    assert_int_equal(column_at(line + 1, "POP3"), column_at(text, "TYPE"));
    free(text);
    olk_account_list_free(&list);
}

static void test_json(void **state)
{
    struct olk_account_list list = { 0 };
    char *text;
    size_t len;

    (void)state;
    sample(&list);
    assert_hr(olkacct_format_json(&list, &text, &len), S_OK);
    assert_null(strchr(text, '\r'));
    assert_non_null(strstr(text, "[\n  {\n    \"id\": 1,\n    \"name\": \"anna@contoso.com\",\n"
                                 "    \"type\": \"Exchange/MAPI\",\n"
                                 "    \"type_clsid\": \"{ED475414-B0D6-11D2-8C3B-00104B2A6676}\",\n"
                                 "    \"categories\": [\"mail\", \"store\"],\n    \"mini_uid\": null,\n"));
    assert_non_null(strstr(text, "    \"is_exch\": 1,\n    \"delivery_store\": \"000aff38\"\n  },\n"));
    assert_non_null(strstr(text, "\"name\": \"Zo\xc3\xab \xc5\x81ukasiewicz\""));
    assert_non_null(strstr(text, "\"inet_port\": 993,"));
    assert_non_null(strstr(text, "\"smtp_port\": null,"));
    assert_non_null(strstr(text, "\"delivery_store\": null\n  }\n]\n"));
    free(text);
    olk_account_list_free(&list);
}

static void test_json_escaping(void **state)
{
    struct olk_account_list list = { 0 };
    static const WCHAR odd[] = { L'"', L'\\', L'\n', L'\t', 0x01, 0x7f, 0xd83d, 0xde00, 0xd800, L'x', 0xdc00, 0 };
    char *text;
    size_t len;

    (void)state;
    list.count = 1;
    list.items = calloc(1, sizeof(*list.items));
    set_text(&list.items[0], OLK_PROP_ACCT_NAME, odd);
    set_binary(&list.items[0], OLK_PROP_ACCT_DELIVERY_STORE, (const BYTE *)"", 0);
    assert_hr(olkacct_format_json(&list, &text, &len), S_OK);
    assert_non_null(strstr(text, "\"name\": \"\\\"\\\\\\n\\t\\u0001\x7f\xf0\x9f\x98\x80\\ufffdx\\ufffd\""));
    assert_non_null(strstr(text, "\"delivery_store\": \"\""));
    assert_non_null(strstr(text, "\"categories\": [],"));
    free(text);
    olk_account_list_free(&list);

    assert_hr(olkacct_format_json(&list, &text, &len), S_OK);
    assert_string_equal(text, "[]\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_table_empty_and_odd_text),
        cmocka_unit_test(test_table_controls_and_lone_surrogates),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_escaping),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
