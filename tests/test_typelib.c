/*
 * The automation type library as olkhelper.dll carries it (resource 1 of
 * type TYPELIB), loaded without registration: its version is the product's
 * major.minor, and IOlkHelperAccount matches the account vocabulary (every
 * property under its automation name, with its tag as DISPID and its type;
 * no propput where documented read-only, no propget for a secret); the
 * members the object model names are there, of automation types only.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <oleauto.h>
#include <stdio.h>
#include <wchar.h>

#include "account_vocabulary.h"
#include "olkauto.h"

static ITypeLib *typelib;

static int load_typelib(void **state)
{
    WCHAR path[MAX_PATH];

    (void)state;
    olk_bin_path(L"olkhelper.dll", path, MAX_PATH);
    return SUCCEEDED(LoadTypeLibEx(path, REGKIND_NONE, &typelib)) ? 0 : -1;
}

static int release_typelib(void **state)
{
    (void)state;
    ITypeLib_Release(typelib);
    return 0;
}

/* The vtable half of a dual interface. */
static ITypeInfo *interface_info(REFIID iid)
{
    ITypeInfo *dispatch, *vtable;
    HREFTYPE href;
    TYPEATTR *attr;

    assert_hr(ITypeLib_GetTypeInfoOfGuid(typelib, iid, &dispatch), S_OK);
    assert_hr(ITypeInfo_GetTypeAttr(dispatch, &attr), S_OK);
    assert_int_equal(attr->typekind, TKIND_DISPATCH);
    assert_true(attr->wTypeFlags & TYPEFLAG_FDUAL);
    ITypeInfo_ReleaseTypeAttr(dispatch, attr);
    assert_hr(ITypeInfo_GetRefTypeOfImplType(dispatch, -1, &href), S_OK);
    assert_hr(ITypeInfo_GetRefTypeInfo(dispatch, href, &vtable), S_OK);
    ITypeInfo_Release(dispatch);
    return vtable;
}

/* One function of an interface, found by name and kind. */
struct member
{
    BOOL found;
    MEMBERID memid;
    VARTYPE type;       /* the retval's for a propget, the value's for a propput */
    WORD flags;
    SHORT params;
    VARTYPE result;
};

static VARTYPE param_type(ITypeInfo *info, const TYPEDESC *desc)
{
    /* An out-parameter is a pointer to its type. */
    if (desc->vt == VT_PTR)
        desc = desc->lptdesc;
    if (desc->vt == VT_PTR && desc->lptdesc->vt == VT_USERDEFINED)
        return VT_UNKNOWN;
    (void)info;
    return desc->vt;
}

static struct member find_member(ITypeInfo *info, const WCHAR *name, INVOKEKIND kind)
{
    struct member m = { FALSE, 0, VT_EMPTY, 0, 0, VT_EMPTY };
    TYPEATTR *attr;
    UINT i;

    assert_hr(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    for (i = 0; i < attr->cFuncs && !m.found; i++)
    {
        FUNCDESC *func;
        BSTR func_name;

        assert_hr(ITypeInfo_GetFuncDesc(info, i, &func), S_OK);
        assert_hr(ITypeInfo_GetDocumentation(info, func->memid, &func_name, NULL, NULL, NULL), S_OK);
        if (func->invkind == kind && !wcscmp(func_name, name))
        {
            m.found = TRUE;
            m.memid = func->memid;
            m.flags = func->wFuncFlags;
            m.params = func->cParams;
            if (func->cParams)
                m.type = param_type(info, &func->lprgelemdescParam[func->cParams - 1].tdesc);
            m.result = func->elemdescFunc.tdesc.vt;
        }
        SysFreeString(func_name);
        ITypeInfo_ReleaseFuncDesc(info, func);
    }
    ITypeInfo_ReleaseTypeAttr(info, attr);
    return m;
}

/* The same for one of the vocabulary's ASCII names. */
static struct member find_vocabulary_member(ITypeInfo *info, const char *name, INVOKEKIND kind)
{
    WCHAR wide[64];

    assert_true(MultiByteToWideChar(CP_ACP, 0, name, -1, wide, ARRAYSIZE(wide)) > 0);
    return find_member(info, wide, kind);
}

static VARTYPE vocabulary_type(const struct olk_account_prop *prop)
{
    /* Binary values travel as hex strings: script engines cannot read byte arrays. */
    return prop->type == PT_LONG ? VT_I4 : VT_BSTR;
}

static void test_version(void **state)
{
    TLIBATTR *attr;
    WCHAR version[16];

    (void)state;
    assert_hr(ITypeLib_GetLibAttr(typelib, &attr), S_OK);
    assert_true(IsEqualGUID(&attr->guid, &LIBID_OlkHelper));
    swprintf(version, ARRAYSIZE(version), L"%u.%u", attr->wMajorVerNum, attr->wMinorVerNum);
    assert_true(!wcscmp(version, OLK_TLB_VERSION));
    assert_int_equal(attr->wMajorVerNum, OLKHELPER_TLB_MAJOR);
    assert_int_equal(attr->wMinorVerNum, OLKHELPER_TLB_MINOR);
#ifdef _WIN64
    assert_int_equal(attr->syskind, SYS_WIN64);
#else
    assert_int_equal(attr->syskind, SYS_WIN32);
#endif
    ITypeLib_ReleaseTLibAttr(typelib, attr);
}

static void test_account_matches_vocabulary(void **state)
{
    ITypeInfo *info = interface_info(&IID_IOlkHelperAccount);
    TYPEATTR *attr;
    unsigned int i, expected_funcs = 0;

    (void)state;
    for (i = 0; i < OLK_PROP_COUNT; i++)
    {
        const struct olk_account_prop *prop = &olk_account_props[i];
        struct member get = find_vocabulary_member(info, prop->automation, INVOKE_PROPERTYGET);
        struct member put = find_vocabulary_member(info, prop->automation, INVOKE_PROPERTYPUT);
        BOOL want_get = !prop->secret;
        /* A secret can only be set; a secret documented read-only keeps its
         * propput so that setting it answers E_OLK_PROP_READ_ONLY. */
        BOOL want_put = prop->access == OLK_PROP_READ_WRITE || prop->secret;

        if (get.found != want_get || put.found != want_put)
            print_error("%s: propget %d, propput %d\n", prop->automation, get.found, put.found);
        assert_int_equal(get.found, want_get);
        assert_int_equal(put.found, want_put);
        if (get.found)
        {
            assert_int_equal(get.result, VT_HRESULT);
            assert_int_equal((DWORD)get.memid, prop->tag);
            assert_int_equal(get.type, vocabulary_type(prop));
            assert_int_equal(get.params, 1);
        }
        if (put.found)
        {
            assert_int_equal((DWORD)put.memid, prop->tag);
            assert_int_equal(put.type, vocabulary_type(prop));
            assert_int_equal(put.params, 1);
        }
        expected_funcs += want_get + want_put;
    }
    for (i = 0; i < OLK_INFO_COUNT; i++)
    {
        struct member get = find_vocabulary_member(info, olk_account_info_members[i].automation, INVOKE_PROPERTYGET);

        assert_true(get.found);
        assert_false(find_vocabulary_member(info, olk_account_info_members[i].automation, INVOKE_PROPERTYPUT).found);
        assert_int_equal(get.type, i == OLK_INFO_CATEGORIES ? VT_VARIANT : VT_BSTR);
        expected_funcs++;
    }
    assert_true(find_member(info, L"Property", INVOKE_PROPERTYGET).found);
    assert_true(find_member(info, L"Property", INVOKE_PROPERTYPUT).found);
    assert_true(find_member(info, L"Save", INVOKE_FUNC).found);
    assert_true(find_member(info, L"Delete", INVOKE_FUNC).found);
    expected_funcs += 4;

    /* Nothing else: every property comes from the vocabulary. */
    assert_hr(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    assert_int_equal(attr->cFuncs, expected_funcs);
    ITypeInfo_ReleaseTypeAttr(info, attr);
    ITypeInfo_Release(info);
}

struct expected_member
{
    const WCHAR *name;
    INVOKEKIND kind;
    MEMBERID memid;     /* or 0x7fffffff: any */
    VARTYPE type;
};

static void check_members(REFIID iid, const struct expected_member *members, unsigned int count)
{
    ITypeInfo *info = interface_info(iid);
    TYPEATTR *attr;
    unsigned int i;

    for (i = 0; i < count; i++)
    {
        struct member m = find_member(info, members[i].name, members[i].kind);

        if (!m.found)
            print_error("%ls (invoke kind %d) is missing\n", members[i].name, members[i].kind);
        assert_true(m.found);
        assert_int_equal(m.result, VT_HRESULT);
        if (members[i].memid != 0x7fffffff)
            assert_int_equal(m.memid, members[i].memid);
        assert_int_equal(m.type, members[i].type);
    }
    assert_hr(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    assert_int_equal(attr->cFuncs, count);
    ITypeInfo_ReleaseTypeAttr(info, attr);
    ITypeInfo_Release(info);
}

#define ANY_ID 0x7fffffff

static void test_accounts_members(void **state)
{
    static const struct expected_member members[] =
    {
        { L"Count", INVOKE_PROPERTYGET, ANY_ID, VT_I4 },
        { L"Item", INVOKE_PROPERTYGET, DISPID_VALUE, VT_DISPATCH },
        { L"ItemByID", INVOKE_FUNC, ANY_ID, VT_DISPATCH },
        /* A method: Wine's JScript Enumerator invokes it with DISPATCH_METHOD only. */
        { L"_NewEnum", INVOKE_FUNC, DISPID_NEWENUM, VT_UNKNOWN },
        { L"Filter", INVOKE_FUNC, ANY_ID, VT_DISPATCH },
        { L"GetOrder", INVOKE_FUNC, ANY_ID, VT_VARIANT },
        { L"SetOrder", INVOKE_FUNC, ANY_ID, VT_VARIANT },
        { L"Remove", INVOKE_FUNC, ANY_ID, VT_VARIANT },
    };
    ITypeInfo *info;

    (void)state;
    check_members(&IID_IOlkHelperAccounts, members, ARRAYSIZE(members));
    info = interface_info(&IID_IOlkHelperAccounts);
    assert_int_equal(find_member(info, L"_NewEnum", INVOKE_FUNC).flags & (FUNCFLAG_FRESTRICTED | FUNCFLAG_FHIDDEN),
                     FUNCFLAG_FRESTRICTED | FUNCFLAG_FHIDDEN);
    ITypeInfo_Release(info);
}

static void test_session_members(void **state)
{
    static const struct expected_member members[] =
    {
        { L"Logon", INVOKE_FUNC, ANY_ID, VT_VARIANT },
        { L"MAPIOBJECT", INVOKE_PROPERTYGET, ANY_ID, VT_VARIANT },
        { L"MAPIOBJECT", INVOKE_PROPERTYPUT, ANY_ID, VT_VARIANT },
        { L"ProfileName", INVOKE_PROPERTYGET, ANY_ID, VT_BSTR },
        { L"Accounts", INVOKE_PROPERTYGET, ANY_ID, VT_DISPATCH },
        { L"Profiles", INVOKE_PROPERTYGET, ANY_ID, VT_VARIANT },
        { L"Logoff", INVOKE_FUNC, ANY_ID, VT_EMPTY },
    };

    (void)state;
    check_members(&IID_IOlkHelperSession, members, ARRAYSIZE(members));
}

/* The source interface of Accounts: what the account manager notifies. */
static void test_events(void **state)
{
    static const WCHAR *const names[] =
    {
        L"AccountChange", L"AccountAdd", L"AccountBeforeRemove", L"AccountRemove", L"OrderChange",
    };
    ITypeInfo *info;
    TYPEATTR *attr;
    unsigned int i;

    (void)state;
    assert_hr(ITypeLib_GetTypeInfoOfGuid(typelib, &DIID_DOlkHelperAccountsEvents, &info), S_OK);
    assert_hr(ITypeInfo_GetTypeAttr(info, &attr), S_OK);
    assert_int_equal(attr->typekind, TKIND_DISPATCH);
    assert_int_equal(attr->cFuncs, ARRAYSIZE(names));
    ITypeInfo_ReleaseTypeAttr(info, attr);
    for (i = 0; i < ARRAYSIZE(names); i++)
    {
        struct member m = find_member(info, names[i], INVOKE_FUNC);

        assert_true(m.found);
        assert_int_equal(m.memid, i + 1);
    }
    ITypeInfo_Release(info);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_account_matches_vocabulary),
        cmocka_unit_test(test_accounts_members),
        cmocka_unit_test(test_session_members),
        cmocka_unit_test(test_events),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, load_typelib, release_typelib);
}
