/*
 * The account model's reading (src/accounts/account_reading.c) against the stand-in
 * account manager: categories merged per account, values copied, and every
 * GetProp/GetAccountInfo result freed (the stand-in counts a leak as a
 * contract violation).
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "alloc_faults.h"
#include "account_model.h"
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

static struct fixture *open_manager(const char *text)
{
    struct fixture *f = calloc(1, sizeof(*f));

    assert_non_null(f);
    standin_test_data(text);
    fake_helper_init(&f->helper, L"Outlook", FLAW_NONE);
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&f->manager), S_OK);
    assert_hr(IOlkAccountManager_Init(f->manager, &f->helper.IOlkAccountHelper_iface, 1), S_OK);
    f->violations = standin_violation_count();
    return f;
}

static int setup(void **state)
{
    *state = open_manager(data);
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

static void assert_id(const struct olk_account_record *r, DWORD id)
{
    assert_int_equal(r->values[OLK_PROP_ACCT_ID].type, PT_LONG);
    assert_int_equal(r->values[OLK_PROP_ACCT_ID].dw, id);
}

static void test_all_categories(void **state)
{
    struct fixture *f = *state;
    struct olk_account_list list;
    const char *step = OLK_SENTINEL;
    const struct olk_account_record *r;

    assert_hr(olk_accounts_read(f->manager, OLK_CATEGORY_ALL, &list, &step), S_OK);
    assert_null(step);
    /* Mail first (1, 2, the POP3 one), then the address book adds 3; store adds nothing new. */
    assert_int_equal(list.count, 4);
    assert_id(&list.items[0], 1);
    assert_id(&list.items[1], 2);
    assert_int_equal(list.items[2].values[OLK_PROP_ACCT_ID].type, 0);
    assert_id(&list.items[3], 3);

    r = &list.items[0];
    assert_true(IsEqualCLSID(&r->type, &CLSID_OlkMAPIAccount));
    assert_int_equal(r->categories, OLK_CATEGORY_MAIL | OLK_CATEGORY_STORE);
    assert_true(!wcscmp(r->values[OLK_PROP_ACCT_NAME].str, L"anna@contoso.com"));
    assert_int_equal(r->values[OLK_PROP_ACCT_IS_EXCH].dw, 1);
    assert_int_equal(r->values[OLK_PROP_ACCT_DELIVERY_STORE].type, PT_BINARY);
    assert_int_equal(r->values[OLK_PROP_ACCT_DELIVERY_STORE].cb, 2);
    assert_memory_equal(r->values[OLK_PROP_ACCT_DELIVERY_STORE].bin, "\x0a\x0b", 2);
    assert_int_equal(r->values[OLK_PROP_INET_SERVER].type, 0);

    r = &list.items[1];
    assert_true(!wcscmp(r->values[OLK_PROP_ACCT_NAME].str, L"Zo\u00eb"));
    assert_true(!wcscmp(r->values[OLK_PROP_INET_SERVER].str, L"imap.example.org"));
    assert_int_equal(r->values[OLK_PROP_INET_PORT].dw, 993);
    assert_int_equal(list.items[3].categories, OLK_CATEGORY_ADDRESSBOOK);
    assert_true(IsEqualCLSID(&list.items[3].type, &CLSID_OlkLDAPAccount));
    olk_account_list_free(&list);
    assert_int_equal(list.count, 0);
}

static void test_one_category(void **state)
{
    struct fixture *f = *state;
    struct olk_account_list list;
    const char *step;

    assert_hr(olk_accounts_read(f->manager, OLK_CATEGORY_ADDRESSBOOK, &list, &step), S_OK);
    assert_int_equal(list.count, 1);
    assert_id(&list.items[0], 3);
    olk_account_list_free(&list);
    assert_hr(olk_accounts_read(f->manager, OLK_CATEGORY_STORE, &list, &step), S_OK);
    assert_int_equal(list.count, 2);
    assert_id(&list.items[0], 1);
    assert_id(&list.items[1], 2);
    /* All categories of the account, not only the one asked for. */
    assert_int_equal(list.items[0].categories, OLK_CATEGORY_MAIL | OLK_CATEGORY_STORE);
    olk_account_list_free(&list);
}

static void test_failure_names_the_step(void **state)
{
    IOlkAccountManager *manager;
    struct olk_account_list list;
    const char *step = NULL;

    (void)state;
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&manager), S_OK);
    assert_hr(olk_accounts_read(manager, OLK_CATEGORY_ALL, &list, &step), E_OLK_NOT_INITIALIZED);
    assert_string_equal(step, "IOlkAccountManager::EnumerateAccounts");
    assert_int_equal(list.count, 0);
    assert_null(list.items);
    IOlkAccountManager_Release(manager);
}

/* PROP_ACCT_ID is documented unique in a profile, but olkacct does not rely
 * on it: two accounts the manager returns are two rows. */
static struct fixture *read_all(void **state, const char *text, struct olk_account_list *list)
{
    struct fixture *f = open_manager(text);
    const char *step;

    *state = f;
    assert_hr(olk_accounts_read(f->manager, OLK_CATEGORY_ALL, list, &step), S_OK);
    return f;
}

static void test_same_id_listed_apart(void **state)
{
    static const char same_id[] =
        "[account]\nprofile = Outlook\ntype = pop3\ncategories = mail\nACCT_ID = 7\nACCT_NAME = first\n"
        "[account]\nprofile = Outlook\ntype = imap4\ncategories = mail, store\nACCT_ID = 7\nACCT_NAME = second\n"
        "[account]\nprofile = Outlook\ntype = imap4\ncategories = store\nACCT_ID = 7\nACCT_NAME = third\n";
    struct olk_account_list list;

    read_all(state, same_id, &list);
    assert_int_equal(list.count, 3);
    assert_true(!wcscmp(list.items[0].values[OLK_PROP_ACCT_NAME].str, L"first"));
    assert_true(!wcscmp(list.items[1].values[OLK_PROP_ACCT_NAME].str, L"second"));
    assert_int_equal(list.items[1].categories, OLK_CATEGORY_MAIL | OLK_CATEGORY_STORE);
    assert_true(!wcscmp(list.items[2].values[OLK_PROP_ACCT_NAME].str, L"third"));
    olk_account_list_free(&list);
}

/* An account without PROP_ACCT_ID is listed once, in the first category that
 * has it, with all its categories. */
static void test_no_id_listed_once(void **state)
{
    static const char no_id[] =
        "[account]\nprofile = Outlook\ntype = pop3\ncategories = mail, addressbook, store\nACCT_NAME = no id\n"
        "[account]\nprofile = Outlook\ntype = ldap\ncategories = addressbook, store\nACCT_NAME = directory\n";
    struct olk_account_list list;
    struct fixture *f = read_all(state, no_id, &list);
    const char *step;

    assert_int_equal(list.count, 2);
    assert_int_equal(list.items[0].values[OLK_PROP_ACCT_ID].type, 0);
    assert_int_equal(list.items[0].categories, OLK_CATEGORY_ALL);
    assert_true(!wcscmp(list.items[1].values[OLK_PROP_ACCT_NAME].str, L"directory"));
    olk_account_list_free(&list);
    /* Without the mail category, the address book lists both. */
    assert_hr(olk_accounts_read(f->manager, OLK_CATEGORY_ADDRESSBOOK | OLK_CATEGORY_STORE, &list, &step), S_OK);
    assert_int_equal(list.count, 2);
    olk_account_list_free(&list);
}

/* More than 65536 accounts in one category: no limit but memory. */
static void test_many_accounts(void **state)
{
    enum { COUNT = 65537 };
    static const char format[] = "[account]\nprofile = Outlook\ntype = pop3\ncategories = mail\nACCT_ID = %u\n";
    size_t size = COUNT * (sizeof(format) + 8), len = 0;
    char *text = malloc(size);
    struct olk_account_list list;
    const char *step;
    unsigned i;

    assert_non_null(text);
    for (i = 0; i < COUNT; i++) len += snprintf(text + len, size - len, format, i + 1);
    *state = open_manager(text);
    free(text);
    assert_hr(olk_accounts_read(((struct fixture *)*state)->manager, OLK_CATEGORY_MAIL, &list, &step), S_OK);
    assert_int_equal(list.count, COUNT);
    assert_int_equal(list.items[COUNT - 1].values[OLK_PROP_ACCT_ID].dw, COUNT);
    olk_account_list_free(&list);
}

/* ---- an enumerator that returns one account more than its GetCount ------ */

struct short_count_enum
{
    IOlkEnum IOlkEnum_iface;
    LONG refcount;
    IOlkEnum *inner;
};

static struct short_count_enum *impl_from_IOlkEnum(IOlkEnum *iface)
{
    return CONTAINING_RECORD(iface, struct short_count_enum, IOlkEnum_iface);
}

static HRESULT STDMETHODCALLTYPE short_QueryInterface(IOlkEnum *iface, REFIID riid, void **ppv)
{
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IOlkEnum)) return E_NOINTERFACE;
    *ppv = iface;
    IOlkEnum_AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE short_AddRef(IOlkEnum *iface)
{
    return InterlockedIncrement(&impl_from_IOlkEnum(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE short_Release(IOlkEnum *iface)
{
    struct short_count_enum *e = impl_from_IOlkEnum(iface);
    ULONG refcount = InterlockedDecrement(&e->refcount);

    if (!refcount)
    {
        IOlkEnum_Release(e->inner);
        free(e);
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE short_GetCount(IOlkEnum *iface, DWORD *count)
{
    HRESULT hr = IOlkEnum_GetCount(impl_from_IOlkEnum(iface)->inner, count);

    if (SUCCEEDED(hr) && *count) --*count;
    return hr;
}

static HRESULT STDMETHODCALLTYPE short_Reset(IOlkEnum *iface)
{
    return IOlkEnum_Reset(impl_from_IOlkEnum(iface)->inner);
}

static HRESULT STDMETHODCALLTYPE short_GetNext(IOlkEnum *iface, IUnknown **unk)
{
    return IOlkEnum_GetNext(impl_from_IOlkEnum(iface)->inner, unk);
}

static HRESULT STDMETHODCALLTYPE short_Skip(IOlkEnum *iface, DWORD skip)
{
    return IOlkEnum_Skip(impl_from_IOlkEnum(iface)->inner, skip);
}

static const IOlkEnumVtbl short_count_vtbl =
{
    short_QueryInterface, short_AddRef, short_Release, short_GetCount, short_Reset, short_GetNext, short_Skip,
};

/* The reader calls nothing on the manager but EnumerateAccounts: the other
 * slots of this copy of the stand-in's vtable are never reached. */
static IOlkAccountManagerVtbl short_manager_vtbl;
static struct { IOlkAccountManager iface; IOlkAccountManager *inner; } short_manager;

static HRESULT STDMETHODCALLTYPE short_EnumerateAccounts(IOlkAccountManager *iface, const CLSID *category,
                                                         const CLSID *type, DWORD flags, IOlkEnum **out)
{
    struct short_count_enum *e;
    HRESULT hr;

    (void)iface;
    if (FAILED(hr = IOlkAccountManager_EnumerateAccounts(short_manager.inner, category, type, flags, out))) return hr;
    e = calloc(1, sizeof(*e));
    assert_non_null(e);
    e->IOlkEnum_iface.lpVtbl = &short_count_vtbl;
    e->refcount = 1;
    e->inner = *out;
    *out = &e->IOlkEnum_iface;
    return S_OK;
}

static void test_more_accounts_than_counted(void **state)
{
    struct fixture *f = *state;
    struct olk_account_list list;
    const char *step;

    short_manager_vtbl = *f->manager->lpVtbl;
    short_manager_vtbl.EnumerateAccounts = short_EnumerateAccounts;
    short_manager.iface.lpVtbl = &short_manager_vtbl;
    short_manager.inner = f->manager;
    assert_hr(olk_accounts_read(&short_manager.iface, OLK_CATEGORY_MAIL, &list, &step), E_UNEXPECTED);
    assert_string_equal(step, "IOlkEnum::GetNext (more accounts than IOlkEnum::GetCount reported)");
    assert_int_equal(list.count, 0);
}

/* ---- the model's own allocations fail, one at a time --------------------- */

/* Each failure is the model's own (step NULL, which olkacct reports as exit
 * 1, not as an Account Management API failure), leaves the list empty, keeps
 * no block, and frees every GetProp result (the teardown counts leaks). */
static void test_own_allocation_failures(void **state)
{
    struct fixture *f = *state;
    struct olk_account_list list;
    const char *step;
    LONG n;
    HRESULT hr;

    for (n = 1;; n++)
    {
        alloc_faults_fail_nth(n);
        step = OLK_SENTINEL;
        hr = olk_accounts_read(f->manager, OLK_CATEGORY_ALL, &list, &step);
        if (!alloc_faults_injected()) break;
        assert_hr(hr, E_OUTOFMEMORY);
        assert_null(step);
        assert_int_equal(list.count, 0);
        assert_null(list.items);
        assert_int_equal(alloc_faults_live(), 0);
    }
    assert_hr(hr, S_OK);
    /* Five strings and binaries to copy, and room for the four records made once. */
    assert_int_equal(n - 1, 6);
    assert_int_equal(list.count, 4);
    olk_account_list_free(&list);
    alloc_faults_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_all_categories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_category, setup, teardown),
        cmocka_unit_test(test_failure_names_the_step),
        cmocka_unit_test_setup_teardown(test_same_id_listed_apart, NULL, teardown),
        cmocka_unit_test_setup_teardown(test_no_id_listed_once, NULL, teardown),
        cmocka_unit_test_setup_teardown(test_many_accounts, NULL, teardown),
        cmocka_unit_test_setup_teardown(test_more_accounts_than_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_own_allocation_failures, setup, teardown),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
