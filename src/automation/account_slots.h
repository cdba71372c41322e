/*
 * The Account's property slots: one per vocabulary entry of the dual
 * interface (olkauto.idl), each a tail call into account_object.c with the
 * entry it stands for. Early-bound clients call them through the vtable;
 * late-bound ones reach the same values through Invoke and the DISPIDs.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_ACCOUNT_SLOTS_H
#define OLKHELPER_ACCOUNT_SLOTS_H

#include "automation.h"

/* What the slots lead to (account_object.c): a property get of a LONG or a
 * BSTR, which the account must have, and a staged BSTR put. */
HRESULT account_get_long(IOlkHelperAccount *iface, enum olk_prop_id id, LONG *value);
HRESULT account_get_text(IOlkHelperAccount *iface, enum olk_prop_id id, BSTR *value);
HRESULT account_put_text(IOlkHelperAccount *iface, enum olk_prop_id id, BSTR value);

/* Every slot, as LONG_GET(name, id), TEXT_GET(name, id) or TEXT_PUT(name, id). */
#define ACCOUNT_PROPERTY_SLOTS(LONG_GET, TEXT_GET, TEXT_PUT) \
    LONG_GET(ID, OLK_PROP_ACCT_ID) \
    TEXT_GET(Name, OLK_PROP_ACCT_NAME) TEXT_PUT(Name, OLK_PROP_ACCT_NAME) \
    LONG_GET(MiniUid, OLK_PROP_ACCT_MINI_UID) \
    TEXT_GET(DisplayName, OLK_PROP_ACCT_USER_DISPLAY_NAME) TEXT_PUT(DisplayName, OLK_PROP_ACCT_USER_DISPLAY_NAME) \
    TEXT_GET(Email, OLK_PROP_ACCT_USER_EMAIL_ADDR) TEXT_PUT(Email, OLK_PROP_ACCT_USER_EMAIL_ADDR) \
    TEXT_GET(Stamp, OLK_PROP_ACCT_STAMP) \
    TEXT_GET(SendStamp, OLK_PROP_ACCT_SEND_STAMP) \
    LONG_GET(IsExch, OLK_PROP_ACCT_IS_EXCH) \
    TEXT_GET(DeliveryStore, OLK_PROP_ACCT_DELIVERY_STORE) TEXT_PUT(DeliveryStore, OLK_PROP_ACCT_DELIVERY_STORE) \
    TEXT_GET(DeliveryFolder, OLK_PROP_ACCT_DELIVERY_FOLDER) TEXT_PUT(DeliveryFolder, OLK_PROP_ACCT_DELIVERY_FOLDER) \
    TEXT_GET(SentItemsFolder, OLK_PROP_ACCT_SENTITEMS_EID) \
    TEXT_GET(PreferencesUid, OLK_PROP_ACCT_PREFERENCES_UID) \
    TEXT_GET(InetServer, OLK_PROP_INET_SERVER) \
    TEXT_GET(InetUser, OLK_PROP_INET_USER) \
    TEXT_PUT(InetPassword, OLK_PROP_INET_PASSWORD) \
    LONG_GET(InetPort, OLK_PROP_INET_PORT) \
    LONG_GET(InetSsl, OLK_PROP_INET_SSL) \
    LONG_GET(InetUseSpa, OLK_PROP_INET_USE_SPA) \
    TEXT_GET(SmtpServer, OLK_PROP_SMTP_SERVER) \
    LONG_GET(SmtpPort, OLK_PROP_SMTP_PORT) \
    LONG_GET(SmtpSsl, OLK_PROP_SMTP_SSL) \
    LONG_GET(SmtpUseAuth, OLK_PROP_SMTP_USE_AUTH) \
    TEXT_GET(SmtpUser, OLK_PROP_SMTP_USER) \
    TEXT_PUT(SmtpPassword, OLK_PROP_SMTP_PASSWORD) \
    LONG_GET(SmtpUseSpa, OLK_PROP_SMTP_USE_SPA) \
    LONG_GET(SmtpAuthMethod, OLK_PROP_SMTP_AUTH_METHOD) \
    LONG_GET(SmtpSecureConnection, OLK_PROP_SMTP_SECURE_CONNECTION) \
    LONG_GET(PopLeaveOnServer, OLK_PROP_POP_LEAVE_ON_SERVER) \
    TEXT_GET(MapiIdentityEntryID, OLK_PROP_MAPI_IDENTITY_ENTRYID) \
    TEXT_PUT(MapiIdentityEntryID, OLK_PROP_MAPI_IDENTITY_ENTRYID) \
    TEXT_GET(MapiEmsmdbUid, OLK_PROP_MAPI_EMSMDB_UID) \
    TEXT_GET(MapiTransportFlags, OLK_PROP_MAPI_TRANSPORT_FLAGS) \
    TEXT_PUT(MapiTransportFlags, OLK_PROP_MAPI_TRANSPORT_FLAGS)

#define ACCOUNT_LONG_GET_DECL(name, id) \
    HRESULT STDMETHODCALLTYPE account_get_##name(IOlkHelperAccount *iface, LONG *value);
#define ACCOUNT_TEXT_GET_DECL(name, id) \
    HRESULT STDMETHODCALLTYPE account_get_##name(IOlkHelperAccount *iface, BSTR *value);
#define ACCOUNT_TEXT_PUT_DECL(name, id) \
    HRESULT STDMETHODCALLTYPE account_put_##name(IOlkHelperAccount *iface, BSTR value);
ACCOUNT_PROPERTY_SLOTS(ACCOUNT_LONG_GET_DECL, ACCOUNT_TEXT_GET_DECL, ACCOUNT_TEXT_PUT_DECL)

#endif
