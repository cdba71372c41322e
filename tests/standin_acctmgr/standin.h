/*
 * olkstubacctmgr: a test-only stand-in for Outlook's account manager
 * (CLSID_OlkAccountManager). It plays Outlook's part against a helper, checks
 * the helper's documented contract, and serves accounts read from a data file
 * (format in docs/olkacct.md, "Stand-in account data").
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKSTUB_STANDIN_H
#define OLKSTUB_STANDIN_H

#include <windows.h>
#include <objbase.h>
#include <mapidefs.h>
#include <mapicode.h>
#include "olkacct.h"

/* ---- account data (accounts_file.c) ------------------------------------ */

enum standin_category
{
    STANDIN_CAT_MAIL = 0x1,
    STANDIN_CAT_ADDRESSBOOK = 0x2,
    STANDIN_CAT_STORE = 0x4,
};

struct standin_prop
{
    DWORD tag;
    DWORD dw;     /* PT_LONG */
    WCHAR *str;   /* PT_UNICODE */
    BYTE *bin;    /* PT_BINARY */
    DWORD cb;
};

struct standin_account
{
    WCHAR *profile;
    CLSID type;
    DWORD categories;   /* enum standin_category bits, as written in the file */
    DWORD prop_count;
    struct standin_prop *props;
    BOOL deleted;       /* DeleteAccount: kept in memory for live objects, never written */
};

/* An [order] section: a profile's order of one category (SetOrder). */
struct standin_order
{
    WCHAR *profile;
    DWORD category;     /* one enum standin_category bit */
    DWORD count;
    DWORD *ids;
};

struct standin_data
{
    DWORD count;
    struct standin_account *accounts;
    DWORD order_count;
    struct standin_order *orders;
    WCHAR *path;        /* the file it was loaded from (NULL for parsed text) */
    char *raw;          /* the file's bytes as last read or written */
    size_t raw_len;
};

/* Parses UTF-8 text; on a syntax error prints "olkstubacctmgr: <source>:<line>:
 * <what>" on stderr and returns E_OLK_REGISTRY. E_OUTOFMEMORY on allocation
 * failure. */
HRESULT standin_data_parse(const char *text, size_t len, const char *source, struct standin_data **out);

/* Reads the file named by OLK_STANDIN_ACCOUNTS; E_OLK_REGISTRY with a stderr
 * line when the variable is unset or the file cannot be read or parsed. */
HRESULT standin_data_load_from_env(struct standin_data **out);

void standin_data_free(struct standin_data *data);

/* Writes the data back to data->path as the parser reads it (comments are
 * not kept): to a temporary file beside it, then MoveFileEx over it, so that
 * a reader sees the old file or the new one, never a part. */
HRESULT standin_data_save(struct standin_data *data);

/* A whole file, NUL-terminated (malloc'd), opened so that another process
 * can replace it meanwhile. */
HRESULT standin_file_read(const WCHAR *path, char **text, size_t *len);

/* Sets (or adds) a property's value, copying it. */
HRESULT standin_account_set_prop(struct standin_account *account, const struct standin_prop *value);

/* The profile's order of a category, or NULL; standin_data_set_order replaces it. */
struct standin_order *standin_data_order(struct standin_data *data, const WCHAR *profile, DWORD category);
HRESULT standin_data_set_order(struct standin_data *data, const WCHAR *profile, DWORD category,
                               const DWORD *ids, DWORD count);

/* The categories Outlook reports for an account: the documentation says an
 * Exchange (MAPI) account never shows the address-book category. */
DWORD standin_account_categories(const struct standin_account *account);

const struct standin_prop *standin_account_prop(const struct standin_account *account, DWORD tag);

/* A property name (olkacct.idl's PROP_ and PR_ names without the prefix, e.g.
 * ACCT_NAME) or 0 when unknown. */
DWORD standin_prop_tag_from_name(const char *name);

/* ---- contract checks and the violation counter (contract.c) ------------ */

/* One "olkstubacctmgr: contract violation: ..." line on stderr, counted. */
void standin_violation(const char *fmt, ...);
LONG standin_violation_count(void);
void standin_check_passed(void);
LONG standin_check_count(void);

/* Outlook's use of the helper at Init: QI, PlaceHolder1, the GetIdentity size
 * protocol, GetMapiSession. On success *profile is the identity (free with
 * free()). A broken contract gives E_FAIL; a failure the helper is allowed to
 * report (a failed logon) is returned as it came. */
HRESULT standin_check_helper(IOlkAccountHelper *helper, WCHAR **profile);

/* GetMapiSession as Outlook calls it (at Init, and when an account dialog
 * opens): S_OK and an IMAPISession, released again; the helper's own failure
 * as it came; E_FAIL for a broken contract. */
HRESULT standin_check_session(IOlkAccountHelper *helper);

/* With OLK_STANDIN_REPORT set, one summary line on stderr at the manager's
 * final release (checks run, violations, allocations outstanding). */
void standin_report(LONG outstanding);

/* ---- memory handed to callers, freed with FreeMemory (alloc_tracker.c) - */

struct standin_tracker;
HRESULT standin_tracker_create(struct standin_tracker **out);
void standin_tracker_destroy(struct standin_tracker *tracker);
void *standin_tracker_alloc(struct standin_tracker *tracker, size_t size);
/* S_OK, or E_INVALIDARG (and a violation) for a pointer it did not hand out. */
HRESULT standin_tracker_free(struct standin_tracker *tracker, void *pv);
LONG standin_tracker_outstanding(struct standin_tracker *tracker);

/* ---- the objects ------------------------------------------------------- */

struct standin_manager;

/* The manager's shared state, for the enumerator and the accounts: each holds
 * a reference to the manager, so the data and the tracker outlive them. */
void standin_manager_addref(struct standin_manager *manager);
void standin_manager_release(struct standin_manager *manager);
struct standin_tracker *standin_manager_tracker(struct standin_manager *manager);

HRESULT standin_manager_create(REFIID riid, void **ppv);
HRESULT standin_enum_create(struct standin_manager *manager, struct standin_account **accounts,
                            DWORD count, IOlkEnum **out);
HRESULT standin_account_create(struct standin_manager *manager, struct standin_account *account,
                               IOlkAccount **out);

/* The manager's lock over its data: the accounts' GetProp reads under it. */
void standin_manager_lock(struct standin_manager *manager);
void standin_manager_unlock(struct standin_manager *manager);

/* IOlkAccount::SaveChanges: applies the account's staged properties, writes
 * the data file, and notifies NOTIFY_ACCT_CHANGED. */
HRESULT standin_manager_save_account(struct standin_manager *manager, struct standin_account *account,
                                     const struct standin_prop *changes, DWORD count);

/* Another process's change to the data file (file_watch.c): the accounts of
 * the profile and its orders take the file's new content, and the sinks are
 * told (changed, deleted, order changed). new_data is consumed. */
void standin_manager_reload(struct standin_manager *manager, struct standin_data *new_data);

/* The watcher of the data file, from the first Advise to the manager's end:
 * Outlook notifies its sinks of changes made elsewhere, and the stand-in's
 * "elsewhere" is another process writing the same data file. */
struct standin_watcher;
HRESULT standin_watcher_start(struct standin_manager *manager, const WCHAR *path, struct standin_watcher **out);
void standin_watcher_stop(struct standin_watcher *watcher);
/* Whether the file still holds what the manager last read or wrote (under its lock). */
BOOL standin_manager_file_known(struct standin_manager *manager, const char *text, size_t len);

/* ---- live objects and LockServer locks (module_lock.c) ------------------ */
void standin_lock(void);
void standin_unlock(void);
LONG standin_lock_count(void);

/* ---- the account dialogs (dialog.c) ------------------------------------ */

/* DisplayAccountList's window, shown modally on the calling thread once the
 * manager has checked the parameters: Account Settings (ACCTUI_SHOW_DATA_TAB
 * adds the Data Files tab) or Add New Account (ACCTUI_SHOW_ACCTWIZARD). It
 * calls the helper's GetMapiSession as it opens and HandsOffSession as it
 * closes. Results and the test hook: the comment at the top of dialog.c. */
HRESULT standin_dialog_show(HWND owner, DWORD flags, IOlkAccountHelper *helper, const WCHAR *profile,
                            const struct standin_account *const *accounts, DWORD count);

/* What a test looks for: the window class, and the control IDs of the tabs
 * and the two lists. */
#define STANDIN_DIALOG_CLASS L"OlkStandinAccountDialog"
#define STANDIN_IDC_TABS 100
#define STANDIN_IDC_ACCOUNTS 101
#define STANDIN_IDC_DATA_FILES 102

#endif
