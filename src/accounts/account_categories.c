/*
 * SPDX-License-Identifier: MIT
 */
#include "account_vocabulary.h"

const struct olk_account_category olk_account_categories[OLK_CATEGORY_COUNT] =
{
    { OLK_CATEGORY_MAIL, L"mail", &CLSID_OlkMail },
    { OLK_CATEGORY_ADDRESSBOOK, L"addressbook", &CLSID_OlkAddressBook },
    { OLK_CATEGORY_STORE, L"store", &CLSID_OlkStore },
};

DWORD olk_category_bit(const CLSID *clsid)
{
    size_t i;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
        if (IsEqualCLSID(clsid, olk_account_categories[i].clsid)) return olk_account_categories[i].bit;
    return 0;
}
