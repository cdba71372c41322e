/*
 * The stand-in's configuration, read from the environment at every call so
 * that a test can change it between two calls in one process.
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PROFILES_CCH 2048

/* TRUE with the value when the variable is set and not empty. */
static BOOL read_env(const WCHAR *name, WCHAR *value, DWORD cch)
{
    DWORD len = GetEnvironmentVariableW(name, value, cch);

    return len && len < cch;
}

BOOL stub_env_hresult(const WCHAR *name, HRESULT *hr)
{
    WCHAR value[32], *end;

    if (!read_env(name, value, ARRAYSIZE(value)))
        return FALSE;
    *hr = (HRESULT)wcstoul(value, &end, 16);
    return end != value;
}

DWORD stub_env_dword(const WCHAR *name, DWORD fallback)
{
    WCHAR value[32], *end;
    DWORD number;

    if (!read_env(name, value, ARRAYSIZE(value)))
        return fallback;
    number = wcstoul(value, &end, 10);
    return end != value ? number : fallback;
}

/* An unset OLKSTUB_PROFILES means one profile, "Outlook"; a set but empty
 * one means none. */
static void profile_list(WCHAR *list, DWORD cch)
{
    DWORD len;

    SetLastError(ERROR_SUCCESS);
    len = GetEnvironmentVariableW(L"OLKSTUB_PROFILES", list, cch);
    if (!len && GetLastError() == ERROR_ENVVAR_NOT_FOUND)
        wcscpy(list, L"Outlook");
    else if (!len || len >= cch)
        list[0] = 0;
}

size_t stub_profiles(WCHAR names[][OLKSTUB_NAME_CCH], size_t max)
{
    WCHAR list[PROFILES_CCH], *item, *end;
    size_t count = 0, len;

    profile_list(list, ARRAYSIZE(list));
    for (item = list; *item && count < max; item = *end ? end + 1 : end)
    {
        end = wcschr(item, L';');
        if (!end)
            end = item + wcslen(item);
        len = (size_t)(end - item);
        if (!len || len >= OLKSTUB_NAME_CCH)
            continue;
        memcpy(names[count], item, len * sizeof(WCHAR));
        names[count++][len] = 0;
    }
    return count;
}

/* Profile names compare without regard to case, as Windows' do. */
BOOL stub_find_profile(const WCHAR *name, WCHAR *canonical)
{
    WCHAR names[STUB_MAX_PROFILES][OLKSTUB_NAME_CCH];
    size_t count = stub_profiles(names, STUB_MAX_PROFILES), i;

    for (i = 0; i < count; i++)
    {
        if (!_wcsicmp(names[i], name))
        {
            wcscpy(canonical, names[i]);
            return TRUE;
        }
    }
    return FALSE;
}

BOOL stub_default_profile(WCHAR *name)
{
    WCHAR names[STUB_MAX_PROFILES][OLKSTUB_NAME_CCH];

    if (read_env(L"OLKSTUB_DEFAULT_PROFILE", name, OLKSTUB_NAME_CCH))
        return TRUE;
    if (!stub_profiles(names, 1))
        return FALSE;
    wcscpy(name, names[0]);
    return TRUE;
}
