/*
 * SPDX-License-Identifier: MIT
 */
#include "hresult_name.h"
#include "olkacct.h"

#include <mapicode.h>
#include <stdio.h>

static const struct { HRESULT hr; const char *name; } names[] =
{
    { E_FAIL, "E_FAIL" },
    { E_NOTIMPL, "E_NOTIMPL" },
    { E_NOINTERFACE, "E_NOINTERFACE" },
    { E_INVALIDARG, "E_INVALIDARG" },
    { E_OUTOFMEMORY, "E_OUTOFMEMORY" },
    { E_POINTER, "E_POINTER" },
    { E_UNEXPECTED, "E_UNEXPECTED" },
    { E_ACCESSDENIED, "E_ACCESSDENIED" },
    { REGDB_E_CLASSNOTREG, "REGDB_E_CLASSNOTREG" },
    { CO_E_NOTINITIALIZED, "CO_E_NOTINITIALIZED" },
    { CO_E_DLLNOTFOUND, "CO_E_DLLNOTFOUND" },
    { CO_E_ERRORINDLL, "CO_E_ERRORINDLL" },
    { HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND), "ERROR_MOD_NOT_FOUND" },
    { HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND), "ERROR_PROC_NOT_FOUND" },
    { HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT), "ERROR_BAD_EXE_FORMAT" },
    { E_OLK_REGISTRY, "E_OLK_REGISTRY" },
    { E_OLK_ALREADY_INITIALIZED, "E_OLK_ALREADY_INITIALIZED" },
    { E_OLK_PARAM_NOT_SUPPORTED, "E_OLK_PARAM_NOT_SUPPORTED" },
    { E_OLK_NOT_INITIALIZED, "E_OLK_NOT_INITIALIZED" },
    { E_OLK_PROP_READ_ONLY, "E_OLK_PROP_READ_ONLY" },
    { E_ACCT_NOT_FOUND, "E_ACCT_NOT_FOUND" },
    { E_ACCT_UI_BUSY, "E_ACCT_UI_BUSY" },
    { E_ACCT_WRONG_SORT_ORDER, "E_ACCT_WRONG_SORT_ORDER" },
    { MAPI_E_NOT_FOUND, "MAPI_E_NOT_FOUND" },
    { MAPI_E_LOGON_FAILED, "MAPI_E_LOGON_FAILED" },
    { MAPI_E_USER_CANCEL, "MAPI_E_USER_CANCEL" },
    { MAPI_E_NETWORK_ERROR, "MAPI_E_NETWORK_ERROR" },
    { MAPI_E_UNCONFIGURED, "MAPI_E_UNCONFIGURED" },
    { MAPI_E_FAILONEPROVIDER, "MAPI_E_FAILONEPROVIDER" },
    { MAPI_E_PASSWORD_CHANGE_REQUIRED, "MAPI_E_PASSWORD_CHANGE_REQUIRED" },
    { MAPI_E_PASSWORD_EXPIRED, "MAPI_E_PASSWORD_EXPIRED" },
    { MAPI_E_NOT_INITIALIZED, "MAPI_E_NOT_INITIALIZED" },
};

const char *olkacct_hresult_text(HRESULT hr, char *buffer, size_t size)
{
    size_t i;

    for (i = 0; i < ARRAYSIZE(names); i++)
    {
        if (names[i].hr != hr) continue;
        snprintf(buffer, size, "0x%08lx (%s)", (unsigned long)hr, names[i].name);
        return buffer;
    }
    snprintf(buffer, size, "0x%08lx", (unsigned long)hr);
    return buffer;
}

const char *olkacct_hr(HRESULT hr)
{
    static char buffers[4][96];
    static LONG next;

    return olkacct_hresult_text(hr, buffers[InterlockedIncrement(&next) & 3], sizeof(buffers[0]));
}
