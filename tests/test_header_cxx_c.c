/*
 * The C half of test_header_cxx: calls an IOlkAccountHelper written in C++
 * through the C declaration of the same header.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>

#include "olkhelper.h"

int olk_call_helper_from_c(IOlkAccountHelper *helper, WCHAR *buffer, DWORD cch)
{
    DWORD need = 0;
    IUnknown *session = (IUnknown *)helper;

    if (IOlkAccountHelper_PlaceHolder1(helper, NULL) != E_NOTIMPL)
        return 1;
    if (IOlkAccountHelper_GetIdentity(helper, NULL, &need) != E_OUTOFMEMORY || need > cch)
        return 2;
    if (IOlkAccountHelper_GetIdentity(helper, buffer, &need) != S_OK)
        return 3;
    if (IOlkAccountHelper_GetMapiSession(helper, &session) != E_OLK_NOT_INITIALIZED || session)
        return 4;
    if (IOlkAccountHelper_HandsOffSession(helper) != E_NOTIMPL)
        return 5;
    return 0;
}
