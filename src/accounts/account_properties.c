/*
 * Access as documented on each property's page of Microsoft's Account
 * Management API reference: only the account name, user display name, e-mail
 * address, delivery store, delivery folder, identity entry ID and transport
 * flags are read/write.
 *
 * SPDX-License-Identifier: MIT
 */
#include "account_vocabulary.h"

#define RO OLK_PROP_READ_ONLY
#define RW OLK_PROP_READ_WRITE

/* The tag's name is taken from the tag itself, so it cannot drift from olkacct.idl. */
#define PROP(id, type, json, automation, access, flags, values) \
    [OLK_##id] = { #id, json, automation, values, id, type, access, ((id) & SECURE_FLAG) != 0, flags }

static const struct olk_prop_value transport_flags[] =
{
    { MAPIACCT_SEND_ONLY, "MAPIACCT_SEND_ONLY" },
    { 0, NULL },
};

static const struct olk_prop_value auth_methods[] =
{
    { SMTP_AUTH_SAME_AS_POP, "SMTP_AUTH_SAME_AS_POP" },
    { SMTP_AUTH_USER_PASS, "SMTP_AUTH_USER_PASS" },
    { SMTP_AUTH_RECEIVE_BEFORE_SEND, "SMTP_AUTH_RECEIVE_BEFORE_SEND" },
    { 0, NULL },
};

static const struct olk_prop_value secure_connections[] =
{
    { ENCRYPT_CONN_NO_SECURITY, "ENCRYPT_CONN_NO_SECURITY" },
    { ENCRYPT_CONN_SSL, "ENCRYPT_CONN_SSL" },
    { ENCRYPT_CONN_TLS, "ENCRYPT_CONN_TLS" },
    { ENCRYPT_CONN_AUTO, "ENCRYPT_CONN_AUTO" },
    { 0, NULL },
};

/* The high word holds the days of REMOVE_AFTER (GET_REMOVE_AFTER_DAYS). */
static const struct olk_prop_value leave_on_server[] =
{
    { LEAVE_ON_SERVER, "LEAVE_ON_SERVER" },
    { REMOVE_AFTER, "REMOVE_AFTER" },
    { REMOVE_ON_NUKE, "REMOVE_ON_NUKE" },
    { 0, NULL },
};

const struct olk_account_prop olk_account_props[OLK_PROP_COUNT] =
{
    PROP(PROP_ACCT_ID, PT_LONG, L"id", L"ID", RO, FALSE, NULL),
    PROP(PROP_ACCT_NAME, PT_UNICODE, L"name", L"Name", RW, FALSE, NULL),
    PROP(PROP_ACCT_MINI_UID, PT_LONG, L"mini_uid", L"MiniUid", RO, FALSE, NULL),
    PROP(PROP_ACCT_USER_DISPLAY_NAME, PT_UNICODE, L"display_name", L"DisplayName", RW, FALSE, NULL),
    PROP(PROP_ACCT_USER_EMAIL_ADDR, PT_UNICODE, L"email", L"Email", RW, FALSE, NULL),
    PROP(PROP_ACCT_STAMP, PT_UNICODE, L"stamp", L"Stamp", RO, FALSE, NULL),
    PROP(PROP_ACCT_SEND_STAMP, PT_UNICODE, L"send_stamp", L"SendStamp", RO, FALSE, NULL),
    PROP(PROP_ACCT_IS_EXCH, PT_LONG, L"is_exch", L"IsExch", RO, FALSE, NULL),
    PROP(PROP_ACCT_DELIVERY_STORE, PT_BINARY, L"delivery_store", L"DeliveryStore", RW, FALSE, NULL),
    PROP(PROP_ACCT_DELIVERY_FOLDER, PT_BINARY, L"delivery_folder", L"DeliveryFolder", RW, FALSE, NULL),
    PROP(PROP_ACCT_SENTITEMS_EID, PT_BINARY, L"sent_items_folder", L"SentItemsFolder", RO, FALSE, NULL),
    PROP(PROP_ACCT_PREFERENCES_UID, PT_BINARY, L"preferences_uid", L"PreferencesUid", RO, FALSE, NULL),
    PROP(PROP_INET_SERVER, PT_UNICODE, L"inet_server", L"InetServer", RO, FALSE, NULL),
    PROP(PROP_INET_USER, PT_UNICODE, L"inet_user", L"InetUser", RO, FALSE, NULL),
    PROP(PROP_INET_PASSWORD, PT_UNICODE, L"inet_password", L"InetPassword", RO, FALSE, NULL),
    PROP(PROP_INET_PORT, PT_LONG, L"inet_port", L"InetPort", RO, FALSE, NULL),
    PROP(PROP_INET_SSL, PT_LONG, L"inet_ssl", L"InetSsl", RO, FALSE, NULL),
    PROP(PROP_INET_USE_SPA, PT_LONG, L"inet_use_spa", L"InetUseSpa", RO, FALSE, NULL),
    PROP(PROP_SMTP_SERVER, PT_UNICODE, L"smtp_server", L"SmtpServer", RO, FALSE, NULL),
    PROP(PROP_SMTP_PORT, PT_LONG, L"smtp_port", L"SmtpPort", RO, FALSE, NULL),
    PROP(PROP_SMTP_SSL, PT_LONG, L"smtp_ssl", L"SmtpSsl", RO, FALSE, NULL),
    PROP(PROP_SMTP_USE_AUTH, PT_LONG, L"smtp_use_auth", L"SmtpUseAuth", RO, FALSE, NULL),
    PROP(PROP_SMTP_USER, PT_UNICODE, L"smtp_user", L"SmtpUser", RO, FALSE, NULL),
    PROP(PROP_SMTP_PASSWORD, PT_UNICODE, L"smtp_password", L"SmtpPassword", RO, FALSE, NULL),
    PROP(PROP_SMTP_USE_SPA, PT_LONG, L"smtp_use_spa", L"SmtpUseSpa", RO, FALSE, NULL),
    PROP(PROP_SMTP_AUTH_METHOD, PT_LONG, L"smtp_auth_method", L"SmtpAuthMethod", RO, FALSE, auth_methods),
    PROP(PROP_SMTP_SECURE_CONNECTION, PT_LONG, L"smtp_secure_connection", L"SmtpSecureConnection", RO, FALSE,
         secure_connections),
    PROP(PROP_POP_LEAVE_ON_SERVER, PT_LONG, L"pop_leave_on_server", L"PopLeaveOnServer", RO, TRUE, leave_on_server),
    PROP(PROP_MAPI_IDENTITY_ENTRYID, PT_BINARY, L"mapi_identity_entry_id", L"MapiIdentityEntryID", RW, FALSE, NULL),
    PROP(PROP_MAPI_EMSMDB_UID, PT_BINARY, L"mapi_emsmdb_uid", L"MapiEmsmdbUid", RO, FALSE, NULL),
    PROP(PROP_MAPI_TRANSPORT_FLAGS, PT_BINARY, L"mapi_transport_flags", L"MapiTransportFlags", RW, TRUE,
         transport_flags),
};

const struct olk_account_info_member olk_account_info_members[OLK_INFO_COUNT] =
{
    [OLK_INFO_TYPE] = { L"type", L"Type" },
    [OLK_INFO_TYPE_CLSID] = { L"type_clsid", L"TypeCLSID" },
    [OLK_INFO_CATEGORIES] = { L"categories", L"Categories" },
};

const struct olk_account_prop *olk_account_prop_by_tag(DWORD tag)
{
    size_t i;

    for (i = 0; i < OLK_PROP_COUNT; i++)
        if (olk_account_props[i].tag == tag) return &olk_account_props[i];
    return NULL;
}
