/*
 * The stand-in's account data: a small UTF-8, INI-like file (documented in
 * docs/olkacct.md, "Stand-in account data").
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"
#include "account_vocabulary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser
{
    const char *source;
    unsigned line;
    unsigned section_line;
    struct standin_data *data;
    struct standin_account *current;
    struct standin_order *order;    /* the [order] section being read, or NULL */
    BOOL has_type;
};

struct name_tag
{
    const char *name;
    DWORD tag;
};

/* The account properties come from the account vocabulary; these two MAPI
 * properties are not account properties but the stand-in serves them too. */
static const struct name_tag mapi_prop_names[] =
{
    { "PRIMARY_SEND_ACCT", PR_PRIMARY_SEND_ACCT },
    { "NEXT_SEND_ACCT", PR_NEXT_SEND_ACCT },
};

static const struct { const char *name; const CLSID *clsid; } type_names[] =
{
    { "mapi", &CLSID_OlkMAPIAccount },
    { "pop3", &CLSID_OlkPOP3Account },
    { "imap4", &CLSID_OlkIMAP4Account },
    { "hotmail", &CLSID_OlkHotmailAccount },
    { "ldap", &CLSID_OlkLDAPAccount },
};

static const struct { const char *name; DWORD bit; } category_names[] =
{
    { "mail", STANDIN_CAT_MAIL },
    { "addressbook", STANDIN_CAT_ADDRESSBOOK },
    { "store", STANDIN_CAT_STORE },
};

DWORD standin_prop_tag_from_name(const char *name)
{
    size_t i;

    for (i = 0; i < OLK_PROP_COUNT; i++)
        if (!_stricmp(olk_account_props[i].idl_name + strlen("PROP_"), name)) return olk_account_props[i].tag;
    for (i = 0; i < ARRAYSIZE(mapi_prop_names); i++)
        if (!_stricmp(mapi_prop_names[i].name, name)) return mapi_prop_names[i].tag;
    return 0;
}

DWORD standin_account_categories(const struct standin_account *account)
{
    if (IsEqualCLSID(&account->type, &CLSID_OlkMAPIAccount))
        return account->categories & ~(DWORD)STANDIN_CAT_ADDRESSBOOK;
    return account->categories;
}

const struct standin_prop *standin_account_prop(const struct standin_account *account, DWORD tag)
{
    DWORD i;

    for (i = 0; i < account->prop_count; i++)
        if (account->props[i].tag == tag) return &account->props[i];
    return NULL;
}

static HRESULT syntax_error(const struct parser *p, const char *what, const char *detail)
{
    fprintf(stderr, "olkstubacctmgr: %s:%u: %s%s%s\n", p->source, p->line, what,
            detail ? ": " : "", detail ? detail : "");
    return E_OLK_REGISTRY;
}

static WCHAR *utf8_to_wide(const char *s)
{
    int len = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    WCHAR *w;

    if (len <= 0) return NULL;
    if (!(w = malloc(len * sizeof(WCHAR)))) return NULL;
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, len);
    return w;
}

static char *trim(char *s)
{
    char *end;

    while (*s == ' ' || *s == '\t') s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
    *end = 0;
    return s;
}

static BOOL parse_dword(const char *s, DWORD *out)
{
    char *end;
    unsigned long long v;

    if (!*s || *s == '-') return FALSE;
    v = strtoull(s, &end, 0);
    if (*end || v > 0xffffffffull) return FALSE;
    *out = (DWORD)v;
    return TRUE;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Hex bytes, with spaces allowed between pairs. */
static HRESULT parse_binary(const char *s, BYTE **out, DWORD *cb)
{
    size_t n = 0, cap = strlen(s) / 2 + 1;
    BYTE *bin = malloc(cap);

    if (!bin) return E_OUTOFMEMORY;
    while (*s)
    {
        int hi, lo;

        if (*s == ' ') { s++; continue; }
        hi = hex_digit(s[0]);
        lo = hi < 0 ? -1 : hex_digit(s[1]);
        if (lo < 0)
        {
            free(bin);
            return E_INVALIDARG;
        }
        bin[n++] = (BYTE)(hi << 4 | lo);
        s += 2;
    }
    *out = bin;
    *cb = (DWORD)n;
    return S_OK;
}

static HRESULT new_account(struct parser *p)
{
    struct standin_data *d = p->data;
    struct standin_account *grown = realloc(d->accounts, (d->count + 1) * sizeof(*grown));

    if (!grown) return E_OUTOFMEMORY;
    d->accounts = grown;
    p->current = &d->accounts[d->count++];
    memset(p->current, 0, sizeof(*p->current));
    p->order = NULL;
    p->has_type = FALSE;
    p->section_line = p->line;
    return S_OK;
}

static HRESULT finish_order(const struct parser *p)
{
    struct parser at_section = *p;

    at_section.line = p->section_line;
    if (!p->order->profile) return syntax_error(&at_section, "order without a profile key", NULL);
    if (!p->order->category) return syntax_error(&at_section, "order without a category key", NULL);
    return S_OK;
}

static HRESULT finish_account(const struct parser *p)
{
    struct parser at_section = *p;

    if (p->order) return finish_order(p);
    if (!p->current) return S_OK;
    at_section.line = p->section_line;
    if (!p->current->profile) return syntax_error(&at_section, "account without a profile key", NULL);
    if (!p->has_type) return syntax_error(&at_section, "account without a type key", NULL);
    return S_OK;
}

static HRESULT set_type(struct parser *p, const char *value)
{
    size_t i;
    WCHAR *w;
    HRESULT hr;

    for (i = 0; i < ARRAYSIZE(type_names); i++)
    {
        if (!_stricmp(type_names[i].name, value))
        {
            p->current->type = *type_names[i].clsid;
            p->has_type = TRUE;
            return S_OK;
        }
    }
    if (!(w = utf8_to_wide(value))) return syntax_error(p, "bad type", value);
    hr = CLSIDFromString(w, &p->current->type);
    free(w);
    if (FAILED(hr)) return syntax_error(p, "type is neither mapi, pop3, imap4, hotmail, ldap nor a {CLSID}", value);
    p->has_type = TRUE;
    return S_OK;
}

static HRESULT set_categories(struct parser *p, char *value)
{
    char *ctx = NULL, *tok;
    size_t i;

    for (tok = strtok_s(value, ", \t", &ctx); tok; tok = strtok_s(NULL, ", \t", &ctx))
    {
        for (i = 0; i < ARRAYSIZE(category_names); i++)
            if (!_stricmp(category_names[i].name, tok)) break;
        if (i == ARRAYSIZE(category_names))
            return syntax_error(p, "category is not mail, addressbook or store", tok);
        p->current->categories |= category_names[i].bit;
    }
    return S_OK;
}

/* The value type is the tag's low word without SECURE_FLAG (passwords). */
static HRESULT parse_prop_value(struct parser *p, struct standin_prop *prop, const char *value)
{
    switch (PROP_TYPE(prop->tag) & ~SECURE_FLAG)
    {
    case PT_LONG:
        if (!parse_dword(value, &prop->dw)) return syntax_error(p, "not a 32-bit unsigned number", value);
        return S_OK;
    case PT_UNICODE:
        if (!(prop->str = utf8_to_wide(value))) return syntax_error(p, "not valid UTF-8", NULL);
        return S_OK;
    case PT_BINARY:
        if (parse_binary(value, &prop->bin, &prop->cb) != S_OK) return syntax_error(p, "not hex bytes", value);
        return S_OK;
    default:
        return syntax_error(p, "the tag's type is not PT_LONG, PT_UNICODE or PT_BINARY", NULL);
    }
}

static HRESULT add_prop(struct parser *p, const char *key, const char *value)
{
    struct standin_account *a = p->current;
    struct standin_prop *grown, *prop;
    DWORD tag = standin_prop_tag_from_name(key);
    HRESULT hr;

    if (!tag && !(key[0] == '0' && (key[1] == 'x' || key[1] == 'X') && parse_dword(key, &tag)))
        return syntax_error(p, "unknown key", key);
    if (standin_account_prop(a, tag)) return syntax_error(p, "property given twice", key);
    if (!(grown = realloc(a->props, (a->prop_count + 1) * sizeof(*grown)))) return E_OUTOFMEMORY;
    a->props = grown;
    prop = &a->props[a->prop_count];
    memset(prop, 0, sizeof(*prop));
    prop->tag = tag;
    if (FAILED(hr = parse_prop_value(p, prop, value))) return hr;
    a->prop_count++;
    return S_OK;
}

static HRESULT new_order(struct parser *p)
{
    struct standin_data *d = p->data;
    struct standin_order *grown = realloc(d->orders, (d->order_count + 1) * sizeof(*grown));

    if (!grown) return E_OUTOFMEMORY;
    d->orders = grown;
    p->order = &d->orders[d->order_count++];
    memset(p->order, 0, sizeof(*p->order));
    p->current = NULL;
    p->section_line = p->line;
    return S_OK;
}

static HRESULT set_order_ids(struct parser *p, char *value)
{
    char *ctx = NULL, *tok;
    DWORD *grown;

    for (tok = strtok_s(value, ", \t", &ctx); tok; tok = strtok_s(NULL, ", \t", &ctx))
    {
        if (!(grown = realloc(p->order->ids, (p->order->count + 1) * sizeof(DWORD)))) return E_OUTOFMEMORY;
        p->order->ids = grown;
        if (!parse_dword(tok, &p->order->ids[p->order->count])) return syntax_error(p, "not an account ID", tok);
        p->order->count++;
    }
    return S_OK;
}

/* profile, category (one of them) and accounts (IDs). */
static HRESULT parse_order_key(struct parser *p, const char *key, char *value)
{
    size_t i;

    if (!_stricmp(key, "profile"))
    {
        if (p->order->profile || !*value) return syntax_error(p, "bad or repeated profile", NULL);
        if (!(p->order->profile = utf8_to_wide(value))) return syntax_error(p, "not valid UTF-8", NULL);
        return S_OK;
    }
    if (!_stricmp(key, "category"))
    {
        for (i = 0; i < ARRAYSIZE(category_names); i++)
            if (!_stricmp(category_names[i].name, value)) p->order->category = category_names[i].bit;
        return p->order->category ? S_OK : syntax_error(p, "category is not mail, addressbook or store", value);
    }
    if (!_stricmp(key, "accounts")) return set_order_ids(p, value);
    return syntax_error(p, "unknown key in [order]", key);
}

static HRESULT parse_key_value(struct parser *p, char *line)
{
    char *eq = strchr(line, '='), *key, *value;

    if (!eq) return syntax_error(p, "expected key = value", NULL);
    *eq = 0;
    key = trim(line);
    value = trim(eq + 1);
    if (p->order) return parse_order_key(p, key, value);
    if (!p->current) return syntax_error(p, "key outside an [account] section", key);
    if (!_stricmp(key, "profile"))
    {
        if (p->current->profile) return syntax_error(p, "profile given twice", NULL);
        if (!*value) return syntax_error(p, "empty profile", NULL);
        if (!(p->current->profile = utf8_to_wide(value))) return syntax_error(p, "not valid UTF-8", NULL);
        return S_OK;
    }
    if (!_stricmp(key, "type")) return set_type(p, value);
    if (!_stricmp(key, "categories")) return set_categories(p, value);
    return add_prop(p, key, value);
}

static HRESULT parse_line(struct parser *p, char *line)
{
    HRESULT hr;

    line = trim(line);
    if (!*line || *line == ';' || *line == '#') return S_OK;
    if (*line != '[') return parse_key_value(p, line);
    if (_stricmp(line, "[account]") && _stricmp(line, "[order]")) return syntax_error(p, "unknown section", line);
    if (FAILED(hr = finish_account(p))) return hr;
    return _stricmp(line, "[order]") ? new_account(p) : new_order(p);
}

HRESULT standin_data_parse(const char *text, size_t len, const char *source, struct standin_data **out)
{
    struct parser p = { source, 0, 0, NULL, NULL, NULL, FALSE };
    char *copy, *line, *next;
    HRESULT hr = S_OK;

    *out = NULL;
    if (!(p.data = calloc(1, sizeof(*p.data)))) return E_OUTOFMEMORY;
    if (!(copy = malloc(len + 1)))
    {
        free(p.data);
        return E_OUTOFMEMORY;
    }
    memcpy(copy, text, len);
    copy[len] = 0;
    line = copy;
    if (len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) line += 3;
    if (memchr(copy, 0, len)) hr = syntax_error(&p, "NUL byte in the file", NULL);
    for (; line && SUCCEEDED(hr); line = next)
    {
        p.line++;
        if ((next = strchr(line, '\n'))) *next++ = 0;
        hr = parse_line(&p, line);
    }
    if (SUCCEEDED(hr)) hr = finish_account(&p);
    free(copy);
    if (FAILED(hr))
    {
        standin_data_free(p.data);
        return hr;
    }
    *out = p.data;
    return S_OK;
}

/* Shared for writing and deleting too: another process replaces the file
 * (MoveFileEx) while this one reads it. */
HRESULT standin_file_read(const WCHAR *path, char **text, size_t *len)
{
    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                              OPEN_EXISTING, 0, NULL);
    LARGE_INTEGER size;
    DWORD got = 0;
    HRESULT hr = S_OK;

    *text = NULL;
    *len = 0;
    if (file == INVALID_HANDLE_VALUE) return HRESULT_FROM_WIN32(GetLastError());
    if (!GetFileSizeEx(file, &size) || size.QuadPart > 16 * 1024 * 1024)
        hr = E_OUTOFMEMORY;
    else if (!(*text = malloc((size_t)size.QuadPart + 1)))
        hr = E_OUTOFMEMORY;
    else if (!ReadFile(file, *text, (DWORD)size.QuadPart, &got, NULL) || got != (DWORD)size.QuadPart)
        hr = HRESULT_FROM_WIN32(GetLastError());
    CloseHandle(file);
    if (FAILED(hr))
    {
        free(*text);
        *text = NULL;
        return hr;
    }
    *len = got;
    return S_OK;
}

HRESULT standin_data_load_from_env(struct standin_data **out)
{
    WCHAR path[MAX_PATH];
    char source[MAX_PATH * 3];
    char *text;
    size_t len;
    DWORD n = GetEnvironmentVariableW(L"OLK_STANDIN_ACCOUNTS", path, ARRAYSIZE(path));
    HRESULT hr;

    *out = NULL;
    if (!n || n >= ARRAYSIZE(path))
    {
        fprintf(stderr, "olkstubacctmgr: OLK_STANDIN_ACCOUNTS is not set to the account data file\n");
        return E_OLK_REGISTRY;
    }
    if (!WideCharToMultiByte(CP_UTF8, 0, path, -1, source, sizeof(source), NULL, NULL)) strcpy(source, "?");
    if (FAILED(hr = standin_file_read(path, &text, &len)))
    {
        fprintf(stderr, "olkstubacctmgr: cannot read the account data file %s (0x%08lx)\n", source,
                (unsigned long)hr);
        return E_OLK_REGISTRY;
    }
    hr = standin_data_parse(text, len, source, out);
    if (SUCCEEDED(hr) && !((*out)->path = _wcsdup(path)))
    {
        standin_data_free(*out);
        *out = NULL;
        hr = E_OUTOFMEMORY;
    }
    if (FAILED(hr))
    {
        free(text);
        return hr;
    }
    (*out)->raw = text;
    (*out)->raw_len = len;
    return S_OK;
}

void standin_data_free(struct standin_data *data)
{
    DWORD i, j;

    if (!data) return;
    for (i = 0; i < data->count; i++)
    {
        struct standin_account *a = &data->accounts[i];

        for (j = 0; j < a->prop_count; j++)
        {
            free(a->props[j].str);
            free(a->props[j].bin);
        }
        free(a->props);
        free(a->profile);
    }
    free(data->accounts);
    for (i = 0; i < data->order_count; i++)
    {
        free(data->orders[i].profile);
        free(data->orders[i].ids);
    }
    free(data->orders);
    free(data->path);
    free(data->raw);
    free(data);
}
