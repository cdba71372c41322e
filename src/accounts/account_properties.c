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
    PROP(PROP_ACCT_ID, PT_LONG, "id", "ID", RO, FALSE, NULL),
    PROP(PROP_ACCT_NAME, PT_UNICODE, "name", "Name", RW, FALSE, NULL),
    PROP(PROP_ACCT_MINI_UID, PT_LONG, "mini_uid", "MiniUid", RO, FALSE, NULL),
    PROP(PROP_ACCT_USER_DISPLAY_NAME, PT_UNICODE, "display_name", "DisplayName", RW, FALSE, NULL),
    PROP(PROP_ACCT_USER_EMAIL_ADDR, PT_UNICODE, "email", "Email", RW, FALSE, NULL),
    PROP(PROP_ACCT_STAMP, PT_UNICODE, "stamp", "Stamp", RO, FALSE, NULL),
    PROP(PROP_ACCT_SEND_STAMP, PT_UNICODE, "send_stamp", "SendStamp", RO, FALSE, NULL),
    PROP(PROP_ACCT_IS_EXCH, PT_LONG, "is_exch", "IsExch", RO, FALSE, NULL),
    PROP(PROP_ACCT_DELIVERY_STORE, PT_BINARY, "delivery_store", "DeliveryStore", RW, FALSE, NULL),
    PROP(PROP_ACCT_DELIVERY_FOLDER, PT_BINARY, "delivery_folder", "DeliveryFolder", RW, FALSE, NULL),
    PROP(PROP_ACCT_SENTITEMS_EID, PT_BINARY, "sent_items_folder", "SentItemsFolder", RO, FALSE, NULL),
    PROP(PROP_ACCT_PREFERENCES_UID, PT_BINARY, "preferences_uid", "PreferencesUid", RO, FALSE, NULL),
    PROP(PROP_INET_SERVER, PT_UNICODE, "inet_server", "InetServer", RO, FALSE, NULL),
    PROP(PROP_INET_USER, PT_UNICODE, "inet_user", "InetUser", RO, FALSE, NULL),
    PROP(PROP_INET_PASSWORD, PT_UNICODE, "inet_password", "InetPassword", RO, FALSE, NULL),
    PROP(PROP_INET_PORT, PT_LONG, "inet_port", "InetPort", RO, FALSE, NULL),
    PROP(PROP_INET_SSL, PT_LONG, "inet_ssl", "InetSsl", RO, FALSE, NULL),
    PROP(PROP_INET_USE_SPA, PT_LONG, "inet_use_spa", "InetUseSpa", RO, FALSE, NULL),
    PROP(PROP_SMTP_SERVER, PT_UNICODE, "smtp_server", "SmtpServer", RO, FALSE, NULL),
    PROP(PROP_SMTP_PORT, PT_LONG, "smtp_port", "SmtpPort", RO, FALSE, NULL),
    PROP(PROP_SMTP_SSL, PT_LONG, "smtp_ssl", "SmtpSsl", RO, FALSE, NULL),
    PROP(PROP_SMTP_USE_AUTH, PT_LONG, "smtp_use_auth", "SmtpUseAuth", RO, FALSE, NULL),
    PROP(PROP_SMTP_USER, PT_UNICODE, "smtp_user", "SmtpUser", RO, FALSE, NULL),
    PROP(PROP_SMTP_PASSWORD, PT_UNICODE, "smtp_password", "SmtpPassword", RO, FALSE, NULL),
    PROP(PROP_SMTP_USE_SPA, PT_LONG, "smtp_use_spa", "SmtpUseSpa", RO, FALSE, NULL),
    PROP(PROP_SMTP_AUTH_METHOD, PT_LONG, "smtp_auth_method", "SmtpAuthMethod", RO, FALSE, auth_methods),
    PROP(PROP_SMTP_SECURE_CONNECTION, PT_LONG, "smtp_secure_connection", "SmtpSecureConnection", RO, FALSE,
         secure_connections),
    PROP(PROP_POP_LEAVE_ON_SERVER, PT_LONG, "pop_leave_on_server", "PopLeaveOnServer", RO, TRUE, leave_on_server),
    PROP(PROP_MAPI_IDENTITY_ENTRYID, PT_BINARY, "mapi_identity_entry_id", "MapiIdentityEntryID", RW, FALSE, NULL),
    PROP(PROP_MAPI_EMSMDB_UID, PT_BINARY, "mapi_emsmdb_uid", "MapiEmsmdbUid", RO, FALSE, NULL),
    PROP(PROP_MAPI_TRANSPORT_FLAGS, PT_BINARY, "mapi_transport_flags", "MapiTransportFlags", RW, TRUE,
         transport_flags),
};

const struct olk_account_info_member olk_account_info_members[OLK_INFO_COUNT] =
{
    [OLK_INFO_TYPE] = { "type", "Type" },
    [OLK_INFO_TYPE_CLSID] = { "type_clsid", "TypeCLSID" },
    [OLK_INFO_CATEGORIES] = { "categories", "Categories" },
};

const struct olk_account_prop *olk_account_prop_by_tag(DWORD tag)
{
    size_t i;

    for (i = 0; i < OLK_PROP_COUNT; i++)
        if (olk_account_props[i].tag == tag) return &olk_account_props[i];
    return NULL;
}
