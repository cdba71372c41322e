/*
 * Reading accounts through IOlkAccountManager into plain records that own
 * their data (every GetProp result is copied and freed at once).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_ACCOUNTS_H
#define OLKACCT_ACCOUNTS_H

#include <windows.h>
#include "account_vocabulary.h"

/* The properties olkacct reads, in output order. */
enum olkacct_field
{
    OLKACCT_F_ID,
    OLKACCT_F_NAME,
    OLKACCT_F_MINI_UID,
    OLKACCT_F_STAMP,
    OLKACCT_F_EMAIL,
    OLKACCT_F_DISPLAY_NAME,
    OLKACCT_F_INET_USER,
    OLKACCT_F_INET_SERVER,
    OLKACCT_F_INET_PORT,
    OLKACCT_F_SMTP_SERVER,
    OLKACCT_F_SMTP_PORT,
    OLKACCT_F_IS_EXCH,
    OLKACCT_F_DELIVERY_STORE,
    OLKACCT_F_COUNT
};

/* Each field's entry in the account vocabulary (tag, JSON member, ...). */
extern const struct olk_account_prop *const olkacct_fields[OLKACCT_F_COUNT];

/* type 0: the account does not have the property (E_ACCT_NOT_FOUND). */
struct olkacct_value
{
    DWORD type;         /* PT_LONG, PT_UNICODE or PT_BINARY */
    DWORD dw;
    WCHAR *str;
    BYTE *bin;
    DWORD cb;
};

struct olkacct_record
{
    CLSID type;
    DWORD categories;   /* enum olk_category bits */
    struct olkacct_value values[OLKACCT_F_COUNT];
};

struct olkacct_list
{
    DWORD count;
    DWORD capacity;
    struct olkacct_record *items;
};

/* Enumerates each category in categories (enum olk_category bits) in the
 * order mail, address book, store. An account is listed once, in the first of
 * these categories that GetAccountInfo reports for it, with all its
 * categories; accounts are never merged by PROP_ACCT_ID. Reading is linear in
 * the number of accounts and limited only by memory and by each enumerator's
 * GetCount (an enumerator that returns more accounts is an error).
 *
 * On failure the list is emptied and the HRESULT returned: *step names the
 * Account Management API call that failed, or is NULL when olkacct itself ran
 * out of memory. */
HRESULT olkacct_read_accounts(IOlkAccountManager *manager, DWORD categories, struct olkacct_list *list,
                              const char **step);

void olkacct_list_free(struct olkacct_list *list);

#endif
