/*
 * The automation objects in C, for what scripts cannot reach: every member
 * through IDispatch (GetIDsOfNames gives the library's DISPID, Invoke
 * answers), IErrorInfo and the EXCEPINFO of failures, events through the
 * connection point, and reference counts (the whole tree released leaves
 * DllCanUnloadNow S_OK). olkhelper.dll is loaded from the build, not
 * activated: dispatch must work without registration. The accounts are the
 * stand-in account manager's, from a data file of the test's own.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <oleauto.h>
#include <olectl.h>
#include <stdio.h>
#include <wchar.h>

#include "olkacct.h"
#include "olkauto.h"
#include "test_support.h"

static const char accounts_data[] =
    "[account]\nprofile = Outlook\ntype = imap4\ncategories = mail, store\nACCT_ID = 1\nACCT_NAME = First\n"
    "ACCT_USER_DISPLAY_NAME = One\nACCT_USER_EMAIL_ADDR = one@example.com\nINET_SERVER = imap.example.com\n"
    "INET_PORT = 993\nACCT_DELIVERY_STORE = 00 0a ff\n"
    "[account]\nprofile = Outlook\ntype = pop3\ncategories = mail, store\nACCT_ID = 2\nACCT_NAME = Second\n";

static HMODULE module;
static HRESULT (WINAPI *get_class_object)(REFCLSID, REFIID, void **);
static HRESULT (WINAPI *can_unload_now)(void);

static int setup(void **state)
{
    WCHAR path[MAX_PATH];

    (void)state;
    olk_bin_path(L"olkhelper.dll", path, MAX_PATH);
    if (!(module = LoadLibraryW(path)))
        return -1;
    get_class_object = (void *)GetProcAddress(module, "DllGetClassObject");
    can_unload_now = (void *)GetProcAddress(module, "DllCanUnloadNow");
    SetEnvironmentVariableW(L"OLKSTUB_PROFILES", L"Outlook;Home");
    SetEnvironmentVariableW(L"OLKSTUB_DEFAULT_PROFILE", L"Outlook");
    CoInitialize(NULL);
    return get_class_object && can_unload_now ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    CoUninitialize();
    standin_test_data_remove();
    return 0;
}

/* A session over the accounts as they are now. */
static IDispatch *new_session(void)
{
    IClassFactory *factory;
    IDispatch *session;

    assert_hr(get_class_object(&CLSID_OlkHelperSession, &IID_IClassFactory, (void **)&factory), S_OK);
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IDispatch, (void **)&session), S_OK);
    IClassFactory_Release(factory);
    return session;
}

/* A session over a fresh copy of the test's accounts. */
static IDispatch *create_session(void)
{
    standin_test_data(accounts_data);
    return new_session();
}

/* ---- IDispatch by name ------------------------------------------------------- */

static DISPID dispid_of(IDispatch *object, const WCHAR *name)
{
    LPOLESTR names[1] = { (LPOLESTR)name };
    DISPID id = 0xdeadbeef;

    assert_hr(IDispatch_GetIDsOfNames(object, &IID_NULL, names, 1, LOCALE_USER_DEFAULT, &id), S_OK);
    return id;
}

static HRESULT invoke(IDispatch *object, const WCHAR *name, WORD flags, VARIANT *args, UINT count,
                      VARIANT *result, EXCEPINFO *excep)
{
    DISPID put = DISPID_PROPERTYPUT;
    DISPPARAMS params = { args, NULL, count, 0 };

    if (flags & DISPATCH_PROPERTYPUT)
    {
        params.rgdispidNamedArgs = &put;
        params.cNamedArgs = 1;
    }
    if (result)
        VariantInit(result);
    if (excep)
        memset(excep, 0, sizeof(*excep));
    return IDispatch_Invoke(object, dispid_of(object, name), &IID_NULL, LOCALE_USER_DEFAULT, flags, &params,
                            result, excep, NULL);
}

static IDispatch *get_object(IDispatch *object, const WCHAR *name, VARIANT *arg)
{
    VARIANT result;

    assert_hr(invoke(object, name, DISPATCH_PROPERTYGET | DISPATCH_METHOD, arg, arg ? 1 : 0, &result, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_DISPATCH);
    return V_DISPATCH(&result);
}

static IDispatch *logged_on_accounts(IDispatch **session)
{
    *session = create_session();
    assert_hr(invoke(*session, L"Logon", DISPATCH_METHOD, NULL, 0, NULL, NULL), S_OK);
    return get_object(*session, L"Accounts", NULL);
}

static IDispatch *account_at(IDispatch *accounts, LONG position)
{
    VARIANT key;

    V_VT(&key) = VT_I4;
    V_I4(&key) = position;
    return get_object(accounts, L"Item", &key);
}

/* Every function of the object's type information is found by its name,
 * with its DISPID. */
static void check_all_names(IDispatch *object, unsigned int expected_funcs)
{
    ITypeInfo *info;
    TYPEATTR *attr;
    UINT count = 0;
    WORD i;

    assert_hr(IDispatch_GetTypeInfoCount(object, &count), S_OK);
    assert_int_equal(count, 1);
    assert_hr(IDispatch_GetTypeInfo(object, 0, LOCALE_USER_DEFAULT, &info), S_OK);
    assert_hr(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    assert_true(attr->cFuncs >= expected_funcs);
    for (i = 0; i < attr->cFuncs; i++)
    {
        FUNCDESC *func;
        BSTR name;

        assert_hr(ITypeInfo_GetFuncDesc(info, i, &func), S_OK);
        assert_hr(ITypeInfo_GetDocumentation(info, func->memid, &name, NULL, NULL, NULL), S_OK);
        /* IDispatch's own methods are in the dispatch view as well. */
        if (func->memid < 0x60000000 || func->memid >= 0x60020000)
            assert_int_equal(dispid_of(object, name), func->memid);
        SysFreeString(name);
        ITypeInfo_ReleaseFuncDesc(info, func);
    }
    ITypeInfo_ReleaseTypeAttr(info, attr);
    ITypeInfo_Release(info);
}

static void test_members(void **state)
{
    static const WCHAR *const session_gets[] = { L"ProfileName", L"Profiles", L"MAPIOBJECT", L"Accounts" };
    static const WCHAR *const account_gets[] =
    {
        L"ID", L"Name", L"Type", L"TypeCLSID", L"Categories", L"DisplayName", L"Email", L"InetServer",
        L"InetPort", L"DeliveryStore",
    };
    IDispatch *session, *accounts, *account;
    VARIANT result;
    size_t i;

    (void)state;
    accounts = logged_on_accounts(&session);
    check_all_names(session, 7);
    check_all_names(accounts, 8);
    account = account_at(accounts, 1);
    check_all_names(account, 40);

    for (i = 0; i < ARRAYSIZE(session_gets); i++)
    {
        assert_hr(invoke(session, session_gets[i], DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
        VariantClear(&result);
    }
    assert_hr(invoke(accounts, L"Count", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_I4);
    assert_int_equal(V_I4(&result), 2);
    for (i = 0; i < ARRAYSIZE(account_gets); i++)
    {
        assert_hr(invoke(account, account_gets[i], DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
        if (!wcscmp(account_gets[i], L"DeliveryStore"))
            assert_true(V_VT(&result) == VT_BSTR && !wcscmp(V_BSTR(&result), L"000aff"));
        if (!wcscmp(account_gets[i], L"InetPort"))
            assert_true(V_VT(&result) == VT_I4 && V_I4(&result) == 993);
        VariantClear(&result);
    }
    /* A property the account does not have reads as Empty, late-bound. */
    assert_hr(invoke(account, L"SmtpServer", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_EMPTY);

    IDispatch_Release(account);
    IDispatch_Release(accounts);
    assert_hr(invoke(session, L"Logoff", DISPATCH_METHOD, NULL, 0, NULL, NULL), S_OK);
    IDispatch_Release(session);
    assert_hr(can_unload_now(), S_OK);
}

static LONG count_of(IDispatch *accounts)
{
    VARIANT result;

    assert_hr(invoke(accounts, L"Count", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_I4);
    return V_I4(&result);
}

static void expect_text(VARIANT *value, const WCHAR *expected)
{
    assert_int_equal(V_VT(value), VT_BSTR);
    if (wcscmp(V_BSTR(value), expected))
        print_error("\"%ls\", expected \"%ls\"\n", V_BSTR(value), expected);
    assert_true(!wcscmp(V_BSTR(value), expected));
    VariantClear(value);
}

/* The members the other tests do not call: Profiles, Filter, ItemByID,
 * Property, Delete, and MAPIOBJECT lent to a second session. */
static void test_more_members(void **state)
{
    IDispatch *session, *accounts, *filtered, *account, *borrower, *borrowed_accounts;
    VARIANT arg, result, item;
    SAFEARRAY *array;
    LONG index;

    (void)state;
    accounts = logged_on_accounts(&session);

    assert_hr(invoke(session, L"Profiles", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_ARRAY | VT_VARIANT);
    array = V_ARRAY(&result);
    assert_int_equal(array->rgsabound[0].cElements, 2);
    index = 1;
    assert_hr(SafeArrayGetElement(array, &index, &item), S_OK);
    expect_text(&item, L"Home");
    VariantClear(&result);

    V_VT(&arg) = VT_BSTR;
    V_BSTR(&arg) = SysAllocString(L"Store");
    filtered = get_object(accounts, L"Filter", &arg);
    VariantClear(&arg);
    assert_int_equal(count_of(filtered), 2);
    IDispatch_Release(filtered);
    V_VT(&arg) = VT_BSTR;
    V_BSTR(&arg) = SysAllocString(L"addressbook");
    filtered = get_object(accounts, L"Filter", &arg);
    VariantClear(&arg);
    assert_int_equal(count_of(filtered), 0);
    IDispatch_Release(filtered);

    V_VT(&arg) = VT_I4;
    V_I4(&arg) = 2;
    account = get_object(accounts, L"ItemByID", &arg);
    assert_hr(invoke(account, L"Name", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    expect_text(&result, L"Second");
    V_VT(&arg) = VT_I4;
    V_I4(&arg) = (LONG)PROP_ACCT_NAME;
    assert_hr(invoke(account, L"Property", DISPATCH_PROPERTYGET, &arg, 1, &result, NULL), S_OK);
    expect_text(&result, L"Second");
    {
        VARIANT args[2];

        V_VT(&args[1]) = VT_I4;             /* the tag, then the value */
        V_I4(&args[1]) = (LONG)PROP_ACCT_USER_EMAIL_ADDR;
        V_VT(&args[0]) = VT_BSTR;
        V_BSTR(&args[0]) = SysAllocString(L"two@example.com");
        assert_hr(invoke(account, L"Property", DISPATCH_PROPERTYPUT, args, 2, NULL, NULL), S_OK);
        VariantClear(&args[0]);
    }
    assert_hr(invoke(account, L"Email", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    expect_text(&result, L"two@example.com");
    assert_hr(invoke(account, L"Save", DISPATCH_METHOD, NULL, 0, NULL, NULL), S_OK);
    {
        char *text = standin_test_data_read();

        assert_true(text && strstr(text, "two@example.com") != NULL);
        free(text);
    }

    /* A second session borrows the first one's MAPI session. */
    assert_hr(invoke(session, L"MAPIOBJECT", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_UNKNOWN);
    borrower = new_session();
    assert_hr(invoke(borrower, L"MAPIOBJECT", DISPATCH_PROPERTYPUT, &result, 1, NULL, NULL), S_OK);
    VariantClear(&result);
    assert_hr(invoke(borrower, L"ProfileName", DISPATCH_PROPERTYGET, NULL, 0, &result, NULL), S_OK);
    expect_text(&result, L"Outlook");
    borrowed_accounts = get_object(borrower, L"Accounts", NULL);
    assert_int_equal(count_of(borrowed_accounts), 2);

    assert_hr(invoke(account, L"Delete", DISPATCH_METHOD, NULL, 0, NULL, NULL), S_OK);
    IDispatch_Release(account);
    IDispatch_Release(accounts);
    /* The stand-in, unlike Outlook, keeps each manager's accounts apart:
     * the deleting session's manager shows the deletion. */
    accounts = get_object(session, L"Accounts", NULL);
    assert_int_equal(count_of(accounts), 1);

    IDispatch_Release(accounts);
    IDispatch_Release(borrowed_accounts);
    IDispatch_Release(borrower);
    IDispatch_Release(session);
    assert_hr(can_unload_now(), S_OK);
}

/* ---- errors -------------------------------------------------------------------- */

static void expect_error_info(HRESULT expected, const WCHAR *fragment)
{
    IErrorInfo *error = NULL;
    BSTR description = NULL, source = NULL;
    GUID guid;

    assert_hr(GetErrorInfo(0, &error), S_OK);
    assert_non_null(error);
    assert_hr(IErrorInfo_GetDescription(error, &description), S_OK);
    assert_hr(IErrorInfo_GetSource(error, &source), S_OK);
    assert_hr(IErrorInfo_GetGUID(error, &guid), S_OK);
    if (!description || !wcsstr(description, fragment))
        print_error("description \"%ls\" lacks \"%ls\" (0x%08lx)\n", description, fragment, (unsigned long)expected);
    assert_true(description && wcsstr(description, fragment));
    assert_true(source && !wcscmp(source, L"OlkHelper"));
    SysFreeString(description);
    SysFreeString(source);
    IErrorInfo_Release(error);
}

static void test_errors(void **state)
{
    IDispatch *session, *accounts, *account, *none = OLK_SENTINEL;
    IOlkHelperAccounts *typed;
    IOlkHelperAccount *typed_account;
    ISupportErrorInfo *support;
    EXCEPINFO excep;
    VARIANT key, value;

    (void)state;
    accounts = logged_on_accounts(&session);
    assert_hr(IDispatch_QueryInterface(accounts, &IID_ISupportErrorInfo, (void **)&support), S_OK);
    assert_hr(ISupportErrorInfo_InterfaceSupportsErrorInfo(support, &IID_IOlkHelperAccounts), S_OK);
    assert_hr(ISupportErrorInfo_InterfaceSupportsErrorInfo(support, &IID_IOlkAccountManager), S_FALSE);
    ISupportErrorInfo_Release(support);

    /* Through the vtable: the HRESULT, and the thread's error information. */
    assert_hr(IDispatch_QueryInterface(accounts, &IID_IOlkHelperAccounts, (void **)&typed), S_OK);
    V_VT(&key) = VT_I4;
    V_I4(&key) = 3;
    assert_hr(IOlkHelperAccounts_get_Item(typed, key, &none), DISP_E_BADINDEX);
    assert_null(none);
    expect_error_info(DISP_E_BADINDEX, L"position 3");
    V_VT(&key) = VT_BSTR;
    V_BSTR(&key) = SysAllocString(L"Nobody");
    assert_hr(IOlkHelperAccounts_get_Item(typed, key, &none), DISP_E_BADINDEX);
    expect_error_info(DISP_E_BADINDEX, L"Nobody");
    VariantClear(&key);
    IOlkHelperAccounts_Release(typed);

    /* Through IDispatch: DISP_E_EXCEPTION, and the error in the EXCEPINFO. */
    V_VT(&key) = VT_I4;
    V_I4(&key) = 0;
    assert_hr(invoke(accounts, L"Item", DISPATCH_PROPERTYGET, &key, 1, &value, &excep), DISP_E_EXCEPTION);
    assert_int_equal(excep.scode, DISP_E_BADINDEX);
    assert_true(excep.bstrDescription && *excep.bstrDescription);
    SysFreeString(excep.bstrDescription);
    SysFreeString(excep.bstrSource);
    SysFreeString(excep.bstrHelpFile);

    account = account_at(accounts, 1);
    V_VT(&value) = VT_BSTR;
    V_BSTR(&value) = SysAllocString(L"imap.example.org");
    assert_hr(invoke(account, L"InetServer", DISPATCH_PROPERTYPUT, &value, 1, NULL, &excep), DISP_E_EXCEPTION);
    assert_int_equal(excep.scode, E_OLK_PROP_READ_ONLY);
    assert_true(wcsstr(excep.bstrDescription, L"PROP_INET_SERVER") != NULL);
    SysFreeString(excep.bstrDescription);
    SysFreeString(excep.bstrSource);
    assert_hr(IDispatch_QueryInterface(account, &IID_IOlkHelperAccount, (void **)&typed_account), S_OK);
    assert_hr(IOlkHelperAccount_put_Property(typed_account, (LONG)PROP_INET_SERVER, value), E_OLK_PROP_READ_ONLY);
    expect_error_info(E_OLK_PROP_READ_ONLY, L"read-only");
    assert_hr(IOlkHelperAccount_put_InetPassword(typed_account, V_BSTR(&value)), E_OLK_PROP_READ_ONLY);
    assert_hr(IOlkHelperAccount_get_Property(typed_account, (LONG)PROP_SMTP_PASSWORD, &key), E_ACCESSDENIED);
    expect_error_info(E_ACCESSDENIED, L"secret");
    assert_hr(IOlkHelperAccount_get_Property(typed_account, 0x7fff0003, &key), E_INVALIDARG);
    expect_error_info(E_INVALIDARG, L"0x7fff0003");
    IOlkHelperAccount_Release(typed_account);
    VariantClear(&value);

    IDispatch_Release(account);
    IDispatch_Release(accounts);
    IDispatch_Release(session);

    /* Not logged on, and an unknown profile. */
    session = create_session();
    assert_hr(invoke(session, L"Accounts", DISPATCH_PROPERTYGET, NULL, 0, &value, &excep), DISP_E_EXCEPTION);
    assert_int_equal(excep.scode, MAPI_E_NOT_INITIALIZED);
    SysFreeString(excep.bstrDescription);
    SysFreeString(excep.bstrSource);
    V_VT(&key) = VT_BSTR;
    V_BSTR(&key) = SysAllocString(L"Nowhere");
    assert_hr(invoke(session, L"Logon", DISPATCH_METHOD, &key, 1, NULL, &excep), DISP_E_EXCEPTION);
    assert_int_equal(excep.scode, MAPI_E_LOGON_FAILED);
    assert_true(wcsstr(excep.bstrDescription, L"Nowhere") != NULL);
    SysFreeString(excep.bstrDescription);
    SysFreeString(excep.bstrSource);
    VariantClear(&key);
    IDispatch_Release(session);
    assert_hr(can_unload_now(), S_OK);
}

/* ---- events ---------------------------------------------------------------------- */

struct sink
{
    IDispatch IDispatch_iface;
    LONG refcount;
    DISPID events[8];
    LONG ids[8];
    unsigned int count;
};

static inline struct sink *impl_from_IDispatch(IDispatch *iface)
{
    return CONTAINING_RECORD(iface, struct sink, IDispatch_iface);
}

static HRESULT STDMETHODCALLTYPE sink_QueryInterface(IDispatch *iface, REFIID riid, void **ppv)
{
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IDispatch) &&
        !IsEqualIID(riid, &DIID_DOlkHelperAccountsEvents))
        return E_NOINTERFACE;
    *ppv = iface;
    IDispatch_AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE sink_AddRef(IDispatch *iface)
{
    return InterlockedIncrement(&impl_from_IDispatch(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE sink_Release(IDispatch *iface)
{
    return InterlockedDecrement(&impl_from_IDispatch(iface)->refcount);
}

static HRESULT STDMETHODCALLTYPE sink_GetTypeInfoCount(IDispatch *iface, UINT *count)
{
    (void)iface;
    *count = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE sink_GetTypeInfo(IDispatch *iface, UINT index, LCID lcid, ITypeInfo **info)
{
    (void)iface; (void)index; (void)lcid;
    *info = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE sink_GetIDsOfNames(IDispatch *iface, REFIID riid, LPOLESTR *names, UINT count,
                                                    LCID lcid, DISPID *ids)
{
    (void)iface; (void)riid; (void)names; (void)count; (void)lcid; (void)ids;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE sink_Invoke(IDispatch *iface, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                             DISPPARAMS *params, VARIANT *result, EXCEPINFO *excep, UINT *arg_err)
{
    struct sink *sink = impl_from_IDispatch(iface);

    (void)riid; (void)lcid; (void)result; (void)excep; (void)arg_err;
    assert_int_equal(flags, DISPATCH_METHOD);
    assert_true(sink->count < ARRAYSIZE(sink->events));
    sink->events[sink->count] = id;
    sink->ids[sink->count] = params->cArgs ? V_I4(&params->rgvarg[0]) : -1;
    sink->count++;
    return S_OK;
}

static const IDispatchVtbl sink_vtbl =
{
    sink_QueryInterface, sink_AddRef, sink_Release, sink_GetTypeInfoCount, sink_GetTypeInfo, sink_GetIDsOfNames,
    sink_Invoke,
};

static void test_events(void **state)
{
    struct sink sink = { { &sink_vtbl }, 1, { 0 }, { 0 }, 0 };
    IConnectionPointContainer *container;
    IConnectionPoint *point;
    IDispatch *session, *accounts, *account;
    DWORD cookie = 0;
    VARIANT value, order;
    IID iid;

    (void)state;
    accounts = logged_on_accounts(&session);
    assert_hr(IDispatch_QueryInterface(accounts, &IID_IConnectionPointContainer, (void **)&container), S_OK);
    assert_hr(IConnectionPointContainer_FindConnectionPoint(container, &IID_IDispatch, &point),
              CONNECT_E_NOCONNECTION);
    assert_hr(IConnectionPointContainer_FindConnectionPoint(container, &DIID_DOlkHelperAccountsEvents, &point),
              S_OK);
    assert_hr(IConnectionPoint_GetConnectionInterface(point, &iid), S_OK);
    assert_true(IsEqualIID(&iid, &DIID_DOlkHelperAccountsEvents));
    assert_hr(IConnectionPoint_Advise(point, (IUnknown *)&sink.IDispatch_iface, &cookie), S_OK);
    assert_int_not_equal(cookie, 0);
    EXPECT_REF(&sink.IDispatch_iface, 2);

    /* A change saved: AccountChange(1). */
    account = account_at(accounts, 1);
    V_VT(&value) = VT_BSTR;
    V_BSTR(&value) = SysAllocString(L"Uno");
    assert_hr(invoke(account, L"DisplayName", DISPATCH_PROPERTYPUT, &value, 1, NULL, NULL), S_OK);
    VariantClear(&value);
    assert_hr(invoke(account, L"Save", DISPATCH_METHOD, NULL, 0, NULL, NULL), S_OK);
    assert_int_equal(sink.count, 1);
    assert_int_equal(sink.events[0], 1);
    assert_int_equal(sink.ids[0], 1);

    /* A new order: OrderChange. */
    V_VT(&value) = VT_BSTR;
    V_BSTR(&value) = SysAllocString(L"store");
    assert_hr(invoke(accounts, L"GetOrder", DISPATCH_METHOD, &value, 1, &order, NULL), S_OK);
    {
        VARIANT args[2];

        args[1] = value;    /* arguments go last to first */
        args[0] = order;
        assert_hr(invoke(accounts, L"SetOrder", DISPATCH_METHOD, args, 2, NULL, NULL), S_OK);
    }
    VariantClear(&order);
    VariantClear(&value);
    assert_int_equal(sink.count, 2);
    assert_int_equal(sink.events[1], 5);

    /* A deletion: AccountBeforeRemove(2), then AccountRemove(2). */
    V_VT(&value) = VT_I4;
    V_I4(&value) = 2;
    assert_hr(invoke(accounts, L"Remove", DISPATCH_METHOD, &value, 1, NULL, NULL), S_OK);
    assert_int_equal(sink.count, 4);
    assert_int_equal(sink.events[2], 3);
    assert_int_equal(sink.ids[2], 2);
    assert_int_equal(sink.events[3], 4);
    assert_int_equal(sink.ids[3], 2);

    assert_hr(IConnectionPoint_Unadvise(point, cookie), S_OK);
    assert_hr(IConnectionPoint_Unadvise(point, cookie), CONNECT_E_NOCONNECTION);
    EXPECT_REF(&sink.IDispatch_iface, 1);
    IConnectionPoint_Release(point);
    IConnectionPointContainer_Release(container);

    /* A sink still connected is let go with the collection. */
    assert_hr(IDispatch_QueryInterface(accounts, &IID_IConnectionPointContainer, (void **)&container), S_OK);
    assert_hr(IConnectionPointContainer_FindConnectionPoint(container, &DIID_DOlkHelperAccountsEvents, &point),
              S_OK);
    assert_hr(IConnectionPoint_Advise(point, (IUnknown *)&sink.IDispatch_iface, &cookie), S_OK);
    IConnectionPoint_Release(point);
    IConnectionPointContainer_Release(container);
    IDispatch_Release(account);
    IDispatch_Release(accounts);
    EXPECT_REF(&sink.IDispatch_iface, 1);
    IDispatch_Release(session);
    assert_hr(can_unload_now(), S_OK);
}

/* ---- reference counts ------------------------------------------------------------------- */

static void test_refcounts(void **state)
{
    IDispatch *session, *accounts, *account, *again;
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    IEnumVARIANT *enumerator;
    VARIANT result, item;
    ULONG fetched = 0;

    (void)state;
    accounts = logged_on_accounts(&session);
    EXPECT_REF(session, 1);
    EXPECT_REF(accounts, 1);
    check_interface(accounts, &IID_IOlkHelperAccounts, TRUE);
    check_interface(accounts, &IID_IDispatch, TRUE);
    check_interface(accounts, &IID_IOlkHelperAccount, FALSE);
    account = account_at(accounts, 2);
    EXPECT_REF(account, 1);
    check_interface(account, &IID_IOlkHelperSession, FALSE);
    again = get_object(session, L"Accounts", NULL);
    EXPECT_REF(again, 1);
    IDispatch_Release(again);

    /* The enumerator keeps its collection. */
    assert_hr(IDispatch_Invoke(accounts, DISPID_NEWENUM, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD,
                               &none, &result, NULL, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_UNKNOWN);
    assert_hr(IUnknown_QueryInterface(V_UNKNOWN(&result), &IID_IEnumVARIANT, (void **)&enumerator), S_OK);
    VariantClear(&result);
    EXPECT_REF(accounts, 2);
    assert_hr(IEnumVARIANT_Next(enumerator, 1, &item, &fetched), S_OK);
    assert_int_equal(fetched, 1);
    VariantClear(&item);
    assert_hr(IEnumVARIANT_Skip(enumerator, 1), S_OK);
    assert_hr(IEnumVARIANT_Next(enumerator, 1, &item, &fetched), S_FALSE);
    assert_int_equal(fetched, 0);
    assert_hr(IEnumVARIANT_Reset(enumerator), S_OK);
    IDispatch_Release(accounts);
    assert_hr(IEnumVARIANT_Next(enumerator, 1, &item, NULL), S_OK);
    VariantClear(&item);
    IEnumVARIANT_Release(enumerator);

    IDispatch_Release(account);
    assert_hr(can_unload_now(), S_FALSE);
    IDispatch_Release(session);
    assert_hr(can_unload_now(), S_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_members),
        cmocka_unit_test(test_more_members),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_refcounts),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, setup, teardown);
}
