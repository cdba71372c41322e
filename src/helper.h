/*
 * The helper object: IOlkAccountHelper and IOlkHelperConfig on one object.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_HELPER_H
#define OLKHELPER_HELPER_H

#include <windows.h>

/* An unconfigured helper, as CoCreateInstance hands it out; QI'd for riid. */
HRESULT helper_create(REFIID riid, void **ppv);

/* The body of the exported OlkHelperCreate: a helper configured in one call. */
HRESULT helper_create_configured(IUnknown *session, const WCHAR *profile, DWORD flags,
                                 REFIID riid, void **ppv);

#endif
