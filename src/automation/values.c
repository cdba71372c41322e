/*
 * Conversions between automation types and the account model's values.
 * Binary values travel as lowercase hex strings: Wine's script engines, and
 * many others, cannot read byte arrays.
 *
 * SPDX-License-Identifier: MIT
 */
#include "automation.h"

#include <wchar.h>

#include "memory.h"

const VARIANT *auto_deref(const VARIANT *in)
{
    while (V_VT(in) == (VT_BYREF | VT_VARIANT))
        in = V_VARIANTREF(in);
    return in;
}

HRESULT auto_change_type(VARIANT *out, const VARIANT *in, VARTYPE vt)
{
    VariantInit(out);
    /* VariantChangeType only reads its source, but is not declared so. */
    return VariantChangeType(out, (VARIANT *)in, 0, vt);
}

static BSTR hex_string(const BYTE *bytes, DWORD cb)
{
    static const WCHAR digits[] = L"0123456789abcdef";
    BSTR text = SysAllocStringLen(NULL, cb * 2);
    DWORD i;

    if (!text)
        return NULL;
    for (i = 0; i < cb; i++)
    {
        text[2 * i] = digits[bytes[i] >> 4];
        text[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    return text;
}

HRESULT auto_value_to_variant(const struct olk_value *value, VARIANT *out)
{
    VariantInit(out);
    switch (value->type)
    {
    case PT_LONG:
        V_VT(out) = VT_I4;
        V_I4(out) = (LONG)value->dw;
        return S_OK;
    case PT_UNICODE:
        V_BSTR(out) = SysAllocString(value->str ? value->str : L"");
        break;
    case PT_BINARY:
        V_BSTR(out) = hex_string(value->bin, value->cb);
        break;
    default:
        return S_OK;
    }
    if (!V_BSTR(out))
        return E_OUTOFMEMORY;
    V_VT(out) = VT_BSTR;
    return S_OK;
}

static const char *parse_problem(enum olk_parse_error error)
{
    switch (error)
    {
    case OLK_PARSE_EMPTY: return "no value was given";
    case OLK_PARSE_NOT_NUMBER: return "the value is neither a number nor a documented name";
    case OLK_PARSE_TOO_BIG: return "the number is too big (2^32 or more)";
    case OLK_PARSE_NOT_DOCUMENTED: return "the value is not one of the documented values";
    case OLK_PARSE_UNKNOWN_BITS: return "the value has bits outside the documented ones";
    case OLK_PARSE_NOT_HEX: return "the value is not an even number of hex digits";
    case OLK_PARSE_OK: break;
    }
    return "the value is not valid";
}

HRESULT auto_value_from_variant(const struct olk_account_prop *prop, const VARIANT *in, struct olk_value *value,
                                REFIID iid)
{
    enum olk_parse_error error = OLK_PARSE_OK;
    VARIANT text;
    HRESULT hr;

    memset(value, 0, sizeof(*value));
    VariantInit(&text);
    in = auto_deref(in);
    /* Numbers are taken as unsigned 32-bit values, as olkacct takes them. */
    if (prop->type == PT_LONG && V_VT(in) != VT_BSTR)
    {
        hr = auto_change_type(&text, in, VT_UI4);
        if (FAILED(hr))
            hr = auto_change_type(&text, in, VT_I4);
        if (FAILED(hr))
            return auto_error_ascii_name(E_INVALIDARG, iid, "", prop->automation, ": the value is not a number");
        value->type = PT_LONG;
        value->dw = V_UI4(&text);
        return S_OK;
    }
    hr = auto_change_type(&text, in, VT_BSTR);
    if (FAILED(hr))
        return auto_error_ascii_name(E_INVALIDARG, iid, "", prop->automation, ": the value cannot be read as text");
    hr = olk_value_parse(prop, V_BSTR(&text), value, &error);
    VariantClear(&text);
    if (hr == E_INVALIDARG)
    {
        struct auto_text message = { { 0 }, 0 };

        auto_text_add_ascii(auto_text_add_ascii(auto_text_add_ascii(&message, prop->automation), ": "),
                            parse_problem(error));
        return auto_error_text(hr, iid, message.buf);
    }
    return hr;
}

HRESULT auto_array(DWORD count, HRESULT (*item)(const void *context, DWORD i, VARIANT *out), const void *context,
                   VARIANT *out)
{
    SAFEARRAY *array = SafeArrayCreateVector(VT_VARIANT, 0, count);
    VARIANT *items;
    HRESULT hr = S_OK;
    DWORD i;

    VariantInit(out);
    if (!array)
        return E_OUTOFMEMORY;
    if (FAILED(hr = SafeArrayAccessData(array, (void **)&items)))
    {
        SafeArrayDestroy(array);
        return hr;
    }
    for (i = 0; SUCCEEDED(hr) && i < count; i++)
        hr = item(context, i, &items[i]);
    SafeArrayUnaccessData(array);
    if (FAILED(hr))
    {
        SafeArrayDestroy(array);
        return hr;
    }
    V_VT(out) = VT_ARRAY | VT_VARIANT;
    V_ARRAY(out) = array;
    return S_OK;
}

static HRESULT variant_to_id(const VARIANT *in, DWORD *id)
{
    VARIANT number;
    HRESULT hr;

    VariantInit(&number);
    hr = auto_change_type(&number, auto_deref(in), VT_I4);
    if (SUCCEEDED(hr))
        *id = (DWORD)V_I4(&number);
    return hr;
}

static HRESULT read_safearray(SAFEARRAY *array, DWORD **ids, DWORD *count)
{
    LONG lower, upper, i;
    HRESULT hr;

    if (SafeArrayGetDim(array) != 1)
        return E_INVALIDARG;
    if (FAILED(hr = SafeArrayGetLBound(array, 1, &lower)) || FAILED(hr = SafeArrayGetUBound(array, 1, &upper)))
        return hr;
    *count = upper >= lower ? (DWORD)(upper - lower + 1) : 0;
    if (!(*ids = olk_alloc((*count ? *count : 1) * sizeof(DWORD))))
        return E_OUTOFMEMORY;
    for (i = lower; i <= upper; i++)
    {
        VARIANT item;

        VariantInit(&item);
        hr = SafeArrayGetElement(array, &i, &item);
        if (SUCCEEDED(hr))
            hr = variant_to_id(&item, &(*ids)[i - lower]);
        VariantClear(&item);
        if (FAILED(hr))
            return hr;
    }
    return S_OK;
}

/* A property of a script object by name, through IDispatch. */
static HRESULT dispatch_get(IDispatch *object, const WCHAR *name, VARIANT *out)
{
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    LPOLESTR names[1] = { (LPOLESTR)name };
    DISPID id;
    HRESULT hr = IDispatch_GetIDsOfNames(object, &IID_NULL, names, 1, LOCALE_USER_DEFAULT, &id);

    VariantInit(out);
    if (FAILED(hr))
        return hr;
    return IDispatch_Invoke(object, id, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &none, out, NULL,
                            NULL);
}

static HRESULT read_script_array(IDispatch *object, DWORD **ids, DWORD *count)
{
    VARIANT value;
    HRESULT hr = dispatch_get(object, L"length", &value);
    DWORD i, length;

    if (SUCCEEDED(hr))
        hr = variant_to_id(&value, &length);
    VariantClear(&value);
    if (FAILED(hr))
        return E_INVALIDARG;
    *count = length;
    if (length > 0x10000 || !(*ids = olk_alloc((length ? length : 1) * sizeof(DWORD))))
        return E_OUTOFMEMORY;
    for (i = 0; i < length; i++)
    {
        struct auto_text index = { { 0 }, 0 };

        hr = dispatch_get(object, auto_text_add_number(&index, i)->buf, &value);
        if (SUCCEEDED(hr))
            hr = variant_to_id(&value, &(*ids)[i]);
        VariantClear(&value);
        if (FAILED(hr))
            return hr;
    }
    return S_OK;
}

HRESULT auto_read_ids(const VARIANT *in, DWORD **ids, DWORD *count)
{
    HRESULT hr;

    *ids = NULL;
    *count = 0;
    in = auto_deref(in);
    if (V_VT(in) == (VT_ARRAY | VT_VARIANT))
        hr = read_safearray(V_ARRAY(in), ids, count);
    else if (V_VT(in) == (VT_BYREF | VT_ARRAY | VT_VARIANT))
        hr = read_safearray(*V_ARRAYREF(in), ids, count);
    else if (V_VT(in) == VT_DISPATCH && V_DISPATCH(in))
        hr = read_script_array(V_DISPATCH(in), ids, count);
    else
        hr = E_INVALIDARG;
    if (FAILED(hr))
    {
        olk_free(*ids);
        *ids = NULL;
        *count = 0;
    }
    return hr;
}

HRESULT auto_category(const WCHAR *name, DWORD *bit, REFIID iid)
{
    size_t i;

    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (name && CompareStringOrdinal(name, -1, olk_account_categories[i].name, -1, TRUE) == CSTR_EQUAL)
        {
            *bit = olk_account_categories[i].bit;
            return S_OK;
        }
    }
    *bit = 0;
    return auto_error_name(E_INVALIDARG, iid, "Unknown category (mail, addressbook or store): ", name ? name : L"", "");
}
