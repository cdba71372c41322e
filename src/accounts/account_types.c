/*
 * SPDX-License-Identifier: MIT
 */
#include "account_vocabulary.h"

const struct olk_account_type olk_account_types[OLK_ACCOUNT_TYPE_COUNT] =
{
    { &CLSID_OlkMAPIAccount, L"Exchange/MAPI" },
    { &CLSID_OlkPOP3Account, L"POP3" },
    { &CLSID_OlkIMAP4Account, L"IMAP4" },
    { &CLSID_OlkHotmailAccount, L"Hotmail" },
    { &CLSID_OlkLDAPAccount, L"LDAP" },
};

const WCHAR *olk_account_type_name(const CLSID *clsid)
{
    size_t i;

    for (i = 0; i < OLK_ACCOUNT_TYPE_COUNT; i++)
        if (IsEqualCLSID(clsid, olk_account_types[i].clsid)) return olk_account_types[i].name;
    return NULL;
}
