/*
 * The account model: what reads, changes, orders, deletes and watches the
 * accounts of a profile through Outlook's Account Management API, on top of
 * the account vocabulary. olkacct is one front end on it; the automation
 * objects use it unchanged.
 *
 * Built to the DLL's standards: no C runtime I/O, no USER32, every
 * allocation through olk_alloc (memory.h), so that a test can fail any one.
 *
 * Ownership: what a function fills in (records, lists, order arrays, a
 * watch) belongs to the caller, who frees it with the matching *_free or
 * olk_watch_stop; the Account Management API's own memory is always freed
 * with its FreeMemory before a function returns. Interfaces passed in are
 * borrowed; interfaces handed out are AddRef'd.
 *
 * Threads: the functions keep no state between calls but what they hand
 * out, so they may be called from any thread the account manager allows. A
 * watch's sink is free-threaded (the manager may notify from any thread);
 * its callback runs on the notifying thread.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLK_ACCOUNT_MODEL_H
#define OLK_ACCOUNT_MODEL_H

#include "account_vocabulary.h"

/* ---- opening the manager -------------------------------------------------- */

enum olk_open_step
{
    OLK_OPEN_CREATE,    /* CoCreateInstance(CLSID_OlkAccountManager) failed */
    OLK_OPEN_INIT,      /* IOlkAccountManager::Init failed */
};

/* CoCreateInstance(CLSID_OlkAccountManager, CLSCTX_INPROC_SERVER) and
 * Init(helper, ACCT_INIT_NOSYNCH_MAPI_ACCTS). On failure *manager is NULL
 * and *step says which call failed. */
HRESULT olk_manager_open(IOlkAccountHelper *helper, IOlkAccountManager **manager, enum olk_open_step *step);

/* ---- values and records ----------------------------------------------------- */

/* type 0: the account does not have the property (E_ACCT_NOT_FOUND). A
 * secret's value is never kept: type PT_UNICODE with str NULL means "set". */
struct olk_value
{
    DWORD type;         /* PT_LONG, PT_UNICODE or PT_BINARY */
    DWORD dw;
    WCHAR *str;
    BYTE *bin;
    DWORD cb;
};

struct olk_account_record
{
    CLSID type;
    DWORD categories;   /* enum olk_category bits */
    struct olk_value values[OLK_PROP_COUNT];
};

struct olk_account_list
{
    DWORD count;
    DWORD capacity;
    struct olk_account_record *items;
};

void olk_value_free(struct olk_value *value);
BOOL olk_value_equal(const struct olk_value *a, const struct olk_value *b);
HRESULT olk_value_copy(const struct olk_value *from, struct olk_value *to);

/* GetAccountInfo and every documented property. On failure *step names the
 * Account Management API call, or is NULL when memory ran out. */
HRESULT olk_account_read(IOlkAccount *account, struct olk_account_record *record, const char **step);
void olk_account_record_free(struct olk_account_record *record);

/* Enumerates each category in categories (enum olk_category bits) in the
 * order mail, address book, store. An account is listed once, in the first
 * of these categories that GetAccountInfo reports for it, with all its
 * categories; accounts are never merged by PROP_ACCT_ID. Reading is linear in
 * the number of accounts and limited only by memory and by each enumerator's
 * GetCount (an enumerator that returns more accounts is an error).
 *
 * On failure the list is emptied and the HRESULT returned: *step names the
 * Account Management API call that failed, or is NULL when memory ran out. */
HRESULT olk_accounts_read(IOlkAccountManager *manager, DWORD categories, struct olk_account_list *list,
                          const char **step);
void olk_account_list_free(struct olk_account_list *list);

/* ---- finding an account ----------------------------------------------------- */

/* FindAccount(PROP_ACCT_ID): E_ACCT_NOT_FOUND when there is none. */
HRESULT olk_account_find_id(IOlkAccountManager *manager, DWORD id, IOlkAccount **account);

/* The account whose PROP_ACCT_NAME equals name without regard to case, among
 * every account of every category. *matches is the number of accounts with
 * that name; with exactly one, S_OK and *account. None: E_ACCT_NOT_FOUND.
 * Several: OLK_E_AMBIGUOUS, and ids[0..min(*matches, max_ids)) their IDs. */
#define OLK_E_AMBIGUOUS MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x0301)
HRESULT olk_account_find_name(IOlkAccountManager *manager, const WCHAR *name, IOlkAccount **account,
                              DWORD *matches, DWORD *ids, DWORD max_ids);

/* ---- parsing and changing values ------------------------------------------ */

enum olk_parse_error
{
    OLK_PARSE_OK,
    OLK_PARSE_EMPTY,            /* no value */
    OLK_PARSE_NOT_NUMBER,       /* PT_LONG: neither a number nor a documented name */
    OLK_PARSE_TOO_BIG,          /* PT_LONG: 2^32 or more */
    OLK_PARSE_NOT_DOCUMENTED,   /* PT_LONG with documented alternatives: not one of them */
    OLK_PARSE_UNKNOWN_BITS,     /* bits outside the documented ones */
    OLK_PARSE_NOT_HEX,          /* PT_BINARY: not an even number of hex digits */
};

/* The property whose JSON member is name (without regard to case), or NULL. */
const struct olk_account_prop *olk_prop_by_json(const WCHAR *name, size_t len);

/* Parses text as a value of prop, by its type and documented range: a
 * number (decimal or 0x hex) or documented name(s), joined with '|' for bits;
 * text; hex bytes. E_INVALIDARG with *error set, or E_OUTOFMEMORY. */
HRESULT olk_value_parse(const struct olk_account_prop *prop, const WCHAR *text, struct olk_value *value,
                        enum olk_parse_error *error);

struct olk_change
{
    const struct olk_account_prop *prop;
    struct olk_value value;
};

enum olk_set_flags
{
    OLK_SET_ALLOW_READ_ONLY = 0x1,  /* try properties documented read-only (outside the contract) */
};

/* Checks every change first (E_INVALIDARG: a value of the wrong type; E_OLK_PROP_READ_ONLY: documented
 * read-only without OLK_SET_ALLOW_READ_ONLY), then SetProp for each and one SaveChanges. No SetProp is made
 * unless all pass; no SaveChanges unless every SetProp succeeded. On failure *failed is the index of the
 * change at fault, or count when SaveChanges failed. */
HRESULT olk_account_set(IOlkAccount *account, const struct olk_change *changes, DWORD count, DWORD flags,
                        DWORD *failed);

/* ---- deleting, ordering ----------------------------------------------------- */

HRESULT olk_account_delete(IOlkAccountManager *manager, DWORD id);

/* GetOrder for a category (one enum olk_category bit): *ids is olk_alloc'd,
 * free with olk_free. */
HRESULT olk_order_get(IOlkAccountManager *manager, DWORD category, DWORD **ids, DWORD *count);

/* SetOrder; mail (and anything but addressbook or store) is refused with
 * E_OLK_PARAM_NOT_SUPPORTED before the manager is called, as SetOrder is
 * documented only for those two. */
HRESULT olk_order_set(IOlkAccountManager *manager, DWORD category, const DWORD *ids, DWORD count);

/* ---- notifications ------------------------------------------------------------ */

/* notify: NOTIFY_ACCT_CHANGED, _CREATED, _DELETED, _ORDER_CHANGED or _PREDELETED. */
typedef void (*olk_notify_callback)(void *context, DWORD notify, DWORD id, DWORD flags);

struct olk_watch;

/* Advise with a sink that calls callback. */
HRESULT olk_watch_start(IOlkAccountManager *manager, olk_notify_callback callback, void *context,
                        struct olk_watch **watch);

/* Unadvise, then releases the sink (which never calls back after this
 * returns) and frees the watch. Returns Unadvise's HRESULT. */
HRESULT olk_watch_stop(struct olk_watch *watch);

/* The name of a notification code ("changed", "created", "deleted",
 * "order-changed", "pre-deleted"), or NULL. */
const char *olk_notify_name(DWORD notify);

#endif
