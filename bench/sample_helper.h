/*
 * The comparison for the benchmark: a minimal IOlkAccountHelper in C++, the
 * way a helper is usually written after Microsoft's account-management
 * sample — a class holding a session and a profile name, no lock, no
 * configuration interface.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_BENCH_SAMPLE_HELPER_H
#define OLKHELPER_BENCH_SAMPLE_HELPER_H

#include <windows.h>
#include "olkhelper.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A helper over session (AddRef'd) naming profile; NULL when out of memory. */
IOlkAccountHelper *sample_helper_create(IUnknown *session, const WCHAR *profile);

#ifdef __cplusplus
}
#endif

#endif
