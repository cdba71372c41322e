/*
 * IDispatch answered from the type library inside this module, and error
 * information. The library is loaded from the module's own file without
 * registration, so dispatch works wherever the DLL was loaded from.
 *
 * SPDX-License-Identifier: MIT
 */
#include "automation.h"


static const WCHAR error_source[] = L"OlkHelper";

HRESULT auto_type_info(REFIID iid, ITypeInfo **info)
{
    WCHAR path[MAX_PATH];
    HMODULE module;
    ITypeLib *typelib;
    DWORD len;
    HRESULT hr;

    *info = NULL;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (const WCHAR *)(void *)auto_type_info, &module))
        return HRESULT_FROM_WIN32(GetLastError());
    len = GetModuleFileNameW(module, path, MAX_PATH);
    if (!len || len >= MAX_PATH)
        return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
    hr = LoadTypeLibEx(path, REGKIND_NONE, &typelib);
    if (FAILED(hr))
        return hr;
    hr = ITypeLib_GetTypeInfoOfGuid(typelib, iid, info);
    ITypeLib_Release(typelib);
    return hr;
}

HRESULT auto_get_type_info(ITypeInfo *info, UINT index, ITypeInfo **out)
{
    if (!out)
        return E_POINTER;
    *out = NULL;
    if (index)
        return DISP_E_BADINDEX;
    ITypeInfo_AddRef(info);
    *out = info;
    return S_OK;
}

HRESULT auto_get_ids_of_names(ITypeInfo *info, REFIID riid, LPOLESTR *names, UINT count, DISPID *ids)
{
    if (!IsEqualIID(riid, &IID_NULL))
        return DISP_E_UNKNOWNINTERFACE;
    return ITypeInfo_GetIDsOfNames(info, names, count, ids);
}

HRESULT auto_invoke(ITypeInfo *info, void *obj, DISPID id, REFIID riid, WORD flags, DISPPARAMS *params,
                    VARIANT *result, EXCEPINFO *excep, UINT *arg_err)
{
    if (!IsEqualIID(riid, &IID_NULL))
        return DISP_E_UNKNOWNINTERFACE;
    /* A stale error must not be mistaken for this call's. */
    SetErrorInfo(0, NULL);
    return ITypeInfo_Invoke(info, obj, id, flags, params, result, excep, arg_err);
}

HRESULT auto_error_text(HRESULT hr, REFIID iid, const WCHAR *description)
{
    ICreateErrorInfo *create;
    IErrorInfo *error;

    if (FAILED(CreateErrorInfo(&create)))
        return hr;
    ICreateErrorInfo_SetGUID(create, iid);
    ICreateErrorInfo_SetSource(create, (LPOLESTR)error_source);
    ICreateErrorInfo_SetDescription(create, (LPOLESTR)description);
    if (SUCCEEDED(ICreateErrorInfo_QueryInterface(create, &IID_IErrorInfo, (void **)&error)))
    {
        SetErrorInfo(0, error);
        IErrorInfo_Release(error);
    }
    ICreateErrorInfo_Release(create);
    return hr;
}

HRESULT auto_error_name(HRESULT hr, REFIID iid, const char *before, const WCHAR *name, const char *after)
{
    struct auto_text text = { { 0 }, 0 };

    auto_text_add_ascii(auto_text_add(auto_text_add_ascii(&text, before), name), after);
    return auto_error_text(hr, iid, text.buf);
}

HRESULT auto_error_ascii_name(HRESULT hr, REFIID iid, const char *before, const char *name, const char *after)
{
    struct auto_text text = { { 0 }, 0 };

    auto_text_add_ascii(auto_text_add_ascii(auto_text_add_ascii(&text, before), name), after);
    return auto_error_text(hr, iid, text.buf);
}

HRESULT auto_error(HRESULT hr, REFIID iid, const char *description)
{
    return auto_error_ascii_name(hr, iid, description, "", "");
}

HRESULT auto_exception(EXCEPINFO *excep, HRESULT hr, const WCHAR *description)
{
    if (excep)
    {
        memset(excep, 0, sizeof(*excep));
        excep->scode = hr;
        excep->bstrSource = SysAllocString(error_source);
        excep->bstrDescription = SysAllocString(description);
    }
    return DISP_E_EXCEPTION;
}

HRESULT auto_exception_from_error(EXCEPINFO *excep, HRESULT hr)
{
    IErrorInfo *error = NULL;
    BSTR description = NULL;

    if (GetErrorInfo(0, &error) == S_OK && error)
    {
        IErrorInfo_GetDescription(error, &description);
        /* Back, for a caller that asks the thread rather than the EXCEPINFO. */
        SetErrorInfo(0, error);
        IErrorInfo_Release(error);
    }
    auto_exception(excep, hr, description ? description : L"");
    SysFreeString(description);
    return DISP_E_EXCEPTION;
}

/* ---- messages ---------------------------------------------------------------------- */

static struct auto_text *add_char(struct auto_text *text, WCHAR c)
{
    if (text->len + 1 < ARRAYSIZE(text->buf))
        text->buf[text->len++] = c;
    text->buf[text->len] = 0;
    return text;
}

struct auto_text *auto_text_add(struct auto_text *text, const WCHAR *part)
{
    text->buf[text->len] = 0;
    while (*part)
        add_char(text, *part++);
    return text;
}

struct auto_text *auto_text_add_ascii(struct auto_text *text, const char *part)
{
    text->buf[text->len] = 0;
    while (*part)
        add_char(text, (WCHAR)(unsigned char)*part++);
    return text;
}

struct auto_text *auto_text_add_number(struct auto_text *text, LONGLONG number)
{
    WCHAR digits[24];
    ULONGLONG magnitude = number < 0 ? 0 - (ULONGLONG)number : (ULONGLONG)number;
    size_t count = 0;

    do
        digits[count++] = (WCHAR)(L'0' + magnitude % 10);
    while ((magnitude /= 10) != 0);
    if (number < 0)
        add_char(text, L'-');
    while (count)
        add_char(text, digits[--count]);
    return text;
}

struct auto_text *auto_text_add_hex(struct auto_text *text, DWORD number)
{
    static const char digits[] = "0123456789abcdef";
    int shift;

    auto_text_add_ascii(text, "0x");
    for (shift = 28; shift >= 0; shift -= 4)
        add_char(text, digits[(number >> shift) & 0xf]);
    return text;
}

/* ---- ISupportErrorInfo ---------------------------------------------------------- */

static inline struct auto_error_support *impl_from_ISupportErrorInfo(ISupportErrorInfo *iface)
{
    return CONTAINING_RECORD(iface, struct auto_error_support, ISupportErrorInfo_iface);
}

static HRESULT STDMETHODCALLTYPE support_QueryInterface(ISupportErrorInfo *iface, REFIID riid, void **ppv)
{
    return IUnknown_QueryInterface(impl_from_ISupportErrorInfo(iface)->outer, riid, ppv);
}

static ULONG STDMETHODCALLTYPE support_AddRef(ISupportErrorInfo *iface)
{
    return IUnknown_AddRef(impl_from_ISupportErrorInfo(iface)->outer);
}

static ULONG STDMETHODCALLTYPE support_Release(ISupportErrorInfo *iface)
{
    return IUnknown_Release(impl_from_ISupportErrorInfo(iface)->outer);
}

static HRESULT STDMETHODCALLTYPE support_InterfaceSupportsErrorInfo(ISupportErrorInfo *iface, REFIID riid)
{
    struct auto_error_support *support = impl_from_ISupportErrorInfo(iface);

    return IsEqualIID(riid, support->iid) || IsEqualIID(riid, &IID_IDispatch) ? S_OK : S_FALSE;
}

static const ISupportErrorInfoVtbl support_vtbl =
{
    support_QueryInterface,
    support_AddRef,
    support_Release,
    support_InterfaceSupportsErrorInfo,
};

HRESULT auto_query_interface(struct auto_error_support *support, IUnknown *extra, REFIID extra_iid, REFIID riid,
                             void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch) || IsEqualIID(riid, support->iid))
        *ppv = support->outer;
    else if (IsEqualIID(riid, &IID_ISupportErrorInfo))
        *ppv = &support->ISupportErrorInfo_iface;
    else if (extra && IsEqualIID(riid, extra_iid))
        *ppv = extra;
    else
        return E_NOINTERFACE;
    IUnknown_AddRef((IUnknown *)*ppv);
    return S_OK;
}

void auto_error_support_init(struct auto_error_support *support, IUnknown *outer, const IID *iid)
{
    support->ISupportErrorInfo_iface.lpVtbl = &support_vtbl;
    support->outer = outer;
    support->iid = iid;
}
