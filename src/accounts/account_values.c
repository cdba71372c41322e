/*
 * Values of account properties: copying, comparing, and parsing text by the
 * property's type and documented range.
 *
 * SPDX-License-Identifier: MIT
 */
#include "ascii.h"
#include "account_model.h"
#include "memory.h"

#include <string.h>
#include <wchar.h>

void olk_value_free(struct olk_value *value)
{
    olk_free(value->str);
    olk_free(value->bin);
    memset(value, 0, sizeof(*value));
}

BOOL olk_value_equal(const struct olk_value *a, const struct olk_value *b)
{
    if (a->type != b->type) return FALSE;
    switch (a->type)
    {
    case PT_LONG:
        return a->dw == b->dw;
    case PT_UNICODE:
        if (!a->str || !b->str) return a->str == b->str;
        return !wcscmp(a->str, b->str);
    case PT_BINARY:
        return a->cb == b->cb && (!a->cb || !memcmp(a->bin, b->bin, a->cb));
    default:
        return TRUE;
    }
}

HRESULT olk_value_copy(const struct olk_value *from, struct olk_value *to)
{
    memset(to, 0, sizeof(*to));
    to->type = from->type;
    to->dw = from->dw;
    if (from->str)
    {
        size_t size = (wcslen(from->str) + 1) * sizeof(WCHAR);

        if (!(to->str = olk_alloc(size))) return E_OUTOFMEMORY;
        memcpy(to->str, from->str, size);
    }
    if (from->bin)
    {
        if (!(to->bin = olk_alloc(from->cb ? from->cb : 1)))
        {
            olk_value_free(to);
            return E_OUTOFMEMORY;
        }
        if (from->cb) memcpy(to->bin, from->bin, from->cb);
        to->cb = from->cb;
    }
    return S_OK;
}

const struct olk_account_prop *olk_prop_by_json(const WCHAR *name, size_t len)
{
    size_t i;

    for (i = 0; i < OLK_PROP_COUNT; i++)
        if (olk_ascii_equal(name, len, olk_account_props[i].json)) return &olk_account_props[i];
    return NULL;
}

static int digit_value(WCHAR c, unsigned base)
{
    int v = -1;

    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    return v >= 0 && (unsigned)v < base ? v : -1;
}

static enum olk_parse_error parse_number(const WCHAR *s, size_t len, DWORD *out)
{
    unsigned base = 10;
    ULONGLONG v = 0;
    size_t i = 0;

    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
    {
        base = 16;
        i = 2;
    }
    if (i == len) return OLK_PARSE_NOT_NUMBER;
    for (; i < len; i++)
    {
        int d = digit_value(s[i], base);

        if (d < 0) return OLK_PARSE_NOT_NUMBER;
        v = v * base + d;
        if (v > 0xffffffffull) return OLK_PARSE_TOO_BIG;
    }
    *out = (DWORD)v;
    return OLK_PARSE_OK;
}

/* A number, or one of the property's documented names. */
static enum olk_parse_error parse_word(const struct olk_account_prop *prop, const WCHAR *s, size_t len, DWORD *out)
{
    const struct olk_prop_value *v;

    for (v = prop->values; v && v->name; v++)
    {
        if (olk_ascii_equal(s, len, v->name))
        {
            *out = v->value;
            return OLK_PARSE_OK;
        }
    }
    return parse_number(s, len, out);
}

static BOOL documented(const struct olk_account_prop *prop, DWORD value)
{
    const struct olk_prop_value *v;
    DWORD bits = 0;

    if (!prop->values) return TRUE;
    for (v = prop->values; v->name; v++)
    {
        if (!prop->flags && v->value == value) return TRUE;
        bits |= v->value;
    }
    /* PROP_POP_LEAVE_ON_SERVER keeps a number of days in its high word. */
    if (prop->tag == PROP_POP_LEAVE_ON_SERVER) bits |= 0xffff0000;
    return prop->flags && !(value & ~bits);
}

static enum olk_parse_error parse_long(const struct olk_account_prop *prop, const WCHAR *text, DWORD *out)
{
    enum olk_parse_error error;
    DWORD part;

    *out = 0;
    for (;;)
    {
        size_t len = wcscspn(text, L"|");

        if (!len) return OLK_PARSE_NOT_NUMBER;
        if ((error = parse_word(prop, text, len, &part))) return error;
        *out |= part;
        if (!text[len]) break;
        if (!prop->flags) return OLK_PARSE_NOT_NUMBER;
        text += len + 1;
    }
    if (!documented(prop, *out)) return prop->flags ? OLK_PARSE_UNKNOWN_BITS : OLK_PARSE_NOT_DOCUMENTED;
    return OLK_PARSE_OK;
}

static HRESULT parse_binary(const WCHAR *text, struct olk_value *value, enum olk_parse_error *error)
{
    size_t len = wcslen(text), i;

    if (len % 2)
    {
        *error = OLK_PARSE_NOT_HEX;
        return E_INVALIDARG;
    }
    for (i = 0; i < len; i++)
    {
        if (digit_value(text[i], 16) < 0)
        {
            *error = OLK_PARSE_NOT_HEX;
            return E_INVALIDARG;
        }
    }
    if (!(value->bin = olk_alloc(len / 2))) return E_OUTOFMEMORY;
    for (i = 0; i < len / 2; i++)
        value->bin[i] = (BYTE)(digit_value(text[2 * i], 16) << 4 | digit_value(text[2 * i + 1], 16));
    value->cb = (DWORD)(len / 2);
    return S_OK;
}

HRESULT olk_value_parse(const struct olk_account_prop *prop, const WCHAR *text, struct olk_value *value,
                        enum olk_parse_error *error)
{
    size_t size;
    HRESULT hr = S_OK;

    memset(value, 0, sizeof(*value));
    *error = OLK_PARSE_OK;
    if (!*text)
    {
        *error = OLK_PARSE_EMPTY;
        return E_INVALIDARG;
    }
    switch (prop->type)
    {
    case PT_LONG:
        if ((*error = parse_long(prop, text, &value->dw))) return E_INVALIDARG;
        break;
    case PT_UNICODE:
        size = (wcslen(text) + 1) * sizeof(WCHAR);
        if (!(value->str = olk_alloc(size))) return E_OUTOFMEMORY;
        memcpy(value->str, text, size);
        break;
    default:
        if (FAILED(hr = parse_binary(text, value, error))) return hr;
        break;
    }
    value->type = prop->type;
    return S_OK;
}
