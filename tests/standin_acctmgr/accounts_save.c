/*
 * Changing the stand-in's account data and writing it back: what Outlook
 * keeps in the profile, the stand-in keeps in its data file, so that a change
 * is seen by the next process as it would be with Outlook.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"
#include "account_vocabulary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const struct { DWORD bit; const char *name; } categories[] =
{
    { STANDIN_CAT_MAIL, "mail" },
    { STANDIN_CAT_ADDRESSBOOK, "addressbook" },
    { STANDIN_CAT_STORE, "store" },
};

static const struct { const CLSID *clsid; const char *name; } types[] =
{
    { &CLSID_OlkMAPIAccount, "mapi" },
    { &CLSID_OlkPOP3Account, "pop3" },
    { &CLSID_OlkIMAP4Account, "imap4" },
    { &CLSID_OlkHotmailAccount, "hotmail" },
    { &CLSID_OlkLDAPAccount, "ldap" },
};

struct text
{
    char *data;
    size_t len, cap;
    BOOL failed;
};

static void append(struct text *t, const char *s, size_t n)
{
    if (t->failed) return;
    if (t->len + n + 1 > t->cap)
    {
        size_t cap = (t->len + n + 1) * 2;
        char *grown = realloc(t->data, cap);

        if (!grown)
        {
            t->failed = TRUE;
            return;
        }
        t->data = grown;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = 0;
}

static void put(struct text *t, const char *s)
{
    append(t, s, strlen(s));
}

static void put_wide(struct text *t, const WCHAR *s)
{
    char buffer[4096];
    int n = WideCharToMultiByte(CP_UTF8, 0, s, -1, buffer, sizeof(buffer), NULL, NULL);

    if (n <= 0) t->failed = TRUE;
    else append(t, buffer, n - 1);
}

static void put_number(struct text *t, DWORD n)
{
    char digits[16];

    snprintf(digits, sizeof(digits), "%lu", (unsigned long)n);
    put(t, digits);
}

static void put_categories(struct text *t, DWORD bits)
{
    const char *sep = "";
    size_t i;

    put(t, "categories =");
    for (i = 0; i < ARRAYSIZE(categories); i++)
    {
        if (!(bits & categories[i].bit)) continue;
        put(t, sep);
        put(t, " ");
        put(t, categories[i].name);
        sep = ",";
    }
    put(t, "\n");
}

static void put_type(struct text *t, const CLSID *type)
{
    WCHAR clsid[40];
    size_t i;

    put(t, "type = ");
    for (i = 0; i < ARRAYSIZE(types); i++)
    {
        if (!IsEqualCLSID(type, types[i].clsid)) continue;
        put(t, types[i].name);
        put(t, "\n");
        return;
    }
    StringFromGUID2(type, clsid, ARRAYSIZE(clsid));
    put_wide(t, clsid);
    put(t, "\n");
}

static void put_key(struct text *t, DWORD tag)
{
    const struct olk_account_prop *prop = olk_account_prop_by_tag(tag);
    char key[16];

    if (prop) put(t, prop->idl_name + strlen("PROP_"));
    else if (tag == PR_PRIMARY_SEND_ACCT) put(t, "PRIMARY_SEND_ACCT");
    else if (tag == PR_NEXT_SEND_ACCT) put(t, "NEXT_SEND_ACCT");
    else
    {
        snprintf(key, sizeof(key), "0x%08lX", (unsigned long)tag);
        put(t, key);
    }
}

static void put_prop(struct text *t, const struct standin_prop *prop)
{
    char hex[4];
    DWORD i;

    put_key(t, prop->tag);
    put(t, " = ");
    switch (PROP_TYPE(prop->tag) & ~SECURE_FLAG)
    {
    case PT_LONG:
        put_number(t, prop->dw);
        break;
    case PT_UNICODE:
        put_wide(t, prop->str);
        break;
    default:
        for (i = 0; i < prop->cb; i++)
        {
            snprintf(hex, sizeof(hex), i ? " %02x" : "%02x", prop->bin[i]);
            put(t, hex);
        }
    }
    put(t, "\n");
}

static void put_account(struct text *t, const struct standin_account *a)
{
    DWORD i;

    put(t, "[account]\nprofile = ");
    put_wide(t, a->profile);
    put(t, "\n");
    put_type(t, &a->type);
    put_categories(t, a->categories);
    for (i = 0; i < a->prop_count; i++) put_prop(t, &a->props[i]);
    put(t, "\n");
}

static void put_order(struct text *t, const struct standin_order *o)
{
    size_t i;
    DWORD n;

    put(t, "[order]\nprofile = ");
    put_wide(t, o->profile);
    for (i = 0; i < ARRAYSIZE(categories); i++)
        if (categories[i].bit == o->category)
        {
            put(t, "\ncategory = ");
            put(t, categories[i].name);
        }
    put(t, "\naccounts =");
    for (n = 0; n < o->count; n++)
    {
        put(t, n ? ", " : " ");
        put_number(t, o->ids[n]);
    }
    put(t, "\n\n");
}

static HRESULT write_all(const WCHAR *path, const char *data, size_t len)
{
    HANDLE file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD written = 0;
    BOOL ok;

    if (file == INVALID_HANDLE_VALUE) return HRESULT_FROM_WIN32(GetLastError());
    ok = WriteFile(file, data, (DWORD)len, &written, NULL) && written == len && FlushFileBuffers(file);
    CloseHandle(file);
    if (!ok)
    {
        DeleteFileW(path);
        return E_FAIL;
    }
    return S_OK;
}

/* A reader in another process (a watcher, a starting manager) may have the
 * file open for a moment, and a file that is open cannot be replaced: the
 * move is tried again for up to a second, as editors that save atomically do. */
static BOOL replace_file(const WCHAR *from, const WCHAR *to)
{
    int attempt;

    for (attempt = 0; attempt < 50; attempt++)
    {
        if (MoveFileExW(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return TRUE;
        if (GetLastError() != ERROR_ACCESS_DENIED && GetLastError() != ERROR_SHARING_VIOLATION) return FALSE;
        Sleep(20);
    }
    return FALSE;
}

HRESULT standin_data_save(struct standin_data *data)
{
    struct text t = { 0 };
    WCHAR temp[MAX_PATH + 16];
    HRESULT hr;
    DWORD i;

    if (!data->path) return E_OLK_REGISTRY;
    put(&t, "; Written by the stand-in account manager (olkstubacctmgr.dll).\n\n");
    for (i = 0; i < data->count; i++)
        if (!data->accounts[i].deleted) put_account(&t, &data->accounts[i]);
    for (i = 0; i < data->order_count; i++) put_order(&t, &data->orders[i]);
    if (t.failed)
    {
        free(t.data);
        return E_OUTOFMEMORY;
    }
    swprintf(temp, ARRAYSIZE(temp), L"%ls.new", data->path);
    if (SUCCEEDED(hr = write_all(temp, t.data, t.len)) && !replace_file(temp, data->path))
    {
        hr = HRESULT_FROM_WIN32(GetLastError());
        DeleteFileW(temp);
    }
    if (SUCCEEDED(hr))
    {
        /* What the file holds now: a watcher takes only other writers' changes for news. */
        free(data->raw);
        data->raw = t.data;
        data->raw_len = t.len;
        t.data = NULL;
    }
    free(t.data);
    if (FAILED(hr)) fprintf(stderr, "olkstubacctmgr: cannot write the account data file (0x%08lx)\n", (unsigned long)hr);
    return hr;
}

static HRESULT copy_prop(const struct standin_prop *from, struct standin_prop *to)
{
    memset(to, 0, sizeof(*to));
    to->tag = from->tag;
    to->dw = from->dw;
    if (from->str && !(to->str = _wcsdup(from->str))) return E_OUTOFMEMORY;
    if (from->bin)
    {
        if (!(to->bin = malloc(from->cb ? from->cb : 1)))
        {
            free(to->str);
            return E_OUTOFMEMORY;
        }
        memcpy(to->bin, from->bin, from->cb);
        to->cb = from->cb;
    }
    return S_OK;
}

HRESULT standin_account_set_prop(struct standin_account *account, const struct standin_prop *value)
{
    struct standin_prop copy, *grown;
    DWORD i;
    HRESULT hr;

    if (FAILED(hr = copy_prop(value, &copy))) return hr;
    for (i = 0; i < account->prop_count; i++)
    {
        if (account->props[i].tag != value->tag) continue;
        free(account->props[i].str);
        free(account->props[i].bin);
        account->props[i] = copy;
        return S_OK;
    }
    if (!(grown = realloc(account->props, (account->prop_count + 1) * sizeof(*grown))))
    {
        free(copy.str);
        free(copy.bin);
        return E_OUTOFMEMORY;
    }
    account->props = grown;
    account->props[account->prop_count++] = copy;
    return S_OK;
}

struct standin_order *standin_data_order(struct standin_data *data, const WCHAR *profile, DWORD category)
{
    DWORD i;

    for (i = 0; i < data->order_count; i++)
        if (data->orders[i].category == category
            && CompareStringOrdinal(data->orders[i].profile, -1, profile, -1, TRUE) == CSTR_EQUAL)
            return &data->orders[i];
    return NULL;
}

HRESULT standin_data_set_order(struct standin_data *data, const WCHAR *profile, DWORD category,
                               const DWORD *ids, DWORD count)
{
    struct standin_order *order = standin_data_order(data, profile, category), *grown;
    DWORD *copy = malloc((count + 1) * sizeof(DWORD));

    if (!copy) return E_OUTOFMEMORY;
    if (count) memcpy(copy, ids, count * sizeof(DWORD));
    if (!order)
    {
        if (!(grown = realloc(data->orders, (data->order_count + 1) * sizeof(*grown))))
        {
            free(copy);
            return E_OUTOFMEMORY;
        }
        data->orders = grown;
        order = &data->orders[data->order_count];
        memset(order, 0, sizeof(*order));
        if (!(order->profile = _wcsdup(profile)))
        {
            free(copy);
            return E_OUTOFMEMORY;
        }
        order->category = category;
        data->order_count++;
    }
    free(order->ids);
    order->ids = copy;
    order->count = count;
    return S_OK;
}
