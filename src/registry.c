/*
 * Self-registration, table-driven. Registration first removes an earlier
 * registration of ours (as ATL's ForceRemove does), then writes the table; on
 * any failure it removes what it wrote, so a registration either completes or
 * leaves none of our keys behind. ProgID keys are ours only while their CLSID
 * value names our CLSID: one that names another class is never overwritten or
 * removed.
 *
 * WOW64 gives each bitness CLSID and Interface keys of its own but only one
 * set of ProgID and TypeLib keys (Windows 7 and later redirect CLSID and
 * Interface, not ProgIDs or TypeLib). The ProgIDs and the TypeLib key stay,
 * therefore, while the other bitness still has our class registered:
 * removing one bitness's registration must not break the other's activation
 * by ProgID or its type library. Below TypeLib\{libid}\X.Y, the 0\win32 or
 * 0\win64 subkey is each bitness's own.
 *
 * SPDX-License-Identifier: MIT
 */
#include "registry.h"

#include <olectl.h>
#include <wchar.h>

#include "ascii.h"
#include "olkauto.h"
#include "olkhelper.h"
#include "trace.h"

#define GUID_CCH ARRAYSIZE(L"{00000000-0000-0000-0000-000000000000}")
/* Room for the longest key below Software\Classes. */
#define KEY_CCH 96

static const WCHAR classes_path[] = L"Software\\Classes";
static const char description[] = "olkhelper Outlook account helper";
static const char session_description[] = "olkhelper Outlook accounts session";
static const char typelib_description[] = "olkhelper Outlook accounts";
/* The standard automation marshaler, for dual interfaces described by a
 * registered type library. */
static const char automation_proxy[] = "{00020424-0000-0000-C000-000000000046}";

/* This bitness's own subkey below TypeLib\{libid}\X.Y; the rest of the
 * TypeLib key is shared, as the ProgIDs are. */
#ifdef _WIN64
#define TYPELIB_PLATFORM "0\\win64"
#else
#define TYPELIB_PLATFORM "0\\win32"
#endif

/* The GUIDs and texts the table refers to by index (struct names). */
enum name_id { NAME_HELPER, NAME_SESSION, NAME_LIBID, NAME_TLB_VERSION, NAME_COUNT };

/* The keys below Software\Classes that the table writes into. The shared
 * ones come first, so that a shared base doubles as an index of created[]. */
enum key_base
{
    BASE_HELPER_PROGID, BASE_HELPER_VI_PROGID, BASE_SESSION_PROGID, BASE_SESSION_VI_PROGID,
    BASE_TYPELIB,
    SHARED_BASE_COUNT,
    BASE_TYPELIB_VERSION = SHARED_BASE_COUNT,   /* inside BASE_TYPELIB */
    BASE_HELPER_CLSID, BASE_SESSION_CLSID,
    BASE_IFACE_ACCOUNT, BASE_IFACE_ACCOUNTS, BASE_IFACE_SESSION,
    BASE_COUNT
};

/* A ProgID is ours while its CLSID value names the class it stands for. */
struct progid
{
    const WCHAR *name;
    enum name_id clsid;
};

static const struct progid progids[] =
{
    [BASE_HELPER_PROGID] = { OLKHELPER_PROGID, NAME_HELPER },
    [BASE_HELPER_VI_PROGID] = { OLKHELPER_VI_PROGID, NAME_HELPER },
    [BASE_SESSION_PROGID] = { OLKHELPER_SESSION_PROGID, NAME_SESSION },
    [BASE_SESSION_VI_PROGID] = { OLKHELPER_SESSION_VI_PROGID, NAME_SESSION },
};
#define PROGID_COUNT ARRAYSIZE(progids)

/* This bitness's own keys, removed whatever the other bitness has. */
static const enum key_base own_bases[] =
{
    BASE_HELPER_CLSID, BASE_SESSION_CLSID, BASE_IFACE_ACCOUNT, BASE_IFACE_ACCOUNTS, BASE_IFACE_SESSION,
};

/* Every subkey, value name and value the table writes, by a byte-sized
 * index, which keeps the table a tenth of the size it takes with a pointer
 * for each. TEXT_NONE stands for no subkey (the base key itself) and for
 * the key's default value; texts[] are ASCII, widened when written (wide
 * literals take twice the bytes); TEXT_MODULE and the names (struct names)
 * are known only when registering. */
enum text_id
{
    TEXT_NONE, TEXT_DESCRIPTION, TEXT_SESSION_DESCRIPTION, TEXT_TYPELIB_DESCRIPTION, TEXT_AUTOMATION_PROXY,
    TEXT_INPROC_SERVER, TEXT_THREADING_MODEL, TEXT_BOTH, TEXT_APARTMENT, TEXT_PROGID, TEXT_VI_PROGID, TEXT_CLSID,
    TEXT_CUR_VER, TEXT_FLAGS, TEXT_ZERO, TEXT_HELPDIR, TEXT_EMPTY, TEXT_PLATFORM, TEXT_PROXY_STUB, TEXT_TYPELIB,
    TEXT_VERSION, TEXT_IFACE_ACCOUNT, TEXT_IFACE_ACCOUNTS, TEXT_IFACE_SESSION,
    TEXT_ASCII_COUNT,
    TEXT_MODULE = TEXT_ASCII_COUNT,
    TEXT_PROGID_FIRST,      /* TEXT_PROGID_FIRST + the ProgID's enum key_base: its name, progids[] */
    TEXT_NAME_FIRST = TEXT_PROGID_FIRST + PROGID_COUNT,     /* TEXT_NAME_FIRST + enum name_id */
};

static const char *const texts[TEXT_ASCII_COUNT] =
{
    [TEXT_NONE] = NULL,
    [TEXT_DESCRIPTION] = description,
    [TEXT_SESSION_DESCRIPTION] = session_description,
    [TEXT_TYPELIB_DESCRIPTION] = typelib_description,
    [TEXT_AUTOMATION_PROXY] = automation_proxy,
    [TEXT_INPROC_SERVER] = "InprocServer32",
    [TEXT_THREADING_MODEL] = "ThreadingModel",
    [TEXT_BOTH] = "Both",
    [TEXT_APARTMENT] = "Apartment",
    [TEXT_PROGID] = "ProgID",
    [TEXT_VI_PROGID] = "VersionIndependentProgID",
    [TEXT_CLSID] = "CLSID",
    [TEXT_CUR_VER] = "CurVer",
    [TEXT_FLAGS] = "FLAGS",
    [TEXT_ZERO] = "0",
    [TEXT_HELPDIR] = "HELPDIR",
    [TEXT_EMPTY] = "",
    [TEXT_PLATFORM] = TYPELIB_PLATFORM,
    [TEXT_PROXY_STUB] = "ProxyStubClsid32",
    [TEXT_TYPELIB] = "TypeLib",
    [TEXT_VERSION] = "Version",
    [TEXT_IFACE_ACCOUNT] = "IOlkHelperAccount",
    [TEXT_IFACE_ACCOUNTS] = "IOlkHelperAccounts",
    [TEXT_IFACE_SESSION] = "IOlkHelperSession",
};

struct reg_value
{
    BYTE name;                  /* enum text_id; TEXT_NONE: the key's default value */
    BYTE data;                  /* enum text_id */
};

struct reg_key
{
    BYTE base;                  /* enum key_base */
    BYTE subkey;                /* enum text_id; TEXT_NONE: the base key itself */
    BYTE value_count;
    struct reg_value values[2];
};

#define NAME(id) (TEXT_NAME_FIRST + (id))
#define PROGID_TEXT(base) (TEXT_PROGID_FIRST + (base))
#define VALUE(name, data) { TEXT_##name, data }
#define DEFAULT_VALUE(data) VALUE(NONE, data)

#define INTERFACE_KEYS(base, iface) \
    { base, TEXT_NONE, 1, { DEFAULT_VALUE(iface) } }, \
    { base, TEXT_PROXY_STUB, 1, { DEFAULT_VALUE(TEXT_AUTOMATION_PROXY) } }, \
    { base, TEXT_TYPELIB, 2, { DEFAULT_VALUE(NAME(NAME_LIBID)), VALUE(VERSION, NAME(NAME_TLB_VERSION)) } }

/* In writing order: each shared key comes before its subkeys, so that its
 * creation is seen and a rollback can remove it before its mark of
 * ownership (a ProgID's CLSID value) is written. */
static const struct reg_key class_keys[] =
{
    { BASE_HELPER_CLSID, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_DESCRIPTION) } },
    { BASE_HELPER_CLSID, TEXT_INPROC_SERVER, 2, { DEFAULT_VALUE(TEXT_MODULE), VALUE(THREADING_MODEL, TEXT_BOTH) } },
    { BASE_HELPER_CLSID, TEXT_PROGID, 1, { DEFAULT_VALUE(PROGID_TEXT(BASE_HELPER_PROGID)) } },
    { BASE_HELPER_CLSID, TEXT_VI_PROGID, 1, { DEFAULT_VALUE(PROGID_TEXT(BASE_HELPER_VI_PROGID)) } },
    { BASE_HELPER_PROGID, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_DESCRIPTION) } },
    { BASE_HELPER_PROGID, TEXT_CLSID, 1, { DEFAULT_VALUE(NAME(NAME_HELPER)) } },
    { BASE_HELPER_VI_PROGID, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_DESCRIPTION) } },
    { BASE_HELPER_VI_PROGID, TEXT_CLSID, 1, { DEFAULT_VALUE(NAME(NAME_HELPER)) } },
    { BASE_HELPER_VI_PROGID, TEXT_CUR_VER, 1, { DEFAULT_VALUE(PROGID_TEXT(BASE_HELPER_PROGID)) } },

    /* The type library, loaded from the module itself (resource 1). */
    { BASE_TYPELIB, TEXT_NONE, 0, { { 0 } } },
    { BASE_TYPELIB_VERSION, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_TYPELIB_DESCRIPTION) } },
    { BASE_TYPELIB_VERSION, TEXT_FLAGS, 1, { DEFAULT_VALUE(TEXT_ZERO) } },
    /* No help files: the same empty HELPDIR for both bitnesses. */
    { BASE_TYPELIB_VERSION, TEXT_HELPDIR, 1, { DEFAULT_VALUE(TEXT_EMPTY) } },
    { BASE_TYPELIB_VERSION, TEXT_PLATFORM, 1, { DEFAULT_VALUE(TEXT_MODULE) } },
    INTERFACE_KEYS(BASE_IFACE_ACCOUNT, TEXT_IFACE_ACCOUNT),
    INTERFACE_KEYS(BASE_IFACE_ACCOUNTS, TEXT_IFACE_ACCOUNTS),
    INTERFACE_KEYS(BASE_IFACE_SESSION, TEXT_IFACE_SESSION),

    /* Script hosts are single-threaded apartments; MAPI wants each thread
     * initialised, which the session does on its own. */
    { BASE_SESSION_CLSID, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_SESSION_DESCRIPTION) } },
    { BASE_SESSION_CLSID, TEXT_INPROC_SERVER, 2,
      { DEFAULT_VALUE(TEXT_MODULE), VALUE(THREADING_MODEL, TEXT_APARTMENT) } },
    { BASE_SESSION_CLSID, TEXT_PROGID, 1, { DEFAULT_VALUE(PROGID_TEXT(BASE_SESSION_PROGID)) } },
    { BASE_SESSION_CLSID, TEXT_VI_PROGID, 1, { DEFAULT_VALUE(PROGID_TEXT(BASE_SESSION_VI_PROGID)) } },
    { BASE_SESSION_CLSID, TEXT_TYPELIB, 1, { DEFAULT_VALUE(NAME(NAME_LIBID)) } },
    { BASE_SESSION_CLSID, TEXT_VERSION, 1, { DEFAULT_VALUE(NAME(NAME_TLB_VERSION)) } },
    { BASE_SESSION_PROGID, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_SESSION_DESCRIPTION) } },
    { BASE_SESSION_PROGID, TEXT_CLSID, 1, { DEFAULT_VALUE(NAME(NAME_SESSION)) } },
    { BASE_SESSION_VI_PROGID, TEXT_NONE, 1, { DEFAULT_VALUE(TEXT_SESSION_DESCRIPTION) } },
    { BASE_SESSION_VI_PROGID, TEXT_CLSID, 1, { DEFAULT_VALUE(NAME(NAME_SESSION)) } },
    { BASE_SESSION_VI_PROGID, TEXT_CUR_VER, 1, { DEFAULT_VALUE(PROGID_TEXT(BASE_SESSION_PROGID)) } },
};

struct names
{
    WCHAR text[NAME_COUNT][GUID_CCH];
    WCHAR key[BASE_COUNT][KEY_CCH];
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

/* "major.minor" of the type library, in decimal. */
static void format_version(WCHAR *out)
{
    const unsigned int parts[2] = { OLKHELPER_TLB_MAJOR, OLKHELPER_TLB_MINOR };
    unsigned int i;

    for (i = 0; i < 2; i++)
    {
        WCHAR digits[8];
        unsigned int n = parts[i], len = 0;

        do
            digits[len++] = (WCHAR)(L'0' + n % 10);
        while ((n /= 10) != 0);
        while (len)
            *out++ = digits[--len];
        *out++ = i ? 0 : L'.';
    }
}

static BOOL guid_key(WCHAR *key, const WCHAR *folder, const GUID *guid, WCHAR *text)
{
    WCHAR buf[GUID_CCH];

    if (!StringFromGUID2(guid, text ? text : buf, GUID_CCH))
        return FALSE;
    return join_path(key, KEY_CCH, folder, text ? text : buf);
}

static BOOL init_names(struct names *names)
{
    size_t i;

    format_version(names->text[NAME_TLB_VERSION]);
    for (i = 0; i < PROGID_COUNT; i++)
        if (!join_path(names->key[i], KEY_CCH, progids[i].name, NULL))
            return FALSE;
    return guid_key(names->key[BASE_HELPER_CLSID], L"CLSID", &CLSID_OlkAccountHelper, names->text[NAME_HELPER]) &&
           guid_key(names->key[BASE_SESSION_CLSID], L"CLSID", &CLSID_OlkHelperSession, names->text[NAME_SESSION]) &&
           guid_key(names->key[BASE_TYPELIB], L"TypeLib", &LIBID_OlkHelper, names->text[NAME_LIBID]) &&
           join_path(names->key[BASE_TYPELIB_VERSION], KEY_CCH, names->key[BASE_TYPELIB],
                     names->text[NAME_TLB_VERSION]) &&
           guid_key(names->key[BASE_IFACE_ACCOUNT], L"Interface", &IID_IOlkHelperAccount, NULL) &&
           guid_key(names->key[BASE_IFACE_ACCOUNTS], L"Interface", &IID_IOlkHelperAccounts, NULL) &&
           guid_key(names->key[BASE_IFACE_SESSION], L"Interface", &IID_IOlkHelperSession, NULL);
}

/* The text of id; one of texts[] is widened into buf[KEY_CCH]. */
static const WCHAR *text_of(const struct names *names, const WCHAR *module_path, BYTE id, WCHAR *buf)
{
    if (id == TEXT_NONE)
        return NULL;
    if (id == TEXT_MODULE)
        return module_path;
    if (id >= TEXT_NAME_FIRST)
        return names->text[id - TEXT_NAME_FIRST];
    if (id >= TEXT_PROGID_FIRST)
        return progids[id - TEXT_PROGID_FIRST].name;
    return olk_widen(buf, KEY_CCH, texts[id]);
}

/* ---- removal ------------------------------------------------------------- */

static LSTATUS delete_key(const struct registry_ops *ops, HKEY classes, const WCHAR *path)
{
    LSTATUS err = ops->delete_tree(classes, path);

    return err == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : err;
}

static LSTATUS get_progid_state(const struct registry_ops *ops, HKEY classes, const struct progid *progid,
                                const struct names *names, enum progid_state *state)
{
    WCHAR value[GUID_CCH + 1];
    DWORD size = sizeof(value);
    HKEY key;
    LSTATUS err = ops->open_key(classes, progid->name, KEY_QUERY_VALUE, &key);

    *state = PROGID_ABSENT;
    if (err == ERROR_FILE_NOT_FOUND)
        return ERROR_SUCCESS;
    if (err != ERROR_SUCCESS)
        return err;
    err = ops->get_string(key, L"CLSID", NULL, value, &size);
    ops->close_key(key);
    if (err == ERROR_SUCCESS)
    {
        *state = CompareStringOrdinal(value, -1, names->text[progid->clsid], -1, TRUE) == CSTR_EQUAL
                 ? PROGID_OURS : PROGID_FOREIGN;
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
    if (!join_path(clsid_path, ARRAYSIZE(clsid_path), classes_path, names->key[BASE_HELPER_CLSID]) ||
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

/* Removes this bitness's own keys (CLSIDs, Interfaces, the type library's
 * platform subkey) and, unless the other bitness still has our class
 * registered (or that cannot be told), the shared ones (ProgIDs, the TypeLib
 * key); created[base] (may be NULL) marks a shared key this registration
 * created, which goes in any case, even before it carries our CLSID. */
static HRESULT remove_ours(const struct registry_ops *ops, HKEY root, const struct names *names,
                           const BOOL *created)
{
    WCHAR platform[KEY_CCH], platform_name[KEY_CCH];
    LSTATUS first = ERROR_SUCCESS, err;
    BOOL shared_in_use;
    HKEY classes;
    size_t i;

    err = ops->open_key(root, classes_path, DELETE | KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE, &classes);
    if (err == ERROR_FILE_NOT_FOUND)
        return S_OK;
    if (err != ERROR_SUCCESS)
        return HRESULT_FROM_WIN32(err);

    for (i = 0; i < ARRAYSIZE(own_bases); i++)
        keep_first(&first, delete_key(ops, classes, names->key[own_bases[i]]));
    if (join_path(platform, ARRAYSIZE(platform), names->key[BASE_TYPELIB_VERSION],
                  olk_widen(platform_name, KEY_CCH, TYPELIB_PLATFORM)))
        keep_first(&first, delete_key(ops, classes, platform));
    else
        keep_first(&first, ERROR_BUFFER_OVERFLOW);
    err = other_view_registered(ops, root, names, &shared_in_use);
    keep_first(&first, err);
    if (err != ERROR_SUCCESS)
        shared_in_use = TRUE;
    TRACE("registry", "removed this bitness's keys -> %lu; the other bitness's view %hs", first,
          shared_in_use ? "has the class (or could not be read): the shared keys stay" : "has no such class");
    for (i = 0; i < PROGID_COUNT; i++)
    {
        BOOL ours_to_remove = created && created[i];
        enum progid_state state;

        err = get_progid_state(ops, classes, &progids[i], names, &state);
        if (state == PROGID_OURS && !shared_in_use)
            ours_to_remove = TRUE;
        if (err == ERROR_SUCCESS && state != PROGID_ABSENT && ours_to_remove)
            err = delete_key(ops, classes, progids[i].name);
        keep_first(&first, err);
    }
    /* The library ID is ours alone: no ownership to check. */
    if (!shared_in_use || (created && created[BASE_TYPELIB]))
        keep_first(&first, delete_key(ops, classes, names->key[BASE_TYPELIB]));
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

    for (i = 0; err == ERROR_SUCCESS && i < PROGID_COUNT; i++)
    {
        enum progid_state state;

        err = get_progid_state(ops, classes, &progids[i], names, &state);
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
    WCHAR path[KEY_CCH], name[KEY_CCH], data[KEY_CCH];
    BOOL new_key = FALSE;
    LSTATUS err;
    HKEY key;
    unsigned int i;

    if (!join_path(path, ARRAYSIZE(path), names->key[entry->base], text_of(names, module_path, entry->subkey, name)))
        return ERROR_BUFFER_OVERFLOW;
    err = ops->create_key(classes, path, KEY_SET_VALUE, &key, &new_key);
    if (err != ERROR_SUCCESS)
        return err;
    if (entry->base < SHARED_BASE_COUNT && entry->subkey == TEXT_NONE && new_key)
        created[entry->base] = TRUE;

    for (i = 0; err == ERROR_SUCCESS && i < entry->value_count; i++)
        err = set_string(ops, key, text_of(names, module_path, entry->values[i].name, name),
                         text_of(names, module_path, entry->values[i].data, data));
    ops->close_key(key);
    TRACE("registry", "write %ls -> %lu", path, err);
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
    BOOL created[SHARED_BASE_COUNT] = { FALSE };
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
    if (!cmdline || !*cmdline || olk_ascii_equal(cmdline, wcslen(cmdline), "machine"))
        *root = HKEY_LOCAL_MACHINE;
    else if (olk_ascii_equal(cmdline, wcslen(cmdline), "user"))
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
