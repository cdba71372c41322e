/*
 * The stand-in's global profile section: an IProfSect whose GetProps serves
 * PR_PROFILE_NAME_W and PR_PROFILE_NAME_A, allocated with the stand-in's
 * MAPIAllocateBuffer so that a caller freeing them elsewhere is caught.
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <stdlib.h>
#include <wchar.h>

struct profile_section
{
    IProfSect IProfSect_iface;
    LONG refcount;
    IMAPISession *session;
    WCHAR profile[OLKSTUB_NAME_CCH];
};

static inline struct profile_section *impl_from_IProfSect(IProfSect *iface)
{
    return CONTAINING_RECORD(iface, struct profile_section, IProfSect_iface);
}

static BOOL usable(IProfSect *iface, const char *method)
{
    return stub_session_usable(impl_from_IProfSect(iface)->session, method);
}

static HRESULT no_support(IProfSect *iface, const char *method)
{
    usable(iface, method);
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE section_QueryInterface(IProfSect *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IMAPIProp)
        && !IsEqualIID(riid, &stub_iid_profsect))
        return E_NOINTERFACE;
    *ppv = iface;
    iface->lpVtbl->AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE section_AddRef(IProfSect *iface)
{
    return InterlockedIncrement(&impl_from_IProfSect(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE section_Release(IProfSect *iface)
{
    struct profile_section *section = impl_from_IProfSect(iface);
    ULONG refcount = InterlockedDecrement(&section->refcount);

    if (refcount)
        return refcount;
    section->session->lpVtbl->Release(section->session);
    InterlockedDecrement(&stub_stats.live_objects);
    free(section);
    return 0;
}

static HRESULT STDMETHODCALLTYPE section_GetLastError(IProfSect *iface, HRESULT hr, ULONG flags,
                                                      LPMAPIERROR *error)
{
    (void)hr; (void)flags; (void)error;
    return no_support(iface, "IProfSect::GetLastError");
}

static HRESULT STDMETHODCALLTYPE section_SaveChanges(IProfSect *iface, ULONG flags)
{
    (void)flags;
    return no_support(iface, "IProfSect::SaveChanges");
}

/* One value for tag: the profile name in the form the tag asks for, or a
 * PT_ERROR value. FALSE when that is an error. */
static BOOL fill_value(SPropValue *value, ULONG tag, const WCHAR *profile, void *array)
{
    value->ulPropTag = tag;
    if (tag == PR_PROFILE_NAME_W && (value->Value.lpszW = stub_strdup_more(profile, array)))
        return TRUE;
    if (tag == PR_PROFILE_NAME_A && (value->Value.lpszA = stub_strdup_more_a(profile, array)))
        return TRUE;
    value->ulPropTag = PROP_TAG(PT_ERROR, PROP_ID(tag));
    value->Value.err = MAPI_E_NOT_FOUND;
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE section_GetProps(IProfSect *iface, LPSPropTagArray tags, ULONG flags,
                                                  ULONG *count, LPSPropValue *props)
{
    static const ULONG all_tags[] = { PR_PROFILE_NAME_W, PR_PROFILE_NAME_A };
    struct profile_section *section = impl_from_IProfSect(iface);
    ULONG n = tags ? tags->cValues : ARRAYSIZE(all_tags), i;
    HRESULT hr = S_OK;
    SPropValue *values;

    (void)flags;
    if (!count || !props)
        return MAPI_E_INVALID_PARAMETER;
    *count = 0;
    *props = NULL;
    if (!usable(iface, "IProfSect::GetProps"))
        return MAPI_E_END_OF_SESSION;
    if (!n || FAILED(MAPIAllocateBuffer(n * sizeof(SPropValue), (void **)&values)))
        return n ? MAPI_E_NOT_ENOUGH_MEMORY : MAPI_E_INVALID_PARAMETER;
    for (i = 0; i < n; i++)
    {
        if (!fill_value(&values[i], tags ? tags->aulPropTag[i] : all_tags[i], section->profile, values))
            hr = MAPI_W_ERRORS_RETURNED;
    }
    *count = n;
    *props = values;
    return hr;
}

static HRESULT STDMETHODCALLTYPE section_GetPropList(IProfSect *iface, ULONG flags, LPSPropTagArray *tags)
{
    (void)flags; (void)tags;
    return no_support(iface, "IProfSect::GetPropList");
}

static HRESULT STDMETHODCALLTYPE section_OpenProperty(IProfSect *iface, ULONG tag, LPCIID iid, ULONG options,
                                                      ULONG flags, LPUNKNOWN *unk)
{
    (void)tag; (void)iid; (void)options; (void)flags; (void)unk;
    return no_support(iface, "IProfSect::OpenProperty");
}

static HRESULT STDMETHODCALLTYPE section_SetProps(IProfSect *iface, ULONG count, LPSPropValue props,
                                                  LPSPropProblemArray *problems)
{
    (void)count; (void)props; (void)problems;
    return no_support(iface, "IProfSect::SetProps");
}

static HRESULT STDMETHODCALLTYPE section_DeleteProps(IProfSect *iface, LPSPropTagArray tags,
                                                     LPSPropProblemArray *problems)
{
    (void)tags; (void)problems;
    return no_support(iface, "IProfSect::DeleteProps");
}

static HRESULT STDMETHODCALLTYPE section_CopyTo(IProfSect *iface, ULONG excluded_count, LPCIID excluded,
                                                LPSPropTagArray excluded_props, ULONG ui, LPMAPIPROGRESS progress,
                                                LPCIID iid, LPVOID destination, ULONG flags,
                                                LPSPropProblemArray *problems)
{
    (void)excluded_count; (void)excluded; (void)excluded_props; (void)ui; (void)progress; (void)iid;
    (void)destination; (void)flags; (void)problems;
    return no_support(iface, "IProfSect::CopyTo");
}

static HRESULT STDMETHODCALLTYPE section_CopyProps(IProfSect *iface, LPSPropTagArray included, ULONG ui,
                                                   LPMAPIPROGRESS progress, LPCIID iid, LPVOID destination,
                                                   ULONG flags, LPSPropProblemArray *problems)
{
    (void)included; (void)ui; (void)progress; (void)iid; (void)destination; (void)flags; (void)problems;
    return no_support(iface, "IProfSect::CopyProps");
}

static HRESULT STDMETHODCALLTYPE section_GetNamesFromIDs(IProfSect *iface, LPSPropTagArray *tags, LPGUID guid,
                                                         ULONG flags, ULONG *count, LPMAPINAMEID **names)
{
    (void)tags; (void)guid; (void)flags; (void)count; (void)names;
    return no_support(iface, "IProfSect::GetNamesFromIDs");
}

static HRESULT STDMETHODCALLTYPE section_GetIDsFromNames(IProfSect *iface, ULONG count, LPMAPINAMEID *names,
                                                         ULONG flags, LPSPropTagArray *tags)
{
    (void)count; (void)names; (void)flags; (void)tags;
    return no_support(iface, "IProfSect::GetIDsFromNames");
}

static const IProfSectVtbl section_vtbl =
{
    section_QueryInterface,
    section_AddRef,
    section_Release,
    section_GetLastError,
    section_SaveChanges,
    section_GetProps,
    section_GetPropList,
    section_OpenProperty,
    section_SetProps,
    section_DeleteProps,
    section_CopyTo,
    section_CopyProps,
    section_GetNamesFromIDs,
    section_GetIDsFromNames,
};

HRESULT stub_profile_section_create(IMAPISession *session, const WCHAR *profile, IProfSect **out)
{
    struct profile_section *section = calloc(1, sizeof(*section));

    if (!section)
        return MAPI_E_NOT_ENOUGH_MEMORY;
    section->IProfSect_iface.lpVtbl = &section_vtbl;
    section->refcount = 1;
    section->session = session;
    session->lpVtbl->AddRef(session);
    wcsncpy(section->profile, profile, OLKSTUB_NAME_CCH - 1);
    InterlockedIncrement(&stub_stats.live_objects);
    *out = &section->IProfSect_iface;
    return S_OK;
}
