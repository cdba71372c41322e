/*
 * IOlkAccount for one account of the data file: GetAccountInfo, GetProp,
 * SetProp (staged on the object, type-checked, read-only properties refused
 * as documented), SaveChanges (through the manager, which writes the data
 * file) and FreeMemory; everything else is not implemented.
 *
 * OLK_STANDIN_READ_ONLY plays the parts Outlook might take outside its
 * documented contract for a property documented read-only: unset or
 * "refuse", E_OLK_PROP_READ_ONLY; "accept", kept like any other; "ignore",
 * SetProp succeeds and the value is dropped.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include "account_vocabulary.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct standin_account_object
{
    IOlkAccount IOlkAccount_iface;
    LONG refcount;
    struct standin_manager *manager;
    struct standin_account *account;
    CRITICAL_SECTION cs;            /* the staged changes */
    struct standin_prop *staged;    /* SetProp's, until SaveChanges */
    DWORD staged_count;
};

static void free_staged(struct standin_account_object *object)
{
    while (object->staged_count)
    {
        struct standin_prop *prop = &object->staged[--object->staged_count];

        free(prop->str);
        free(prop->bin);
    }
    free(object->staged);
    object->staged = NULL;
}

static inline struct standin_account_object *impl_from_IOlkAccount(IOlkAccount *iface)
{
    return CONTAINING_RECORD(iface, struct standin_account_object, IOlkAccount_iface);
}

static HRESULT STDMETHODCALLTYPE account_QueryInterface(IOlkAccount *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOlkErrorUnknown)
        || IsEqualIID(riid, &IID_IOlkAccount))
    {
        *ppv = iface;
        IOlkAccount_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE account_AddRef(IOlkAccount *iface)
{
    return InterlockedIncrement(&impl_from_IOlkAccount(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE account_Release(IOlkAccount *iface)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    ULONG refcount = InterlockedDecrement(&object->refcount);

    if (!refcount)
    {
        free_staged(object);
        DeleteCriticalSection(&object->cs);
        standin_manager_release(object->manager);
        free(object);
        standin_unlock();
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE account_GetLastError(IOlkAccount *iface, HRESULT hr, LPWSTR *error)
{
    (void)iface;
    (void)hr;
    if (error) *error = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE account_PlaceHolder(IOlkAccount *iface)
{
    (void)iface;
    return E_NOTIMPL;
}

static const struct { DWORD bit; const CLSID *clsid; } categories[] =
{
    { STANDIN_CAT_MAIL, &CLSID_OlkMail },
    { STANDIN_CAT_ADDRESSBOOK, &CLSID_OlkAddressBook },
    { STANDIN_CAT_STORE, &CLSID_OlkStore },
};

static HRESULT STDMETHODCALLTYPE account_GetAccountInfo(IOlkAccount *iface, CLSID *type, DWORD *count,
                                                        CLSID **array)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    DWORD bits = standin_account_categories(object->account), n = 0;
    size_t i;

    if (!type || !count || !array) return E_INVALIDARG;
    *count = 0;
    *array = standin_tracker_alloc(standin_manager_tracker(object->manager), ARRAYSIZE(categories) * sizeof(CLSID));
    if (!*array) return E_OUTOFMEMORY;
    for (i = 0; i < ARRAYSIZE(categories); i++)
        if (bits & categories[i].bit) (*array)[n++] = *categories[i].clsid;
    *count = n;
    *type = object->account->type;
    return S_OK;
}

static HRESULT copy_out(struct standin_tracker *tracker, const void *data, size_t size, void **out)
{
    if (!(*out = standin_tracker_alloc(tracker, size))) return E_OUTOFMEMORY;
    if (size) memcpy(*out, data, size);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE account_GetProp(IOlkAccount *iface, DWORD tag, ACCT_VARIANT *var)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    struct standin_tracker *tracker = standin_manager_tracker(object->manager);
    const struct standin_prop *prop;
    HRESULT hr = S_OK;

    if (!var) return E_INVALIDARG;
    memset(var, 0, sizeof(*var));
    standin_manager_lock(object->manager);
    if (!(prop = standin_account_prop(object->account, tag))) hr = E_ACCT_NOT_FOUND;
    else
    {
        var->dwType = PROP_TYPE(tag) & ~SECURE_FLAG;
        if (var->dwType == PT_LONG) var->Val.dw = prop->dw;
        else if (var->dwType == PT_UNICODE)
            hr = copy_out(tracker, prop->str, (wcslen(prop->str) + 1) * sizeof(WCHAR), (void **)&var->Val.pwsz);
        else
        {
            var->Val.bin.cb = prop->cb;
            hr = copy_out(tracker, prop->bin, prop->cb, (void **)&var->Val.bin.pb);
        }
    }
    standin_manager_unlock(object->manager);
    if (FAILED(hr)) memset(var, 0, sizeof(*var));
    return hr;
}

enum read_only_part { READ_ONLY_REFUSE, READ_ONLY_ACCEPT, READ_ONLY_IGNORE };

static enum read_only_part read_only_part(void)
{
    char value[16];
    DWORD n = GetEnvironmentVariableA("OLK_STANDIN_READ_ONLY", value, sizeof(value));

    if (!n || n >= sizeof(value)) return READ_ONLY_REFUSE;
    if (!_stricmp(value, "accept")) return READ_ONLY_ACCEPT;
    if (!_stricmp(value, "ignore")) return READ_ONLY_IGNORE;
    return READ_ONLY_REFUSE;
}

/* A value the data file can hold: one line, as the parser trims it. */
static BOOL storable(const WCHAR *s)
{
    size_t len = wcslen(s);

    return !wcspbrk(s, L"\r\n") && (!len || (s[0] != ' ' && s[0] != '\t' && s[len - 1] != ' ' && s[len - 1] != '\t'));
}

static HRESULT stage(struct standin_account_object *object, DWORD tag, const ACCT_VARIANT *var)
{
    struct standin_prop prop, *grown;
    DWORD i;

    memset(&prop, 0, sizeof(prop));
    prop.tag = tag;
    if (var->dwType == PT_LONG) prop.dw = var->Val.dw;
    else if (var->dwType == PT_UNICODE && !(prop.str = _wcsdup(var->Val.pwsz))) return E_OUTOFMEMORY;
    else if (var->dwType == PT_BINARY)
    {
        if (!(prop.bin = malloc(var->Val.bin.cb ? var->Val.bin.cb : 1))) return E_OUTOFMEMORY;
        if (var->Val.bin.cb) memcpy(prop.bin, var->Val.bin.pb, var->Val.bin.cb);
        prop.cb = var->Val.bin.cb;
    }
    EnterCriticalSection(&object->cs);
    for (i = 0; i < object->staged_count && object->staged[i].tag != tag; i++) {}
    if (i == object->staged_count)
    {
        if (!(grown = realloc(object->staged, (i + 1) * sizeof(*grown))))
        {
            LeaveCriticalSection(&object->cs);
            free(prop.str);
            free(prop.bin);
            return E_OUTOFMEMORY;
        }
        object->staged = grown;
        object->staged_count++;
    }
    else
    {
        free(object->staged[i].str);
        free(object->staged[i].bin);
    }
    object->staged[i] = prop;
    LeaveCriticalSection(&object->cs);
    return S_OK;
}

/* The documented properties only, each with its own type. */
static HRESULT STDMETHODCALLTYPE account_SetProp(IOlkAccount *iface, DWORD tag, ACCT_VARIANT *var)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    const struct olk_account_prop *prop = olk_account_prop_by_tag(tag);

    if (!var) return E_INVALIDARG;
    if (!prop) return E_OLK_PARAM_NOT_SUPPORTED;
    if (var->dwType != prop->type) return E_INVALIDARG;
    if (var->dwType == PT_UNICODE && (!var->Val.pwsz || !storable(var->Val.pwsz))) return E_INVALIDARG;
    if (var->dwType == PT_BINARY && var->Val.bin.cb && !var->Val.bin.pb) return E_INVALIDARG;
    if (prop->access == OLK_PROP_READ_ONLY)
    {
        enum read_only_part part = read_only_part();

        if (part == READ_ONLY_REFUSE) return E_OLK_PROP_READ_ONLY;
        if (part == READ_ONLY_IGNORE) return S_OK;
    }
    return stage(object, tag, var);
}

static HRESULT STDMETHODCALLTYPE account_FreeMemory(IOlkAccount *iface, BYTE *pv)
{
    return standin_tracker_free(standin_manager_tracker(impl_from_IOlkAccount(iface)->manager), pv);
}

/* The staged changes are dropped either way: what failed is not retried. */
static HRESULT STDMETHODCALLTYPE account_SaveChanges(IOlkAccount *iface, DWORD flags)
{
    struct standin_account_object *object = impl_from_IOlkAccount(iface);
    HRESULT hr;

    if (flags) return E_INVALIDARG;
    EnterCriticalSection(&object->cs);
    hr = standin_manager_save_account(object->manager, object->account, object->staged, object->staged_count);
    free_staged(object);
    LeaveCriticalSection(&object->cs);
    return hr;
}

static const IOlkAccountVtbl account_vtbl =
{
    account_QueryInterface,
    account_AddRef,
    account_Release,
    account_GetLastError,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_GetAccountInfo,
    account_GetProp,
    account_SetProp,
    account_PlaceHolder,
    account_PlaceHolder,
    account_PlaceHolder,
    account_FreeMemory,
    account_PlaceHolder,
    account_SaveChanges,
};

HRESULT standin_account_create(struct standin_manager *manager, struct standin_account *account,
                               IOlkAccount **out)
{
    struct standin_account_object *object = calloc(1, sizeof(*object));

    *out = NULL;
    if (!object) return E_OUTOFMEMORY;
    object->IOlkAccount_iface.lpVtbl = &account_vtbl;
    object->refcount = 1;
    object->manager = manager;
    object->account = account;
    InitializeCriticalSection(&object->cs);
    standin_manager_addref(manager);
    standin_lock();
    *out = &object->IOlkAccount_iface;
    return S_OK;
}
