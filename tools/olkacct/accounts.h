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
    struct olkacct_record *items;
};

/* Enumerates each category in categories (enum olk_category bits) in the
 * order mail, address book, store; an account met again (same PROP_ACCT_ID)
 * is kept once. On failure *step names the call that failed, the list is
 * emptied and the call's HRESULT returned. */
HRESULT olkacct_read_accounts(IOlkAccountManager *manager, DWORD categories, struct olkacct_list *list,
                              const char **step);

void olkacct_list_free(struct olkacct_list *list);

#endif
