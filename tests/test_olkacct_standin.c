/*
 * The stand-in account manager (tests/standin_acctmgr), driven directly: its
 * contract checks catch each way a helper can break the documented contract,
 * and it serves the data file's accounts as Outlook documents its own.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "standin.h"
#include "test_support.h"

static const char data[] =
    "\xef\xbb\xbf; two profiles\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = mapi\n"
    "categories = mail, store, addressbook\n"
    "ACCT_ID = 1\n"
    "ACCT_NAME = Exchange\n"
    "ACCT_DELIVERY_STORE = 00 01 fe ff\n"
    "\n"
    "[account]\r\n"
    "profile = outlook\r\n"
    "type = imap4\r\n"
    "categories = mail,store\r\n"
    "ACCT_ID = 2\r\n"
    "ACCT_NAME = Zo\xc3\xab\r\n"
    "INET_PORT = 0x3e1\r\n"
    "0x01050003 = 1\r\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = ldap\n"
    "categories = addressbook\n"
    "ACCT_ID = 3\n"
    "# the other profile\n"
    "[account]\n"
    "profile = Home\n"
    "type = {4DB5CBF0-3B77-4852-BC8E-BB81908861F3}\n"
    "categories = mail\n"
    "ACCT_ID = 7\n";

static IOlkAccountManager *create_manager(void)
{
    IOlkAccountManager *manager = OLK_SENTINEL;

    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&manager), S_OK);
    assert_non_null(manager);
    return manager;
}

/* Init with a helper of the given flaw: the HRESULT, and how many violations
 * it added. */
static HRESULT init_with(enum fake_flaw flaw, LONG *added)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = create_manager();
    LONG before = standin_violation_count();
    HRESULT hr;

    fake_helper_init(&helper, L"Outlook", flaw);
    hr = IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, ACCT_INIT_NOSYNCH_MAPI_ACCTS);
    IOlkAccountManager_Release(manager);
    *added = standin_violation_count() - before;
    /* Whatever happened, nothing of the helper or its session is kept. */
    assert_int_equal(helper.refcount, 1);
    assert_int_equal(helper.session.refcount, 1);
    return hr;
}

static void test_conforming_helper(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = create_manager();
    LONG violations = standin_violation_count(), checks = standin_check_count();

    (void)state;
    check_interface(manager, &IID_IOlkAccountManager, TRUE);
    check_interface(manager, &IID_IOlkErrorUnknown, TRUE);
    check_interface(manager, &IID_IOlkAccountHelper, FALSE);
    fake_helper_init(&helper, L"Outlook", FLAW_NONE);
    assert_hr(IOlkAccountManager_Init(manager, NULL, 0), E_INVALIDARG);
    assert_hr(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, 1), S_OK);
    assert_int_equal(standin_violation_count(), violations);
    assert_true(standin_check_count() > checks);
    /* Kept until the end, asked for the session once, the session released. */
    assert_int_equal(helper.refcount, 2);
    assert_int_equal(helper.session_calls, 1);
    assert_int_equal(helper.session.refcount, 1);
    assert_hr(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, 1), E_OLK_ALREADY_INITIALIZED);
    assert_int_equal(helper.hands_off_calls, 0);
    IOlkAccountManager_Release(manager);
    assert_int_equal(helper.hands_off_calls, 1);
    assert_int_equal(helper.refcount, 1);
    assert_int_equal(standin_violation_count(), violations);
}

static void test_each_flaw_is_caught(void **state)
{
    static const enum fake_flaw flaws[] =
    {
        FLAW_QI_REFUSES, FLAW_PLACEHOLDER_OK, FLAW_IDENTITY_NO_NUL, FLAW_IDENTITY_WRITES_ON_ZERO,
        FLAW_IDENTITY_PCCH_TOO_BIG, FLAW_SESSION_NULL, FLAW_SESSION_NOT_MAPI, FLAW_SESSION_FAIL_DIRTY,
    };
    size_t i;
    LONG added;

    (void)state;
    for (i = 0; i < ARRAYSIZE(flaws); i++)
    {
        print_message("flaw %u\n", (unsigned)flaws[i]);
        assert_hr(init_with(flaws[i], &added), E_FAIL);
        assert_int_equal(added, 1);
    }
}

static void test_honest_failure_passes_through(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = create_manager();
    LONG violations = standin_violation_count();

    (void)state;
    fake_helper_init(&helper, L"Outlook", FLAW_NONE);
    helper.session_hr = 0x80040111;   /* MAPI_E_LOGON_FAILED */
    assert_hr(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, 1), 0x80040111);
    assert_int_equal(helper.refcount, 1);
    assert_int_equal(standin_violation_count(), violations);
    /* Not initialised: a second Init may follow. */
    helper.session_hr = S_OK;
    assert_hr(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, 1), S_OK);
    IOlkAccountManager_Release(manager);
    assert_int_equal(helper.refcount, 1);
}

static void test_missing_data_file(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = create_manager();
    IOlkEnum *accounts = OLK_SENTINEL;

    (void)state;
    fake_helper_init(&helper, L"Outlook", FLAW_NONE);
    SetEnvironmentVariableW(L"OLK_STANDIN_ACCOUNTS", L"C:\\no such dir\\accounts.ini");
    assert_hr(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, 1), E_OLK_REGISTRY);
    SetEnvironmentVariableW(L"OLK_STANDIN_ACCOUNTS", NULL);
    assert_hr(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, 1), E_OLK_REGISTRY);
    assert_hr(IOlkAccountManager_EnumerateAccounts(manager, NULL, NULL, 0, &accounts), E_OLK_NOT_INITIALIZED);
    assert_null(accounts);
    IOlkAccountManager_Release(manager);
    assert_int_equal(helper.refcount, 1);
    assert_int_equal(helper.hands_off_calls, 0);
}

static IOlkAccountManager *ready_manager(struct fake_helper *helper, const WCHAR *profile)
{
    IOlkAccountManager *manager = create_manager();

    standin_test_data(data);
    fake_helper_init(helper, profile, FLAW_NONE);
    assert_hr(IOlkAccountManager_Init(manager, &helper->IOlkAccountHelper_iface, 1), S_OK);
    return manager;
}

/* The PROP_ACCT_IDs an enumeration yields, as digits ("12"). */
static void enumerate_ids(IOlkAccountManager *manager, const CLSID *category, const CLSID *type, char *ids)
{
    IOlkEnum *accounts = NULL;
    IUnknown *unk;
    IOlkAccount *account;
    ACCT_VARIANT var;
    DWORD count = 0;

    assert_hr(IOlkAccountManager_EnumerateAccounts(manager, category, type, 0, &accounts), S_OK);
    assert_hr(IOlkEnum_GetCount(accounts, &count), S_OK);
    while (IOlkEnum_GetNext(accounts, &unk) == S_OK)
    {
        assert_hr(IUnknown_QueryInterface(unk, &IID_IOlkAccount, (void **)&account), S_OK);
        assert_hr(IOlkAccount_GetProp(account, PROP_ACCT_ID, &var), S_OK);
        assert_int_equal(var.dwType, PT_LONG);
        *ids++ = (char)('0' + var.Val.dw);
        IOlkAccount_Release(account);
        IUnknown_Release(unk);
        count--;
    }
    *ids = 0;
    assert_int_equal(count, 0);
    unk = OLK_SENTINEL;
    assert_hr(IOlkEnum_GetNext(accounts, &unk), S_FALSE);
    assert_null(unk);
    IOlkEnum_Release(accounts);
}

static void test_enumeration_filters(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = ready_manager(&helper, L"OUTLOOK");
    IOlkEnum *accounts = OLK_SENTINEL;
    char ids[16];

    (void)state;
    enumerate_ids(manager, NULL, NULL, ids);
    assert_string_equal(ids, "123");
    enumerate_ids(manager, &CLSID_OlkMail, NULL, ids);
    assert_string_equal(ids, "12");
    /* As documented: no Exchange account in the address-book category. */
    enumerate_ids(manager, &CLSID_OlkAddressBook, NULL, ids);
    assert_string_equal(ids, "3");
    enumerate_ids(manager, &CLSID_OlkStore, &CLSID_OlkIMAP4Account, ids);
    assert_string_equal(ids, "2");
    enumerate_ids(manager, NULL, &CLSID_OlkPOP3Account, ids);
    assert_string_equal(ids, "");
    assert_hr(IOlkAccountManager_EnumerateAccounts(manager, &CLSID_OlkPOP3Account, NULL, 0, &accounts),
              E_INVALIDARG);
    assert_null(accounts);
    assert_hr(IOlkAccountManager_EnumerateAccounts(manager, NULL, NULL, 1, &accounts),
              E_OLK_PARAM_NOT_SUPPORTED);
    IOlkAccountManager_Release(manager);

    manager = ready_manager(&helper, L"Home");
    enumerate_ids(manager, NULL, &CLSID_OlkHotmailAccount, ids);
    assert_string_equal(ids, "7");
    IOlkAccountManager_Release(manager);

    manager = ready_manager(&helper, L"Nobody");
    enumerate_ids(manager, NULL, NULL, ids);
    assert_string_equal(ids, "");
    IOlkAccountManager_Release(manager);
    standin_test_data_remove();
}

static void test_enumerator(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = ready_manager(&helper, L"Outlook");
    IOlkEnum *accounts;
    IUnknown *unk;
    DWORD count;

    (void)state;
    assert_hr(IOlkAccountManager_EnumerateAccounts(manager, NULL, NULL, 0, &accounts), S_OK);
    check_interface(accounts, &IID_IOlkEnum, TRUE);
    assert_hr(IOlkEnum_GetCount(accounts, &count), S_OK);
    assert_int_equal(count, 3);
    assert_hr(IOlkEnum_Skip(accounts, 2), S_OK);
    assert_hr(IOlkEnum_GetNext(accounts, &unk), S_OK);
    IUnknown_Release(unk);
    assert_hr(IOlkEnum_GetNext(accounts, &unk), S_FALSE);
    assert_hr(IOlkEnum_Reset(accounts), S_OK);
    assert_hr(IOlkEnum_Skip(accounts, 4), S_FALSE);
    assert_hr(IOlkEnum_GetNext(accounts, &unk), S_FALSE);
    assert_hr(IOlkEnum_GetNext(accounts, NULL), E_INVALIDARG);
    /* The enumerator keeps the manager alive past the caller's release. */
    IOlkAccountManager_Release(manager);
    assert_int_equal(helper.hands_off_calls, 0);
    assert_hr(IOlkEnum_Reset(accounts), S_OK);
    assert_hr(IOlkEnum_GetNext(accounts, &unk), S_OK);
    IUnknown_Release(unk);
    IOlkEnum_Release(accounts);
    assert_int_equal(helper.hands_off_calls, 1);
    standin_test_data_remove();
}

static IOlkAccount *find(IOlkAccountManager *manager, DWORD id)
{
    ACCT_VARIANT var = { PT_LONG, { id } };
    IOlkAccount *account = OLK_SENTINEL;

    assert_hr(IOlkAccountManager_FindAccount(manager, PROP_ACCT_ID, &var, &account), S_OK);
    return account;
}

static void test_account(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = ready_manager(&helper, L"Outlook");
    ACCT_VARIANT var = { PT_LONG, { 9 } };
    IOlkAccount *account = OLK_SENTINEL;
    CLSID type, *categories;
    DWORD count;

    (void)state;
    assert_hr(IOlkAccountManager_FindAccount(manager, PROP_ACCT_ID, &var, &account), E_ACCT_NOT_FOUND);
    assert_null(account);
    account = find(manager, 1);
    check_interface(account, &IID_IOlkAccount, TRUE);
    check_interface(account, &IID_IOlkErrorUnknown, TRUE);
    assert_hr(IOlkAccount_GetAccountInfo(account, &type, &count, &categories), S_OK);
    assert_true(IsEqualCLSID(&type, &CLSID_OlkMAPIAccount));
    assert_int_equal(count, 2);
    assert_true(IsEqualCLSID(&categories[0], &CLSID_OlkMail));
    assert_true(IsEqualCLSID(&categories[1], &CLSID_OlkStore));
    assert_hr(IOlkAccount_FreeMemory(account, (BYTE *)categories), S_OK);
    assert_hr(IOlkAccount_GetProp(account, PROP_ACCT_DELIVERY_STORE, &var), S_OK);
    assert_int_equal(var.dwType, PT_BINARY);
    assert_int_equal(var.Val.bin.cb, 4);
    assert_memory_equal(var.Val.bin.pb, "\x00\x01\xfe\xff", 4);
    assert_hr(IOlkAccount_FreeMemory(account, var.Val.bin.pb), S_OK);
    assert_hr(IOlkAccount_GetProp(account, PROP_INET_SERVER, &var), E_ACCT_NOT_FOUND);
    /* The failed GetProp left no type: SetProp checks it. */
    assert_hr(IOlkAccount_SetProp(account, PROP_ACCT_NAME, &var), E_INVALIDARG);
    IOlkAccount_Release(account);

    account = find(manager, 2);
    assert_hr(IOlkAccount_GetProp(account, PROP_ACCT_NAME, &var), S_OK);
    assert_int_equal(var.dwType, PT_UNICODE);
    assert_true(!wcscmp(var.Val.pwsz, L"Zo\u00eb"));
    assert_hr(IOlkAccount_FreeMemory(account, (BYTE *)var.Val.pwsz), S_OK);
    assert_hr(IOlkAccount_GetProp(account, PROP_INET_PORT, &var), S_OK);
    assert_int_equal(var.Val.dw, 993);
    assert_hr(IOlkAccount_GetProp(account, PROP_INET_SSL, &var), S_OK);
    assert_int_equal(var.Val.dw, 1);
    IOlkAccount_Release(account);
    IOlkAccountManager_Release(manager);
    standin_test_data_remove();
}

static void test_order(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = ready_manager(&helper, L"Outlook");
    DWORD count, *ids;

    (void)state;
    assert_hr(IOlkAccountManager_GetOrder(manager, &CLSID_OlkStore, &count, &ids), S_OK);
    assert_int_equal(count, 2);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 2);
    assert_hr(IOlkAccountManager_FreeMemory(manager, (BYTE *)ids), S_OK);
    IOlkAccountManager_Release(manager);
    standin_test_data_remove();
}

/* Leaks and stray frees of the memory it hands out are violations too. */
static void test_memory_misuse_is_caught(void **state)
{
    struct fake_helper helper;
    IOlkAccountManager *manager = ready_manager(&helper, L"Outlook");
    IOlkAccount *account = find(manager, 2);
    LONG before = standin_violation_count();
    ACCT_VARIANT var;
    BYTE *pv;

    (void)state;
    assert_hr(IOlkAccount_GetProp(account, PROP_ACCT_NAME, &var), S_OK);
    pv = (BYTE *)var.Val.pwsz;
    assert_hr(IOlkAccount_FreeMemory(account, pv), S_OK);
    assert_hr(IOlkAccount_FreeMemory(account, pv), E_INVALIDARG);
    assert_int_equal(standin_violation_count(), before + 1);
    assert_hr(IOlkAccount_GetProp(account, PROP_ACCT_NAME, &var), S_OK);
    IOlkAccount_Release(account);
    IOlkAccountManager_Release(manager);
    assert_int_equal(standin_violation_count(), before + 2);
    standin_test_data_remove();
}

static HRESULT parse(const char *text)
{
    struct standin_data *parsed = OLK_SENTINEL;
    HRESULT hr = standin_data_parse(text, strlen(text), "test", &parsed);

    if (FAILED(hr)) assert_null(parsed);
    standin_data_free(parsed);
    return hr;
}

static void test_data_errors(void **state)
{
    struct standin_data *parsed;

    (void)state;
    assert_hr(parse(data), S_OK);
    assert_hr(standin_data_parse(data, strlen(data), "test", &parsed), S_OK);
    assert_int_equal(parsed->count, 4);
    assert_int_equal(parsed->accounts[1].prop_count, 4);
    assert_int_equal(parsed->accounts[0].categories, STANDIN_CAT_MAIL | STANDIN_CAT_STORE | STANDIN_CAT_ADDRESSBOOK);
    assert_int_equal(standin_account_categories(&parsed->accounts[0]), STANDIN_CAT_MAIL | STANDIN_CAT_STORE);
    assert_true(IsEqualCLSID(&parsed->accounts[3].type, &CLSID_OlkHotmailAccount));
    standin_data_free(parsed);

    assert_hr(parse(""), S_OK);
    assert_hr(parse("profile = x\n"), E_OLK_REGISTRY);
    assert_hr(parse("[acount]\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\ntype = mapi\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = smtp\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\ncategories = mail, calendar\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_IDX = 1\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_ID = one\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_ID = 4294967296\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_ID = 1\nACCT_ID = 2\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_DELIVERY_STORE = 0g\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_DELIVERY_STORE = 012\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\n0x00010040 = 1\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nACCT_NAME = \xc3\x28\n"), E_OLK_REGISTRY);
    assert_hr(parse("[account]\nprofile = p\ntype = mapi\nno equals sign\n"), E_OLK_REGISTRY);
    assert_hr(standin_data_parse("[account]\0x", 11, "test", &parsed), E_OLK_REGISTRY);
}

/* Every object the test made is gone (DllCanUnloadNow's count). */
static int no_live_objects(void **state)
{
    (void)state;
    return standin_lock_count() ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_teardown(test_conforming_helper, no_live_objects),
        cmocka_unit_test_teardown(test_each_flaw_is_caught, no_live_objects),
        cmocka_unit_test_teardown(test_honest_failure_passes_through, no_live_objects),
        cmocka_unit_test_teardown(test_missing_data_file, no_live_objects),
        cmocka_unit_test_teardown(test_enumeration_filters, no_live_objects),
        cmocka_unit_test_teardown(test_enumerator, no_live_objects),
        cmocka_unit_test_teardown(test_account, no_live_objects),
        cmocka_unit_test_teardown(test_order, no_live_objects),
        cmocka_unit_test_teardown(test_memory_misuse_is_caught, no_live_objects),
        cmocka_unit_test_teardown(test_data_errors, no_live_objects),
    };
    int failed;

    olk_test_init();
    standin_test_data(data);
    failed = cmocka_run_group_tests(tests, NULL, NULL);
    standin_test_data_remove();
    return failed;
}
