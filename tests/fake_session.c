/*
 * SPDX-License-Identifier: MIT
 */
#include "fake_session.h"
#include <mapiguid.h>

static inline struct fake_session *impl_from_IMAPISession(IMAPISession *iface)
{
    return CONTAINING_RECORD(iface, struct fake_session, IMAPISession_iface);
}

static HRESULT unexpected(IMAPISession *iface)
{
    InterlockedIncrement(&impl_from_IMAPISession(iface)->unexpected_calls);
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE fake_QueryInterface(IMAPISession *iface, REFIID riid, void **ppv)
{
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IMAPISession))
        return E_NOINTERFACE;
    if (impl_from_IMAPISession(iface)->qi_succeeds_with_null)
        return S_OK;
    *ppv = iface;
    iface->lpVtbl->AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE fake_AddRef(IMAPISession *iface)
{
    return InterlockedIncrement(&impl_from_IMAPISession(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE fake_Release(IMAPISession *iface)
{
    return InterlockedDecrement(&impl_from_IMAPISession(iface)->refcount);
}

static HRESULT STDMETHODCALLTYPE fake_GetLastError(IMAPISession *iface, HRESULT hr, ULONG flags, LPMAPIERROR *err)
{
    (void)hr; (void)flags; (void)err;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_GetMsgStoresTable(IMAPISession *iface, ULONG flags, LPMAPITABLE *table)
{
    (void)flags; (void)table;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_OpenMsgStore(IMAPISession *iface, ULONG_PTR ui, ULONG cb, LPENTRYID eid,
                                                   LPCIID iid, ULONG flags, LPMDB *mdb)
{
    (void)ui; (void)cb; (void)eid; (void)iid; (void)flags; (void)mdb;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_OpenAddressBook(IMAPISession *iface, ULONG_PTR ui, LPCIID iid, ULONG flags,
                                                      LPADRBOOK *book)
{
    (void)ui; (void)iid; (void)flags; (void)book;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_OpenProfileSection(IMAPISession *iface, LPMAPIUID uid, LPCIID iid,
                                                         ULONG flags, LPPROFSECT *sect)
{
    (void)uid; (void)iid; (void)flags; (void)sect;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_GetStatusTable(IMAPISession *iface, ULONG flags, LPMAPITABLE *table)
{
    (void)flags; (void)table;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_OpenEntry(IMAPISession *iface, ULONG cb, LPENTRYID eid, LPCIID iid,
                                                ULONG flags, ULONG *type, LPUNKNOWN *unk)
{
    (void)cb; (void)eid; (void)iid; (void)flags; (void)type; (void)unk;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_CompareEntryIDs(IMAPISession *iface, ULONG cb1, LPENTRYID eid1, ULONG cb2,
                                                      LPENTRYID eid2, ULONG flags, ULONG *result)
{
    (void)cb1; (void)eid1; (void)cb2; (void)eid2; (void)flags; (void)result;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_Advise(IMAPISession *iface, ULONG cb, LPENTRYID eid, ULONG mask,
                                             LPMAPIADVISESINK sink, ULONG *conn)
{
    (void)cb; (void)eid; (void)mask; (void)sink; (void)conn;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_Unadvise(IMAPISession *iface, ULONG conn)
{
    (void)conn;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_MessageOptions(IMAPISession *iface, ULONG_PTR ui, ULONG flags, LPTSTR type,
                                                     LPMESSAGE msg)
{
    (void)ui; (void)flags; (void)type; (void)msg;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_QueryDefaultMessageOpt(IMAPISession *iface, LPTSTR type, ULONG flags,
                                                             ULONG *count, LPSPropValue *opts)
{
    (void)type; (void)flags; (void)count; (void)opts;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_EnumAdrTypes(IMAPISession *iface, ULONG flags, ULONG *count, LPTSTR **types)
{
    (void)flags; (void)count; (void)types;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_QueryIdentity(IMAPISession *iface, ULONG *cb, LPENTRYID *eid)
{
    (void)cb; (void)eid;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_Logoff(IMAPISession *iface, ULONG_PTR ui, ULONG flags, ULONG reserved)
{
    (void)ui; (void)flags; (void)reserved;
    InterlockedIncrement(&impl_from_IMAPISession(iface)->logoffs);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE fake_SetDefaultStore(IMAPISession *iface, ULONG flags, ULONG cb, LPENTRYID eid)
{
    (void)flags; (void)cb; (void)eid;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_AdminServices(IMAPISession *iface, ULONG flags, LPSERVICEADMIN *admin)
{
    (void)flags; (void)admin;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_ShowForm(IMAPISession *iface, ULONG_PTR ui, LPMDB store, LPMAPIFOLDER folder,
                                               LPCIID iid, ULONG token, LPMESSAGE sent, ULONG flags, ULONG status,
                                               ULONG msgflags, ULONG access, LPSTR cls)
{
    (void)ui; (void)store; (void)folder; (void)iid; (void)token; (void)sent; (void)flags; (void)status;
    (void)msgflags; (void)access; (void)cls;
    return unexpected(iface);
}

static HRESULT STDMETHODCALLTYPE fake_PrepareForm(IMAPISession *iface, LPCIID iid, LPMESSAGE msg, ULONG *token)
{
    (void)iid; (void)msg; (void)token;
    return unexpected(iface);
}

static const IMAPISessionVtbl fake_session_vtbl =
{
    fake_QueryInterface,
    fake_AddRef,
    fake_Release,
    fake_GetLastError,
    fake_GetMsgStoresTable,
    fake_OpenMsgStore,
    fake_OpenAddressBook,
    fake_OpenProfileSection,
    fake_GetStatusTable,
    fake_OpenEntry,
    fake_CompareEntryIDs,
    fake_Advise,
    fake_Unadvise,
    fake_MessageOptions,
    fake_QueryDefaultMessageOpt,
    fake_EnumAdrTypes,
    fake_QueryIdentity,
    fake_Logoff,
    fake_SetDefaultStore,
    fake_AdminServices,
    fake_ShowForm,
    fake_PrepareForm,
};

void fake_session_init(struct fake_session *fake)
{
    ZeroMemory(fake, sizeof(*fake));
    fake->IMAPISession_iface.lpVtbl = &fake_session_vtbl;
    fake->refcount = 1;
}

IUnknown *fake_session_unknown(struct fake_session *fake)
{
    return (IUnknown *)&fake->IMAPISession_iface;
}
