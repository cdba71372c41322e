/*
 * olkacct's own use of MAPI, through the product's MAPI unit (never a static
 * import of mapi32): a session to lend the helper (--borrow), and the
 * profile list that tells "no such profile" from "the logon failed".
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_MAPI_CLIENT_H
#define OLKACCT_MAPI_CLIENT_H

#include <windows.h>

struct mapi_functions;

struct olkacct_mapi
{
    const struct mapi_functions *mapi;
    BOOL initialized;
};

/* Finds MAPI and initialises it. On failure *step is "loading MAPI" or
 * "MAPIInitialize" and nothing needs stopping. */
HRESULT olkacct_mapi_start(struct olkacct_mapi *client, const char **step);

/* MAPILogonEx without UI, to profile or (NULL) the default profile. */
HRESULT olkacct_mapi_logon(struct olkacct_mapi *client, const WCHAR *profile, IUnknown **session);

/* Logs the session off and releases it. */
void olkacct_mapi_logoff(IUnknown *session);

struct olkacct_profile
{
    WCHAR name[256];
    BOOL is_default;
};

/* The profiles of MAPIAdminProfiles' profile table, in its order; *profiles
 * is freed with free(). */
HRESULT olkacct_mapi_profiles(struct olkacct_mapi *client, struct olkacct_profile **profiles, DWORD *count);

/* Whether profile (NULL: any default profile) is in MAPIAdminProfiles'
 * profile table. A failure means the answer is unknown. */
HRESULT olkacct_mapi_profile_exists(struct olkacct_mapi *client, const WCHAR *profile, BOOL *exists);

/* MAPIUninitialize if start initialised; safe to call again. */
void olkacct_mapi_stop(struct olkacct_mapi *client);

#endif
