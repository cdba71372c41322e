/*
 * For the tests that drive the stand-in account manager directly: a helper
 * whose contract can be broken one way at a time, its session, and the
 * account data file.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKSTUB_TEST_SUPPORT_H
#define OLKSTUB_TEST_SUPPORT_H

#include <windows.h>
#include "olkacct.h"

enum fake_flaw
{
    FLAW_NONE,
    FLAW_QI_REFUSES,            /* QI(IID_IOlkAccountHelper) fails */
    FLAW_PLACEHOLDER_OK,        /* PlaceHolder1 returns S_OK */
    FLAW_IDENTITY_NO_NUL,       /* the size omits the NUL (the widely copied sample's bug) */
    FLAW_IDENTITY_WRITES_ON_ZERO,/* writes into the buffer when *pcch = 0 */
    FLAW_IDENTITY_PCCH_TOO_BIG, /* *pcch = wcslen + 2 after a copy */
    FLAW_SESSION_NULL,          /* GetMapiSession: S_OK and NULL */
    FLAW_SESSION_NOT_MAPI,      /* the session does not answer IID_IMAPISession */
    FLAW_SESSION_FAIL_DIRTY,    /* a failure that leaves *ppmsess set */
};

struct fake_session
{
    IUnknown IUnknown_iface;
    LONG refcount;
    BOOL mapi;
};

struct fake_helper
{
    IOlkAccountHelper IOlkAccountHelper_iface;
    LONG refcount;
    const WCHAR *profile;
    enum fake_flaw flaw;
    HRESULT session_hr;         /* a failure GetMapiSession reports honestly */
    LONG hands_off_calls;
    LONG session_calls;
    struct fake_session session;
};

/* refcount 1, owned by the caller (never freed by Release). */
void fake_helper_init(struct fake_helper *helper, const WCHAR *profile, enum fake_flaw flaw);

/* Writes text to a file in the temp directory and points OLK_STANDIN_ACCOUNTS
 * at it. */
void standin_test_data(const char *text);
void standin_test_data_remove(void);

/* The file standin_test_data wrote (the stand-in writes its changes there),
 * and its content now (malloc'd, NUL-terminated). */
const WCHAR *standin_test_data_path(void);
char *standin_test_data_read(void);

#endif
