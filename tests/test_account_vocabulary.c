/*
 * The account vocabulary (src/accounts): every documented property once, its
 * type that of its tag, names unique and derived by the naming rules, access
 * and secrecy as documented, and docs/properties.md generated from it.
 *
 * Run: test_account_vocabulary PATH\TO\docs\properties.md
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "account_vocabulary.h"

static const char *docs_path;

/* The automation name of a JSON member: PascalCase, "id" and "clsid" in capitals. */
static void automation_name(const char *json, char *out, size_t cch)
{
    size_t n = 0;

    while (*json)
    {
        size_t len = strcspn(json, "_"), i;

        assert_true(n + len < cch);
        if (len == 2 && !strncmp(json, "id", 2)) memcpy(out + n, "ID", 2);
        else if (len == 5 && !strncmp(json, "clsid", 5)) memcpy(out + n, "CLSID", 5);
        else
        {
            for (i = 0; i < len; i++) out[n + i] = json[i];
            out[n] = toupper((unsigned char)out[n]);
        }
        n += len;
        json += len;
        if (*json == '_') json++;
    }
    out[n] = 0;
}

static void test_derivation_examples(void **state)
{
    char name[64];

    (void)state;
    automation_name("id", name, ARRAYSIZE(name));
    assert_true(!strcmp(name, "ID"));
    automation_name("type_clsid", name, ARRAYSIZE(name));
    assert_true(!strcmp(name, "TypeCLSID"));
    automation_name("smtp_server", name, ARRAYSIZE(name));
    assert_true(!strcmp(name, "SmtpServer"));
    /* Only the whole word is capitalised. */
    automation_name("mini_uid", name, ARRAYSIZE(name));
    assert_true(!strcmp(name, "MiniUid"));
}

static void test_types_match_tags(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        const struct olk_account_prop *p = &olk_account_props[i];

        assert_true(p->idl_name[0]);    /* no slot of the enum left empty */
        /* Every name ends inside its array (C lets a literal fill one whole, without its NUL). */
        assert_non_null(memchr(p->idl_name, 0, sizeof(p->idl_name)));
        assert_non_null(memchr(p->json, 0, sizeof(p->json)));
        assert_non_null(memchr(p->automation, 0, sizeof(p->automation)));
        assert_int_equal(PROP_TYPE(p->tag) & ~SECURE_FLAG, p->type);
        assert_true(p->type == PT_LONG || p->type == PT_UNICODE || p->type == PT_BINARY);
        assert_int_equal(p->secret, (p->tag & SECURE_FLAG) != 0);
        /* In the order of their tags, so no tag is listed twice. */
        if (i) assert_true(olk_account_props[i - 1].tag < p->tag);
        assert_ptr_equal(olk_account_prop_by_tag(p->tag), p);
    }
    assert_null(olk_account_prop_by_tag(PR_PRIMARY_SEND_ACCT));
    /* A password's tag without SECURE_FLAG (actMgmt.h's mistake) is not documented. */
    assert_null(olk_account_prop_by_tag(PROP_INET_PASSWORD & ~SECURE_FLAG));
}

static BOOL is_member_name(const char *s)
{
    if (!*s || *s == '_' || s[strlen(s) - 1] == '_' || strstr(s, "__")) return FALSE;
    return strspn(s, "abcdefghijklmnopqrstuvwxyz_") == strlen(s);
}

/* JSON members are area_what: the tag's area (inet_, smtp_, pop_, mapi_) and
 * the name; PROP_ACCT_* have no area. */
static void test_json_members(void **state)
{
    static const struct { const char *idl; const char *json; } areas[] =
    {
        { "PROP_INET_", "inet_" }, { "PROP_SMTP_", "smtp_" }, { "PROP_POP_", "pop_" }, { "PROP_MAPI_", "mapi_" },
    };
    size_t i, j, matched;

    (void)state;
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        const struct olk_account_prop *p = &olk_account_props[i];

        assert_true(is_member_name(p->json));
        matched = 0;
        for (j = 0; j < ARRAYSIZE(areas); j++)
        {
            if (strncmp(p->idl_name, areas[j].idl, strlen(areas[j].idl))) continue;
            assert_true(!strncmp(p->json, areas[j].json, strlen(areas[j].json)));
            matched++;
        }
        assert_int_equal(matched, strncmp(p->idl_name, "PROP_ACCT_", 10) ? 1 : 0);
    }
    for (i = 0; i < OLK_INFO_COUNT; i++) assert_true(is_member_name(olk_account_info_members[i].json));
}

/* The names olkacct printed before the vocabulary existed stay as they were. */
static void test_existing_members_kept(void **state)
{
    static const struct { enum olk_prop_id id; const char *json; } kept[] =
    {
        { OLK_PROP_ACCT_ID, "id" }, { OLK_PROP_ACCT_NAME, "name" }, { OLK_PROP_ACCT_MINI_UID, "mini_uid" },
        { OLK_PROP_ACCT_STAMP, "stamp" }, { OLK_PROP_ACCT_USER_EMAIL_ADDR, "email" },
        { OLK_PROP_ACCT_USER_DISPLAY_NAME, "display_name" }, { OLK_PROP_INET_USER, "inet_user" },
        { OLK_PROP_INET_SERVER, "inet_server" }, { OLK_PROP_INET_PORT, "inet_port" },
        { OLK_PROP_SMTP_SERVER, "smtp_server" }, { OLK_PROP_SMTP_PORT, "smtp_port" },
        { OLK_PROP_ACCT_IS_EXCH, "is_exch" }, { OLK_PROP_ACCT_DELIVERY_STORE, "delivery_store" },
    };
    size_t i;

    (void)state;
    for (i = 0; i < ARRAYSIZE(kept); i++) assert_true(!strcmp(olk_account_props[kept[i].id].json, kept[i].json));
    assert_true(!strcmp(olk_account_info_members[OLK_INFO_TYPE].json, "type"));
    assert_true(!strcmp(olk_account_info_members[OLK_INFO_TYPE_CLSID].json, "type_clsid"));
    assert_true(!strcmp(olk_account_info_members[OLK_INFO_CATEGORIES].json, "categories"));
}

/* Every JSON member and automation name of an account, properties and GetAccountInfo's answer alike. */
static size_t all_names(const char **json, const char **automation)
{
    size_t i, n = 0;

    for (i = 0; i < OLK_PROP_COUNT; i++, n++)
    {
        json[n] = olk_account_props[i].json;
        automation[n] = olk_account_props[i].automation;
    }
    for (i = 0; i < OLK_INFO_COUNT; i++, n++)
    {
        json[n] = olk_account_info_members[i].json;
        automation[n] = olk_account_info_members[i].automation;
    }
    return n;
}

static void test_names_unique_and_derived(void **state)
{
    const char *json[OLK_PROP_COUNT + OLK_INFO_COUNT], *automation[OLK_PROP_COUNT + OLK_INFO_COUNT];
    size_t n = all_names(json, automation), i, j;
    char derived[64];

    (void)state;
    for (i = 0; i < n; i++)
    {
        automation_name(json[i], derived, ARRAYSIZE(derived));
        if (strcmp(derived, automation[i])) fail_msg("%s: automation name %s, expected %s", json[i], automation[i],
                                                     derived);
        for (j = 0; j < i; j++)
        {
            assert_true(strcmp(json[i], json[j]));
            assert_true(strcmp(automation[i], automation[j]));
        }
    }
    for (i = 0; i < OLK_PROP_COUNT; i++)
        for (j = 0; j < i; j++) assert_true(strcmp(olk_account_props[i].idl_name, olk_account_props[j].idl_name));
}

/* Microsoft documents these as read/write and every other one as read-only. */
static void test_documented_access(void **state)
{
    static const DWORD read_write[] =
    {
        PROP_ACCT_NAME, PROP_ACCT_USER_DISPLAY_NAME, PROP_ACCT_USER_EMAIL_ADDR, PROP_ACCT_DELIVERY_STORE,
        PROP_ACCT_DELIVERY_FOLDER, PROP_MAPI_IDENTITY_ENTRYID, PROP_MAPI_TRANSPORT_FLAGS,
    };
    size_t i, j;
    BOOL listed;

    (void)state;
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        for (j = 0, listed = FALSE; j < ARRAYSIZE(read_write); j++) listed |= olk_account_props[i].tag == read_write[j];
        assert_int_equal(olk_account_props[i].access, listed ? OLK_PROP_READ_WRITE : OLK_PROP_READ_ONLY);
        /* Only the two passwords are secret. */
        assert_int_equal(olk_account_props[i].secret,
                         i == OLK_PROP_INET_PASSWORD || i == OLK_PROP_SMTP_PASSWORD);
    }
}

static void test_value_names(void **state)
{
    const struct olk_prop_value *v, *w;
    size_t i, lists = 0;

    (void)state;
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        if (!olk_account_props[i].values)
        {
            assert_false(olk_account_props[i].flags);
            continue;
        }
        lists++;
        for (v = olk_account_props[i].values; v->name; v++)
        {
            if (olk_account_props[i].flags) assert_true(v->value && !(v->value & (v->value - 1)));
            for (w = olk_account_props[i].values; w != v; w++)
            {
                assert_true(v->value != w->value);
                assert_true(strcmp(v->name, w->name));
            }
        }
    }
    /* Transport flags, SMTP authentication method and secure connection, POP leave-on-server. */
    assert_int_equal(lists, 4);
    assert_int_equal(olk_account_props[OLK_PROP_SMTP_SECURE_CONNECTION].values[3].value, ENCRYPT_CONN_AUTO);
}

static void test_categories_and_types(void **state)
{
    DWORD all = 0;
    size_t i;

    (void)state;
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        assert_false(all & olk_account_categories[i].bit);
        all |= olk_account_categories[i].bit;
        assert_int_equal(olk_category_bit(olk_account_categories[i].clsid), olk_account_categories[i].bit);
    }
    assert_int_equal(all, OLK_CATEGORY_ALL);
    assert_ptr_equal(olk_account_categories[0].clsid, &CLSID_OlkMail);
    assert_ptr_equal(olk_account_categories[1].clsid, &CLSID_OlkAddressBook);
    assert_ptr_equal(olk_account_categories[2].clsid, &CLSID_OlkStore);
    assert_int_equal(olk_category_bit(&CLSID_OlkMAPIAccount), 0);
    for (i = 0; i < OLK_ACCOUNT_TYPE_COUNT; i++)
        assert_ptr_equal(olk_account_type_name(olk_account_types[i].clsid), olk_account_types[i].name);
    assert_true(!wcscmp(olk_account_type_name(&CLSID_OlkMAPIAccount), L"Exchange/MAPI"));
    assert_null(olk_account_type_name(&CLSID_OlkMail));
}

/* ---- docs/properties.md ------------------------------------------------- */

struct text
{
    char *data;
    size_t len;
};

static void put(struct text *t, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    assert_true(n >= 0);
    t->data = realloc(t->data, t->len + n + 1);
    assert_non_null(t->data);
    va_start(args, fmt);
    vsnprintf(t->data + t->len, n + 1, fmt, args);
    va_end(args);
    t->len += n;
}

static const char *type_name(ULONG type)
{
    return type == PT_LONG ? "PT_LONG" : type == PT_UNICODE ? "PT_UNICODE" : "PT_BINARY";
}

static void put_values(struct text *t, const struct olk_account_prop *p)
{
    const struct olk_prop_value *v;

    if (!p->values) return;
    put(t, p->flags ? "bits: " : "one of: ");
    for (v = p->values; v->name; v++)
        put(t, p->flags ? "%s`%s` (0x%lx)" : "%s`%s` (%lu)", v == p->values ? "" : ", ", v->name,
            (unsigned long)v->value);
}

static void generate_docs(struct text *t)
{
    WCHAR clsid[40];
    size_t i;

    put(t, "| property | tag | type | JSON member | automation name | access | secret | documented values |\n");
    put(t, "|---|---|---|---|---|---|---|---|\n");
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        const struct olk_account_prop *p = &olk_account_props[i];

        put(t, "| `%s` | `0x%08lX` | `%s` | `%s` | `%s` | %s | %s | ", p->idl_name, (unsigned long)p->tag,
            type_name(p->type), p->json, p->automation, p->access == OLK_PROP_READ_WRITE ? "read/write" : "read-only",
            p->secret ? "yes (`SECURE_FLAG`)" : "");
        put_values(t, p);
        put(t, " |\n");
    }
    put(t, "\nWhat `GetAccountInfo` reports, named the same way:\n\n");
    put(t, "| JSON member | automation name |\n|---|---|\n");
    for (i = 0; i < OLK_INFO_COUNT; i++)
        put(t, "| `%s` | `%s` |\n", olk_account_info_members[i].json, olk_account_info_members[i].automation);
    put(t, "\nCategories, in the order olkacct enumerates and lists them:\n\n");
    put(t, "| name | CLSID |\n|---|---|\n");
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        StringFromGUID2(olk_account_categories[i].clsid, clsid, ARRAYSIZE(clsid));
        put(t, "| `%ls` | `%ls` |\n", olk_account_categories[i].name, clsid);
    }
    put(t, "\nAccount types:\n\n| name | CLSID |\n|---|---|\n");
    for (i = 0; i < OLK_ACCOUNT_TYPE_COUNT; i++)
    {
        StringFromGUID2(olk_account_types[i].clsid, clsid, ARRAYSIZE(clsid));
        put(t, "| %ls | `%ls` |\n", olk_account_types[i].name, clsid);
    }
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long size;

    if (!f) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = calloc(1, size + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, size, f), size);
    fclose(f);
    return data;
}

#define BEGIN_MARK "<!-- begin: generated from src/accounts; tests/test_account_vocabulary.c checks it -->\n"
#define END_MARK "<!-- end -->\n"

static void test_docs_match(void **state)
{
    struct text expected = { 0 };
    char *docs, *begin, *end;

    (void)state;
    assert_non_null(docs_path);
    docs = read_text(docs_path);
    generate_docs(&expected);
    begin = strstr(docs, BEGIN_MARK);
    end = begin ? strstr(begin, END_MARK) : NULL;
    if (!begin || !end) fail_msg("%s: no generated section (" BEGIN_MARK "...)", docs_path);
    begin += strlen(BEGIN_MARK);
    if ((size_t)(end - begin) != expected.len || memcmp(begin, expected.data, expected.len))
    {
        fprintf(stderr, "%s is out of date; its generated section should read:\n%s", docs_path, expected.data);
        fail();
    }
    free(expected.data);
    free(docs);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_derivation_examples),
        cmocka_unit_test(test_types_match_tags),
        cmocka_unit_test(test_json_members),
        cmocka_unit_test(test_existing_members_kept),
        cmocka_unit_test(test_names_unique_and_derived),
        cmocka_unit_test(test_documented_access),
        cmocka_unit_test(test_value_names),
        cmocka_unit_test(test_categories_and_types),
        cmocka_unit_test(test_docs_match),
    };

    olk_test_init();
    docs_path = argc > 1 ? argv[1] : NULL;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
