/*
 * The Account Management API's vocabulary, written once: the account
 * categories and types, and every documented account property with its tag
 * (from olkacct.idl), type, JSON member, automation name, documented access,
 * secrecy and documented value names. olkacct reads, tabulates and prints
 * accounts with it; docs/properties.md is checked against it by a test.
 *
 * Data and look-ups only: no C runtime I/O and no USER32, so that the DLL can
 * link it as well as olkacct.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLK_ACCOUNT_VOCABULARY_H
#define OLK_ACCOUNT_VOCABULARY_H

#include <windows.h>
#include <mapidefs.h>
#include "olkacct.h"

/* ---- categories (account_categories.c) ---------------------------------- */

enum olk_category
{
    OLK_CATEGORY_MAIL = 0x1,
    OLK_CATEGORY_ADDRESSBOOK = 0x2,
    OLK_CATEGORY_STORE = 0x4,
    OLK_CATEGORY_ALL = 0x7,
};

struct olk_account_category
{
    DWORD bit;              /* enum olk_category */
    const WCHAR *name;      /* "mail", "addressbook", "store" */
    const CLSID *clsid;     /* CLSID_OlkMail, CLSID_OlkAddressBook, CLSID_OlkStore */
};

#define OLK_CATEGORY_COUNT 3

/* In the order olkacct enumerates and lists them: mail, address book, store. */
extern const struct olk_account_category olk_account_categories[OLK_CATEGORY_COUNT];

/* The enum olk_category bit of a category CLSID; 0 for any other CLSID. */
DWORD olk_category_bit(const CLSID *clsid);

/* ---- account types (account_types.c) ------------------------------------ */

struct olk_account_type
{
    const CLSID *clsid;
    const WCHAR *name;      /* "Exchange/MAPI", "POP3", ... */
};

#define OLK_ACCOUNT_TYPE_COUNT 5

extern const struct olk_account_type olk_account_types[OLK_ACCOUNT_TYPE_COUNT];

/* The name of a documented account type, or NULL for another CLSID. */
const WCHAR *olk_account_type_name(const CLSID *clsid);

/* ---- properties (account_properties.c) ---------------------------------- */

enum olk_prop_access
{
    OLK_PROP_READ_ONLY,
    OLK_PROP_READ_WRITE,
};

/* A documented constant of a property's value. */
struct olk_prop_value
{
    DWORD value;
    const char *name;
};

/* Longest name + 1 of each kind (test_account_vocabulary checks that every
 * name ends inside its array). */
#define OLK_IDL_NAME_CCH 28
#define OLK_JSON_NAME_CCH 23
#define OLK_AUTOMATION_NAME_CCH 21

/* The names are ASCII arrays inside the entry: no pointer for the loader to
 * relocate and half the bytes of UTF-16 (the release DLL has a size budget).
 * The small fields are bytes. */
struct olk_account_prop
{
    char idl_name[OLK_IDL_NAME_CCH];            /* the tag's name in olkacct.idl: "PROP_ACCT_NAME" */
    char json[OLK_JSON_NAME_CCH];               /* JSON member, area_what: "smtp_use_auth" */
    char automation[OLK_AUTOMATION_NAME_CCH];   /* PascalCase of json, ID and CLSID in capitals: "SmtpUseAuth" */
    const struct olk_prop_value *values;    /* documented constants, ended by a NULL name; or NULL */
    DWORD tag;
    WORD type;                      /* PT_LONG, PT_UNICODE or PT_BINARY */
    BYTE access;                    /* enum olk_prop_access, as documented on the property's page */
    BYTE secret;                    /* the tag carries SECURE_FLAG */
    BYTE flags;                     /* values are bits to combine rather than alternatives */
};

/* Every documented PROP_ACCT_*, PROP_INET_*, PROP_SMTP_*, PROP_POP_* and
 * PROP_MAPI_* property, in the order of its tag. */
enum olk_prop_id
{
    OLK_PROP_ACCT_ID,
    OLK_PROP_ACCT_NAME,
    OLK_PROP_ACCT_MINI_UID,
    OLK_PROP_ACCT_USER_DISPLAY_NAME,
    OLK_PROP_ACCT_USER_EMAIL_ADDR,
    OLK_PROP_ACCT_STAMP,
    OLK_PROP_ACCT_SEND_STAMP,
    OLK_PROP_ACCT_IS_EXCH,
    OLK_PROP_ACCT_DELIVERY_STORE,
    OLK_PROP_ACCT_DELIVERY_FOLDER,
    OLK_PROP_ACCT_SENTITEMS_EID,
    OLK_PROP_ACCT_PREFERENCES_UID,
    OLK_PROP_INET_SERVER,
    OLK_PROP_INET_USER,
    OLK_PROP_INET_PASSWORD,
    OLK_PROP_INET_PORT,
    OLK_PROP_INET_SSL,
    OLK_PROP_INET_USE_SPA,
    OLK_PROP_SMTP_SERVER,
    OLK_PROP_SMTP_PORT,
    OLK_PROP_SMTP_SSL,
    OLK_PROP_SMTP_USE_AUTH,
    OLK_PROP_SMTP_USER,
    OLK_PROP_SMTP_PASSWORD,
    OLK_PROP_SMTP_USE_SPA,
    OLK_PROP_SMTP_AUTH_METHOD,
    OLK_PROP_SMTP_SECURE_CONNECTION,
    OLK_PROP_POP_LEAVE_ON_SERVER,
    OLK_PROP_MAPI_IDENTITY_ENTRYID,
    OLK_PROP_MAPI_EMSMDB_UID,
    OLK_PROP_MAPI_TRANSPORT_FLAGS,
    OLK_PROP_COUNT
};

extern const struct olk_account_prop olk_account_props[OLK_PROP_COUNT];

/* The entry of a tag, or NULL for a tag that is not documented. */
const struct olk_account_prop *olk_account_prop_by_tag(DWORD tag);

/* ---- what GetAccountInfo reports (account_properties.c) ----------------- */

/* Members of an account that are not properties but GetAccountInfo's
 * answer, named like the properties. */
struct olk_account_info_member
{
    char json[OLK_JSON_NAME_CCH];
    char automation[OLK_AUTOMATION_NAME_CCH];
};

enum olk_info_id
{
    OLK_INFO_TYPE,          /* the type's name, or its CLSID for another type */
    OLK_INFO_TYPE_CLSID,
    OLK_INFO_CATEGORIES,
    OLK_INFO_COUNT
};

extern const struct olk_account_info_member olk_account_info_members[OLK_INFO_COUNT];

#endif
