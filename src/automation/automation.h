/*
 * The automation objects (include/olkauto.idl): OlkHelper.Session, its
 * Accounts and each Account. They are thin: the accounts are read, changed,
 * ordered and deleted by the account model (src/accounts); this unit only
 * converts between automation types and the model's, answers IDispatch from
 * the type library inside the module, and reports every failure through
 * IErrorInfo with a readable description.
 *
 * The objects are apartment-threaded (registered ThreadingModel Apartment):
 * they take no locks.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLK_AUTOMATION_H
#define OLK_AUTOMATION_H

#include <windows.h>
#include <oleauto.h>
#include <ocidl.h>

#include "account_model.h"
#include "olkauto.h"

/* ---- objects ----------------------------------------------------------- */

/* A new, logged-off OlkHelper.Session, QI'd for riid. */
HRESULT auto_session_create(REFIID riid, void **ppv);

/* The accounts of categories (enum olk_category bits) through manager
 * (AddRef'd), read now, as an Accounts object. */
HRESULT auto_accounts_create(IOlkAccountManager *manager, DWORD categories, IDispatch **accounts);

/* An Account object for record (copied) of manager's profile. */
HRESULT auto_account_create(IOlkAccountManager *manager, const struct olk_account_record *record,
                            IDispatch **account);

/* An IEnumVARIANT over the items of owner (AddRef'd while the enumerator
 * lives), each got by item(owner, index), which answers S_FALSE past the
 * last one. */
typedef HRESULT (*auto_enum_item)(IUnknown *owner, DWORD index, VARIANT *item);
HRESULT auto_enum_create(IUnknown *owner, auto_enum_item item, IUnknown **enumerator);

/* ---- IDispatch from the type library, and errors (dispatch.c) -------------- */

/* The type information of iid from the library inside this module, loaded
 * without registration. */
HRESULT auto_type_info(REFIID iid, ITypeInfo **info);

/* The bodies of IDispatch's methods for an object whose dual interface obj
 * is described by info. */
HRESULT auto_get_type_info(ITypeInfo *info, UINT index, ITypeInfo **out);
HRESULT auto_get_ids_of_names(ITypeInfo *info, REFIID riid, LPOLESTR *names, UINT count, DISPID *ids);
HRESULT auto_invoke(ITypeInfo *info, void *obj, DISPID id, REFIID riid, WORD flags, DISPPARAMS *params,
                    VARIANT *result, EXCEPINFO *excep, UINT *arg_err);

/* Sets the thread's error information (source "OlkHelper", iid, the
 * description) and returns hr. The messages are ASCII literals, kept narrow:
 * wide ones would take twice their bytes in the DLL. */
HRESULT auto_error(HRESULT hr, REFIID iid, const char *description);
/* As auto_error, the description made of before, name and after, joined
 * without separator. */
HRESULT auto_error_name(HRESULT hr, REFIID iid, const char *before, const WCHAR *name, const char *after);
/* The same with a name of our own (a property's), kept in ASCII. */
HRESULT auto_error_ascii_name(HRESULT hr, REFIID iid, const char *before, const char *name, const char *after);
/* As auto_error, with a description made at run time (struct auto_text). */
HRESULT auto_error_text(HRESULT hr, REFIID iid, const WCHAR *description);
/* The same error in an EXCEPINFO, for an Invoke that answers it itself:
 * returns DISP_E_EXCEPTION. */
HRESULT auto_exception(EXCEPINFO *excep, HRESULT hr, const WCHAR *description);
/* As auto_exception, with the description of the thread's error information. */
HRESULT auto_exception_from_error(EXCEPINFO *excep, HRESULT hr);

/* A message built by appending, cut at its capacity, always terminated:
 * error descriptions without the C runtime's printf. */
struct auto_text
{
    WCHAR buf[256];
    size_t len;
};
struct auto_text *auto_text_add(struct auto_text *text, const WCHAR *part);
struct auto_text *auto_text_add_ascii(struct auto_text *text, const char *part);
struct auto_text *auto_text_add_number(struct auto_text *text, LONGLONG number);
struct auto_text *auto_text_add_hex(struct auto_text *text, DWORD number);

/* ISupportErrorInfo for an object whose interface is iid; QueryInterface,
 * AddRef and Release go to outer. */
struct auto_error_support
{
    ISupportErrorInfo ISupportErrorInfo_iface;
    IUnknown *outer;
    const IID *iid;
};
void auto_error_support_init(struct auto_error_support *support, IUnknown *outer, const IID *iid);
/* QueryInterface of the object support belongs to: IUnknown, IDispatch and
 * its interface give outer, ISupportErrorInfo the support, and extra_iid
 * (when extra is not NULL) extra. */
HRESULT auto_query_interface(struct auto_error_support *support, IUnknown *extra, REFIID extra_iid, REFIID riid,
                             void **ppv);

/* ---- events (events.c) ---------------------------------------------------- */

/* IConnectionPointContainer and its one IConnectionPoint, for
 * DOlkHelperAccountsEvents; QueryInterface, AddRef and Release of the
 * container go to outer, which owns the struct (the connection point keeps
 * only IConnectionPoint and IUnknown of its own). At most 16 sinks. */
struct auto_events
{
    IConnectionPointContainer IConnectionPointContainer_iface;
    IConnectionPoint IConnectionPoint_iface;
    IUnknown *outer;
    IOlkAccountManager *manager;    /* borrowed from outer */
    IDispatch *sinks[16];
    struct olk_watch *watch;        /* while a sink is connected */
};
void auto_events_init(struct auto_events *events, IUnknown *outer, IOlkAccountManager *manager);
/* Disconnects every sink; outer calls it before it goes. */
void auto_events_cleanup(struct auto_events *events);

/* ---- conversions (values.c) ------------------------------------------------ */

/* A model value as a VARIANT: PT_LONG as VT_I4, PT_UNICODE as VT_BSTR,
 * PT_BINARY as a VT_BSTR of lowercase hex digits; none as VT_EMPTY. */
HRESULT auto_value_to_variant(const struct olk_value *value, VARIANT *out);

/* A VARIANT (number or text, by reference or not) as a value of prop,
 * parsed and checked as olkacct parses: E_INVALIDARG with a description. */
HRESULT auto_value_from_variant(const struct olk_account_prop *prop, const VARIANT *in, struct olk_value *value,
                                REFIID iid);

/* A VT_ARRAY | VT_VARIANT of count items made by item(context, i). */
HRESULT auto_array(DWORD count, HRESULT (*item)(const void *context, DWORD i, VARIANT *out), const void *context,
                   VARIANT *out);

/* The numbers of a VBScript array (SAFEARRAY of VARIANT, one dimension) or
 * a JScript array (an object with length and 0..length-1), olk_alloc'd. */
HRESULT auto_read_ids(const VARIANT *in, DWORD **ids, DWORD *count);

/* A category name ("mail", "addressbook", "store") as its enum olk_category bit. */
HRESULT auto_category(const WCHAR *name, DWORD *bit, REFIID iid);

/* The VARIANT itself, or what it refers to (VT_BYREF | VT_VARIANT). */
const VARIANT *auto_deref(const VARIANT *in);

/* VariantChangeType of a VARIANT the caller does not own (out initialised here). */
HRESULT auto_change_type(VARIANT *out, const VARIANT *in, VARTYPE vt);

#endif
