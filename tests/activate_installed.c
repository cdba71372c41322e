/*
 * Activation of an installed olkhelper.dll by both ProgIDs, as a client
 * that knows nothing but the ProgID does it: CLSIDFromProgID, then
 * CoCreateInstance. Used by the package tests (tests/package.sh).
 *
 * usage: activate_installed EXPECTED_DLL_PATH
 * Exit code 0 when each ProgID names CLSID_OlkAccountHelper and activates
 * an IOlkAccountHelper served by EXPECTED_DLL_PATH (case-insensitive);
 * 1 otherwise, with a line saying what failed.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <objbase.h>
#include <stdio.h>

#include "olkhelper.h"

static int activate(const WCHAR *progid, const WCHAR *expected)
{
    IOlkAccountHelper *helper = NULL;
    WCHAR actual[MAX_PATH];
    HMODULE module;
    CLSID clsid;
    HRESULT hr;
    int failed = 0;

    if (FAILED(hr = CLSIDFromProgID(progid, &clsid)))
    {
        wprintf(L"FAIL: CLSIDFromProgID(%ls) returned 0x%08lx\n", progid, (unsigned long)hr);
        return 1;
    }
    if (!IsEqualCLSID(&clsid, &CLSID_OlkAccountHelper))
    {
        wprintf(L"FAIL: %ls names another class\n", progid);
        return 1;
    }
    hr = CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IOlkAccountHelper, (void **)&helper);
    if (FAILED(hr))
    {
        wprintf(L"FAIL: CoCreateInstance by %ls returned 0x%08lx\n", progid, (unsigned long)hr);
        return 1;
    }
    module = GetModuleHandleW(L"olkhelper.dll");
    if (!module || !GetModuleFileNameW(module, actual, MAX_PATH))
    {
        wprintf(L"FAIL: %ls activated, but no olkhelper.dll is loaded\n", progid);
        failed = 1;
    }
    else if (CompareStringOrdinal(actual, -1, expected, -1, TRUE) != CSTR_EQUAL)
    {
        wprintf(L"FAIL: %ls activated %ls, expected %ls\n", progid, actual, expected);
        failed = 1;
    }
    else
        wprintf(L"ok: %ls activated from %ls\n", progid, actual);
    IOlkAccountHelper_Release(helper);
    return failed;
}

int wmain(int argc, WCHAR **argv)
{
    int failed;

    if (argc != 2)
    {
        wprintf(L"usage: activate_installed EXPECTED_DLL_PATH\n");
        return 1;
    }
    if (FAILED(CoInitializeEx(NULL, COINIT_MULTITHREADED)))
    {
        wprintf(L"FAIL: CoInitializeEx\n");
        return 1;
    }
    failed = activate(OLKHELPER_PROGID, argv[1]);
    failed |= activate(OLKHELPER_VI_PROGID, argv[1]);
    CoUninitialize();
    return failed;
}
