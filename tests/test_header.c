/*
 * The generated header against Microsoft's documented values: every GUID,
 * flag, error code and property tag, the vtable slot of every method, and the
 * signatures where the widely copied actMgmt.h is wrong.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stddef.h>

static void assert_guid(REFGUID guid, const WCHAR *text)
{
    GUID expected;

    assert_hr(CLSIDFromString(text, &expected), S_OK);
    assert_memory_equal(guid, &expected, sizeof(GUID));
}

static void test_class_ids(void **state)
{
    (void)state;
    assert_guid(&CLSID_OlkAccountManager, L"{ed475410-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkPOP3Account, L"{ed475411-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkIMAP4Account, L"{ed475412-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkMAPIAccount, L"{ed475414-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkMail, L"{ed475418-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkAddressBook, L"{ed475419-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkStore, L"{ed475420-b0d6-11d2-8c3b-00104b2a6676}");
    assert_guid(&CLSID_OlkHotmailAccount, L"{4db5cbf0-3b77-4852-bc8e-bb81908861f3}");
    assert_guid(&CLSID_OlkLDAPAccount, L"{4db5cbf2-3b77-4852-bc8e-bb81908861f3}");
}

static void test_interface_ids(void **state)
{
    (void)state;
    assert_guid(&IID_IOlkErrorUnknown, L"{9240a6c0-af41-11d2-8c3b-00104b2a6676}");
    /* actMgmt.h has ...c0 here, IOlkErrorUnknown's IID. */
    assert_guid(&IID_IOlkEnum, L"{9240a6c1-af41-11d2-8c3b-00104b2a6676}");
    assert_false(IsEqualIID(&IID_IOlkEnum, &IID_IOlkErrorUnknown));
    assert_guid(&IID_IOlkAccountNotify, L"{9240a6c3-af41-11d2-8c3b-00104b2a6676}");
    assert_guid(&IID_IOlkAccountHelper, L"{9240a6cb-af41-11d2-8c3b-00104b2a6676}");
    assert_guid(&IID_IOlkAccountManager, L"{9240a6cd-af41-11d2-8c3b-00104b2a6676}");
    assert_guid(&IID_IOlkAccount, L"{9240a6d2-af41-11d2-8c3b-00104b2a6676}");
    assert_guid(&IID_IMAPISession, L"{00020300-0000-0000-c000-000000000046}");
}

static void test_project_ids(void **state)
{
    (void)state;
    assert_guid(&CLSID_OlkAccountHelper, L"{530a73ef-6347-4a72-b96d-9049dd249116}");
    assert_guid(&IID_IOlkHelperConfig, L"{4d45cc16-995b-45b7-913a-858435ebc539}");
    assert_true(wcscmp(OLKHELPER_PROGID, L"OlkHelper.AccountHelper.1") == 0);
    assert_true(wcscmp(OLKHELPER_VI_PROGID, L"OlkHelper.AccountHelper") == 0);
}

static void test_flags(void **state)
{
    (void)state;
    assert_int_equal(ACCT_INIT_NOSYNCH_MAPI_ACCTS, 0x00000001);
    assert_int_equal(ACCT_INIT_NO_STORES_CHECK, 0x00000002);
    assert_int_equal(ACCT_INIT_NO_NOTIFICATIONS, 0x00000004);
    assert_int_equal(OLK_ACCOUNT_NO_FLAGS, 0);
    assert_int_equal(ACCTUI_NO_WARNING, 0x0100);
    assert_int_equal(ACCTUI_SHOW_DATA_TAB, 0x0200);
    assert_int_equal(ACCTUI_SHOW_ACCTWIZARD, 0x0400);
    assert_int_equal(MAPIACCT_SEND_ONLY, 0x00000001);
    assert_int_equal(NOTIFY_ACCT_CHANGED, 1);
    assert_int_equal(NOTIFY_ACCT_PREDELETED, 5);
    assert_int_equal(SECURE_FLAG, 0x8000);
}

/* The documented value constants of PROP_SMTP_SECURE_CONNECTION,
 * PROP_SMTP_AUTH_METHOD and PROP_POP_LEAVE_ON_SERVER. */
static void test_value_constants(void **state)
{
    (void)state;
    assert_int_equal(ENCRYPT_CONN_NO_SECURITY, 0);
    assert_int_equal(ENCRYPT_CONN_SSL, 1);
    assert_int_equal(ENCRYPT_CONN_TLS, 2);
    assert_int_equal(ENCRYPT_CONN_AUTO, 3);
    assert_int_equal(SMTP_AUTH_SAME_AS_POP, 0);
    assert_int_equal(SMTP_AUTH_USER_PASS, 1);
    assert_int_equal(SMTP_AUTH_RECEIVE_BEFORE_SEND, 2);
    assert_int_equal(LEAVE_ON_SERVER, 0x1);
    assert_int_equal(REMOVE_AFTER, 0x2);
    assert_int_equal(REMOVE_ON_NUKE, 0x4);
    assert_int_equal(GET_REMOVE_AFTER_DAYS(0x000e0003u), 14);
    assert_int_equal(SET_REMOVE_AFTER_DAYS(14u) | LEAVE_ON_SERVER | REMOVE_AFTER, 0x000e0003u);
}

static void test_error_codes(void **state)
{
    HRESULT hr;

    (void)state;
    /* actMgmt.h gives E_OLK_REGISTRY the value of E_OLK_ALREADY_INITIALIZED. */
    assert_hr(E_OLK_REGISTRY, 0x800C8001);
    assert_hr(E_OLK_ALREADY_INITIALIZED, 0x800C8002);
    assert_true(E_OLK_REGISTRY != E_OLK_ALREADY_INITIALIZED);
    assert_hr(E_OLK_PARAM_NOT_SUPPORTED, 0x800C8003);
    assert_hr(E_OLK_NOT_INITIALIZED, 0x800C8005);
    assert_hr(E_OLK_PROP_READ_ONLY, 0x800C800D);
    assert_hr(E_ACCT_NOT_FOUND, 0x800C8101);
    assert_hr(E_ACCT_UI_BUSY, 0x800C8102);
    assert_hr(E_ACCT_WRONG_SORT_ORDER, 0x800C8105);
    /* They are HRESULTs: FAILED() holds without a cast. */
    hr = E_OLK_REGISTRY;
    assert_true(FAILED(hr));
}

static void test_property_tags(void **state)
{
    static const struct { DWORD tag; DWORD expected; } tags[] =
    {
        { PR_PRIMARY_SEND_ACCT, 0x0E28001F }, { PR_NEXT_SEND_ACCT, 0x0E29001F },
        { PROP_ACCT_ID, 0x00010003 }, { PROP_ACCT_NAME, 0x0002001F }, { PROP_ACCT_MINI_UID, 0x00030003 },
        { PROP_ACCT_USER_DISPLAY_NAME, 0x000B001F }, { PROP_ACCT_USER_EMAIL_ADDR, 0x000C001F },
        { PROP_ACCT_STAMP, 0x000D001F }, { PROP_ACCT_SEND_STAMP, 0x000E001F }, { PROP_ACCT_IS_EXCH, 0x00140003 },
        { PROP_ACCT_DELIVERY_STORE, 0x00180102 }, { PROP_ACCT_DELIVERY_FOLDER, 0x00190102 },
        { PROP_ACCT_SENTITEMS_EID, 0x00200102 }, { PROP_ACCT_PREFERENCES_UID, 0x00220102 },
        { PROP_INET_SERVER, 0x0100001F }, { PROP_INET_USER, 0x0101001F },
        /* actMgmt.h omits SECURE_FLAG (0x8000) on both password tags. */
        { PROP_INET_PASSWORD, 0x0102801F }, { PROP_SMTP_PASSWORD, 0x0205801F },
        { PROP_INET_PORT, 0x01040003 }, { PROP_INET_SSL, 0x01050003 }, { PROP_INET_USE_SPA, 0x01080003 },
        { PROP_SMTP_SERVER, 0x0200001F }, { PROP_SMTP_PORT, 0x02010003 }, { PROP_SMTP_SSL, 0x02020003 },
        { PROP_SMTP_USE_AUTH, 0x02030003 }, { PROP_SMTP_USER, 0x0204001F }, { PROP_SMTP_USE_SPA, 0x02070003 },
        { PROP_SMTP_AUTH_METHOD, 0x02080003 }, { PROP_SMTP_SECURE_CONNECTION, 0x020A0003 },
        { PROP_POP_LEAVE_ON_SERVER, 0x10000003 }, { PROP_MAPI_IDENTITY_ENTRYID, 0x20020102 },
        { PROP_MAPI_EMSMDB_UID, 0x20090102 }, { PROP_MAPI_TRANSPORT_FLAGS, 0x20100102 },
    };

    (void)state;
    for (size_t i = 0; i < ARRAYSIZE(tags); i++)
        assert_int_equal(tags[i].tag, tags[i].expected);
}

#define SLOT(vtbl, method) (offsetof(vtbl, method) / sizeof(void *))

static void test_vtable_slots(void **state)
{
    (void)state;
    assert_int_equal(SLOT(IOlkAccountHelperVtbl, PlaceHolder1), 3);
    assert_int_equal(SLOT(IOlkAccountHelperVtbl, GetIdentity), 4);
    assert_int_equal(SLOT(IOlkAccountHelperVtbl, GetMapiSession), 5);
    assert_int_equal(SLOT(IOlkAccountHelperVtbl, HandsOffSession), 6);
    assert_int_equal(sizeof(IOlkAccountHelperVtbl), 7 * sizeof(void *));

    assert_int_equal(SLOT(IOlkErrorUnknownVtbl, GetLastError), 3);
    assert_int_equal(SLOT(IOlkEnumVtbl, GetCount), 3);
    assert_int_equal(SLOT(IOlkEnumVtbl, Skip), 6);
    assert_int_equal(SLOT(IOlkAccountNotifyVtbl, Notify), 4);

    assert_int_equal(SLOT(IOlkAccountVtbl, GetAccountInfo), 10);
    assert_int_equal(SLOT(IOlkAccountVtbl, GetProp), 11);
    assert_int_equal(SLOT(IOlkAccountVtbl, SetProp), 12);
    assert_int_equal(SLOT(IOlkAccountVtbl, FreeMemory), 16);
    assert_int_equal(SLOT(IOlkAccountVtbl, SaveChanges), 18);
    assert_int_equal(sizeof(IOlkAccountVtbl), 19 * sizeof(void *));

    assert_int_equal(SLOT(IOlkAccountManagerVtbl, Init), 4);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, DisplayAccountList), 5);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, FindAccount), 11);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, DeleteAccount), 15);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, SaveChanges), 17);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, GetOrder), 18);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, SetOrder), 19);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, EnumerateAccounts), 20);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, FreeMemory), 23);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, Advise), 24);
    assert_int_equal(SLOT(IOlkAccountManagerVtbl, Unadvise), 25);
    assert_int_equal(sizeof(IOlkAccountManagerVtbl), 29 * sizeof(void *));

    assert_int_equal(SLOT(IOlkHelperConfigVtbl, UseSession), 3);
    assert_int_equal(SLOT(IOlkHelperConfigVtbl, UseProfile), 4);
}

#define SAME_TYPE(a, b) __builtin_types_compatible_p(__typeof__(a), b)

static void test_signatures(void **state)
{
    IOlkAccountManagerVtbl *manager = NULL;
    IOlkAccountHelperVtbl *helper = NULL;

    (void)state;
    /* Unadvise takes the cookie by value; actMgmt.h has DWORD *. */
    assert_true(SAME_TYPE(manager->Unadvise, HRESULT (STDMETHODCALLTYPE *)(IOlkAccountManager *, DWORD)));
    /* SetOrder takes a count and an array; actMgmt.h has DWORD *, DWORD *[]. */
    assert_true(SAME_TYPE(manager->SetOrder,
                          HRESULT (STDMETHODCALLTYPE *)(IOlkAccountManager *, const CLSID *, DWORD, DWORD *)));
    /* PlaceHolder1 takes one argument: it matters for x86 stdcall cleanup. */
    assert_true(SAME_TYPE(helper->PlaceHolder1, HRESULT (STDMETHODCALLTYPE *)(IOlkAccountHelper *, void *)));
    assert_true(SAME_TYPE(helper->GetIdentity,
                          HRESULT (STDMETHODCALLTYPE *)(IOlkAccountHelper *, LPWSTR, DWORD *)));
    assert_true(SAME_TYPE(helper->GetMapiSession, HRESULT (STDMETHODCALLTYPE *)(IOlkAccountHelper *, IUnknown **)));
    assert_true(SAME_TYPE(helper->HandsOffSession, HRESULT (STDMETHODCALLTYPE *)(IOlkAccountHelper *)));
}

static void test_acct_variant_layout(void **state)
{
    (void)state;
    /* The union follows dwType at the pointer's natural alignment. */
    assert_int_equal(offsetof(ACCT_VARIANT, Val), sizeof(void *));
    assert_int_equal(offsetof(ACCT_BIN, pb), sizeof(void *));
    assert_int_equal(sizeof(ACCT_VARIANT), sizeof(void *) + sizeof(ACCT_BIN));
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_class_ids),
        cmocka_unit_test(test_interface_ids),
        cmocka_unit_test(test_project_ids),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_value_constants),
        cmocka_unit_test(test_error_codes),
        cmocka_unit_test(test_property_tags),
        cmocka_unit_test(test_vtable_slots),
        cmocka_unit_test(test_signatures),
        cmocka_unit_test(test_acct_variant_layout),
    };

    olk_test_init();
    return cmocka_run_group_tests_name("header", tests, NULL, NULL);
}
