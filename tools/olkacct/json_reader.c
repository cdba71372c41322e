/*
 * SPDX-License-Identifier: MIT
 */
#include "json_reader.h"
#include "allocator.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct reader
{
    const char *p, *end, *start;
    int depth;
};

static void skip_blanks(struct reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) r->p++;
}

static BOOL take(struct reader *r, char c)
{
    skip_blanks(r);
    if (r->p < r->end && *r->p == c)
    {
        r->p++;
        return TRUE;
    }
    return FALSE;
}

static BOOL word(struct reader *r, const char *w)
{
    size_t n = strlen(w);

    if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n)) return FALSE;
    r->p += n;
    return TRUE;
}

static int hex4(const char *s)
{
    int v = 0, i;

    for (i = 0; i < 4; i++)
    {
        char c = s[i];

        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    return v;
}

static const char *escape(const char *s, char *out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *at = strchr(from, *s);

    if (!*s || !at) return NULL;
    *out = to[at - from];
    return s + 1;
}

/* UTF-8 between the quotes, escapes resolved, as UTF-16. */
static HRESULT read_string(struct reader *r, WCHAR **out)
{
    size_t cap = 16, n = 0;
    WCHAR *s = olkacct_alloc(cap * sizeof(WCHAR)), *grown;

    if (!s) return E_OUTOFMEMORY;
    while (r->p < r->end && *r->p != '"')
    {
        int len = 1, v;
        char c;

        if (n + 3 > cap)
        {
            if (!(grown = olkacct_realloc_array(s, cap * 2, sizeof(WCHAR)))) goto oom;
            s = grown;
            cap *= 2;
        }
        if ((unsigned char)*r->p < 0x20) goto bad;
        if (*r->p == '\\' && r->p + 1 < r->end && r->p[1] == 'u')
        {
            if (r->end - r->p < 6 || (v = hex4(r->p + 2)) < 0) goto bad;
            s[n++] = (WCHAR)v;
            r->p += 6;
            continue;
        }
        if (*r->p == '\\')
        {
            if (r->p + 1 >= r->end || !escape(r->p + 1, &c)) goto bad;
            s[n++] = (WCHAR)c;
            r->p += 2;
            continue;
        }
        while (r->p + len < r->end && ((unsigned char)r->p[len] & 0xc0) == 0x80 && len < 4) len++;
        v = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, r->p, len, s + n, 2);
        if (v <= 0) goto bad;
        n += v;
        r->p += len;
    }
    if (r->p >= r->end) goto bad;
    r->p++;
    s[n] = 0;
    *out = s;
    return S_OK;
bad:
    free(s);
    return E_INVALIDARG;
oom:
    free(s);
    return E_OUTOFMEMORY;
}

static HRESULT read_value(struct reader *r, struct json_value *v);

static HRESULT append_item(struct reader *r, struct json_value *v, WCHAR *key)
{
    struct json_value *items = olkacct_realloc_array(v->items, v->count + 1, sizeof(*items));
    WCHAR **keys;
    HRESULT hr;

    if (!items)
    {
        free(key);
        return E_OUTOFMEMORY;
    }
    v->items = items;
    if (v->kind == JSON_OBJECT)
    {
        if (!(keys = olkacct_realloc_array(v->keys, v->count + 1, sizeof(*keys))))
        {
            free(key);
            return E_OUTOFMEMORY;
        }
        v->keys = keys;
        keys[v->count] = key;
    }
    memset(&items[v->count], 0, sizeof(items[0]));
    v->count++;
    hr = read_value(r, &items[v->count - 1]);
    return hr;
}

static HRESULT read_container(struct reader *r, struct json_value *v, char close)
{
    WCHAR *key = NULL;
    HRESULT hr;

    if (++r->depth > 16) return E_INVALIDARG;
    if (take(r, close)) return S_OK;
    do
    {
        if (v->kind == JSON_OBJECT)
        {
            if (!take(r, '"')) return E_INVALIDARG;
            if (FAILED(hr = read_string(r, &key))) return hr;
            if (!take(r, ':'))
            {
                free(key);
                return E_INVALIDARG;
            }
        }
        if (FAILED(hr = append_item(r, v, key))) return hr;
        key = NULL;
    } while (take(r, ','));
    r->depth--;
    return take(r, close) ? S_OK : E_INVALIDARG;
}

static HRESULT read_number(struct reader *r, struct json_value *v)
{
    ULONGLONG n = 0;

    if (r->p >= r->end || *r->p < '0' || *r->p > '9') return E_INVALIDARG;
    if (*r->p == '0' && r->p + 1 < r->end && r->p[1] >= '0' && r->p[1] <= '9') return E_INVALIDARG;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
    {
        n = n * 10 + (*r->p++ - '0');
        if (n > 0xffffffffull) return E_INVALIDARG;
    }
    if (r->p < r->end && (*r->p == '.' || *r->p == 'e' || *r->p == 'E')) return E_INVALIDARG;
    v->kind = JSON_NUMBER;
    v->number = (DWORD)n;
    return S_OK;
}

static HRESULT read_value(struct reader *r, struct json_value *v)
{
    memset(v, 0, sizeof(*v));
    skip_blanks(r);
    if (r->p >= r->end) return E_INVALIDARG;
    if (take(r, '{'))
    {
        v->kind = JSON_OBJECT;
        return read_container(r, v, '}');
    }
    if (take(r, '['))
    {
        v->kind = JSON_ARRAY;
        return read_container(r, v, ']');
    }
    if (take(r, '"'))
    {
        v->kind = JSON_STRING;
        return read_string(r, &v->string);
    }
    if (word(r, "null")) return S_OK;
    if (word(r, "true") || word(r, "false"))
    {
        v->kind = JSON_BOOL;
        v->number = r->p[-1] == 'e' && r->p[-2] == 'u';
        return S_OK;
    }
    return read_number(r, v);
}

HRESULT json_parse(const char *text, size_t len, struct json_value *value, size_t *offset)
{
    struct reader r = { text, text + len, text, 0 };
    HRESULT hr;

    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) r.p += 3;
    hr = read_value(&r, value);
    skip_blanks(&r);
    if (SUCCEEDED(hr) && r.p != r.end) hr = E_INVALIDARG;
    *offset = (size_t)(r.p - r.start);
    if (FAILED(hr)) json_free(value);
    return hr;
}

void json_free(struct json_value *value)
{
    DWORD i;

    for (i = 0; i < value->count; i++)
    {
        json_free(&value->items[i]);
        if (value->keys) free(value->keys[i]);
    }
    free(value->items);
    free(value->keys);
    free(value->string);
    memset(value, 0, sizeof(*value));
}

const struct json_value *json_member(const struct json_value *object, const WCHAR *key)
{
    DWORD i;

    if (!object || object->kind != JSON_OBJECT) return NULL;
    for (i = 0; i < object->count; i++)
        if (object->keys[i] && !wcscmp(object->keys[i], key)) return &object->items[i];
    return NULL;
}
