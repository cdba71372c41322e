/*
 * The class factory, through factory_get_class_object (DllGetClassObject's
 * body): interfaces, bad arguments, aggregation, LockServer and the server
 * lock count that DllCanUnloadNow answers from.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <ocidl.h>

#include "alloc_faults.h"
#include "factory.h"
#include "server_lock.h"

static IClassFactory *get_factory(void)
{
    IClassFactory *factory = OLK_SENTINEL;

    assert_hr(factory_get_class_object(&CLSID_OlkAccountHelper, &IID_IClassFactory, (void **)&factory), S_OK);
    assert_non_null(factory);
    return factory;
}

/* Every test leaves no factory, object or lock behind. */
static int teardown(void **state)
{
    (void)state;
    assert_int_equal(server_lock_count(), 0);
    return 0;
}

static void test_interfaces(void **state)
{
    IClassFactory *factory = get_factory();
    IUnknown *unk = OLK_SENTINEL;

    (void)state;
    EXPECT_REF(factory, 1);
    check_interface(factory, &IID_IUnknown, TRUE);
    check_interface(factory, &IID_IClassFactory, TRUE);
    check_interface(factory, &IID_IClassFactory2, FALSE);
    check_interface(factory, &IID_IOlkAccountHelper, FALSE);
    check_interface(factory, &IID_IOlkHelperConfig, FALSE);
    check_interface(factory, &IID_IMarshal, FALSE);

    /* One object: IUnknown is the same pointer and shares the count. */
    assert_hr(IClassFactory_QueryInterface(factory, &IID_IUnknown, (void **)&unk), S_OK);
    assert_ptr_equal(unk, factory);
    EXPECT_REF(factory, 2);
    assert_int_equal(IUnknown_Release(unk), 1);
    assert_int_equal(IClassFactory_Release(factory), 0);
}

static void test_refcount_and_server_lock(void **state)
{
    IClassFactory *factory = get_factory();

    (void)state;
    /* A live factory keeps the server loaded. */
    assert_int_equal(server_lock_count(), 1);
    assert_int_equal(IClassFactory_AddRef(factory), 2);
    EXPECT_REF(factory, 2);
    assert_int_equal(IClassFactory_Release(factory), 1);
    assert_int_equal(server_lock_count(), 1);
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_int_equal(server_lock_count(), 0);
}

static void test_get_class_object_iunknown(void **state)
{
    IUnknown *unk = OLK_SENTINEL;
    IClassFactory *factory = OLK_SENTINEL;

    (void)state;
    assert_hr(factory_get_class_object(&CLSID_OlkAccountHelper, &IID_IUnknown, (void **)&unk), S_OK);
    assert_non_null(unk);
    EXPECT_REF(unk, 1);
    assert_hr(IUnknown_QueryInterface(unk, &IID_IClassFactory, (void **)&factory), S_OK);
    assert_ptr_equal(factory, unk);
    IClassFactory_Release(factory);
    assert_int_equal(IUnknown_Release(unk), 0);
}

static void test_get_class_object_bad_args(void **state)
{
    void *out = OLK_SENTINEL;

    (void)state;
    assert_hr(factory_get_class_object(&CLSID_OlkAccountHelper, &IID_IClassFactory, NULL), E_POINTER);

    /* The object itself is not handed out by DllGetClassObject. */
    assert_hr(factory_get_class_object(&CLSID_OlkAccountHelper, &IID_IOlkAccountHelper, &out), E_NOINTERFACE);
    assert_null(out);

    out = OLK_SENTINEL;
    assert_hr(factory_get_class_object(&CLSID_OlkAccountManager, &IID_IClassFactory, &out),
              CLASS_E_CLASSNOTAVAILABLE);
    assert_null(out);

    out = OLK_SENTINEL;
    assert_hr(factory_get_class_object(&IID_IOlkAccountHelper, &IID_IClassFactory, &out),
              CLASS_E_CLASSNOTAVAILABLE);
    assert_null(out);

    out = OLK_SENTINEL;
    assert_hr(factory_get_class_object(NULL, &IID_IClassFactory, &out), E_INVALIDARG);
    assert_null(out);

    out = OLK_SENTINEL;
    assert_hr(factory_get_class_object(&CLSID_OlkAccountHelper, NULL, &out), E_INVALIDARG);
    assert_null(out);
}

static void test_query_interface_bad_args(void **state)
{
    IClassFactory *factory = get_factory();
    void *out = OLK_SENTINEL;

    (void)state;
    assert_hr(IClassFactory_QueryInterface(factory, &IID_IClassFactory, NULL), E_POINTER);
    assert_hr(IClassFactory_QueryInterface(factory, NULL, &out), E_INVALIDARG);
    assert_null(out);
    EXPECT_REF(factory, 1);
    assert_int_equal(IClassFactory_Release(factory), 0);
}

static void test_create_instance(void **state)
{
    IClassFactory *factory = get_factory();
    IOlkAccountHelper *helper = OLK_SENTINEL;

    (void)state;
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IOlkAccountHelper, (void **)&helper), S_OK);
    assert_non_null(helper);
    EXPECT_REF(helper, 1);
    EXPECT_REF(factory, 1);
    check_interface(helper, &IID_IUnknown, TRUE);
    check_interface(helper, &IID_IOlkHelperConfig, TRUE);
    check_interface(helper, &IID_IClassFactory, FALSE);
    assert_int_equal(server_lock_count(), 2);

    /* The object outlives its factory and keeps the server loaded. */
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_int_equal(server_lock_count(), 1);
    assert_int_equal(IOlkAccountHelper_Release(helper), 0);
}

static void test_create_instance_each_interface(void **state)
{
    static const IID *const iids[] = { &IID_IUnknown, &IID_IOlkAccountHelper, &IID_IOlkHelperConfig };
    IClassFactory *factory = get_factory();
    IUnknown *first = NULL, *second = NULL;

    (void)state;
    for (size_t i = 0; i < sizeof(iids) / sizeof(iids[0]); i++)
    {
        IUnknown *unk = OLK_SENTINEL;

        assert_hr(IClassFactory_CreateInstance(factory, NULL, iids[i], (void **)&unk), S_OK);
        assert_non_null(unk);
        EXPECT_REF(unk, 1);
        IUnknown_Release(unk);
    }

    /* Each call makes a new object. */
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IUnknown, (void **)&first), S_OK);
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IUnknown, (void **)&second), S_OK);
    assert_ptr_not_equal(first, second);
    assert_int_equal(server_lock_count(), 3);
    IUnknown_Release(first);
    IUnknown_Release(second);
    assert_int_equal(IClassFactory_Release(factory), 0);
}

static void test_create_instance_bad_args(void **state)
{
    IClassFactory *factory = get_factory();
    void *out = OLK_SENTINEL;

    (void)state;
    /* Aggregation is refused for any IID, IUnknown included (the only IID an
     * aggregating outer may ask for). */
    assert_hr(IClassFactory_CreateInstance(factory, (IUnknown *)OLK_SENTINEL, &IID_IOlkAccountHelper, &out),
              CLASS_E_NOAGGREGATION);
    assert_null(out);
    out = OLK_SENTINEL;
    assert_hr(IClassFactory_CreateInstance(factory, (IUnknown *)OLK_SENTINEL, &IID_IUnknown, &out),
              CLASS_E_NOAGGREGATION);
    assert_null(out);

    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IOlkAccountHelper, NULL), E_POINTER);

    out = OLK_SENTINEL;
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IClassFactory, &out), E_NOINTERFACE);
    assert_null(out);

    out = OLK_SENTINEL;
    assert_hr(IClassFactory_CreateInstance(factory, NULL, NULL, &out), E_INVALIDARG);
    assert_null(out);

    /* No object was left alive by a failed call. */
    assert_int_equal(server_lock_count(), 1);
    EXPECT_REF(factory, 1);
    assert_int_equal(IClassFactory_Release(factory), 0);
}

static void test_lock_server(void **state)
{
    IClassFactory *factory = get_factory();
    IClassFactory *other;

    (void)state;
    assert_int_equal(server_lock_count(), 1);
    assert_hr(IClassFactory_LockServer(factory, TRUE), S_OK);
    assert_int_equal(server_lock_count(), 2);
    assert_hr(IClassFactory_LockServer(factory, TRUE), S_OK);
    assert_int_equal(server_lock_count(), 3);
    /* LockServer does not touch the factory's own count. */
    EXPECT_REF(factory, 1);

    /* A lock outlives the factory it was taken on ... */
    assert_int_equal(IClassFactory_Release(factory), 0);
    assert_int_equal(server_lock_count(), 2);

    /* ... and is released through any factory. */
    other = get_factory();
    assert_int_equal(server_lock_count(), 3);
    assert_hr(IClassFactory_LockServer(other, FALSE), S_OK);
    assert_int_equal(server_lock_count(), 2);
    assert_hr(IClassFactory_LockServer(other, FALSE), S_OK);
    assert_int_equal(server_lock_count(), 1);
    assert_int_equal(IClassFactory_Release(other), 0);
}

static void test_lock_server_unbalanced(void **state)
{
    IClassFactory *factory = get_factory();
    IUnknown *object;

    (void)state;
    /* An unlock without a lock must not take the count of a live object. */
    assert_hr(IClassFactory_CreateInstance(factory, NULL, &IID_IUnknown, (void **)&object), S_OK);
    assert_int_equal(server_lock_count(), 2);
    assert_hr(IClassFactory_LockServer(factory, FALSE), E_UNEXPECTED);
    assert_int_equal(server_lock_count(), 2);

    assert_hr(IClassFactory_LockServer(factory, TRUE), S_OK);
    assert_hr(IClassFactory_LockServer(factory, FALSE), S_OK);
    assert_hr(IClassFactory_LockServer(factory, FALSE), E_UNEXPECTED);
    assert_int_equal(server_lock_count(), 2);

    IUnknown_Release(object);
    assert_int_equal(IClassFactory_Release(factory), 0);
}

/* Each allocation of a factory and of the object it creates can fail: the
 * documented E_OUTOFMEMORY, a NULL out-pointer, and nothing left behind. */
static void factory_with_faults(void *context)
{
    IClassFactory *factory = OLK_SENTINEL;
    IUnknown *object = OLK_SENTINEL;
    HRESULT hr;

    (void)context;
    hr = factory_get_class_object(&CLSID_OlkAccountHelper, &IID_IClassFactory, (void **)&factory);
    if (SUCCEEDED(hr))
    {
        hr = IClassFactory_CreateInstance(factory, NULL, &IID_IUnknown, (void **)&object);
        if (SUCCEEDED(hr))
            IUnknown_Release(object);
        else
            assert_null(object);
        IClassFactory_Release(factory);
    }
    else
        assert_null(factory);
    assert_hr(hr, alloc_faults_injected() ? E_OUTOFMEMORY : S_OK);
    assert_int_equal(alloc_faults_live(), 0);
    assert_int_equal(server_lock_count(), 0);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    assert_int_equal(alloc_faults_each(factory_with_faults, NULL), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_teardown(test_interfaces, teardown),
        cmocka_unit_test_teardown(test_refcount_and_server_lock, teardown),
        cmocka_unit_test_teardown(test_get_class_object_iunknown, teardown),
        cmocka_unit_test_teardown(test_get_class_object_bad_args, teardown),
        cmocka_unit_test_teardown(test_query_interface_bad_args, teardown),
        cmocka_unit_test_teardown(test_create_instance, teardown),
        cmocka_unit_test_teardown(test_create_instance_each_interface, teardown),
        cmocka_unit_test_teardown(test_create_instance_bad_args, teardown),
        cmocka_unit_test_teardown(test_lock_server, teardown),
        cmocka_unit_test_teardown(test_lock_server_unbalanced, teardown),
        cmocka_unit_test_teardown(test_out_of_memory, teardown),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
