/*
 * Self-registration, table-driven. Registration first removes an earlier
 * registration of ours (as ATL's ForceRemove does), then writes the table; on
 * any failure it removes what it wrote, so a registration either completes or
 * leaves none of our keys behind. ProgID keys are ours only while their CLSID
 * value names our CLSID: one that names another class is never overwritten or
 * removed.
 *
 * WOW64 gives each bitness a CLSID key of its own but only one set of ProgID
 * keys (Windows 7 and later redirect CLSID, not ProgIDs). The ProgIDs stay,
 * therefore, while the other bitness still has our class registered: removing
 * one bitness's registration must not break the other's activation by ProgID.
 *
 * SPDX-License-Identifier: MIT
 */
#include "registry.h"

#include <olectl.h>
#include <wchar.h>

#include "olkhelper.h"
#include "trace.h"

#define CLSID_CCH ARRAYSIZE(L"{00000000-0000-0000-0000-000000000000}")
/* The longest key below Software\Classes. */
#define KEY_CCH ARRAYSIZE(L"CLSID\\{00000000-0000-0000-0000-000000000000}\\VersionIndependentProgID")

static const WCHAR classes_path[] = L"Software\\Classes";
static const WCHAR description[] = L"olkhelper Outlook account helper";

/* Indexes into progids[] first, so that a ProgID base doubles as an index. */
enum key_base { BASE_PROGID, BASE_VI_PROGID, BASE_CLSID };
static const WCHAR *const progids[] = { OLKHELPER_PROGID, OLKHELPER_VI_PROGID };

enum data_kind { DATA_TEXT, DATA_MODULE, DATA_CLSID };

struct reg_value
{
    const WCHAR *name;          /* NULL: the key's default value */
    enum data_kind kind;
    const WCHAR *text;          /* DATA_TEXT only */
};

struct reg_key
{
    enum key_base base;
    const WCHAR *subkey;        /* NULL: the base key itself */
    unsigned int value_count;
    struct reg_value values[2];
};

/* In writing order: each ProgID key comes before its subkeys, so that its
 * creation is seen and a rollback can remove it before its CLSID value (the
 * mark of ownership) is written. */
static const struct reg_key class_keys[] =
{
    { BASE_CLSID, NULL, 1, { { NULL, DATA_TEXT, description } } },
    { BASE_CLSID, L"InprocServer32", 2,
      { { NULL, DATA_MODULE, NULL }, { L"ThreadingModel", DATA_TEXT, L"Both" } } },
    { BASE_CLSID, L"ProgID", 1, { { NULL, DATA_TEXT, OLKHELPER_PROGID } } },
    { BASE_CLSID, L"VersionIndependentProgID", 1, { { NULL, DATA_TEXT, OLKHELPER_VI_PROGID } } },
    { BASE_PROGID, NULL, 1, { { NULL, DATA_TEXT, description } } },
    { BASE_PROGID, L"CLSID", 1, { { NULL, DATA_CLSID, NULL } } },
    { BASE_VI_PROGID, NULL, 1, { { NULL, DATA_TEXT, description } } },
    { BASE_VI_PROGID, L"CLSID", 1, { { NULL, DATA_CLSID, NULL } } },
    { BASE_VI_PROGID, L"CurVer", 1, { { NULL, DATA_TEXT, OLKHELPER_PROGID } } },
};

struct names
{
    WCHAR clsid[CLSID_CCH];
    WCHAR clsid_key[KEY_CCH];
};

enum progid_state { PROGID_ABSENT, PROGID_OURS, PROGID_FOREIGN };

/* The other bitness's registry view. On a 32-bit Windows the flag is ignored
 * and the look-up sees this module's own view. */
#ifdef _WIN64
#define OTHER_VIEW KEY_WOW64_32KEY
#else
#define OTHER_VIEW KEY_WOW64_64KEY
#endif

/* ---- the real registry -------------------------------------------------- */

static LSTATUS default_open_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key)
{
    return RegOpenKeyExW(parent, path, 0, access, key);
}

static LSTATUS default_create_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key, BOOL *created)
{
    DWORD disposition = 0;
    LSTATUS err = RegCreateKeyExW(parent, path, 0, NULL, REG_OPTION_NON_VOLATILE, access, NULL, key,
                                  &disposition);

    *created = err == ERROR_SUCCESS && disposition == REG_CREATED_NEW_KEY;
    return err;
}

static LSTATUS default_set_value(HKEY key, const WCHAR *name, DWORD type, const BYTE *data, DWORD size)
{
    return RegSetValueExW(key, name, 0, type, data, size);
}

static LSTATUS default_get_string(HKEY key, const WCHAR *path, const WCHAR *name, WCHAR *data, DWORD *size)
{
    return RegGetValueW(key, path, name, RRF_RT_REG_SZ, NULL, data, size);
}

static LSTATUS default_delete_tree(HKEY parent, const WCHAR *path)
{
    return RegDeleteTreeW(parent, path);
}

static LSTATUS default_close_key(HKEY key)
{
    return RegCloseKey(key);
}

const struct registry_ops registry_default_ops =
{
    default_open_key,
    default_create_key,
    default_set_value,
    default_get_string,
    default_delete_tree,
    default_close_key,
};

/* ---- names ----------------------------------------------------------------- */

static BOOL join_path(WCHAR *out, size_t cch, const WCHAR *first, const WCHAR *second)
{
    size_t first_len = wcslen(first);
    size_t second_len = second ? wcslen(second) + 1 : 0;

    if (first_len + second_len >= cch)
        return FALSE;
    wcscpy(out, first);
    if (second)
    {
        out[first_len] = L'\\';
        wcscpy(out + first_len + 1, second);
    }
    return TRUE;
}

static BOOL init_names(struct names *names)
{
    if (!StringFromGUID2(&CLSID_OlkAccountHelper, names->clsid, CLSID_CCH))
        return FALSE;
    return join_path(names->clsid_key, KEY_CCH, L"CLSID", names->clsid);
}

static const WCHAR *base_name(const struct names *names, enum key_base base)
{
    return base == BASE_CLSID ? names->clsid_key : progids[base];
}

static const WCHAR *value_text(const struct names *names, const WCHAR *module_path,
                               const struct reg_value *value)
{
    switch (value->kind)
    {
    case DATA_MODULE: return module_path;
    case DATA_CLSID:  return names->clsid;
    case DATA_TEXT:   break;
    }
    return value->text;
}

static BOOL same_text(const WCHAR *a, const WCHAR *b)
{
    return CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}

/* ---- removal ------------------------------------------------------------- */

static LSTATUS delete_key(const struct registry_ops *ops, HKEY classes, const WCHAR *path)
{
    LSTATUS err = ops->delete_tree(classes, path);

    return err == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : err;
}

static LSTATUS get_progid_state(const struct registry_ops *ops, HKEY classes, const WCHAR *progid,
                                const struct names *names, enum progid_state *state)
{
    WCHAR value[CLSID_CCH + 1];
    DWORD size = sizeof(value);
    HKEY key;
    LSTATUS err = ops->open_key(classes, progid, KEY_QUERY_VALUE, &key);

    *state = PROGID_ABSENT;
    if (err == ERROR_FILE_NOT_FOUND)
        return ERROR_SUCCESS;
    if (err != ERROR_SUCCESS)
        return err;
    err = ops->get_string(key, L"CLSID", NULL, value, &size);
    ops->close_key(key);
    if (err == ERROR_SUCCESS)
    {
        *state = same_text(value, names->clsid) ? PROGID_OURS : PROGID_FOREIGN;
        return ERROR_SUCCESS;
    }
    /* No CLSID value, or one too long or of another type to be ours. */
    if (err == ERROR_FILE_NOT_FOUND || err == ERROR_MORE_DATA || err == ERROR_UNSUPPORTED_TYPE)
    {
        *state = PROGID_FOREIGN;
        return ERROR_SUCCESS;
    }
    return err;
}

/* Whether the other bitness has our class registered below root. */
static LSTATUS other_view_registered(const struct registry_ops *ops, HKEY root, const struct names *names,
                                     BOOL *registered)
{
    /* Software\Classes\ and a key below it, as long as the longest. */
    WCHAR clsid_path[ARRAYSIZE(classes_path) + KEY_CCH], path[ARRAYSIZE(classes_path) + KEY_CCH];
    LSTATUS err;
    HKEY key;

    *registered = FALSE;
    if (!join_path(clsid_path, ARRAYSIZE(clsid_path), classes_path, names->clsid_key) ||
        !join_path(path, ARRAYSIZE(path), clsid_path, L"InprocServer32"))
        return ERROR_BUFFER_OVERFLOW;
    err = ops->open_key(root, path, KEY_QUERY_VALUE | OTHER_VIEW, &key);
    if (err == ERROR_FILE_NOT_FOUND)
        return ERROR_SUCCESS;
    if (err != ERROR_SUCCESS)
        return err;
    ops->close_key(key);
    *registered = TRUE;
    return ERROR_SUCCESS;
}

static void keep_first(LSTATUS *first, LSTATUS err)
{
    if (*first == ERROR_SUCCESS)
        *first = err;
}

/* Removes our CLSID key and, unless the other bitness still has our class
 * registered (or that cannot be told), our ProgID keys; created[i] (may be
 * NULL) marks a ProgID key this registration created, which goes in any case,
 * even before it carries our CLSID. */
static HRESULT remove_ours(const struct registry_ops *ops, HKEY root, const struct names *names,
                           const BOOL *created)
{
    LSTATUS first = ERROR_SUCCESS, err;
    BOOL shared_in_use;
    HKEY classes;
    size_t i;

    err = ops->open_key(root, classes_path, DELETE | KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE, &classes);
    if (err == ERROR_FILE_NOT_FOUND)
        return S_OK;
    if (err != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(err);

    keep_first(&first, delete_key(ops, classes, names->clsid_key));
    err = other_view_registered(ops, root, names, &shared_in_use);
    keep_first(&first, err);
    if (err != ERROR_SUCCESS)
        shared_in_use = TRUE;
    TRACE("registry", L"removed %ls -> %lu; the other bitness's view %ls", names->clsid_key, first,
          shared_in_use ? L"has the class (or could not be read): the shared ProgIDs stay" : L"has no such class");
    for (i = 0; i < ARRAYSIZE(progids); i++)
    {
        BOOL ours_to_remove = created && created[i];
        enum progid_state state;

        err = get_progid_state(ops, classes, progids[i], names, &state);
        if (state == PROGID_OURS && !shared_in_use)
            ours_to_remove = TRUE;
        if (err == ERROR_SUCCESS && state != PROGID_ABSENT && ours_to_remove)
            err = delete_key(ops, classes, progids[i]);
        keep_first(&first, err);
    }
    ops->close_key(classes);
    return HRESULT_FROM_WIN32(first);
}

/* ---- writing ------------------------------------------------------------- */

static HRESULT check_progids_free(const struct registry_ops *ops, HKEY root, const struct names *names)
{
    LSTATUS err;
    HKEY classes;
    size_t i;

    err = ops->open_key(root, classes_path, KEY_QUERY_VALUE, &classes);
    if (err == ERROR_FILE_NOT_FOUND)
        return S_OK;
    if (err != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(err);

    for (i = 0; err == ERROR_SUCCESS && i < ARRAYSIZE(progids); i++)
    {
        enum progid_state state;

        err = get_progid_state(ops, classes, progids[i], names, &state);
        if (err == ERROR_SUCCESS && state == PROGID_FOREIGN)
        {
            ops->close_key(classes);
            return SELFREG_E_CLASS;
        }
    }
    ops->close_key(classes);
    return HRESULT_FROM_WIN32(err);
}

static LSTATUS set_string(const struct registry_ops *ops, HKEY key, const WCHAR *name, const WCHAR *text)
{
    DWORD size = (DWORD)((wcslen(text) + 1) * sizeof(WCHAR));

    return ops->set_value(key, name, REG_SZ, (const BYTE *)text, size);
}

static LSTATUS write_key(const struct registry_ops *ops, HKEY classes, const struct names *names,
                         const WCHAR *module_path, const struct reg_key *entry, BOOL *created)
{
    WCHAR path[KEY_CCH];
    BOOL new_key = FALSE;
    LSTATUS err;
    HKEY key;
    unsigned int i;

    if (!join_path(path, ARRAYSIZE(path), base_name(names, entry->base), entry->subkey))
        return ERROR_BUFFER_OVERFLOW;
    err = ops->create_key(classes, path, KEY_SET_VALUE, &key, &new_key);
    if (err != ERROR_SUCCESS)
        return err;
    if (entry->base != BASE_CLSID && !entry->subkey && new_key)
        created[entry->base] = TRUE;

    for (i = 0; err == ERROR_SUCCESS && i < entry->value_count; i++)
        err = set_string(ops, key, entry->values[i].name, value_text(names, module_path, &entry->values[i]));
    ops->close_key(key);
    TRACE("registry", L"write %ls -> %lu", path, err);
    return err;
}

static HRESULT write_keys(const struct registry_ops *ops, HKEY root, const struct names *names,
                          const WCHAR *module_path, BOOL *created)
{
    BOOL unused;
    HKEY classes;
    LSTATUS err;
    size_t i;

    err = ops->create_key(root, classes_path, KEY_CREATE_SUB_KEY, &classes, &unused);
    if (err != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(err);
    for (i = 0; err == ERROR_SUCCESS && i < ARRAYSIZE(class_keys); i++)
        err = write_key(ops, classes, names, module_path, &class_keys[i], created);
    ops->close_key(classes);
    return HRESULT_FROM_WIN32(err);
}

/* ---- entry points ---------------------------------------------------------- */

HRESULT registry_register(const struct registry_ops *ops, HKEY root, const WCHAR *module_path)
{
    BOOL created[ARRAYSIZE(progids)] = { FALSE, FALSE };
    struct names names;
    HRESULT hr;

    if (!ops || !root || !module_path || !*module_path)
        return E_INVALIDARG;
    if (!init_names(&names))
        return E_UNEXPECTED;

    hr = check_progids_free(ops, root, &names);
    if (SUCCEEDED(hr))
        hr = remove_ours(ops, root, &names, NULL);
    if (FAILED(hr))
        return hr;

    hr = write_keys(ops, root, &names, module_path, created);
    if (FAILED(hr))
        remove_ours(ops, root, &names, created);
    return hr;
}

HRESULT registry_unregister(const struct registry_ops *ops, HKEY root)
{
    struct names names;

    if (!ops || !root)
        return E_INVALIDARG;
    if (!init_names(&names))
        return E_UNEXPECTED;
    return remove_ours(ops, root, &names, NULL);
}

HRESULT registry_scope_root(const WCHAR *cmdline, HKEY *root)
{
    if (!root)
        return E_POINTER;
    *root = NULL;
    if (!cmdline || !*cmdline || same_text(cmdline, L"machine"))
        *root = HKEY_LOCAL_MACHINE;
    else if (same_text(cmdline, L"user"))
        *root = HKEY_CURRENT_USER;
    else
        return E_INVALIDARG;
    return S_OK;
}

HRESULT registry_module_path(HMODULE module, WCHAR *path, DWORD cch)
{
    DWORD len, err;

    if (!path || !cch)
        return E_INVALIDARG;
    SetLastError(ERROR_SUCCESS);
    len = GetModuleFileNameW(module, path, cch);
    err = GetLastError();
    if (len == 0)
    {
        path[0] = 0;
        return err != ERROR_SUCCESS ? HRESULT_FROM_WIN32(err) : E_FAIL;
    }
    /* Windows XP fills the buffer without a NUL; later versions return cch
     * with ERROR_INSUFFICIENT_BUFFER. Either way the path was cut. */
    if (len >= cch)
    {
        path[0] = 0;
        return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
    }
    return S_OK;
}
