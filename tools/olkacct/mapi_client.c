/*
 * SPDX-License-Identifier: MIT
 */
#include "mapi_client.h"
#include "mapi.h"
#include "allocator.h"

#include <mapiguid.h>
#include <mapitags.h>
#include <stdlib.h>
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

/* A row's display name and default flag; FALSE for a row without a name. */
static BOOL row_profile(const SRow *row, struct olkacct_profile *profile)
{
    BOOL named = FALSE;
    ULONG i;

    memset(profile, 0, sizeof(*profile));
    for (i = 0; i < row->cValues; i++)
    {
        const SPropValue *prop = &row->lpProps[i];

        if (prop->ulPropTag == PR_DISPLAY_NAME_W && prop->Value.lpszW)
        {
            lstrcpynW(profile->name, prop->Value.lpszW, ARRAYSIZE(profile->name));
            named = TRUE;
        }
        else if (prop->ulPropTag == PR_DISPLAY_NAME_A && prop->Value.lpszA)
            named = MultiByteToWideChar(CP_ACP, 0, prop->Value.lpszA, -1, profile->name, ARRAYSIZE(profile->name)) > 0;
        else if (prop->ulPropTag == PR_DEFAULT_PROFILE && prop->Value.b)
            profile->is_default = TRUE;
    }
    return named;
}

static HRESULT add_profile(const SRow *row, struct olkacct_profile **profiles, DWORD *count)
{
    struct olkacct_profile *grown;

    if (!(grown = olkacct_realloc_array(*profiles, *count + 1, sizeof(*grown)))) return E_OUTOFMEMORY;
    *profiles = grown;
    if (row_profile(row, &grown[*count])) (*count)++;
    return S_OK;
}

static HRESULT read_table(const struct mapi_functions *mapi, LPMAPITABLE table, struct olkacct_profile **profiles,
                          DWORD *count)
{
    LPSRowSet rows = NULL;
    HRESULT hr;
    ULONG i;

    /* Profile tables are short: one batch of rows, page after page. */
    while (SUCCEEDED(hr = table->lpVtbl->QueryRows(table, 64, 0, &rows)) && rows && rows->cRows)
    {
        for (i = 0; i < rows->cRows && SUCCEEDED(hr); i++) hr = add_profile(&rows->aRow[i], profiles, count);
        mapi_free_rows(mapi, rows);
        rows = NULL;
        if (FAILED(hr)) return hr;
    }
    if (rows) mapi_free_rows(mapi, rows);
    return FAILED(hr) ? hr : S_OK;
}

HRESULT olkacct_mapi_profiles(struct olkacct_mapi *client, struct olkacct_profile **profiles, DWORD *count)
{
    LPPROFADMIN admin = NULL;
    LPMAPITABLE table = NULL;
    HRESULT hr;

    *profiles = NULL;
    *count = 0;
    if (!client->mapi->admin_profiles) return MAPI_E_NO_SUPPORT;
    if (FAILED(hr = client->mapi->admin_profiles(0, &admin))) return hr;
    if (!admin) return MAPI_E_CALL_FAILED;
    if (SUCCEEDED(hr = admin->lpVtbl->GetProfileTable(admin, 0, &table)) && table)
    {
        hr = read_table(client->mapi, table, profiles, count);
        table->lpVtbl->Release(table);
    }
    else if (SUCCEEDED(hr))
        hr = MAPI_E_CALL_FAILED;
    admin->lpVtbl->Release(admin);
    if (FAILED(hr))
    {
        free(*profiles);
        *profiles = NULL;
        *count = 0;
    }
    return hr;
}

HRESULT olkacct_mapi_profile_exists(struct olkacct_mapi *client, const WCHAR *profile, BOOL *exists)
{
    struct olkacct_profile *profiles;
    DWORD count, i;
    HRESULT hr;

    *exists = FALSE;
    if (FAILED(hr = olkacct_mapi_profiles(client, &profiles, &count))) return hr;
    for (i = 0; i < count && !*exists; i++)
        *exists = profile ? CompareStringOrdinal(profile, -1, profiles[i].name, -1, TRUE) == CSTR_EQUAL
                          : profiles[i].is_default;
    free(profiles);
    return S_OK;
}
