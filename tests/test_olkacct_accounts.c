/*
 * olkacct's account reading (tools/olkacct/accounts.c) against the stand-in
 * account manager: categories merged per account, values copied, and every
 * GetProp/GetAccountInfo result freed (the stand-in counts a leak as a
 * contract violation).
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <string.h>
#include <wchar.h>

#include "accounts.h"
#include "standin.h"
#include "test_support.h"

static const char data[] =
    "[account]\n"
    "profile = Outlook\n"
    "type = mapi\n"
    "categories = mail, store, addressbook\n"
    "ACCT_ID = 1\n"
    "ACCT_NAME = anna@contoso.com\n"
    "ACCT_IS_EXCH = 1\n"
    "ACCT_DELIVERY_STORE = 0a 0b\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = imap4\n"
    "categories = mail, store\n"
    "ACCT_ID = 2\n"
    "ACCT_NAME = Zo\xc3\xab\n"
    "INET_SERVER = imap.example.org\n"
    "INET_PORT = 993\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = ldap\n"
    "categories = addressbook\n"
    "ACCT_ID = 3\n"
    "[account]\n"
    "profile = Outlook\n"
    "type = pop3\n"
    "categories = mail\n"
    "ACCT_NAME = no id: cannot be told apart, listed as met\n";

struct fixture
{
    struct fake_helper helper;
    IOlkAccountManager *manager;
    LONG violations;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    standin_test_data(data);
    fake_helper_init(&f->helper, L"Outlook", FLAW_NONE);
    if (FAILED(standin_manager_create(&IID_IOlkAccountManager, (void **)&f->manager))) return -1;
    if (FAILED(IOlkAccountManager_Init(f->manager, &f->helper.IOlkAccountHelper_iface, 1))) return -1;
    f->violations = standin_violation_count();
    *state = f;
    return 0;
}

/* The manager's final release counts what was never freed as a violation. */
static int teardown(void **state)
{
    struct fixture *f = *state;
    int leaked;

    IOlkAccountManager_Release(f->manager);
    leaked = standin_violation_count() != f->violations || standin_lock_count();
    free(f);
    standin_test_data_remove();
    return leaked ? -1 : 0;
}

static void assert_id(const struct olkacct_record *r, DWORD id)
{
    assert_int_equal(r->values[OLKACCT_F_ID].type, PT_LONG);
    assert_int_equal(r->values[OLKACCT_F_ID].dw, id);
}

static void test_all_categories(void **state)
{
    struct fixture *f = *state;
    struct olkacct_list list;
    const char *step = OLK_SENTINEL;
    const struct olkacct_record *r;

    assert_hr(olkacct_read_accounts(f->manager, OLK_CATEGORY_ALL, &list, &step), S_OK);
    assert_null(step);
    /* Mail first (1, 2, the POP3 one), then the address book adds 3; store adds nothing new. */
    assert_int_equal(list.count, 4);
    assert_id(&list.items[0], 1);
    assert_id(&list.items[1], 2);
    assert_int_equal(list.items[2].values[OLKACCT_F_ID].type, 0);
    assert_id(&list.items[3], 3);

    r = &list.items[0];
    assert_true(IsEqualCLSID(&r->type, &CLSID_OlkMAPIAccount));
    assert_int_equal(r->categories, OLK_CATEGORY_MAIL | OLK_CATEGORY_STORE);
    assert_true(!wcscmp(r->values[OLKACCT_F_NAME].str, L"anna@contoso.com"));
    assert_int_equal(r->values[OLKACCT_F_IS_EXCH].dw, 1);
    assert_int_equal(r->values[OLKACCT_F_DELIVERY_STORE].type, PT_BINARY);
    assert_int_equal(r->values[OLKACCT_F_DELIVERY_STORE].cb, 2);
    assert_memory_equal(r->values[OLKACCT_F_DELIVERY_STORE].bin, "\x0a\x0b", 2);
    assert_int_equal(r->values[OLKACCT_F_INET_SERVER].type, 0);

    r = &list.items[1];
    assert_true(!wcscmp(r->values[OLKACCT_F_NAME].str, L"Zo\u00eb"));
    assert_true(!wcscmp(r->values[OLKACCT_F_INET_SERVER].str, L"imap.example.org"));
    assert_int_equal(r->values[OLKACCT_F_INET_PORT].dw, 993);
    assert_int_equal(list.items[3].categories, OLK_CATEGORY_ADDRESSBOOK);
    assert_true(IsEqualCLSID(&list.items[3].type, &CLSID_OlkLDAPAccount));
    olkacct_list_free(&list);
    assert_int_equal(list.count, 0);
}

static void test_one_category(void **state)
{
    struct fixture *f = *state;
    struct olkacct_list list;
    const char *step;

    assert_hr(olkacct_read_accounts(f->manager, OLK_CATEGORY_ADDRESSBOOK, &list, &step), S_OK);
    assert_int_equal(list.count, 1);
    assert_id(&list.items[0], 3);
    olkacct_list_free(&list);
    assert_hr(olkacct_read_accounts(f->manager, OLK_CATEGORY_STORE, &list, &step), S_OK);
    assert_int_equal(list.count, 2);
    assert_id(&list.items[0], 1);
    assert_id(&list.items[1], 2);
    /* All categories of the account, not only the one asked for. */
    assert_int_equal(list.items[0].categories, OLK_CATEGORY_MAIL | OLK_CATEGORY_STORE);
    olkacct_list_free(&list);
}

static void test_failure_names_the_step(void **state)
{
    IOlkAccountManager *manager;
    struct olkacct_list list;
    const char *step = NULL;

    (void)state;
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&manager), S_OK);
    assert_hr(olkacct_read_accounts(manager, OLK_CATEGORY_ALL, &list, &step), E_OLK_NOT_INITIALIZED);
    assert_string_equal(step, "IOlkAccountManager::EnumerateAccounts");
    assert_int_equal(list.count, 0);
    assert_null(list.items);
    IOlkAccountManager_Release(manager);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_all_categories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_category, setup, teardown),
        cmocka_unit_test(test_failure_names_the_step),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
