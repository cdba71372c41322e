/*
 * The stand-in's IProfAdmin: just enough for a client to list the profiles
 * (GetProfileTable) and so tell "no such profile" from "logon failed".
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <stdlib.h>

struct profile_admin
{
    IProfAdmin IProfAdmin_iface;
    LONG refcount;
};

static inline struct profile_admin *impl_from_IProfAdmin(IProfAdmin *iface)
{
    return CONTAINING_RECORD(iface, struct profile_admin, IProfAdmin_iface);
}

static HRESULT STDMETHODCALLTYPE admin_QueryInterface(IProfAdmin *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &stub_iid_profadmin))
        return E_NOINTERFACE;
    *ppv = iface;
    iface->lpVtbl->AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE admin_AddRef(IProfAdmin *iface)
{
    return InterlockedIncrement(&impl_from_IProfAdmin(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE admin_Release(IProfAdmin *iface)
{
    struct profile_admin *admin = impl_from_IProfAdmin(iface);
    ULONG refcount = InterlockedDecrement(&admin->refcount);

    if (refcount)
        return refcount;
    InterlockedDecrement(&stub_stats.live_objects);
    free(admin);
    return 0;
}

static HRESULT STDMETHODCALLTYPE admin_GetLastError(IProfAdmin *iface, HRESULT hr, ULONG flags, LPMAPIERROR *error)
{
    (void)iface; (void)hr; (void)flags; (void)error;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_GetProfileTable(IProfAdmin *iface, ULONG flags, LPMAPITABLE *table)
{
    (void)iface;
    if (!table)
        return MAPI_E_INVALID_PARAMETER;
    *table = NULL;
    if (!stub_initialized())
    {
        stub_violation("IProfAdmin::GetProfileTable while MAPI is not initialized");
        return MAPI_E_NOT_INITIALIZED;
    }
    return stub_profile_table_create(flags, table);
}

static HRESULT STDMETHODCALLTYPE admin_CreateProfile(IProfAdmin *iface, LPTSTR name, LPTSTR password,
                                                     ULONG_PTR ui, ULONG flags)
{
    (void)iface; (void)name; (void)password; (void)ui; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_DeleteProfile(IProfAdmin *iface, LPTSTR name, ULONG flags)
{
    (void)iface; (void)name; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_ChangeProfilePassword(IProfAdmin *iface, LPTSTR name, LPTSTR old_password,
                                                             LPTSTR new_password, ULONG flags)
{
    (void)iface; (void)name; (void)old_password; (void)new_password; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_CopyProfile(IProfAdmin *iface, LPTSTR old_name, LPTSTR password,
                                                   LPTSTR new_name, ULONG_PTR ui, ULONG flags)
{
    (void)iface; (void)old_name; (void)password; (void)new_name; (void)ui; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_RenameProfile(IProfAdmin *iface, LPTSTR old_name, LPTSTR password,
                                                     LPTSTR new_name, ULONG_PTR ui, ULONG flags)
{
    (void)iface; (void)old_name; (void)password; (void)new_name; (void)ui; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_SetDefaultProfile(IProfAdmin *iface, LPTSTR name, ULONG flags)
{
    (void)iface; (void)name; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE admin_AdminServices(IProfAdmin *iface, LPTSTR name, LPTSTR password,
                                                     ULONG_PTR ui, ULONG flags, LPSERVICEADMIN *admin)
{
    (void)iface; (void)name; (void)password; (void)ui; (void)flags; (void)admin;
    return MAPI_E_NO_SUPPORT;
}

static const IProfAdminVtbl admin_vtbl =
{
    admin_QueryInterface,
    admin_AddRef,
    admin_Release,
    admin_GetLastError,
    admin_GetProfileTable,
    admin_CreateProfile,
    admin_DeleteProfile,
    admin_ChangeProfilePassword,
    admin_CopyProfile,
    admin_RenameProfile,
    admin_SetDefaultProfile,
    admin_AdminServices,
};

HRESULT stub_profile_admin_create(IProfAdmin **out)
{
    struct profile_admin *admin = calloc(1, sizeof(*admin));

    if (!admin)
        return MAPI_E_NOT_ENOUGH_MEMORY;
    admin->IProfAdmin_iface.lpVtbl = &admin_vtbl;
    admin->refcount = 1;
    InterlockedIncrement(&stub_stats.live_objects);
    *out = &admin->IProfAdmin_iface;
    return S_OK;
}
