/*
 * The forwarding session's lifetime (src/logon.c), on a fake MAPI session:
 * the last Release logs off, releases MAPI's session and gives the memory
 * back; a reference can then no longer be taken on that memory until it is
 * made a logon again. The session owner's lock-free hot path rests on both.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include "fake_session.h"
#include "logon.h"

struct detached
{
    int calls;
    struct logon *logon;
    LONG session_refs;       /* MAPI's session's count when detach came */
    LONG session_logoffs;
};

static struct fake_session fake;

static void record_detach(void *context, struct logon *logon)
{
    struct detached *detached = context;

    detached->calls++;
    detached->logon = logon;
    detached->session_refs = fake.refcount;
    detached->session_logoffs = fake.logoffs;
}

static struct logon *new_logon(struct logon *memory, struct detached *detached)
{
    fake.IMAPISession_iface.lpVtbl->AddRef(&fake.IMAPISession_iface);
    logon_init(memory, &fake.IMAPISession_iface, record_detach, detached);
    return memory;
}

static void test_last_release_detaches(void **state)
{
    struct detached detached = { 0 };
    struct logon memory, *logon;

    (void)state;
    fake_session_init(&fake);
    logon = new_logon(&memory, &detached);
    EXPECT_REF(&logon->IMAPISession_iface, 1);
    check_interface(&logon->IMAPISession_iface, &IID_IMAPISession, TRUE);
    assert_true(logon_addref_unless_released(logon));
    logon_release(logon);
    assert_int_equal(detached.calls, 0);
    assert_int_equal(logon->IMAPISession_iface.lpVtbl->Release(&logon->IMAPISession_iface), 0);
    /* Logoff first, then MAPI's last Release, then the memory goes back. */
    assert_int_equal(detached.calls, 1);
    assert_ptr_equal(detached.logon, &memory);
    assert_int_equal(detached.session_logoffs, 1);
    assert_int_equal(detached.session_refs, 1);
    assert_int_equal(fake.unexpected_calls, 0);
}

/* A caller that read the pointer before the last Release finds the memory
 * released and takes nothing; once the memory is a logon again, it takes a
 * reference on that one. */
static void test_no_reference_on_released_memory(void **state)
{
    struct detached detached = { 0 };
    struct logon memory, *logon;

    (void)state;
    fake_session_init(&fake);
    logon = new_logon(&memory, &detached);
    logon_release(logon);
    assert_int_equal(detached.calls, 1);
    assert_false(logon_addref_unless_released(logon));
    assert_false(logon_addref_unless_released(logon));
    assert_int_equal(detached.calls, 1);

    logon = new_logon(&memory, &detached);
    assert_true(logon_addref_unless_released(logon));
    EXPECT_REF(&logon->IMAPISession_iface, 2);
    logon_release(logon);
    logon_release(logon);
    assert_int_equal(detached.calls, 2);
    assert_int_equal(fake.logoffs, 2);
    assert_int_equal(fake.refcount, 1);
}

/* Ended by its owner, a logon answers MAPI_E_END_OF_SESSION and logs off
 * only once; its last Release still comes from its holder. */
static void test_ended_logon(void **state)
{
    struct detached detached = { 0 };
    struct logon memory, *logon;
    IMAPISession *session;
    ULONG cb = 0;
    ENTRYID *id = NULL;

    (void)state;
    fake_session_init(&fake);
    logon = new_logon(&memory, &detached);
    session = &logon->IMAPISession_iface;
    logon_end(logon);
    assert_int_equal(fake.logoffs, 1);
    assert_int_equal(fake.refcount, 2);
    assert_hr(session->lpVtbl->QueryIdentity(session, &cb, &id), MAPI_E_END_OF_SESSION);
    assert_hr(session->lpVtbl->Logoff(session, 0, 0, 0), MAPI_E_END_OF_SESSION);
    session->lpVtbl->Release(session);
    assert_int_equal(detached.calls, 1);
    assert_int_equal(fake.logoffs, 1);
    assert_int_equal(fake.refcount, 1);
    assert_int_equal(fake.unexpected_calls, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_last_release_detaches),
        cmocka_unit_test(test_no_reference_on_released_memory),
        cmocka_unit_test(test_ended_logon),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
