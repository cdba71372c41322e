/*
 * The account model's changes (src/accounts/account_values.c,
 * account_changes.c, account_watch.c) against the stand-in account manager,
 * which writes every saved change to its data file: values parsed by type
 * and documented range, every change checked before the first SetProp,
 * delete, order, and the notifications of all three in this process.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "account_model.h"
#include "memory.h"
#include "alloc_faults.h"
#include "standin.h"
#include "test_support.h"

static const char data[] =
    "[account]\n"
    "profile = Outlook\n"
    "type = mapi\n"
    "categories = mail, store\n"
    "ACCT_ID = 1\n"
    "ACCT_NAME = anna@contoso.com\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = imap4\n"
    "categories = mail, store\n"
    "ACCT_ID = 2\n"
    "ACCT_NAME = Gmail\n"
    "INET_PORT = 993\n"
    "ACCT_USER_DISPLAY_NAME = Kasia\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = pop3\n"
    "categories = mail\n"
    "ACCT_ID = 3\n"
    "ACCT_NAME = GMAIL\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = ldap\n"
    "categories = addressbook\n"
    "ACCT_ID = 4\n"
    "ACCT_NAME = Directory\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = ldap\n"
    "categories = addressbook\n"
    "ACCT_ID = 5\n"
    "ACCT_NAME = Other directory\n";

struct fixture
{
    struct fake_helper helper;
    IOlkAccountManager *manager;
    LONG violations;
};

static IOlkAccountManager *open_manager(struct fake_helper *helper)
{
    IOlkAccountManager *manager;

    fake_helper_init(helper, L"Outlook", FLAW_NONE);
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&manager), S_OK);
    assert_hr(IOlkAccountManager_Init(manager, &helper->IOlkAccountHelper_iface, 1), S_OK);
    return manager;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    standin_test_data(data);
    SetEnvironmentVariableW(L"OLK_STANDIN_READ_ONLY", NULL);
    f->manager = open_manager(&f->helper);
    f->violations = standin_violation_count();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    int bad;

    IOlkAccountManager_Release(f->manager);
    bad = standin_violation_count() != f->violations || standin_lock_count();
    free(f);
    standin_test_data_remove();
    SetEnvironmentVariableW(L"OLK_STANDIN_READ_ONLY", NULL);
    return bad ? -1 : 0;
}

/* What another process would read: a new manager over the data file. */
static void read_fresh(DWORD id, struct olk_account_record *record)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = open_manager(&helper);
    IOlkAccount *account;
    const char *step;

    assert_hr(olk_account_find_id(manager, id, &account), S_OK);
    assert_hr(olk_account_read(account, record, &step), S_OK);
    IOlkAccount_Release(account);
    IOlkAccountManager_Release(manager);
}

static struct olk_change change(enum olk_prop_id id, const WCHAR *text)
{
    struct olk_change c;
    enum olk_parse_error error;

    c.prop = &olk_account_props[id];
    assert_hr(olk_value_parse(c.prop, text, &c.value, &error), S_OK);
    return c;
}

/* ---- parsing --------------------------------------------------------------- */

static void expect_parse(enum olk_prop_id id, const WCHAR *text, enum olk_parse_error expected, DWORD dw)
{
    struct olk_value value;
    enum olk_parse_error error;
    HRESULT hr = olk_value_parse(&olk_account_props[id], text, &value, &error);

    assert_int_equal(error, expected);
    assert_hr(hr, expected ? E_INVALIDARG : S_OK);
    if (!expected && value.type == PT_LONG) assert_int_equal(value.dw, dw);
    if (expected) assert_int_equal(value.type, 0);
    olk_value_free(&value);
}

static void test_parse(void **state)
{
    struct olk_value value;
    enum olk_parse_error error;

    (void)state;
    expect_parse(OLK_PROP_INET_PORT, L"993", OLK_PARSE_OK, 993);
    expect_parse(OLK_PROP_INET_PORT, L"0x3e1", OLK_PARSE_OK, 993);
    expect_parse(OLK_PROP_INET_PORT, L"4294967295", OLK_PARSE_OK, 0xffffffff);
    expect_parse(OLK_PROP_INET_PORT, L"4294967296", OLK_PARSE_TOO_BIG, 0);
    expect_parse(OLK_PROP_INET_PORT, L"-1", OLK_PARSE_NOT_NUMBER, 0);
    expect_parse(OLK_PROP_INET_PORT, L"99x", OLK_PARSE_NOT_NUMBER, 0);
    expect_parse(OLK_PROP_INET_PORT, L"0x", OLK_PARSE_NOT_NUMBER, 0);
    expect_parse(OLK_PROP_INET_PORT, L"", OLK_PARSE_EMPTY, 0);
    expect_parse(OLK_PROP_SMTP_SECURE_CONNECTION, L"encrypt_conn_tls", OLK_PARSE_OK, ENCRYPT_CONN_TLS);
    expect_parse(OLK_PROP_SMTP_SECURE_CONNECTION, L"3", OLK_PARSE_OK, ENCRYPT_CONN_AUTO);
    expect_parse(OLK_PROP_SMTP_SECURE_CONNECTION, L"7", OLK_PARSE_NOT_DOCUMENTED, 0);
    expect_parse(OLK_PROP_SMTP_SECURE_CONNECTION, L"1|2", OLK_PARSE_NOT_NUMBER, 0);
    expect_parse(OLK_PROP_POP_LEAVE_ON_SERVER, L"LEAVE_ON_SERVER|REMOVE_AFTER", OLK_PARSE_OK, 3);
    expect_parse(OLK_PROP_POP_LEAVE_ON_SERVER, L"0x000e0003", OLK_PARSE_OK, 0x000e0003);
    expect_parse(OLK_PROP_POP_LEAVE_ON_SERVER, L"8", OLK_PARSE_UNKNOWN_BITS, 0);
    expect_parse(OLK_PROP_POP_LEAVE_ON_SERVER, L"LEAVE_ON_SERVER|", OLK_PARSE_NOT_NUMBER, 0);
    expect_parse(OLK_PROP_ACCT_NAME, L"Zo\u00eb", OLK_PARSE_OK, 0);
    expect_parse(OLK_PROP_ACCT_DELIVERY_STORE, L"00aAfF", OLK_PARSE_OK, 0);
    expect_parse(OLK_PROP_ACCT_DELIVERY_STORE, L"00a", OLK_PARSE_NOT_HEX, 0);
    expect_parse(OLK_PROP_ACCT_DELIVERY_STORE, L"0g", OLK_PARSE_NOT_HEX, 0);
    assert_hr(olk_value_parse(&olk_account_props[OLK_PROP_ACCT_DELIVERY_STORE], L"00aAfF", &value, &error), S_OK);
    assert_int_equal(value.cb, 3);
    assert_memory_equal(value.bin, "\x00\xaa\xff", 3);
    olk_value_free(&value);
    assert_ptr_equal(olk_prop_by_json(L"Display_Name", 12), &olk_account_props[OLK_PROP_ACCT_USER_DISPLAY_NAME]);
    assert_null(olk_prop_by_json(L"display", 7));
}

static void parse_once(void *context)
{
    struct olk_value value;
    enum olk_parse_error error;
    HRESULT hr = olk_value_parse(&olk_account_props[*(enum olk_prop_id *)context], L"00aa", &value, &error);

    assert_hr(hr, alloc_faults_injected() ? E_OUTOFMEMORY : S_OK);
    olk_value_free(&value);
    assert_int_equal(alloc_faults_live(), 0);
}

static void test_parse_out_of_memory(void **state)
{
    enum olk_prop_id ids[] = { OLK_PROP_ACCT_NAME, OLK_PROP_ACCT_DELIVERY_STORE };

    (void)state;
    assert_int_equal(alloc_faults_each(parse_once, &ids[0]), 1);
    assert_int_equal(alloc_faults_each(parse_once, &ids[1]), 1);
}

/* ---- set ------------------------------------------------------------------- */

static void test_set_saves(void **state)
{
    struct fixture *f = *state;
    struct olk_change changes[2];
    struct olk_account_record record;
    IOlkAccount *account;
    DWORD failed = 99;

    changes[0] = change(OLK_PROP_ACCT_NAME, L"Work mail");
    changes[1] = change(OLK_PROP_ACCT_USER_DISPLAY_NAME, L"K. Nowak");
    assert_hr(olk_account_find_id(f->manager, 2, &account), S_OK);
    assert_hr(olk_account_set(account, changes, 2, 0, &failed), S_OK);
    IOlkAccount_Release(account);
    read_fresh(2, &record);
    assert_true(!wcscmp(record.values[OLK_PROP_ACCT_NAME].str, L"Work mail"));
    assert_true(!wcscmp(record.values[OLK_PROP_ACCT_USER_DISPLAY_NAME].str, L"K. Nowak"));
    assert_int_equal(record.values[OLK_PROP_INET_PORT].dw, 993);
    olk_account_record_free(&record);
    olk_value_free(&changes[0].value);
    olk_value_free(&changes[1].value);
}

/* A bad change anywhere stops everything before the first SetProp. */
static void test_set_checks_all_first(void **state)
{
    struct fixture *f = *state;
    struct olk_change changes[2];
    IOlkAccount *account;
    char *before = standin_test_data_read(), *after;
    DWORD failed = 99;

    changes[0] = change(OLK_PROP_ACCT_NAME, L"Work mail");
    changes[1] = change(OLK_PROP_INET_PORT, L"995");
    assert_hr(olk_account_find_id(f->manager, 2, &account), S_OK);
    assert_hr(olk_account_set(account, changes, 2, 0, &failed), E_OLK_PROP_READ_ONLY);
    assert_int_equal(failed, 1);
    changes[1].value.type = PT_UNICODE;     /* the wrong type for the property */
    assert_hr(olk_account_set(account, changes, 2, OLK_SET_ALLOW_READ_ONLY, &failed), E_INVALIDARG);
    assert_int_equal(failed, 1);
    changes[1].value.type = PT_LONG;
    /* The stand-in refuses it as documented: SetProp fails, SaveChanges is never called. */
    assert_hr(olk_account_set(account, changes, 2, OLK_SET_ALLOW_READ_ONLY, &failed), E_OLK_PROP_READ_ONLY);
    assert_int_equal(failed, 1);
    IOlkAccount_Release(account);
    after = standin_test_data_read();
    assert_string_equal(before, after);
    free(before);
    free(after);
    olk_value_free(&changes[0].value);
    olk_value_free(&changes[1].value);
}

static DWORD set_port_with(const WCHAR *part, struct fixture *f)
{
    struct olk_change c = change(OLK_PROP_INET_PORT, L"995");
    struct olk_account_record record;
    IOlkAccount *account;
    DWORD failed, port;

    SetEnvironmentVariableW(L"OLK_STANDIN_READ_ONLY", part);
    assert_hr(olk_account_find_id(f->manager, 2, &account), S_OK);
    assert_hr(olk_account_set(account, &c, 1, OLK_SET_ALLOW_READ_ONLY, &failed), S_OK);
    IOlkAccount_Release(account);
    read_fresh(2, &record);
    port = record.values[OLK_PROP_INET_PORT].dw;
    olk_account_record_free(&record);
    olk_value_free(&c.value);
    return port;
}

/* The two ways outside the contract the stand-in can play. */
static void test_set_read_only_accepted_or_ignored(void **state)
{
    assert_int_equal(set_port_with(L"ignore", *state), 993);
    assert_int_equal(set_port_with(L"accept", *state), 995);
}

/* ---- find ------------------------------------------------------------------ */

static void test_find(void **state)
{
    struct fixture *f = *state;
    IOlkAccount *account = OLK_SENTINEL;
    DWORD matches, ids[4] = { 0 };

    assert_hr(olk_account_find_name(f->manager, L"directory", &account, &matches, ids, 4), S_OK);
    assert_int_equal(matches, 1);
    assert_non_null(account);
    IOlkAccount_Release(account);
    assert_hr(olk_account_find_name(f->manager, L"gmail", &account, &matches, ids, 4), OLK_E_AMBIGUOUS);
    assert_null(account);
    assert_int_equal(matches, 2);
    assert_int_equal(ids[0], 2);
    assert_int_equal(ids[1], 3);
    assert_hr(olk_account_find_name(f->manager, L"Gmai", &account, &matches, ids, 4), E_ACCT_NOT_FOUND);
    assert_int_equal(matches, 0);
    assert_hr(olk_account_find_id(f->manager, 9, &account), E_ACCT_NOT_FOUND);
    assert_null(account);
}

/* ---- delete and order ------------------------------------------------------------ */

static void test_delete(void **state)
{
    struct fixture *f = *state;
    struct fake_helper helper;
    IOlkAccountManager *fresh;
    IOlkAccount *account;

    assert_hr(olk_account_delete(f->manager, 3), S_OK);
    assert_hr(olk_account_delete(f->manager, 3), E_ACCT_NOT_FOUND);
    assert_hr(olk_account_find_id(f->manager, 3, &account), E_ACCT_NOT_FOUND);
    fresh = open_manager(&helper);
    assert_hr(olk_account_find_id(fresh, 3, &account), E_ACCT_NOT_FOUND);
    assert_hr(olk_account_find_id(fresh, 2, &account), S_OK);
    IOlkAccount_Release(account);
    IOlkAccountManager_Release(fresh);
}

static void expect_order(IOlkAccountManager *manager, DWORD category, DWORD count, DWORD first, DWORD second)
{
    DWORD *ids, n;

    assert_hr(olk_order_get(manager, category, &ids, &n), S_OK);
    assert_int_equal(n, count);
    assert_int_equal(ids[0], first);
    if (count > 1) assert_int_equal(ids[1], second);
    olk_free(ids);
}

static void test_order(void **state)
{
    struct fixture *f = *state;
    struct fake_helper helper;
    IOlkAccountManager *fresh;
    DWORD reversed[] = { 5, 4 }, wrong[] = { 5, 5 }, mail[] = { 3, 2, 1 };
    char *before;

    expect_order(f->manager, OLK_CATEGORY_ADDRESSBOOK, 2, 4, 5);
    expect_order(f->manager, OLK_CATEGORY_MAIL, 3, 1, 2);
    before = standin_test_data_read();
    assert_hr(olk_order_set(f->manager, OLK_CATEGORY_MAIL, mail, 3), E_OLK_PARAM_NOT_SUPPORTED);
    assert_hr(olk_order_set(f->manager, OLK_CATEGORY_ADDRESSBOOK, wrong, 2), E_ACCT_WRONG_SORT_ORDER);
    assert_hr(olk_order_set(f->manager, OLK_CATEGORY_ADDRESSBOOK, reversed, 1), E_ACCT_WRONG_SORT_ORDER);
    assert_string_equal(before, standin_test_data_read());
    free(before);
    assert_hr(olk_order_set(f->manager, OLK_CATEGORY_ADDRESSBOOK, reversed, 2), S_OK);
    expect_order(f->manager, OLK_CATEGORY_ADDRESSBOOK, 2, 5, 4);
    fresh = open_manager(&helper);
    expect_order(fresh, OLK_CATEGORY_ADDRESSBOOK, 2, 5, 4);
    IOlkAccountManager_Release(fresh);
}

/* ---- notifications -------------------------------------------------------- */

struct events
{
    DWORD count;
    DWORD notify[8];
    DWORD id[8];
};

static void record_event(void *context, DWORD notify, DWORD id, DWORD flags)
{
    struct events *e = context;

    (void)flags;
    if (e->count < 8)
    {
        e->notify[e->count] = notify;
        e->id[e->count] = id;
    }
    e->count++;
}

static void test_watch(void **state)
{
    struct fixture *f = *state;
    struct olk_change c = change(OLK_PROP_ACCT_NAME, L"Renamed");
    struct events events = { 0 };
    struct olk_watch *watch = OLK_SENTINEL;
    IOlkAccount *account;
    DWORD failed, order[] = { 5, 4 };

    assert_hr(olk_watch_start(f->manager, NULL, &events, &watch), E_INVALIDARG);
    assert_null(watch);
    assert_hr(olk_watch_start(f->manager, record_event, &events, &watch), S_OK);
    assert_hr(olk_account_find_id(f->manager, 2, &account), S_OK);
    assert_hr(olk_account_set(account, &c, 1, 0, &failed), S_OK);
    IOlkAccount_Release(account);
    assert_hr(olk_account_delete(f->manager, 3), S_OK);
    assert_hr(olk_order_set(f->manager, OLK_CATEGORY_ADDRESSBOOK, order, 2), S_OK);
    assert_int_equal(events.count, 4);
    assert_int_equal(events.notify[0], NOTIFY_ACCT_CHANGED);
    assert_int_equal(events.id[0], 2);
    assert_int_equal(events.notify[1], NOTIFY_ACCT_PREDELETED);
    assert_int_equal(events.id[1], 3);
    assert_int_equal(events.notify[2], NOTIFY_ACCT_DELETED);
    assert_int_equal(events.id[2], 3);
    assert_int_equal(events.notify[3], NOTIFY_ACCT_ORDER_CHANGED);
    assert_string_equal(olk_notify_name(NOTIFY_ACCT_PREDELETED), "pre-deleted");
    assert_null(olk_notify_name(99));
    assert_hr(olk_watch_stop(watch), S_OK);
    assert_hr(olk_account_delete(f->manager, 4), S_OK);
    assert_int_equal(events.count, 4);
    olk_value_free(&c.value);
}

static void watch_once(void *context)
{
    struct olk_watch *watch;
    HRESULT hr = olk_watch_start(context, record_event, NULL, &watch);

    assert_hr(hr, alloc_faults_injected() ? E_OUTOFMEMORY : S_OK);
    if (SUCCEEDED(hr)) assert_hr(olk_watch_stop(watch), S_OK);
    assert_int_equal(alloc_faults_live(), 0);
}

static void test_watch_out_of_memory(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(alloc_faults_each(watch_once, f->manager), 2);
}

/* Reading one account, finding by name and the order: each allocation of the
 * model failing in turn is E_OUTOFMEMORY with nothing kept, and every result
 * of the manager still freed (the teardown counts leaks). */
static void read_once(void *context)
{
    struct olk_account_record record;
    IOlkAccount *account;
    const char *step;
    HRESULT hr;

    assert_hr(olk_account_find_id(context, 2, &account), S_OK);
    hr = olk_account_read(account, &record, &step);
    IOlkAccount_Release(account);
    assert_hr(hr, alloc_faults_injected() ? E_OUTOFMEMORY : S_OK);
    if (SUCCEEDED(hr)) olk_account_record_free(&record);
    else assert_null(step);
    assert_int_equal(alloc_faults_live(), 0);
}

static void order_once(void *context)
{
    DWORD *ids = OLK_SENTINEL, count = 99;
    HRESULT hr = olk_order_get(context, OLK_CATEGORY_STORE, &ids, &count);

    assert_hr(hr, alloc_faults_injected() ? E_OUTOFMEMORY : S_OK);
    if (FAILED(hr))
    {
        assert_null(ids);
        assert_int_equal(count, 0);
    }
    olk_free(ids);
    assert_int_equal(alloc_faults_live(), 0);
}

static void test_reading_out_of_memory(void **state)
{
    struct fixture *f = *state;

    /* Two strings to copy (the name and the display name); one order array. */
    assert_int_equal(alloc_faults_each(read_once, f->manager), 2);
    assert_int_equal(alloc_faults_each(order_once, f->manager), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_out_of_memory),
        cmocka_unit_test_setup_teardown(test_set_saves, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_checks_all_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_read_only_accepted_or_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find, setup, teardown),
        cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_watch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_watch_out_of_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reading_out_of_memory, setup, teardown),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
