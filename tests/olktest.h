/*
 * Shared helpers for the cmocka test programs, in the manner of Wine's COM
 * tests: EXPECT_REF, check_interface, the 0xdeadbeef sentinel.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_OLKTEST_H
#define OLKHELPER_OLKTEST_H

#include <windows.h>
#include <objbase.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <mapix.h>
#include <mapiguid.h>

#include "olkhelper.h"

/* A value no call of ours may leave in an out-parameter. */
#define OLK_SENTINEL ((void *)(ULONG_PTR)0xdeadbeef)

/* The reference count of obj, read as Wine's tests do: AddRef + Release. */
ULONG olk_get_refcount(IUnknown *obj);

#define EXPECT_REF(obj, ref) olk_expect_ref((IUnknown *)(obj), (ref), __FILE__, __LINE__)
void olk_expect_ref(IUnknown *obj, ULONG ref, const char *file, int line);

/* QI obj for iid: S_OK and a non-NULL pointer whose release leaves the count
 * as it was, or E_NOINTERFACE and NULL. */
#define check_interface(obj, iid, supported) \
    olk_check_interface((IUnknown *)(obj), (iid), (supported), __FILE__, __LINE__)
void olk_check_interface(IUnknown *obj, REFIID iid, BOOL supported, const char *file, int line);

#define assert_hr(hr, expected) olk_assert_hr((HRESULT)(hr), (HRESULT)(expected), __FILE__, __LINE__)
void olk_assert_hr(HRESULT hr, HRESULT expected, const char *file, int line);

/* Path of a file beside the test program (the build's bin directory). */
void olk_bin_path(const WCHAR *name, WCHAR *path, DWORD cch);

/* Whether parent\path can be opened for reading. */
BOOL olk_key_exists(HKEY parent, const WCHAR *path);

/* A file's whole content, NUL-terminated (an empty string when the file
 * does not exist); the caller frees it. */
char *olk_read_file(const WCHAR *path);

/* Binary stdout/stderr, so cmocka's summary lines end in \n, not \r\n. */
void olk_test_init(void);

#endif
