/*
 * SPDX-License-Identifier: MIT
 */
#include "mapi_client.h"
#include "mapi.h"

#include <mapiguid.h>
#include <mapitags.h>
#include <string.h>

HRESULT olkacct_mapi_start(struct olkacct_mapi *client, const char **step)
{
    HRESULT hr;

    memset(client, 0, sizeof(*client));
    if (FAILED(hr = mapi_get(&client->mapi)))
    {
        *step = "loading MAPI";
        return hr;
    }
    if (FAILED(hr = mapi_initialize(client->mapi, 0)))
    {
        *step = "MAPIInitialize";
        return hr;
    }
    client->initialized = TRUE;
    return S_OK;
}

HRESULT olkacct_mapi_logon(struct olkacct_mapi *client, const WCHAR *profile, IUnknown **session)
{
    return mapi_logon(client->mapi, profile, 0, (IMAPISession **)session);
}

void olkacct_mapi_logoff(IUnknown *session)
{
    mapi_logoff((IMAPISession *)session);
}

void olkacct_mapi_stop(struct olkacct_mapi *client)
{
    if (!client->initialized) return;
    client->mapi->uninitialize();
    client->initialized = FALSE;
}

static BOOL same_name(const WCHAR *profile, const SPropValue *prop)
{
    WCHAR name[256];

    if (prop->ulPropTag == PR_DISPLAY_NAME_W)
        return CompareStringOrdinal(profile, -1, prop->Value.lpszW, -1, TRUE) == CSTR_EQUAL;
    if (prop->ulPropTag != PR_DISPLAY_NAME_A) return FALSE;
    if (!MultiByteToWideChar(CP_ACP, 0, prop->Value.lpszA, -1, name, ARRAYSIZE(name))) return FALSE;
    return CompareStringOrdinal(profile, -1, name, -1, TRUE) == CSTR_EQUAL;
}

/* profile NULL: a row flagged PR_DEFAULT_PROFILE. */
static BOOL row_matches(const SRow *row, const WCHAR *profile)
{
    ULONG i;

    for (i = 0; i < row->cValues; i++)
    {
        const SPropValue *prop = &row->lpProps[i];

        if (profile && same_name(profile, prop)) return TRUE;
        if (!profile && prop->ulPropTag == PR_DEFAULT_PROFILE && prop->Value.b) return TRUE;
    }
    return FALSE;
}

static HRESULT search_table(const struct mapi_functions *mapi, LPMAPITABLE table, const WCHAR *profile,
                            BOOL *exists)
{
    LPSRowSet rows = NULL;
    HRESULT hr;
    ULONG i;

    /* Profile tables are short: one batch of rows, page after page. */
    while (SUCCEEDED(hr = table->lpVtbl->QueryRows(table, 64, 0, &rows)) && rows && rows->cRows)
    {
        for (i = 0; i < rows->cRows && !*exists; i++) *exists = row_matches(&rows->aRow[i], profile);
        mapi_free_rows(mapi, rows);
        rows = NULL;
        if (*exists) return S_OK;
    }
    if (rows) mapi_free_rows(mapi, rows);
    return FAILED(hr) ? hr : S_OK;
}

HRESULT olkacct_mapi_profile_exists(struct olkacct_mapi *client, const WCHAR *profile, BOOL *exists)
{
    LPPROFADMIN admin = NULL;
    LPMAPITABLE table = NULL;
    HRESULT hr;

    *exists = FALSE;
    if (!client->mapi->admin_profiles) return MAPI_E_NO_SUPPORT;
    if (FAILED(hr = client->mapi->admin_profiles(0, &admin))) return hr;
    if (!admin) return MAPI_E_CALL_FAILED;
    if (SUCCEEDED(hr = admin->lpVtbl->GetProfileTable(admin, 0, &table)) && table)
    {
        hr = search_table(client->mapi, table, profile, exists);
        table->lpVtbl->Release(table);
    }
    else if (SUCCEEDED(hr))
        hr = MAPI_E_CALL_FAILED;
    admin->lpVtbl->Release(admin);
    return hr;
}
