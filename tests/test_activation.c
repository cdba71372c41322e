/*
 * COM activation of the registered olkhelper.dll (fixture "registered"), in
 * a single-threaded and in the multithreaded apartment: by CLSID and by both
 * ProgIDs, aggregation refused, IOlkHelperConfig reachable, and the DLL
 * unloaded once its last object is gone.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <wchar.h>

#define DLL_NAME L"olkhelper.dll"

/* The registered DLL is the one built beside this test. */
static void assert_loaded_from_bin(void)
{
    WCHAR expected[MAX_PATH], actual[MAX_PATH];
    HMODULE module = GetModuleHandleW(DLL_NAME);

    assert_non_null(module);
    olk_bin_path(DLL_NAME, expected, MAX_PATH);
    assert_true(GetModuleFileNameW(module, actual, MAX_PATH) > 0);
    if (CompareStringOrdinal(expected, -1, actual, -1, TRUE) != CSTR_EQUAL)
    {
        print_error("loaded %ls, expected %ls\n", actual, expected);
        fail();
    }
}

static int setup_sta(void **state)
{
    (void)state;
    return FAILED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)) ? -1 : 0;
}

static int setup_mta(void **state)
{
    (void)state;
    return FAILED(CoInitializeEx(NULL, COINIT_MULTITHREADED)) ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    CoUninitialize();
    return 0;
}

static void test_create_by_clsid(void **state)
{
    IOlkAccountHelper *helper = OLK_SENTINEL;
    IOlkHelperConfig *config = OLK_SENTINEL;

    (void)state;
    assert_null(GetModuleHandleW(DLL_NAME));
    assert_hr(CoCreateInstance(&CLSID_OlkAccountHelper, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountHelper,
                               (void **)&helper), S_OK);
    assert_non_null(helper);
    assert_loaded_from_bin();
    /* ThreadingModel Both: the object itself, in either apartment, no proxy. */
    EXPECT_REF(helper, 1);
    check_interface(helper, &IID_IUnknown, TRUE);
    check_interface(helper, &IID_IOlkHelperConfig, TRUE);
    check_interface(helper, &IID_IClassFactory, FALSE);

    assert_hr(IOlkAccountHelper_QueryInterface(helper, &IID_IOlkHelperConfig, (void **)&config), S_OK);
    /* Unconfigured, as COM hands it out, until configured once. */
    assert_hr(IOlkHelperConfig_UseProfile(config, NULL, 0), S_OK);
    assert_hr(IOlkHelperConfig_UseProfile(config, NULL, 0), E_OLK_ALREADY_INITIALIZED);
    IOlkHelperConfig_Release(config);

    /* A live object keeps the DLL loaded ... */
    CoFreeUnusedLibrariesEx(0, 0);
    assert_non_null(GetModuleHandleW(DLL_NAME));
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);

    /* ... and once it is gone COM unloads the DLL. Wine frees a DLL that
     * served a ThreadingModel Both class only with a zero delay. */
    CoFreeUnusedLibrariesEx(0, 0);
    assert_null(GetModuleHandleW(DLL_NAME));
}

static void test_create_for_config(void **state)
{
    IOlkHelperConfig *config = OLK_SENTINEL;

    (void)state;
    assert_hr(CoCreateInstance(&CLSID_OlkAccountHelper, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkHelperConfig,
                               (void **)&config), S_OK);
    assert_non_null(config);
    check_interface(config, &IID_IOlkAccountHelper, TRUE);
    assert_int_equal(IOlkHelperConfig_Release(config), 0);
    CoFreeUnusedLibrariesEx(0, 0);
    assert_null(GetModuleHandleW(DLL_NAME));
}

static void test_create_by_progid(void **state)
{
    static const WCHAR *const progids[] = { L"OlkHelper.AccountHelper.1", L"OlkHelper.AccountHelper" };
    WCHAR *progid = NULL;

    (void)state;
    for (size_t i = 0; i < 2; i++)
    {
        IUnknown *unk = OLK_SENTINEL;
        CLSID clsid;

        memset(&clsid, 0, sizeof(clsid));
        assert_hr(CLSIDFromProgID(progids[i], &clsid), S_OK);
        assert_true(IsEqualCLSID(&clsid, &CLSID_OlkAccountHelper));
        assert_hr(CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountHelper, (void **)&unk),
                  S_OK);
        assert_int_equal(IUnknown_Release(unk), 0);
    }

    /* And back: the CLSID names the versioned ProgID. */
    assert_hr(ProgIDFromCLSID(&CLSID_OlkAccountHelper, &progid), S_OK);
    assert_non_null(progid);
    assert_int_equal(wcscmp(progid, L"OlkHelper.AccountHelper.1"), 0);
    CoTaskMemFree(progid);

    CoFreeUnusedLibrariesEx(0, 0);
    assert_null(GetModuleHandleW(DLL_NAME));
}

static void test_aggregation_refused(void **state)
{
    IUnknown *unk = OLK_SENTINEL;

    (void)state;
    assert_hr(CoCreateInstance(&CLSID_OlkAccountHelper, (IUnknown *)OLK_SENTINEL, CLSCTX_INPROC_SERVER,
                               &IID_IUnknown, (void **)&unk), CLASS_E_NOAGGREGATION);
    assert_null(unk);
    CoFreeUnusedLibrariesEx(0, 0);
    assert_null(GetModuleHandleW(DLL_NAME));
}

static void test_unsupported_interface(void **state)
{
    IUnknown *unk = OLK_SENTINEL;

    (void)state;
    assert_hr(CoCreateInstance(&CLSID_OlkAccountHelper, NULL, CLSCTX_INPROC_SERVER, &IID_IClassFactory,
                               (void **)&unk), E_NOINTERFACE);
    assert_null(unk);
    CoFreeUnusedLibrariesEx(0, 0);
    assert_null(GetModuleHandleW(DLL_NAME));
}

#define IN_STA(f) { #f " (STA)", f, setup_sta, teardown, NULL }
#define IN_MTA(f) { #f " (MTA)", f, setup_mta, teardown, NULL }

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        IN_STA(test_create_by_clsid),
        IN_MTA(test_create_by_clsid),
        IN_STA(test_create_for_config),
        IN_MTA(test_create_for_config),
        IN_STA(test_create_by_progid),
        IN_MTA(test_create_by_progid),
        IN_STA(test_aggregation_refused),
        IN_MTA(test_aggregation_refused),
        IN_STA(test_unsupported_interface),
        IN_MTA(test_unsupported_interface),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
