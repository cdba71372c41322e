/*
 * The stand-in IOlkAccountManager: Init checks the helper as Outlook uses it,
 * the profile it names selects the accounts, and the final Release hands the
 * session back (HandsOffSession) as Outlook does when it is done.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum init_state { STATE_NEW, STATE_INITIALIZING, STATE_READY };

struct standin_manager
{
    IOlkAccountManager IOlkAccountManager_iface;
    LONG refcount;
    LONG state;
    IOlkAccountHelper *helper;
    WCHAR *profile;
    struct standin_data *data;
    struct standin_account **accounts;   /* those of the profile, not deleted */
    DWORD account_count;
    struct standin_tracker *tracker;
    CRITICAL_SECTION cs;                /* the data and the sinks, once ready */
    struct sink { DWORD cookie; IOlkAccountNotify *notify; } *sinks;
    DWORD sink_count;
    DWORD next_cookie;
    struct standin_watcher *watcher;    /* from the first Advise */
};

static inline struct standin_manager *impl_from_IOlkAccountManager(IOlkAccountManager *iface)
{
    return CONTAINING_RECORD(iface, struct standin_manager, IOlkAccountManager_iface);
}

static BOOL is_ready(struct standin_manager *manager)
{
    return InterlockedCompareExchange(&manager->state, STATE_READY, STATE_READY) == STATE_READY;
}

void standin_manager_addref(struct standin_manager *manager)
{
    IOlkAccountManager_AddRef(&manager->IOlkAccountManager_iface);
}

void standin_manager_release(struct standin_manager *manager)
{
    IOlkAccountManager_Release(&manager->IOlkAccountManager_iface);
}

struct standin_tracker *standin_manager_tracker(struct standin_manager *manager)
{
    return manager->tracker;
}

void standin_manager_lock(struct standin_manager *manager)
{
    EnterCriticalSection(&manager->cs);
}

void standin_manager_unlock(struct standin_manager *manager)
{
    LeaveCriticalSection(&manager->cs);
}

/* Calls every sink Advise registered, outside the lock: a sink may call back
 * into the manager. Notifications reach the sinks of this process only. */
static void notify_sinks(struct standin_manager *manager, DWORD notify, DWORD id)
{
    IOlkAccountNotify **sinks;
    DWORD count, i;

    EnterCriticalSection(&manager->cs);
    count = manager->sink_count;
    if ((sinks = calloc(count + 1, sizeof(*sinks))))
        for (i = 0; i < count; i++)
        {
            sinks[i] = manager->sinks[i].notify;
            IOlkAccountNotify_AddRef(sinks[i]);
        }
    LeaveCriticalSection(&manager->cs);
    if (!sinks) return;
    for (i = 0; i < count; i++)
    {
        IOlkAccountNotify_Notify(sinks[i], notify, id, 0);
        IOlkAccountNotify_Release(sinks[i]);
    }
    free(sinks);
}

static DWORD account_id(const struct standin_account *account)
{
    const struct standin_prop *id = standin_account_prop(account, PROP_ACCT_ID);

    return id ? id->dw : 0;
}

HRESULT standin_manager_save_account(struct standin_manager *manager, struct standin_account *account,
                                     const struct standin_prop *changes, DWORD count)
{
    HRESULT hr = S_OK;
    DWORD i;

    EnterCriticalSection(&manager->cs);
    if (account->deleted) hr = E_ACCT_NOT_FOUND;
    for (i = 0; i < count && SUCCEEDED(hr); i++) hr = standin_account_set_prop(account, &changes[i]);
    if (SUCCEEDED(hr)) hr = standin_data_save(manager->data);
    LeaveCriticalSection(&manager->cs);
    if (SUCCEEDED(hr)) notify_sinks(manager, NOTIFY_ACCT_CHANGED, account_id(account));
    return hr;
}

static HRESULT STDMETHODCALLTYPE manager_QueryInterface(IOlkAccountManager *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOlkErrorUnknown)
        || IsEqualIID(riid, &IID_IOlkAccountManager))
    {
        *ppv = iface;
        IOlkAccountManager_AddRef(iface);
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE manager_AddRef(IOlkAccountManager *iface)
{
    return InterlockedIncrement(&impl_from_IOlkAccountManager(iface)->refcount);
}

/* Outlook's manager, when done, tells the helper it may let the session go. */
static void hand_back_helper(struct standin_manager *manager)
{
    HRESULT hr;

    if (!manager->helper) return;
    hr = IOlkAccountHelper_HandsOffSession(manager->helper);
    if (hr != S_OK && hr != E_NOTIMPL)
        fprintf(stderr, "olkstubacctmgr: HandsOffSession returned 0x%08lx\n", (unsigned long)hr);
    IOlkAccountHelper_Release(manager->helper);
    manager->helper = NULL;
}

static void destroy(struct standin_manager *manager)
{
    LONG outstanding;

    /* A client unadvises before its last Release, so the watcher calls no sink now. */
    standin_watcher_stop(manager->watcher);
    hand_back_helper(manager);
    outstanding = standin_tracker_outstanding(manager->tracker);
    if (outstanding)
        standin_violation("%ld GetProp/GetAccountInfo/GetOrder results never freed with FreeMemory",
                          (long)outstanding);
    standin_report(outstanding);
    standin_tracker_destroy(manager->tracker);
    while (manager->sink_count)
    {
        manager->sink_count--;
        IOlkAccountNotify_Release(manager->sinks[manager->sink_count].notify);
    }
    free(manager->sinks);
    DeleteCriticalSection(&manager->cs);
    standin_data_free(manager->data);
    free(manager->accounts);
    free(manager->profile);
    free(manager);
    standin_unlock();
}

static ULONG STDMETHODCALLTYPE manager_Release(IOlkAccountManager *iface)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    ULONG refcount = InterlockedDecrement(&manager->refcount);

    if (!refcount) destroy(manager);
    return refcount;
}

static HRESULT STDMETHODCALLTYPE manager_GetLastError(IOlkAccountManager *iface, HRESULT hr, LPWSTR *error)
{
    (void)iface;
    (void)hr;
    if (error) *error = NULL;
    return E_NOTIMPL;
}

static HRESULT select_profile_accounts(struct standin_manager *manager)
{
    DWORD i;

    manager->accounts = calloc(manager->data->count + 1, sizeof(*manager->accounts));
    if (!manager->accounts) return E_OUTOFMEMORY;
    for (i = 0; i < manager->data->count; i++)
    {
        struct standin_account *account = &manager->data->accounts[i];

        if (CompareStringOrdinal(account->profile, -1, manager->profile, -1, TRUE) == CSTR_EQUAL)
            manager->accounts[manager->account_count++] = account;
    }
    return S_OK;
}

static HRESULT initialize(struct standin_manager *manager)
{
    HRESULT hr;

    if (FAILED(hr = standin_check_helper(manager->helper, &manager->profile))) return hr;
    if (FAILED(hr = standin_data_load_from_env(&manager->data))) return hr;
    return select_profile_accounts(manager);
}

static void undo_initialize(struct standin_manager *manager)
{
    IOlkAccountHelper_Release(manager->helper);
    manager->helper = NULL;
    free(manager->profile);
    manager->profile = NULL;
    standin_data_free(manager->data);
    manager->data = NULL;
    free(manager->accounts);
    manager->accounts = NULL;
    manager->account_count = 0;
}

static HRESULT STDMETHODCALLTYPE manager_Init(IOlkAccountManager *iface, IOlkAccountHelper *helper, DWORD flags)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    HRESULT hr;

    /* Outlook's flags change how it syncs with MAPI; the stand-in has nothing to sync. */
    (void)flags;
    if (!helper) return E_INVALIDARG;
    if (InterlockedCompareExchange(&manager->state, STATE_INITIALIZING, STATE_NEW) != STATE_NEW)
        return E_OLK_ALREADY_INITIALIZED;
    manager->helper = helper;
    IOlkAccountHelper_AddRef(helper);
    if (FAILED(hr = initialize(manager)))
    {
        undo_initialize(manager);
        InterlockedExchange(&manager->state, STATE_NEW);
        return hr;
    }
    InterlockedExchange(&manager->state, STATE_READY);
    return S_OK;
}

/* The documented contract: the last four parameters are unused and must be
 * NULL or 0, and the Data Files tab belongs to Account Settings, not to the
 * wizard. The window and its results: dialog.c. */
static HRESULT STDMETHODCALLTYPE manager_DisplayAccountList(IOlkAccountManager *iface, HWND hwnd, DWORD flags,
                                                            LPCWSTR title, DWORD count, const CLSID *categories,
                                                            const CLSID *type)
{
    static const DWORD known = ACCTUI_NO_WARNING | ACCTUI_SHOW_DATA_TAB | ACCTUI_SHOW_ACCTWIZARD;
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);

    if (title || count || categories || type) return MAPI_E_INVALID_PARAMETER;
    if ((flags & ~known) || ((flags & ACCTUI_SHOW_DATA_TAB) && (flags & ACCTUI_SHOW_ACCTWIZARD)))
        return MAPI_E_INVALID_PARAMETER;
    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    return standin_dialog_show(hwnd, flags, manager->helper, manager->profile,
                               (const struct standin_account *const *)manager->accounts, manager->account_count);
}

static HRESULT STDMETHODCALLTYPE manager_PlaceHolder(IOlkAccountManager *iface)
{
    (void)iface;
    return E_NOTIMPL;
}

static BOOL account_matches(const struct standin_account *account, DWORD prop, const ACCT_VARIANT *var)
{
    const struct standin_prop *p = standin_account_prop(account, prop);

    return p && var->dwType == PT_LONG && p->dw == var->Val.dw;
}

/* The documented keys: PROP_ACCT_ID, or PROP_ACCT_IS_EXCH (the first match). */
static HRESULT STDMETHODCALLTYPE manager_FindAccount(IOlkAccountManager *iface, DWORD prop, ACCT_VARIANT *var,
                                                     IOlkAccount **account)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    HRESULT hr;
    DWORD i;

    if (!account) return E_INVALIDARG;
    *account = NULL;
    if (!var) return E_INVALIDARG;
    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    if (prop != PROP_ACCT_ID && prop != PROP_ACCT_IS_EXCH) return E_OLK_PARAM_NOT_SUPPORTED;
    EnterCriticalSection(&manager->cs);
    for (i = 0; i < manager->account_count; i++)
        if (account_matches(manager->accounts[i], prop, var)) break;
    hr = i < manager->account_count ? standin_account_create(manager, manager->accounts[i], account)
                                    : E_ACCT_NOT_FOUND;
    LeaveCriticalSection(&manager->cs);
    return hr;
}

static DWORD find_index(struct standin_manager *manager, DWORD id)
{
    DWORD i;

    for (i = 0; i < manager->account_count; i++)
        if (standin_account_prop(manager->accounts[i], PROP_ACCT_ID) && account_id(manager->accounts[i]) == id)
            return i;
    return MAXDWORD;
}

/* Pre-deleted, then the account leaves the profile and the file, then deleted. */
static HRESULT STDMETHODCALLTYPE manager_DeleteAccount(IOlkAccountManager *iface, DWORD id)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    struct standin_account *account;
    DWORD i;
    HRESULT hr;

    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    EnterCriticalSection(&manager->cs);
    i = find_index(manager, id);
    LeaveCriticalSection(&manager->cs);
    if (i == MAXDWORD) return E_ACCT_NOT_FOUND;
    notify_sinks(manager, NOTIFY_ACCT_PREDELETED, id);
    EnterCriticalSection(&manager->cs);
    if ((i = find_index(manager, id)) == MAXDWORD) hr = E_ACCT_NOT_FOUND;
    else
    {
        account = manager->accounts[i];
        account->deleted = TRUE;
        if (FAILED(hr = standin_data_save(manager->data))) account->deleted = FALSE;
        else
        {
            memmove(&manager->accounts[i], &manager->accounts[i + 1],
                    (manager->account_count - i - 1) * sizeof(*manager->accounts));
            manager->account_count--;
        }
    }
    LeaveCriticalSection(&manager->cs);
    if (SUCCEEDED(hr)) notify_sinks(manager, NOTIFY_ACCT_DELETED, id);
    return hr;
}

static HRESULT STDMETHODCALLTYPE manager_SaveChanges(IOlkAccountManager *iface, DWORD id, DWORD flags)
{
    (void)iface;
    (void)id;
    (void)flags;
    return E_NOTIMPL;
}

static HRESULT category_bit(const CLSID *category, DWORD *bit)
{
    if (!category) *bit = STANDIN_CAT_MAIL | STANDIN_CAT_ADDRESSBOOK | STANDIN_CAT_STORE;
    else if (IsEqualCLSID(category, &CLSID_OlkMail)) *bit = STANDIN_CAT_MAIL;
    else if (IsEqualCLSID(category, &CLSID_OlkAddressBook)) *bit = STANDIN_CAT_ADDRESSBOOK;
    else if (IsEqualCLSID(category, &CLSID_OlkStore)) *bit = STANDIN_CAT_STORE;
    else return E_INVALIDARG;
    return S_OK;
}

static BOOL in_category(struct standin_manager *manager, DWORD bit, DWORD id)
{
    DWORD i = find_index(manager, id);

    return i != MAXDWORD && (standin_account_categories(manager->accounts[i]) & bit);
}

static BOOL listed(const DWORD *ids, DWORD count, DWORD id)
{
    DWORD i;

    for (i = 0; i < count; i++)
        if (ids[i] == id) return TRUE;
    return FALSE;
}

/* The category's accounts (by ID): those of the saved order first, as
 * SetOrder left them, then the others in file order. ids has room for all. */
static DWORD category_order(struct standin_manager *manager, DWORD bit, DWORD *ids)
{
    const struct standin_order *order = standin_data_order(manager->data, manager->profile, bit);
    DWORD i, n = 0;

    for (i = 0; order && i < order->count; i++)
        if (in_category(manager, bit, order->ids[i]) && !listed(ids, n, order->ids[i])) ids[n++] = order->ids[i];
    for (i = 0; i < manager->account_count; i++)
    {
        const struct standin_prop *id = standin_account_prop(manager->accounts[i], PROP_ACCT_ID);

        if (id && (standin_account_categories(manager->accounts[i]) & bit) && !listed(ids, n, id->dw))
            ids[n++] = id->dw;
    }
    return n;
}

static HRESULT STDMETHODCALLTYPE manager_GetOrder(IOlkAccountManager *iface, const CLSID *category, DWORD *count,
                                                  DWORD **ids)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    DWORD bit, n = 0;
    HRESULT hr;

    if (!count || !ids) return E_INVALIDARG;
    *count = 0;
    *ids = NULL;
    if (!category) return E_INVALIDARG;
    if (FAILED(hr = category_bit(category, &bit))) return hr;
    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    EnterCriticalSection(&manager->cs);
    if ((*ids = standin_tracker_alloc(manager->tracker, (manager->account_count + 1) * sizeof(DWORD))))
        n = category_order(manager, bit, *ids);
    LeaveCriticalSection(&manager->cs);
    if (!*ids) return E_OUTOFMEMORY;
    *count = n;
    return S_OK;
}

/* Documented for the address-book and store categories only; the IDs must
 * be exactly the category's accounts. */
static HRESULT STDMETHODCALLTYPE manager_SetOrder(IOlkAccountManager *iface, const CLSID *category, DWORD count,
                                                  DWORD *ids)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    DWORD bit, i, n, *current;
    HRESULT hr = S_OK;

    if (!category || (count && !ids)) return E_INVALIDARG;
    if (FAILED(hr = category_bit(category, &bit))) return hr;
    if (bit != STANDIN_CAT_ADDRESSBOOK && bit != STANDIN_CAT_STORE) return E_OLK_PARAM_NOT_SUPPORTED;
    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    EnterCriticalSection(&manager->cs);
    if (!(current = calloc(manager->account_count + 1, sizeof(DWORD)))) hr = E_OUTOFMEMORY;
    else
    {
        n = category_order(manager, bit, current);
        if (n != count) hr = E_ACCT_WRONG_SORT_ORDER;
        for (i = 0; i < count && SUCCEEDED(hr); i++)
            if (!listed(current, n, ids[i]) || listed(ids, i, ids[i])) hr = E_ACCT_WRONG_SORT_ORDER;
        if (SUCCEEDED(hr)) hr = standin_data_set_order(manager->data, manager->profile, bit, ids, count);
        if (SUCCEEDED(hr)) hr = standin_data_save(manager->data);
        free(current);
    }
    LeaveCriticalSection(&manager->cs);
    if (SUCCEEDED(hr)) notify_sinks(manager, NOTIFY_ACCT_ORDER_CHANGED, 0);
    return hr;
}

static BOOL is_known_type(const CLSID *type)
{
    return IsEqualCLSID(type, &CLSID_OlkPOP3Account) || IsEqualCLSID(type, &CLSID_OlkIMAP4Account)
        || IsEqualCLSID(type, &CLSID_OlkMAPIAccount) || IsEqualCLSID(type, &CLSID_OlkHotmailAccount)
        || IsEqualCLSID(type, &CLSID_OlkLDAPAccount);
}

static HRESULT STDMETHODCALLTYPE manager_EnumerateAccounts(IOlkAccountManager *iface, const CLSID *category,
                                                           const CLSID *type, DWORD flags, IOlkEnum **out)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    struct standin_account **selected;
    DWORD bit, i, n = 0;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (FAILED(hr = category_bit(category, &bit))) return hr;
    if (type && !is_known_type(type)) return E_INVALIDARG;
    if (flags != OLK_ACCOUNT_NO_FLAGS) return E_OLK_PARAM_NOT_SUPPORTED;
    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    EnterCriticalSection(&manager->cs);
    if (!(selected = calloc(manager->account_count + 1, sizeof(*selected))))
    {
        LeaveCriticalSection(&manager->cs);
        return E_OUTOFMEMORY;
    }
    for (i = 0; i < manager->account_count; i++)
    {
        struct standin_account *account = manager->accounts[i];

        if (!(standin_account_categories(account) & bit)) continue;
        if (type && !IsEqualCLSID(type, &account->type)) continue;
        selected[n++] = account;
    }
    hr = standin_enum_create(manager, selected, n, out);
    LeaveCriticalSection(&manager->cs);
    free(selected);
    return hr;
}

static HRESULT STDMETHODCALLTYPE manager_FreeMemory(IOlkAccountManager *iface, BYTE *pv)
{
    return standin_tracker_free(impl_from_IOlkAccountManager(iface)->tracker, pv);
}

static HRESULT STDMETHODCALLTYPE manager_Advise(IOlkAccountManager *iface, IOlkAccountNotify *notify, DWORD *cookie)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    struct sink *grown;
    HRESULT hr = S_OK;

    if (!cookie) return E_INVALIDARG;
    *cookie = 0;
    if (!notify) return E_INVALIDARG;
    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    EnterCriticalSection(&manager->cs);
    if (!(grown = realloc(manager->sinks, (manager->sink_count + 1) * sizeof(*grown)))) hr = E_OUTOFMEMORY;
    else
    {
        manager->sinks = grown;
        grown[manager->sink_count].cookie = *cookie = ++manager->next_cookie;
        grown[manager->sink_count++].notify = notify;
        IOlkAccountNotify_AddRef(notify);
        if (!manager->watcher && manager->data->path)
            standin_watcher_start(manager, manager->data->path, &manager->watcher);
    }
    LeaveCriticalSection(&manager->cs);
    return hr;
}

#define SWAP(type, a, b) do { type swapped_ = (a); (a) = (b); (b) = swapped_; } while (0)

BOOL standin_manager_file_known(struct standin_manager *manager, const char *text, size_t len)
{
    BOOL known;

    EnterCriticalSection(&manager->cs);
    known = manager->data->raw && manager->data->raw_len == len && !memcmp(manager->data->raw, text, len);
    LeaveCriticalSection(&manager->cs);
    return known;
}

static BOOL same_props(const struct standin_account *a, const struct standin_account *b)
{
    DWORD i;

    if (a->prop_count != b->prop_count) return FALSE;
    for (i = 0; i < a->prop_count; i++)
    {
        const struct standin_prop *p = &a->props[i], *q = standin_account_prop(b, p->tag);

        if (!q || p->dw != q->dw || p->cb != q->cb || !p->str != !q->str || (p->str && wcscmp(p->str, q->str))
            || (p->cb && memcmp(p->bin, q->bin, p->cb)))
            return FALSE;
    }
    return TRUE;
}

static struct standin_account *find_in(struct standin_data *data, const WCHAR *profile, DWORD id)
{
    DWORD i;

    for (i = 0; i < data->count; i++)
    {
        struct standin_account *a = &data->accounts[i];

        if (standin_account_prop(a, PROP_ACCT_ID) && account_id(a) == id
            && CompareStringOrdinal(a->profile, -1, profile, -1, TRUE) == CSTR_EQUAL)
            return a;
    }
    return NULL;
}

static BOOL same_orders(struct standin_data *a, struct standin_data *b, const WCHAR *profile)
{
    static const DWORD bits[] = { STANDIN_CAT_MAIL, STANDIN_CAT_ADDRESSBOOK, STANDIN_CAT_STORE };
    size_t i;

    for (i = 0; i < ARRAYSIZE(bits); i++)
    {
        const struct standin_order *x = standin_data_order(a, profile, bits[i]), *y = standin_data_order(b, profile, bits[i]);

        if (!x != !y || (x && (x->count != y->count || memcmp(x->ids, y->ids, x->count * sizeof(DWORD)))))
            return FALSE;
    }
    return TRUE;
}

/* Accounts changed or gone, and the orders, take the new file's content;
 * an account another process created is not picked up (no caller creates
 * one: the API cannot). */
void standin_manager_reload(struct standin_manager *manager, struct standin_data *new_data)
{
    DWORD events[64][2], count = 0, i;

    EnterCriticalSection(&manager->cs);
    for (i = 0; i < manager->account_count && count < ARRAYSIZE(events); i++)
    {
        struct standin_account *now = manager->accounts[i], *then = find_in(new_data, manager->profile, account_id(now));

        if (!standin_account_prop(now, PROP_ACCT_ID)) continue;
        if (!then)
        {
            events[count][0] = NOTIFY_ACCT_DELETED;
            events[count++][1] = account_id(now);
            now->deleted = TRUE;
            memmove(&manager->accounts[i], &manager->accounts[i + 1],
                    (manager->account_count - i - 1) * sizeof(*manager->accounts));
            manager->account_count--;
            i--;
            continue;
        }
        if (same_props(now, then)) continue;
        events[count][0] = NOTIFY_ACCT_CHANGED;
        events[count++][1] = account_id(now);
        SWAP(struct standin_prop *, now->props, then->props);
        SWAP(DWORD, now->prop_count, then->prop_count);
    }
    if (!same_orders(manager->data, new_data, manager->profile) && count < ARRAYSIZE(events))
    {
        events[count][0] = NOTIFY_ACCT_ORDER_CHANGED;
        events[count++][1] = 0;
    }
    SWAP(struct standin_order *, manager->data->orders, new_data->orders);
    SWAP(DWORD, manager->data->order_count, new_data->order_count);
    SWAP(char *, manager->data->raw, new_data->raw);
    SWAP(size_t, manager->data->raw_len, new_data->raw_len);
    LeaveCriticalSection(&manager->cs);
    standin_data_free(new_data);
    for (i = 0; i < count; i++) notify_sinks(manager, events[i][0], events[i][1]);
}

static HRESULT STDMETHODCALLTYPE manager_Unadvise(IOlkAccountManager *iface, DWORD cookie)
{
    struct standin_manager *manager = impl_from_IOlkAccountManager(iface);
    IOlkAccountNotify *notify = NULL;
    DWORD i;

    if (!is_ready(manager)) return E_OLK_NOT_INITIALIZED;
    EnterCriticalSection(&manager->cs);
    for (i = 0; i < manager->sink_count && !notify; i++)
    {
        if (manager->sinks[i].cookie != cookie) continue;
        notify = manager->sinks[i].notify;
        manager->sinks[i] = manager->sinks[--manager->sink_count];
    }
    LeaveCriticalSection(&manager->cs);
    if (!notify) return E_INVALIDARG;
    IOlkAccountNotify_Release(notify);
    return S_OK;
}

static const IOlkAccountManagerVtbl manager_vtbl =
{
    manager_QueryInterface,
    manager_AddRef,
    manager_Release,
    manager_GetLastError,
    manager_Init,
    manager_DisplayAccountList,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_FindAccount,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_DeleteAccount,
    manager_PlaceHolder,
    manager_SaveChanges,
    manager_GetOrder,
    manager_SetOrder,
    manager_EnumerateAccounts,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_FreeMemory,
    manager_Advise,
    manager_Unadvise,
    manager_PlaceHolder,
    manager_PlaceHolder,
    manager_PlaceHolder,
};

HRESULT standin_manager_create(REFIID riid, void **ppv)
{
    struct standin_manager *manager;
    HRESULT hr;

    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!(manager = calloc(1, sizeof(*manager)))) return E_OUTOFMEMORY;
    if (FAILED(hr = standin_tracker_create(&manager->tracker)))
    {
        free(manager);
        return hr;
    }
    manager->IOlkAccountManager_iface.lpVtbl = &manager_vtbl;
    manager->refcount = 1;
    InitializeCriticalSection(&manager->cs);
    standin_lock();
    hr = IOlkAccountManager_QueryInterface(&manager->IOlkAccountManager_iface, riid, ppv);
    IOlkAccountManager_Release(&manager->IOlkAccountManager_iface);
    return hr;
}
