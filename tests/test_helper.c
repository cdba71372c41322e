/*
 * The helper object against IOlkAccountHelper's documented contract, in
 * borrowed mode with a reference-counting fake session, and its configuration
 * rules. Owned mode through MAPI is covered by test_session.c.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <wchar.h>

#include "alloc_faults.h"
#include "fake_session.h"
#include "helper.h"
#include "server_lock.h"

#define GUARD 0xAAAA

struct fixture
{
    struct fake_session fake;
    IOlkAccountHelper *helper;
};

static int setup_unconfigured(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    if (!f)
        return -1;
    fake_session_init(&f->fake);
    if (FAILED(helper_create(&IID_IOlkAccountHelper, (void **)&f->helper)))
        return -1;
    *state = f;
    return 0;
}

static HRESULT use_session(IOlkAccountHelper *helper, IUnknown *session, const WCHAR *profile)
{
    IOlkHelperConfig *config;
    HRESULT hr;

    assert_hr(IOlkAccountHelper_QueryInterface(helper, &IID_IOlkHelperConfig, (void **)&config), S_OK);
    hr = IOlkHelperConfig_UseSession(config, session, profile);
    IOlkHelperConfig_Release(config);
    return hr;
}

static int setup_borrowed(void **state)
{
    struct fixture *f;

    if (setup_unconfigured(state))
        return -1;
    f = *state;
    return FAILED(use_session(f->helper, fake_session_unknown(&f->fake), L"Outlook")) ? -1 : 0;
}

/* Releasing the helper gives back every reference it took, and nothing of
 * the session was touched beyond IUnknown. */
static int teardown(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(IOlkAccountHelper_Release(f->helper), 0);
    assert_int_equal(f->fake.refcount, 1);
    assert_int_equal(f->fake.logoffs, 0);
    assert_int_equal(f->fake.unexpected_calls, 0);
    assert_int_equal(server_lock_count(), 0);
    free(f);
    return 0;
}

static void fill(WCHAR *buffer, size_t count)
{
    for (size_t i = 0; i < count; i++)
        buffer[i] = GUARD;
}

static void assert_untouched(const WCHAR *buffer, size_t from, size_t count)
{
    for (size_t i = from; i < count; i++)
        assert_int_equal(buffer[i], GUARD);
}

static void test_interfaces(void **state)
{
    struct fixture *f = *state;
    IUnknown *unk1, *unk2;
    IOlkHelperConfig *config;

    EXPECT_REF(f->helper, 1);
    check_interface(f->helper, &IID_IUnknown, TRUE);
    check_interface(f->helper, &IID_IOlkAccountHelper, TRUE);
    check_interface(f->helper, &IID_IOlkHelperConfig, TRUE);
    check_interface(f->helper, &IID_IClassFactory, FALSE);
    check_interface(f->helper, &IID_IOlkAccount, FALSE);
    check_interface(f->helper, &IID_IOlkAccountManager, FALSE);
    check_interface(f->helper, &IID_IMAPISession, FALSE);
    check_interface(f->helper, &IID_IDispatch, FALSE);

    /* COM identity: IUnknown is the same pointer from either interface. */
    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, &IID_IOlkHelperConfig, (void **)&config), S_OK);
    EXPECT_REF(f->helper, 2);
    assert_hr(IOlkHelperConfig_QueryInterface(config, &IID_IUnknown, (void **)&unk1), S_OK);
    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, &IID_IUnknown, (void **)&unk2), S_OK);
    assert_ptr_equal(unk1, unk2);
    check_interface(config, &IID_IOlkAccountHelper, TRUE);
    check_interface(config, &IID_IStream, FALSE);
    EXPECT_REF(f->helper, 4);
    IUnknown_Release(unk1);
    IUnknown_Release(unk2);
    assert_int_equal(IOlkHelperConfig_Release(config), 1);
}

static void test_query_interface_bad_args(void **state)
{
    struct fixture *f = *state;
    void *out = OLK_SENTINEL;

    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, &IID_IOlkAccountHelper, NULL), E_POINTER);
    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, NULL, &out), E_INVALIDARG);
    assert_null(out);
    out = OLK_SENTINEL;
    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, &IID_IPersist, &out), E_NOINTERFACE);
    assert_null(out);
    EXPECT_REF(f->helper, 1);
}

static void test_addref_release_counts(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(IOlkAccountHelper_AddRef(f->helper), 2);
    assert_int_equal(IOlkAccountHelper_AddRef(f->helper), 3);
    assert_int_equal(IOlkAccountHelper_Release(f->helper), 2);
    assert_int_equal(IOlkAccountHelper_Release(f->helper), 1);
    assert_int_equal(server_lock_count(), 1);
}

static void test_placeholder1(void **state)
{
    struct fixture *f = *state;

    assert_hr(IOlkAccountHelper_PlaceHolder1(f->helper, NULL), E_NOTIMPL);
    assert_hr(IOlkAccountHelper_PlaceHolder1(f->helper, OLK_SENTINEL), E_NOTIMPL);
    EXPECT_REF(f->helper, 1);
}

static void test_unconfigured(void **state)
{
    struct fixture *f = *state;
    WCHAR buffer[16];
    DWORD cch = ARRAYSIZE(buffer);
    IUnknown *session = OLK_SENTINEL;

    fill(buffer, ARRAYSIZE(buffer));
    assert_hr(IOlkAccountHelper_GetIdentity(f->helper, buffer, &cch), E_OLK_NOT_INITIALIZED);
    assert_int_equal(cch, ARRAYSIZE(buffer));
    assert_untouched(buffer, 0, ARRAYSIZE(buffer));
    assert_hr(IOlkAccountHelper_GetIdentity(f->helper, buffer, NULL), E_INVALIDARG);

    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &session), E_OLK_NOT_INITIALIZED);
    assert_null(session);
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, NULL), E_INVALIDARG);

    assert_hr(IOlkAccountHelper_HandsOffSession(f->helper), E_NOTIMPL);
    EXPECT_REF(f->helper, 1);
}

static void test_use_session_bad_args(void **state)
{
    struct fixture *f = *state;
    IOlkAccountHelper *other;
    IUnknown *session = OLK_SENTINEL;

    assert_hr(use_session(f->helper, NULL, L"Outlook"), E_INVALIDARG);

    /* Anything that is not an IMAPISession is refused, and the helper stays
     * unconfigured. Another helper will do as a non-session IUnknown. */
    assert_hr(helper_create(&IID_IOlkAccountHelper, (void **)&other), S_OK);
    assert_hr(use_session(f->helper, (IUnknown *)other, L"Outlook"), E_NOINTERFACE);
    EXPECT_REF(other, 1);
    IOlkAccountHelper_Release(other);
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &session), E_OLK_NOT_INITIALIZED);
    assert_null(session);

    assert_hr(use_session(f->helper, fake_session_unknown(&f->fake), L"Outlook"), S_OK);
    assert_int_equal(f->fake.refcount, 2);
}

static void test_configure_once(void **state)
{
    struct fixture *f = *state;
    struct fake_session second;
    IOlkHelperConfig *config;
    WCHAR buffer[16];
    DWORD cch = ARRAYSIZE(buffer);

    fake_session_init(&second);
    assert_int_equal(f->fake.refcount, 2);
    assert_hr(use_session(f->helper, fake_session_unknown(&second), L"Other"), E_OLK_ALREADY_INITIALIZED);
    assert_int_equal(second.refcount, 1);

    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, &IID_IOlkHelperConfig, (void **)&config), S_OK);
    assert_hr(IOlkHelperConfig_UseProfile(config, L"Other", 0), E_OLK_ALREADY_INITIALIZED);
    assert_hr(IOlkHelperConfig_UseProfile(config, NULL, 0), E_OLK_ALREADY_INITIALIZED);
    IOlkHelperConfig_Release(config);

    /* The first configuration stands. */
    assert_hr(IOlkAccountHelper_GetIdentity(f->helper, buffer, &cch), S_OK);
    assert_true(wcscmp(buffer, L"Outlook") == 0);
    assert_int_equal(f->fake.refcount, 2);
}

/* *pcch in = buffer size in WCHARs; out = length including the NUL; a buffer
 * too small gets E_OUTOFMEMORY, the required size, and is not written. */
static void check_identity(IOlkAccountHelper *helper, const WCHAR *name)
{
    const DWORD need = (DWORD)wcslen(name) + 1;
    const DWORD sizes[] = { 0, 1, need - 1, need, need + 1, 512 };
    WCHAR buffer[512 + 8];

    for (size_t i = 0; i < ARRAYSIZE(sizes); i++)
    {
        DWORD cch = sizes[i];

        fill(buffer, ARRAYSIZE(buffer));
        if (sizes[i] < need)
        {
            assert_hr(IOlkAccountHelper_GetIdentity(helper, buffer, &cch), E_OUTOFMEMORY);
            assert_int_equal(cch, need);
            assert_untouched(buffer, 0, ARRAYSIZE(buffer));
        }
        else
        {
            assert_hr(IOlkAccountHelper_GetIdentity(helper, buffer, &cch), S_OK);
            assert_int_equal(cch, need);
            assert_memory_equal(buffer, name, need * sizeof(WCHAR));
            assert_untouched(buffer, need, ARRAYSIZE(buffer));
        }
    }

    /* A NULL buffer, whatever size it claims, is only a size query. */
    for (DWORD cch_in = 0; cch_in <= need + 1; cch_in += need)
    {
        DWORD cch = cch_in;
        assert_hr(IOlkAccountHelper_GetIdentity(helper, NULL, &cch), E_OUTOFMEMORY);
        assert_int_equal(cch, need);
    }
}

static void test_get_identity_boundaries(void **state)
{
    struct fixture *f = *state;

    check_identity(f->helper, L"Outlook");
    EXPECT_REF(f->helper, 1);
}

static void test_get_identity_huge_size(void **state)
{
    struct fixture *f = *state;
    WCHAR buffer[16];
    DWORD cch = 0xffffffff;

    /* A caller that overstates its buffer still gets exactly len + 1 WCHARs. */
    fill(buffer, ARRAYSIZE(buffer));
    assert_hr(IOlkAccountHelper_GetIdentity(f->helper, buffer, &cch), S_OK);
    assert_int_equal(cch, 8);
    assert_true(wcscmp(buffer, L"Outlook") == 0);
    assert_untouched(buffer, 8, ARRAYSIZE(buffer));
}

static void test_get_identity_names(void **state)
{
    static const WCHAR *names[] =
    {
        L"P",
        L"Zo\x00eb \x0141ukasiewicz \x65e5\x672c",
        L"a profile name with  spaces, and punctuation: ;=\\/\"",
    };
    struct fixture *f = *state;
    WCHAR long_name[300];

    for (size_t i = 0; i < ARRAYSIZE(names); i++)
    {
        IOlkAccountHelper *helper;

        assert_hr(helper_create(&IID_IOlkAccountHelper, (void **)&helper), S_OK);
        assert_hr(use_session(helper, fake_session_unknown(&f->fake), names[i]), S_OK);
        check_identity(helper, names[i]);
        assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    }

    for (size_t i = 0; i < ARRAYSIZE(long_name) - 1; i++)
        long_name[i] = L'a' + (WCHAR)(i % 26);
    long_name[ARRAYSIZE(long_name) - 1] = 0;
    {
        IOlkAccountHelper *helper;

        assert_hr(helper_create(&IID_IOlkAccountHelper, (void **)&helper), S_OK);
        assert_hr(use_session(helper, fake_session_unknown(&f->fake), long_name), S_OK);
        check_identity(helper, long_name);
        assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    }
    assert_int_equal(f->fake.refcount, 2);
}

static void test_get_mapi_session_borrowed(void **state)
{
    struct fixture *f = *state;
    IUnknown *session = OLK_SENTINEL, *second = NULL;

    assert_int_equal(f->fake.refcount, 2);
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &session), S_OK);
    /* The IMAPISession pointer itself: a caller may cast or QI it. */
    assert_ptr_equal(session, fake_session_unknown(&f->fake));
    assert_int_equal(f->fake.refcount, 3);
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &second), S_OK);
    assert_ptr_equal(second, session);
    assert_int_equal(f->fake.refcount, 4);
    IUnknown_Release(second);
    IUnknown_Release(session);
    assert_int_equal(f->fake.refcount, 2);

    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, NULL), E_INVALIDARG);
    assert_int_equal(f->fake.refcount, 2);
    EXPECT_REF(f->helper, 1);
}

static void test_hands_off_borrowed(void **state)
{
    struct fixture *f = *state;
    IUnknown *session;

    assert_hr(IOlkAccountHelper_HandsOffSession(f->helper), E_NOTIMPL);
    assert_hr(IOlkAccountHelper_HandsOffSession(f->helper), E_NOTIMPL);
    assert_int_equal(f->fake.refcount, 2);
    assert_int_equal(f->fake.logoffs, 0);

    /* Nothing changed: the session is still there. */
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &session), S_OK);
    IUnknown_Release(session);
}

static void test_release_with_outstanding_session(void **state)
{
    struct fixture *f = *state;
    IUnknown *session;

    /* The caller's reference outlives the helper; the helper's own is gone. */
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &session), S_OK);
    assert_int_equal(IOlkAccountHelper_Release(f->helper), 0);
    assert_int_equal(f->fake.refcount, 2);
    IUnknown_Release(session);
    assert_int_equal(f->fake.refcount, 1);
    assert_hr(helper_create(&IID_IOlkAccountHelper, (void **)&f->helper), S_OK);
}

static void test_create_bad_args(void **state)
{
    void *out = OLK_SENTINEL;

    (void)state;
    assert_hr(helper_create(&IID_IOlkAccountHelper, NULL), E_POINTER);
    assert_hr(helper_create(&IID_IClassFactory, &out), E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(server_lock_count(), 1); /* the fixture's helper only */
}

static void test_create_configured(void **state)
{
    struct fixture *f = *state;
    IOlkAccountHelper *helper;
    IOlkAccountHelper *not_a_session;
    void *out = OLK_SENTINEL;
    WCHAR buffer[16];
    DWORD cch = ARRAYSIZE(buffer);

    assert_hr(helper_create_configured(fake_session_unknown(&f->fake), L"Outlook", 0, &IID_IOlkAccountHelper, NULL),
              E_POINTER);
    assert_hr(helper_create_configured(fake_session_unknown(&f->fake), L"Outlook", OLKHELPER_LOGON_UI,
                                       &IID_IOlkAccountHelper, &out), E_INVALIDARG);
    assert_null(out);

    assert_hr(helper_create(&IID_IOlkAccountHelper, (void **)&not_a_session), S_OK);
    out = OLK_SENTINEL;
    assert_hr(helper_create_configured((IUnknown *)not_a_session, NULL, 0, &IID_IOlkAccountHelper, &out),
              E_NOINTERFACE);
    assert_null(out);
    IOlkAccountHelper_Release(not_a_session);

    out = OLK_SENTINEL;
    assert_hr(helper_create_configured(fake_session_unknown(&f->fake), L"Outlook", 0, &IID_IClassFactory, &out),
              E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(f->fake.refcount, 1);

    assert_hr(helper_create_configured(fake_session_unknown(&f->fake), L"Outlook", 0, &IID_IOlkAccountHelper,
                                       (void **)&helper), S_OK);
    EXPECT_REF(helper, 1);
    assert_int_equal(f->fake.refcount, 2);
    assert_hr(IOlkAccountHelper_GetIdentity(helper, buffer, &cch), S_OK);
    assert_true(wcscmp(buffer, L"Outlook") == 0);
    assert_hr(IOlkAccountHelper_HandsOffSession(helper), E_NOTIMPL);
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);
    assert_int_equal(f->fake.refcount, 1);
    assert_int_equal(server_lock_count(), 1);
}

static void test_use_profile_bad_flags(void **state)
{
    struct fixture *f = *state;
    IOlkHelperConfig *config;
    IUnknown *session = OLK_SENTINEL;

    assert_hr(IOlkAccountHelper_QueryInterface(f->helper, &IID_IOlkHelperConfig, (void **)&config), S_OK);
    assert_hr(IOlkHelperConfig_UseProfile(config, L"Outlook", 0x80000000), E_INVALIDARG);
    assert_hr(IOlkHelperConfig_UseProfile(config, L"Outlook", OLKHELPER_LOGON_UI | 0x10), E_INVALIDARG);
    IOlkHelperConfig_Release(config);
    assert_hr(IOlkAccountHelper_GetMapiSession(f->helper, &session), E_OLK_NOT_INITIALIZED);
    assert_null(session);
}

struct race
{
    IOlkAccountHelper *helper;
    IUnknown *session;
    HANDLE start;
    LONG succeeded;
    LONG refused;
};

static DWORD WINAPI race_thread(void *arg)
{
    struct race *race = arg;
    HRESULT hr;

    WaitForSingleObject(race->start, INFINITE);
    hr = use_session(race->helper, race->session, L"Outlook");
    if (hr == S_OK)
        InterlockedIncrement(&race->succeeded);
    else if (hr == E_OLK_ALREADY_INITIALIZED)
        InterlockedIncrement(&race->refused);
    return 0;
}

/* Many threads configure one helper at once: exactly one wins, and the
 * losers' references are all given back. */
static void test_configure_race(void **state)
{
    enum { THREADS = 8, ROUNDS = 50 };
    struct fixture *f = *state;

    for (int round = 0; round < ROUNDS; round++)
    {
        struct race race = { 0 };
        HANDLE threads[THREADS];

        assert_hr(helper_create(&IID_IOlkAccountHelper, (void **)&race.helper), S_OK);
        race.session = fake_session_unknown(&f->fake);
        race.start = CreateEventW(NULL, TRUE, FALSE, NULL);
        assert_non_null(race.start);
        for (int i = 0; i < THREADS; i++)
            assert_non_null(threads[i] = CreateThread(NULL, 0, race_thread, &race, 0, NULL));
        SetEvent(race.start);
        WaitForMultipleObjects(THREADS, threads, TRUE, INFINITE);
        for (int i = 0; i < THREADS; i++)
            CloseHandle(threads[i]);
        CloseHandle(race.start);

        assert_int_equal(race.succeeded, 1);
        assert_int_equal(race.refused, THREADS - 1);
        assert_int_equal(f->fake.refcount, 2);
        assert_int_equal(IOlkAccountHelper_Release(race.helper), 0);
        assert_int_equal(f->fake.refcount, 1);
    }
}

/* Each allocation of a helper configured in one call can fail: the
 * documented E_OUTOFMEMORY, a NULL out-pointer, every reference given back. */
struct configuration
{
    struct fake_session *fake;    /* NULL: owned mode */
    const WCHAR *profile;
};

static void create_with_faults(void *context)
{
    const struct configuration *c = context;
    IOlkAccountHelper *helper = OLK_SENTINEL;
    HRESULT hr;

    hr = helper_create_configured(c->fake ? fake_session_unknown(c->fake) : NULL, c->profile, 0,
                                  &IID_IOlkAccountHelper, (void **)&helper);
    assert_hr(hr, alloc_faults_injected() ? E_OUTOFMEMORY : S_OK);
    if (SUCCEEDED(hr))
        IOlkAccountHelper_Release(helper);
    else
        assert_null(helper);
    assert_int_equal(alloc_faults_live(), 0);
    assert_int_equal(server_lock_count(), 0);
    if (c->fake)
        assert_int_equal(c->fake->refcount, 1);
}

static void test_out_of_memory(void **state)
{
    struct fake_session fake;
    struct configuration borrowed = { &fake, L"Outlook" }, unnamed = { &fake, NULL }, owned = { NULL, L"Outlook" };

    (void)state;
    fake_session_init(&fake);
    /* the helper, the session owner, the name */
    assert_int_equal(alloc_faults_each(create_with_faults, &borrowed), 3);
    assert_int_equal(alloc_faults_each(create_with_faults, &unnamed), 2);
    assert_int_equal(alloc_faults_each(create_with_faults, &owned), 3);
    assert_int_equal(fake.unexpected_calls, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_interfaces, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_query_interface_bad_args, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_addref_release_counts, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_placeholder1, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_placeholder1, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_unconfigured, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_use_session_bad_args, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_use_profile_bad_flags, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_configure_once, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_get_identity_boundaries, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_get_identity_huge_size, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_get_identity_names, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_get_mapi_session_borrowed, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_hands_off_borrowed, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_release_with_outstanding_session, setup_borrowed, teardown),
        cmocka_unit_test_setup_teardown(test_create_bad_args, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_create_configured, setup_unconfigured, teardown),
        cmocka_unit_test_setup_teardown(test_configure_race, setup_unconfigured, teardown),
        cmocka_unit_test(test_out_of_memory),
    };

    olk_test_init();
    return cmocka_run_group_tests_name("helper", tests, NULL, NULL);
}
