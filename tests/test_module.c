/*
 * olkhelper.dll as a black box: loaded by full path, every export reached
 * through GetProcAddress, as COM and regsvr32 reach them.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <wchar.h>

typedef HRESULT (WINAPI *get_class_object_fn)(REFCLSID, REFIID, void **);
typedef HRESULT (WINAPI *can_unload_fn)(void);
typedef HRESULT (WINAPI *register_fn)(void);
typedef HRESULT (WINAPI *install_fn)(BOOL, const WCHAR *);

static HMODULE module;
static get_class_object_fn get_class_object;
static can_unload_fn can_unload;
static install_fn install;
static LPFNOLKHELPERCREATE helper_create_export;

static WCHAR clsid_key[64];

static int group_setup(void **state)
{
    WCHAR path[MAX_PATH], clsid[39];

    (void)state;
    olk_bin_path(L"olkhelper.dll", path, MAX_PATH);
    module = LoadLibraryW(path);
    if (!module)
    {
        print_error("cannot load %ls: error %lu\n", path, GetLastError());
        return -1;
    }
    get_class_object = (get_class_object_fn)(void (*)(void))GetProcAddress(module, "DllGetClassObject");
    can_unload = (can_unload_fn)(void (*)(void))GetProcAddress(module, "DllCanUnloadNow");
    install = (install_fn)(void (*)(void))GetProcAddress(module, "DllInstall");
    helper_create_export = (LPFNOLKHELPERCREATE)(void (*)(void))GetProcAddress(module, "OlkHelperCreate");
    if (!StringFromGUID2(&CLSID_OlkAccountHelper, clsid, 39))
        return -1;
    wcscpy(clsid_key, L"Software\\Classes\\CLSID\\");
    wcscat(clsid_key, clsid);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    return FreeLibrary(module) ? 0 : -1;
}

/* Every test leaves the DLL unloadable. */
static int teardown(void **state)
{
    (void)state;
    assert_hr(can_unload(), S_OK);
    return 0;
}

static void test_exports(void **state)
{
    static const char *const names[] =
    {
        "DllCanUnloadNow", "DllGetClassObject", "DllRegisterServer", "DllUnregisterServer",
        "DllInstall", "OlkHelperCreate",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    {
        if (!GetProcAddress(module, names[i]))
            fail_msg("%s is not exported", names[i]);
    }
}

static IClassFactory *get_factory(void)
{
    IClassFactory *factory = OLK_SENTINEL;

    assert_hr(get_class_object(&CLSID_OlkAccountHelper, &IID_IClassFactory, (void **)&factory), S_OK);
    assert_non_null(factory);
    return factory;
}

static void test_can_unload_with_object(void **state)
{
    IClassFactory *factory;
    IUnknown *object;

    (void)state;
    assert_hr(can_unload(), S_OK);
    factory = get_factory();
    assert_hr(can_unload(), S_FALSE);
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IOlkAccountHelper, (void **)&object), S_OK);
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_hr(can_unload(), S_FALSE);
    assert_int_equal(IUnknown_Release(object), 0);
    assert_hr(can_unload(), S_OK);
}

static void test_can_unload_with_lock(void **state)
{
    IClassFactory *factory = get_factory();

    (void)state;
    assert_hr(IClassFactory_LockServer(factory, TRUE), S_OK);
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_hr(can_unload(), S_FALSE);

    factory = get_factory();
    assert_hr(IClassFactory_LockServer(factory, FALSE), S_OK);
    assert_hr(can_unload(), S_FALSE);
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_hr(can_unload(), S_OK);
}

static void test_get_class_object_bad_args(void **state)
{
    void *out = OLK_SENTINEL;

    (void)state;
    assert_hr(get_class_object(&CLSID_OlkAccountHelper, &IID_IClassFactory, NULL), E_POINTER);
    assert_hr(get_class_object(&CLSID_OlkAccountManager, &IID_IClassFactory, &out), CLASS_E_CLASSNOTAVAILABLE);
    assert_null(out);
    out = OLK_SENTINEL;
    assert_hr(get_class_object(&CLSID_OlkAccountHelper, &IID_IOlkAccountHelper, &out), E_NOINTERFACE);
    assert_null(out);
    out = OLK_SENTINEL;
    assert_hr(get_class_object(NULL, &IID_IClassFactory, &out), E_INVALIDARG);
    assert_null(out);
}

/* The registration state DllInstall could change: whether our CLSID key
 * exists per-user and machine-wide, and the machine-wide module path. */
struct scope_state
{
    BOOL user, machine;
    WCHAR machine_path[MAX_PATH];
};

static void read_scope_state(struct scope_state *s)
{
    DWORD size = sizeof(s->machine_path);

    s->user = olk_key_exists(HKEY_CURRENT_USER, clsid_key);
    s->machine = olk_key_exists(HKEY_LOCAL_MACHINE, clsid_key);
    memset(s->machine_path, 0, sizeof(s->machine_path));
    if (s->machine)
    {
        WCHAR path[128];

        wcscpy(path, clsid_key);
        wcscat(path, L"\\InprocServer32");
        RegGetValueW(HKEY_LOCAL_MACHINE, path, NULL, RRF_RT_REG_SZ, NULL, s->machine_path, &size);
    }
}

static void test_dll_install_bogus_cmdline(void **state)
{
    static const WCHAR *const bogus[] = { L"bogus", L"users", L" user", L"user ", L"machine,user", L"/i" };
    struct scope_state before, after;

    (void)state;
    read_scope_state(&before);
    /* Per-user is where a misread command line would write: start clean. */
    if (before.user)
        fail_msg("olkhelper is registered per-user already; run regsvr32 /u /n /i:user olkhelper.dll first");
    for (size_t i = 0; i < sizeof(bogus) / sizeof(bogus[0]); i++)
    {
        assert_hr(install(TRUE, bogus[i]), E_INVALIDARG);
        assert_hr(install(FALSE, bogus[i]), E_INVALIDARG);
    }
    read_scope_state(&after);
    /* A misread that registered per-user must not outlive this test. */
    if (after.user && !before.user)
        install(FALSE, L"user");
    assert_int_equal(after.user, before.user);
    assert_int_equal(after.machine, before.machine);
    assert_memory_equal(after.machine_path, before.machine_path, sizeof(before.machine_path));
}

static void test_olkhelper_create(void **state)
{
    IOlkAccountHelper *helper = OLK_SENTINEL;
    IOlkHelperConfig *config;
    void *out = OLK_SENTINEL;

    (void)state;
    /* Owned mode, no logon yet: needs no MAPI. */
    assert_hr(helper_create_export(NULL, NULL, 0, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    assert_non_null(helper);
    EXPECT_REF(helper, 1);
    assert_hr(can_unload(), S_FALSE);

    /* It came configured: a second configuration is refused. */
    assert_hr(IOlkAccountHelper_QueryInterface(helper, &IID_IOlkHelperConfig, (void **)&config), S_OK);
    assert_hr(IOlkHelperConfig_UseProfile(config, NULL, 0), E_OLK_ALREADY_INITIALIZED);
    IOlkHelperConfig_Release(config);
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);

    assert_hr(helper_create_export(NULL, NULL, 0, &IID_IOlkAccountHelper, NULL), E_POINTER);
    assert_hr(helper_create_export(NULL, NULL, 0, &IID_IClassFactory, &out), E_NOINTERFACE);
    assert_null(out);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_teardown(test_exports, teardown),
        cmocka_unit_test_teardown(test_can_unload_with_object, teardown),
        cmocka_unit_test_teardown(test_can_unload_with_lock, teardown),
        cmocka_unit_test_teardown(test_get_class_object_bad_args, teardown),
        cmocka_unit_test_teardown(test_dll_install_bogus_cmdline, teardown),
        cmocka_unit_test_teardown(test_olkhelper_create, teardown),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
