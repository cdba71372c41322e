/*
 * Self-registration against a scratch root, HKCU\Software\olkhelper-tests\
 * <test>, so that nothing real is touched: the keys and values written, their
 * types and lengths, idempotence, rollback after a failure at every single
 * write, neighbours left alone, and the helpers DllInstall and
 * DllRegisterServer use.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <olectl.h>
#include <stdio.h>
#include <wchar.h>

#include "registry.h"

#define TESTS_KEY L"Software\\olkhelper-tests"
/* As documented, not derived from the code under test. */
#define OUR_CLSID L"{530A73EF-6347-4A72-B96D-9049DD249116}"
#define OUR_CLSID_KEY L"CLSID\\" OUR_CLSID
#define OTHER_CLSID L"{11111111-2222-3333-4444-555555555555}"
#define DESCRIPTION L"olkhelper Outlook account helper"
#define SESSION_CLSID L"{B89A9E67-286E-4C2D-9E0C-B563BB0D3118}"
#define SESSION_CLSID_KEY L"CLSID\\" SESSION_CLSID
#define SESSION_DESCRIPTION L"olkhelper Outlook accounts session"
#define LIBID L"{F239F708-7B60-42BE-9818-1AE1C31A9DF2}"
#define TYPELIB_KEY L"TypeLib\\" LIBID
/* The product's major.minor, from the build (OLK_TLB_VERSION). */
#define TYPELIB_VERSION_KEY TYPELIB_KEY L"\\" OLK_TLB_VERSION
#ifdef _WIN64
#define OUR_PLATFORM L"win64"
#define OTHER_PLATFORM L"win32"
#else
#define OUR_PLATFORM L"win32"
#define OTHER_PLATFORM L"win64"
#endif
#define AUTOMATION_PROXY L"{00020424-0000-0000-C000-000000000046}"

static const struct
{
    const WCHAR *key, *name;
} interfaces[] =
{
    { L"Interface\\{3AF7E288-2DCF-4D11-AE66-CCCACB3CDFB2}", L"IOlkHelperAccount" },
    { L"Interface\\{2EF51FFD-9DB3-4F23-BED0-F920F8D13025}", L"IOlkHelperAccounts" },
    { L"Interface\\{FDA273BF-E335-4DB2-A36D-523CDA581DFE}", L"IOlkHelperSession" },
};

static const WCHAR *const all_progids[] =
{
    L"OlkHelper.AccountHelper.1", L"OlkHelper.AccountHelper", L"OlkHelper.Session.1", L"OlkHelper.Session",
};
#define MODULE_PATH L"C:\\Program Files\\olkhelper \x00e9t\x00e9\\olkhelper.dll"
#define INJECTED_ERROR ERROR_WRITE_FAULT

struct fixture
{
    WCHAR path[128];    /* below HKCU */
    HKEY root;
    HKEY classes;       /* root\Software\Classes, once created by a test */
};

/* ---- scratch root ------------------------------------------------------------ */

static int setup(void **state)
{
    const WCHAR *name = *state;
    struct fixture *f = calloc(1, sizeof(*f));

    if (!f)
        return -1;
    swprintf(f->path, sizeof(f->path) / sizeof(f->path[0]), L"%ls\\%ls", TESTS_KEY, name);
    RegDeleteTreeW(HKEY_CURRENT_USER, f->path);
    if (RegCreateKeyExW(HKEY_CURRENT_USER, f->path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &f->root, NULL))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    LSTATUS err;

    if (f->classes)
        RegCloseKey(f->classes);
    RegCloseKey(f->root);
    err = RegDeleteTreeW(HKEY_CURRENT_USER, f->path);
    /* Gone only once no test key is left below it. */
    RegDeleteKeyW(HKEY_CURRENT_USER, TESTS_KEY);
    free(f);
    return err == ERROR_SUCCESS ? 0 : -1;
}

static HKEY classes_key(struct fixture *f)
{
    if (!f->classes)
        assert_int_equal(RegCreateKeyExW(f->root, L"Software\\Classes", 0, NULL, 0, KEY_ALL_ACCESS, NULL,
                                         &f->classes, NULL), ERROR_SUCCESS);
    return f->classes;
}

static void put_sz(HKEY parent, const WCHAR *path, const WCHAR *name, const WCHAR *text)
{
    assert_int_equal(RegSetKeyValueW(parent, path, name, REG_SZ, text,
                                     (DWORD)((wcslen(text) + 1) * sizeof(WCHAR))), ERROR_SUCCESS);
}

static void assert_none_of_ours(struct fixture *f)
{
    HKEY classes;

    if (RegOpenKeyExW(f->root, L"Software\\Classes", 0, KEY_READ, &classes) != ERROR_SUCCESS)
        return;
    assert_false(olk_key_exists(classes, OUR_CLSID_KEY));
    assert_false(olk_key_exists(classes, SESSION_CLSID_KEY));
    assert_false(olk_key_exists(classes, TYPELIB_KEY));
    for (size_t i = 0; i < ARRAYSIZE(all_progids); i++)
        assert_false(olk_key_exists(classes, all_progids[i]));
    for (size_t i = 0; i < ARRAYSIZE(interfaces); i++)
        assert_false(olk_key_exists(classes, interfaces[i].key));
    RegCloseKey(classes);
}

/* ---- a whole tree as text, to compare states ------------------------------- */

struct text
{
    WCHAR *buf;
    size_t len, cap;
};

static void text_add(struct text *t, const WCHAR *s)
{
    size_t n = wcslen(s);

    if (t->len + n + 1 > t->cap)
    {
        t->cap = (t->len + n + 1) * 2;
        t->buf = realloc(t->buf, t->cap * sizeof(WCHAR));
        assert_non_null(t->buf);
    }
    wcscpy(t->buf + t->len, s);
    t->len += n;
}

static void dump_key(HKEY key, const WCHAR *path, struct text *t)
{
    WCHAR name[256], line[600];
    BYTE data[1024];
    DWORD index, cch, size, type;

    for (index = 0;; index++)
    {
        LSTATUS err;

        cch = 256;
        size = sizeof(data);
        err = RegEnumValueW(key, index, name, &cch, NULL, &type, data, &size);
        if (err == ERROR_NO_MORE_ITEMS)
            break;
        assert_int_equal(err, ERROR_SUCCESS);
        swprintf(line, 600, L"%ls [%ls] type %lu size %lu:", path, name, type, size);
        text_add(t, line);
        for (DWORD i = 0; i < size; i++)
        {
            swprintf(line, 600, L"%02x", data[i]);
            text_add(t, line);
        }
        text_add(t, L"\n");
    }
    for (index = 0;; index++)
    {
        WCHAR child_path[600];
        LSTATUS err;
        HKEY child;

        cch = 256;
        err = RegEnumKeyExW(key, index, name, &cch, NULL, NULL, NULL, NULL);
        if (err == ERROR_NO_MORE_ITEMS)
            break;
        assert_int_equal(err, ERROR_SUCCESS);
        swprintf(child_path, 600, L"%ls\\%ls", path, name);
        text_add(t, child_path);
        text_add(t, L"\n");
        assert_int_equal(RegOpenKeyExW(key, name, 0, KEY_READ, &child), ERROR_SUCCESS);
        dump_key(child, child_path, t);
        RegCloseKey(child);
    }
}

/* The scratch root's whole tree; the caller frees it. */
static WCHAR *dump_root(struct fixture *f)
{
    struct text t = { NULL, 0, 0 };

    text_add(&t, L"");
    dump_key(f->root, L"", &t);
    return t.buf;
}

static void assert_same_text(const WCHAR *expected, const WCHAR *actual)
{
    if (wcscmp(expected, actual))
    {
        print_error("expected:\n%ls\nactual:\n%ls\n", expected, actual);
        fail();
    }
}

/* ---- ops that count and fail --------------------------------------------------- */

static unsigned int writes, value_writes, fail_at, bad_strings;
static REGSAM accesses_seen;

/* A model of WOW64 below the scratch root: the other bitness's CLSID keys
 * live under <root>\OtherView\Software\Classes\CLSID, reached by asking
 * for the other view's key of a path below Software\Classes\CLSID; ProgID
 * keys have no such twin, as Windows 7 and later share them. */
#ifdef _WIN64
#define MODEL_OTHER_VIEW KEY_WOW64_32KEY
#else
#define MODEL_OTHER_VIEW KEY_WOW64_64KEY
#endif
#define OTHER_VIEW_ROOT L"OtherView\\"
#define OTHER_CLSID_KEY OTHER_VIEW_ROOT L"Software\\Classes\\" OUR_CLSID_KEY
static unsigned int other_view_lookups;

static LSTATUS counting_open_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key)
{
    static const WCHAR redirected[] = L"Software\\Classes\\CLSID\\";
    WCHAR other[MAX_PATH];

    accesses_seen |= access;
    if ((access & MODEL_OTHER_VIEW) && !_wcsnicmp(path, redirected, ARRAYSIZE(redirected) - 1))
    {
        other_view_lookups++;
        swprintf(other, ARRAYSIZE(other), OTHER_VIEW_ROOT L"%ls", path);
        path = other;
    }
    return registry_default_ops.open_key(parent, path, access & ~(REGSAM)KEY_WOW64_RES, key);
}

static LSTATUS counting_create_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key, BOOL *created)
{
    accesses_seen |= access;
    if (++writes == fail_at)
        return INJECTED_ERROR;
    return registry_default_ops.create_key(parent, path, access, key, created);
}

static LSTATUS counting_set_value(HKEY key, const WCHAR *name, DWORD type, const BYTE *data, DWORD size)
{
    const WCHAR *text = (const WCHAR *)data;

    /* Windows and Wine both store a missing NUL, so only here does a REG_SZ
     * written without its NUL show. */
    if (type != REG_SZ || size != (wcslen(text) + 1) * sizeof(WCHAR))
        bad_strings++;
    value_writes++;
    if (++writes == fail_at)
        return INJECTED_ERROR;
    return registry_default_ops.set_value(key, name, type, data, size);
}

/* The real registry, watched: every access mask is recorded, and write
 * fail_at (counting key creations and value writes from 1) fails; 0 fails
 * none. Filled in by main, from registry_default_ops. */
static struct registry_ops test_ops;

static void reset_counters(unsigned int fail_at_write)
{
    writes = value_writes = bad_strings = 0;
    fail_at = fail_at_write;
    accesses_seen = 0;
    other_view_lookups = 0;
}

/* ---- checks of the written table ----------------------------------------------- */

static void assert_sz(HKEY classes, const WCHAR *path, const WCHAR *name, const WCHAR *expected)
{
    WCHAR data[MAX_PATH];
    DWORD type = 0, size = sizeof(data);
    HKEY key;

    assert_int_equal(RegOpenKeyExW(classes, path, 0, KEY_READ, &key), ERROR_SUCCESS);
    assert_int_equal(RegQueryValueExW(key, name, NULL, &type, (BYTE *)data, &size), ERROR_SUCCESS);
    RegCloseKey(key);
    assert_int_equal(type, REG_SZ);
    /* The stored length counts the terminating NUL. */
    assert_int_equal(size, (wcslen(expected) + 1) * sizeof(WCHAR));
    assert_int_equal(data[size / sizeof(WCHAR) - 1], 0);
    if (wcscmp(data, expected))
    {
        print_error("%ls [%ls] = \"%ls\", expected \"%ls\"\n", path, name ? name : L"", data, expected);
        fail();
    }
}

static void assert_shape(HKEY classes, const WCHAR *path, DWORD subkeys, DWORD values)
{
    DWORD actual_subkeys, actual_values;
    HKEY key;

    assert_int_equal(RegOpenKeyExW(classes, path, 0, KEY_READ, &key), ERROR_SUCCESS);
    assert_int_equal(RegQueryInfoKeyW(key, NULL, NULL, NULL, &actual_subkeys, NULL, NULL, &actual_values,
                                      NULL, NULL, NULL, NULL), ERROR_SUCCESS);
    RegCloseKey(key);
    assert_int_equal(actual_subkeys, subkeys);
    assert_int_equal(actual_values, values);
}

static void assert_registered(struct fixture *f, const WCHAR *module_path)
{
    HKEY classes = classes_key(f);

    assert_shape(classes, OUR_CLSID_KEY, 3, 1);
    assert_sz(classes, OUR_CLSID_KEY, NULL, DESCRIPTION);
    assert_shape(classes, OUR_CLSID_KEY L"\\InprocServer32", 0, 2);
    assert_sz(classes, OUR_CLSID_KEY L"\\InprocServer32", NULL, module_path);
    assert_sz(classes, OUR_CLSID_KEY L"\\InprocServer32", L"ThreadingModel", L"Both");
    assert_shape(classes, OUR_CLSID_KEY L"\\ProgID", 0, 1);
    assert_sz(classes, OUR_CLSID_KEY L"\\ProgID", NULL, L"OlkHelper.AccountHelper.1");
    assert_shape(classes, OUR_CLSID_KEY L"\\VersionIndependentProgID", 0, 1);
    assert_sz(classes, OUR_CLSID_KEY L"\\VersionIndependentProgID", NULL, L"OlkHelper.AccountHelper");

    assert_shape(classes, L"OlkHelper.AccountHelper.1", 1, 1);
    assert_sz(classes, L"OlkHelper.AccountHelper.1", NULL, DESCRIPTION);
    assert_shape(classes, L"OlkHelper.AccountHelper.1\\CLSID", 0, 1);
    assert_sz(classes, L"OlkHelper.AccountHelper.1\\CLSID", NULL, OUR_CLSID);

    assert_shape(classes, L"OlkHelper.AccountHelper", 2, 1);
    assert_sz(classes, L"OlkHelper.AccountHelper", NULL, DESCRIPTION);
    assert_shape(classes, L"OlkHelper.AccountHelper\\CLSID", 0, 1);
    assert_sz(classes, L"OlkHelper.AccountHelper\\CLSID", NULL, OUR_CLSID);
    assert_shape(classes, L"OlkHelper.AccountHelper\\CurVer", 0, 1);
    assert_sz(classes, L"OlkHelper.AccountHelper\\CurVer", NULL, L"OlkHelper.AccountHelper.1");

    assert_shape(classes, SESSION_CLSID_KEY, 5, 1);
    assert_sz(classes, SESSION_CLSID_KEY, NULL, SESSION_DESCRIPTION);
    assert_shape(classes, SESSION_CLSID_KEY L"\\InprocServer32", 0, 2);
    assert_sz(classes, SESSION_CLSID_KEY L"\\InprocServer32", NULL, module_path);
    assert_sz(classes, SESSION_CLSID_KEY L"\\InprocServer32", L"ThreadingModel", L"Apartment");
    assert_sz(classes, SESSION_CLSID_KEY L"\\ProgID", NULL, L"OlkHelper.Session.1");
    assert_sz(classes, SESSION_CLSID_KEY L"\\VersionIndependentProgID", NULL, L"OlkHelper.Session");
    assert_sz(classes, SESSION_CLSID_KEY L"\\TypeLib", NULL, LIBID);
    assert_sz(classes, SESSION_CLSID_KEY L"\\Version", NULL, OLK_TLB_VERSION);
    assert_shape(classes, L"OlkHelper.Session.1", 1, 1);
    assert_sz(classes, L"OlkHelper.Session.1", NULL, SESSION_DESCRIPTION);
    assert_sz(classes, L"OlkHelper.Session.1\\CLSID", NULL, SESSION_CLSID);
    assert_shape(classes, L"OlkHelper.Session", 2, 1);
    assert_sz(classes, L"OlkHelper.Session", NULL, SESSION_DESCRIPTION);
    assert_sz(classes, L"OlkHelper.Session\\CLSID", NULL, SESSION_CLSID);
    assert_sz(classes, L"OlkHelper.Session\\CurVer", NULL, L"OlkHelper.Session.1");

    assert_shape(classes, TYPELIB_KEY, 1, 0);
    assert_shape(classes, TYPELIB_VERSION_KEY, 3, 1);
    assert_sz(classes, TYPELIB_VERSION_KEY, NULL, L"olkhelper Outlook accounts");
    assert_sz(classes, TYPELIB_VERSION_KEY L"\\FLAGS", NULL, L"0");
    assert_sz(classes, TYPELIB_VERSION_KEY L"\\HELPDIR", NULL, L"");
    assert_shape(classes, TYPELIB_VERSION_KEY L"\\0", 1, 0);
    assert_shape(classes, TYPELIB_VERSION_KEY L"\\0\\" OUR_PLATFORM, 0, 1);
    assert_sz(classes, TYPELIB_VERSION_KEY L"\\0\\" OUR_PLATFORM, NULL, module_path);

    for (size_t i = 0; i < ARRAYSIZE(interfaces); i++)
    {
        WCHAR path[128];

        assert_shape(classes, interfaces[i].key, 2, 1);
        assert_sz(classes, interfaces[i].key, NULL, interfaces[i].name);
        swprintf(path, ARRAYSIZE(path), L"%ls\\ProxyStubClsid32", interfaces[i].key);
        assert_sz(classes, path, NULL, AUTOMATION_PROXY);
        swprintf(path, ARRAYSIZE(path), L"%ls\\TypeLib", interfaces[i].key);
        assert_shape(classes, path, 0, 2);
        assert_sz(classes, path, NULL, LIBID);
        assert_sz(classes, path, L"Version", OLK_TLB_VERSION);
    }
}

/* A neighbour class, ProgID, interface and type library, and a value on the
 * shared CLSID key. */
static void plant_neighbours(struct fixture *f)
{
    HKEY classes = classes_key(f);

    put_sz(classes, L"Interface\\" OTHER_CLSID, NULL, L"IOther");
    put_sz(classes, L"TypeLib\\" OTHER_CLSID L"\\1.0\\0\\win32", NULL, L"C:\\other\\other.tlb");
    put_sz(classes, L"CLSID\\" OTHER_CLSID L"\\InprocServer32", NULL, L"C:\\other\\other.dll");
    put_sz(classes, L"CLSID", L"keep", L"me");
    put_sz(classes, L"Neighbour.Thing", NULL, L"neighbour");
    put_sz(classes, L"Neighbour.Thing\\CLSID", NULL, OTHER_CLSID);
    put_sz(classes, L"OlkHelper.AccountHelper.2", NULL, L"a later version, not ours to remove");
}

/* ---- tests ----------------------------------------------------------------- */

static void test_register_writes_table(void **state)
{
    struct fixture *f = *state;
    DWORD subkeys;

    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    assert_registered(f, MODULE_PATH);
    /* Nothing else below Software\Classes: CLSID and the two ProgIDs. */
    assert_int_equal(RegQueryInfoKeyW(classes_key(f), NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL,
                                      NULL, NULL), ERROR_SUCCESS);
    assert_int_equal(subkeys, 7);
    assert_shape(classes_key(f), L"CLSID", 2, 0);
    assert_shape(classes_key(f), L"Interface", 3, 0);
    assert_shape(classes_key(f), L"TypeLib", 1, 0);

    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    assert_none_of_ours(f);
}

static void test_register_idempotent(void **state)
{
    struct fixture *f = *state;
    WCHAR *once, *twice, *over_stale;
    HKEY classes = classes_key(f);

    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    once = dump_root(f);
    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    twice = dump_root(f);
    assert_same_text(once, twice);

    /* Leftovers in our own keys from an earlier registration go. */
    put_sz(classes, OUR_CLSID_KEY L"\\LocalServer32", NULL, L"C:\\old\\server.exe");
    put_sz(classes, OUR_CLSID_KEY L"\\InprocServer32", L"Stale", L"value");
    put_sz(classes, L"OlkHelper.AccountHelper\\Stale", NULL, L"value");
    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    over_stale = dump_root(f);
    assert_same_text(once, over_stale);

    /* A new path replaces the old one. */
    assert_hr(registry_register(&registry_default_ops, f->root, L"D:\\x.dll"), S_OK);
    assert_registered(f, L"D:\\x.dll");
    free(once);
    free(twice);
    free(over_stale);
}

static void test_register_counts_and_access(void **state)
{
    struct fixture *f = *state;

    reset_counters(0);
    assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), S_OK);
    assert_registered(f, MODULE_PATH);
    /* The documented values, each written once, each a REG_SZ whose length
     * counts its NUL: ten for the helper, twelve for the session and its
     * ProgIDs, four for the type library, four for each of three
     * interfaces. */
    assert_int_equal(value_writes, 10 + 12 + 4 + 3 * 4);
    assert_int_equal(bad_strings, 0);
    /* Never more than each step needs: no KEY_ALL_ACCESS, KEY_WRITE or KEY_READ. */
    assert_int_equal(accesses_seen & ~(REGSAM)(KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY |
                                               KEY_ENUMERATE_SUB_KEYS | DELETE), 0);

    reset_counters(0);
    assert_hr(registry_unregister(&test_ops, f->root), S_OK);
    assert_int_equal(writes, 0);
    assert_int_equal(accesses_seen & ~(REGSAM)(KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | DELETE | MODEL_OTHER_VIEW), 0);
    /* Only the other view of the class is looked up, never our own through it. */
    assert_int_equal(accesses_seen & KEY_WOW64_RES, MODEL_OTHER_VIEW);
    assert_int_equal(other_view_lookups, 1);
}

/* The other bitness's registration, as its own registration would leave it:
 * its class in its view, and the shared ProgIDs. */
static void plant_other_bitness(struct fixture *f)
{
    HKEY classes = classes_key(f), clsid;

    /* Our view's CLSID and Interface keys exist, as on any Windows. */
    assert_int_equal(RegCreateKeyExW(classes, L"CLSID", 0, NULL, 0, KEY_READ, NULL, &clsid, NULL), ERROR_SUCCESS);
    RegCloseKey(clsid);
    assert_int_equal(RegCreateKeyExW(classes, L"Interface", 0, NULL, 0, KEY_READ, NULL, &clsid, NULL),
                     ERROR_SUCCESS);
    RegCloseKey(clsid);
    put_sz(f->root, OTHER_CLSID_KEY, NULL, DESCRIPTION);
    put_sz(f->root, OTHER_CLSID_KEY L"\\InprocServer32", NULL, L"C:\\Program Files (x86)\\olkhelper\\olkhelper.dll");
    put_sz(f->root, OTHER_CLSID_KEY L"\\InprocServer32", L"ThreadingModel", L"Both");
    put_sz(classes, L"OlkHelper.AccountHelper.1", NULL, DESCRIPTION);
    put_sz(classes, L"OlkHelper.AccountHelper.1\\CLSID", NULL, OUR_CLSID);
    put_sz(classes, L"OlkHelper.AccountHelper", NULL, DESCRIPTION);
    put_sz(classes, L"OlkHelper.AccountHelper\\CLSID", NULL, OUR_CLSID);
    put_sz(classes, L"OlkHelper.AccountHelper\\CurVer", NULL, L"OlkHelper.AccountHelper.1");
    put_sz(f->root, OTHER_VIEW_ROOT L"Software\\Classes\\" SESSION_CLSID_KEY L"\\InprocServer32", NULL,
           L"C:\\Program Files (x86)\\olkhelper\\olkhelper.dll");
    put_sz(classes, L"OlkHelper.Session.1", NULL, SESSION_DESCRIPTION);
    put_sz(classes, L"OlkHelper.Session.1\\CLSID", NULL, SESSION_CLSID);
    put_sz(classes, L"OlkHelper.Session", NULL, SESSION_DESCRIPTION);
    put_sz(classes, L"OlkHelper.Session\\CLSID", NULL, SESSION_CLSID);
    put_sz(classes, L"OlkHelper.Session\\CurVer", NULL, L"OlkHelper.Session.1");
    /* The shared TypeLib key, with the other bitness's platform subkey. */
    put_sz(classes, TYPELIB_VERSION_KEY, NULL, L"olkhelper Outlook accounts");
    put_sz(classes, TYPELIB_VERSION_KEY L"\\FLAGS", NULL, L"0");
    put_sz(classes, TYPELIB_VERSION_KEY L"\\HELPDIR", NULL, L"");
    put_sz(classes, TYPELIB_VERSION_KEY L"\\0\\" OTHER_PLATFORM, NULL,
           L"C:\\Program Files (x86)\\olkhelper\\olkhelper.dll");
}

/* Registering and unregistering one bitness leaves the other's registration
 * as it was, shared ProgIDs and TypeLib key included (only our platform's
 * subkey goes); once the other is gone too, the shared keys go with the last
 * registration. */
static void test_other_bitness_keeps_shared_keys(void **state)
{
    struct fixture *f = *state;
    WCHAR *other_only, *now;

    plant_other_bitness(f);
    other_only = dump_root(f);
    reset_counters(0);
    assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), S_OK);
    assert_sz(classes_key(f), OUR_CLSID_KEY L"\\InprocServer32", NULL, MODULE_PATH);
    /* Both platforms side by side below the shared version key. */
    assert_shape(classes_key(f), TYPELIB_VERSION_KEY L"\\0", 2, 0);
    assert_sz(classes_key(f), TYPELIB_VERSION_KEY L"\\0\\" OUR_PLATFORM, NULL, MODULE_PATH);
    assert_hr(registry_unregister(&test_ops, f->root), S_OK);
    now = dump_root(f);
    assert_same_text(other_only, now);
    free(now);

    /* The other bitness unregisters (its class goes); ours is registered
     * again, then unregistered: nothing of ours is left in either view. */
    assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), S_OK);
    assert_int_equal(RegDeleteTreeW(f->root, OTHER_VIEW_ROOT), ERROR_SUCCESS);
    assert_hr(registry_unregister(&test_ops, f->root), S_OK);
    assert_none_of_ours(f);
    free(other_only);
}

/* A registration failing at any write leaves the other bitness's
 * registration, shared ProgIDs included, exactly as it was. */
static void test_rollback_keeps_other_bitness(void **state)
{
    struct fixture *f = *state;
    WCHAR *other_only, *now;
    unsigned int total, n;

    plant_other_bitness(f);
    other_only = dump_root(f);
    reset_counters(0);
    assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), S_OK);
    total = writes;
    for (n = 1; n <= total; n++)
    {
        reset_counters(n);
        assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), HRESULT_FROM_WIN32(INJECTED_ERROR));
        now = dump_root(f);
        assert_same_text(other_only, now);
        free(now);
    }
    free(other_only);
}

/* When the other view cannot be read, the shared keys stay and the error is
 * reported: a registration that might still be in use is never broken. */
static LSTATUS denied_other_view_open_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key)
{
    if (access & MODEL_OTHER_VIEW)
        return ERROR_ACCESS_DENIED;
    return registry_default_ops.open_key(parent, path, access, key);
}

static void test_other_view_unreadable(void **state)
{
    struct fixture *f = *state;
    struct registry_ops ops = registry_default_ops;
    HKEY classes = classes_key(f);

    ops.open_key = denied_other_view_open_key;
    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    assert_hr(registry_unregister(&ops, f->root), HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED));
    assert_false(olk_key_exists(classes, OUR_CLSID_KEY));
    assert_false(olk_key_exists(classes, SESSION_CLSID_KEY));
    assert_false(olk_key_exists(classes, TYPELIB_VERSION_KEY L"\\0\\" OUR_PLATFORM));
    for (size_t i = 0; i < ARRAYSIZE(all_progids); i++)
        assert_true(olk_key_exists(classes, all_progids[i]));
    assert_true(olk_key_exists(classes, TYPELIB_VERSION_KEY));
}

/* Fails write n of a registration, from the first to the last, on an empty
 * root and over an earlier registration: each time the injected error comes
 * back and none of our keys is left, neighbours stay, and a registration
 * afterwards gives exactly the state a clean one does. */
static void test_rollback_at_every_write(void **state)
{
    struct fixture *f = *state;
    WCHAR *clean, *neighbours, *now;
    unsigned int total, n;

    plant_neighbours(f);
    neighbours = dump_root(f);
    reset_counters(0);
    assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), S_OK);
    total = writes;
    assert_true(total >= value_writes);
    clean = dump_root(f);

    for (n = 1; n <= total; n++)
    {
        for (int registered_before = 0; registered_before <= 1; registered_before++)
        {
            if (!registered_before)
                assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
            reset_counters(n);
            assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), HRESULT_FROM_WIN32(INJECTED_ERROR));
            assert_int_equal(writes, n);
            assert_none_of_ours(f);
            now = dump_root(f);
            assert_same_text(neighbours, now);
            free(now);

            assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
            now = dump_root(f);
            assert_same_text(clean, now);
            free(now);
        }
    }
    /* One past the last write: nothing fails. */
    reset_counters(total + 1);
    assert_hr(registry_register(&test_ops, f->root, MODULE_PATH), S_OK);
    free(clean);
    free(neighbours);
}

static void test_neighbours_survive(void **state)
{
    struct fixture *f = *state;
    WCHAR *before, *after;

    plant_neighbours(f);
    before = dump_root(f);
    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    assert_registered(f, MODULE_PATH);
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    after = dump_root(f);
    assert_same_text(before, after);
    free(before);
    free(after);
}

/* After our registration, another class took over our version-independent
 * ProgID; unregistering leaves it to its new owner. */
static void test_neighbour_progid_survives_unregister(void **state)
{
    struct fixture *f = *state;
    HKEY classes = classes_key(f);

    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    put_sz(classes, L"OlkHelper.AccountHelper\\CLSID", NULL, OTHER_CLSID);
    put_sz(classes, L"OlkHelper.AccountHelper\\CurVer", NULL, L"Other.Version.7");
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);

    assert_false(olk_key_exists(classes, OUR_CLSID_KEY));
    assert_false(olk_key_exists(classes, L"OlkHelper.AccountHelper.1"));
    assert_sz(classes, L"OlkHelper.AccountHelper", NULL, DESCRIPTION);
    assert_sz(classes, L"OlkHelper.AccountHelper\\CLSID", NULL, OTHER_CLSID);
    assert_sz(classes, L"OlkHelper.AccountHelper\\CurVer", NULL, L"Other.Version.7");
}

/* A ProgID key is ours only when its CLSID value is a string naming our
 * CLSID: no CLSID value, or one of another type, is someone else's. */
static void test_foreign_progid_kinds_survive_unregister(void **state)
{
    struct fixture *f = *state;
    HKEY classes = classes_key(f);
    WCHAR *before, *after;

    put_sz(classes, L"OlkHelper.AccountHelper", NULL, L"no CLSID subkey");
    assert_int_equal(RegSetKeyValueW(classes, L"OlkHelper.AccountHelper.1\\CLSID", NULL, REG_BINARY,
                                     OUR_CLSID, sizeof(OUR_CLSID)), ERROR_SUCCESS);
    before = dump_root(f);
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    after = dump_root(f);
    assert_same_text(before, after);
    free(before);
    free(after);
}

/* Registration never takes a ProgID another class owns: it writes nothing. */
static void test_register_refuses_foreign_progid(void **state)
{
    struct fixture *f = *state;
    HKEY classes = classes_key(f);
    const WCHAR *const *progids = all_progids;

    for (size_t i = 0; i < ARRAYSIZE(all_progids); i++)
    {
        WCHAR path[64], *before, *after;

        swprintf(path, 64, L"%ls\\CLSID", progids[i]);
        put_sz(classes, path, NULL, OTHER_CLSID);
        before = dump_root(f);
        assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), SELFREG_E_CLASS);
        after = dump_root(f);
        assert_same_text(before, after);
        assert_false(olk_key_exists(classes, OUR_CLSID_KEY));

        /* Without a CLSID value it is not ours either. */
        assert_int_equal(RegDeleteTreeW(classes, path), ERROR_SUCCESS);
        assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), SELFREG_E_CLASS);
        assert_false(olk_key_exists(classes, OUR_CLSID_KEY));
        assert_int_equal(RegDeleteTreeW(classes, progids[i]), ERROR_SUCCESS);
        free(before);
        free(after);
    }

    /* Our CLSID in another spelling, or as a REG_EXPAND_SZ (COM reads
     * either), is still ours. */
    put_sz(classes, L"OlkHelper.AccountHelper\\CLSID", NULL, L"{530a73ef-6347-4a72-b96d-9049dd249116}");
    assert_int_equal(RegSetKeyValueW(classes, L"OlkHelper.AccountHelper.1\\CLSID", NULL, REG_EXPAND_SZ,
                                     OUR_CLSID, sizeof(OUR_CLSID)), ERROR_SUCCESS);
    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    assert_registered(f, MODULE_PATH);
}

static void test_unregister_nothing(void **state)
{
    struct fixture *f = *state;
    DWORD subkeys;

    /* Not even Software\Classes: and unregistering does not create it. */
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    assert_int_equal(RegQueryInfoKeyW(f->root, NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL, NULL,
                                      NULL), ERROR_SUCCESS);
    assert_int_equal(subkeys, 0);

    classes_key(f);
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    assert_shape(f->classes, L"", 0, 0);
}

static LSTATUS refusing_delete_tree(HKEY parent, const WCHAR *path)
{
    if (!wcscmp(path, OUR_CLSID_KEY))
        return ERROR_ACCESS_DENIED;
    return registry_default_ops.delete_tree(parent, path);
}

/* A key that cannot be removed is reported, and the others still go. */
static void test_unregister_failure(void **state)
{
    struct fixture *f = *state;
    /* Through the WOW64 model: the scratch root has no other view, and the
     * real registry would show the class key that could not be removed. */
    struct registry_ops ops = test_ops;

    reset_counters(0);
    ops.delete_tree = refusing_delete_tree;
    assert_hr(registry_register(&registry_default_ops, f->root, MODULE_PATH), S_OK);
    assert_hr(registry_unregister(&ops, f->root), HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED));
    assert_true(olk_key_exists(classes_key(f), OUR_CLSID_KEY));
    assert_false(olk_key_exists(classes_key(f), L"OlkHelper.AccountHelper.1"));
    assert_false(olk_key_exists(classes_key(f), L"OlkHelper.AccountHelper"));

    /* Registration first clears what is there: the same failure stops it
     * before anything is written. */
    assert_hr(registry_register(&ops, f->root, MODULE_PATH), HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED));
    assert_false(olk_key_exists(classes_key(f), L"OlkHelper.AccountHelper"));
    assert_hr(registry_unregister(&registry_default_ops, f->root), S_OK);
    assert_none_of_ours(f);
}

static void test_bad_args(void **state)
{
    struct fixture *f = *state;
    DWORD subkeys;

    assert_hr(registry_register(NULL, f->root, MODULE_PATH), E_INVALIDARG);
    assert_hr(registry_register(&registry_default_ops, NULL, MODULE_PATH), E_INVALIDARG);
    assert_hr(registry_register(&registry_default_ops, f->root, NULL), E_INVALIDARG);
    assert_hr(registry_register(&registry_default_ops, f->root, L""), E_INVALIDARG);
    assert_hr(registry_unregister(NULL, f->root), E_INVALIDARG);
    assert_hr(registry_unregister(&registry_default_ops, NULL), E_INVALIDARG);
    assert_int_equal(RegQueryInfoKeyW(f->root, NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL, NULL,
                                      NULL), ERROR_SUCCESS);
    assert_int_equal(subkeys, 0);
}

static void test_scope_root(void **state)
{
    static const WCHAR *const machine[] = { NULL, L"", L"machine", L"MACHINE", L"Machine" };
    static const WCHAR *const user[] = { L"user", L"USER", L"uSeR" };
    static const WCHAR *const bogus[] = { L"bogus", L"users", L"use", L" user", L"user ", L"machine user",
                                          L"/i:user", L"\"user\"" };
    HKEY root;

    (void)state;
    for (size_t i = 0; i < sizeof(machine) / sizeof(machine[0]); i++)
    {
        root = OLK_SENTINEL;
        assert_hr(registry_scope_root(machine[i], &root), S_OK);
        assert_ptr_equal(root, HKEY_LOCAL_MACHINE);
    }
    for (size_t i = 0; i < sizeof(user) / sizeof(user[0]); i++)
    {
        root = OLK_SENTINEL;
        assert_hr(registry_scope_root(user[i], &root), S_OK);
        assert_ptr_equal(root, HKEY_CURRENT_USER);
    }
    for (size_t i = 0; i < sizeof(bogus) / sizeof(bogus[0]); i++)
    {
        root = OLK_SENTINEL;
        assert_hr(registry_scope_root(bogus[i], &root), E_INVALIDARG);
        assert_null(root);
    }
    assert_hr(registry_scope_root(L"user", NULL), E_POINTER);
}

static void test_module_path(void **state)
{
    WCHAR expected[MAX_PATH], path[MAX_PATH];
    DWORD len = GetModuleFileNameW(NULL, expected, MAX_PATH);

    (void)state;
    assert_true(len > 0 && len < MAX_PATH);
    assert_hr(registry_module_path(NULL, path, MAX_PATH), S_OK);
    assert_same_text(expected, path);
    assert_hr(registry_module_path(NULL, path, len + 1), S_OK);
    assert_same_text(expected, path);

    /* One short: an error, and no cut path left behind. */
    wmemset(path, L'x', MAX_PATH);
    assert_hr(registry_module_path(NULL, path, len), HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
    assert_int_equal(path[0], 0);
    assert_hr(registry_module_path(NULL, path, 1), HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
    assert_int_equal(path[0], 0);

    assert_hr(registry_module_path(NULL, NULL, MAX_PATH), E_INVALIDARG);
    assert_hr(registry_module_path(NULL, path, 0), E_INVALIDARG);
    path[0] = L'x';
    assert_hr(registry_module_path((HMODULE)&len, path, MAX_PATH), HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND));
    assert_int_equal(path[0], 0);
}

#define SCRATCH_TEST(f) cmocka_unit_test_prestate_setup_teardown(f, setup, teardown, (void *)L## #f)

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        SCRATCH_TEST(test_register_writes_table),
        SCRATCH_TEST(test_register_idempotent),
        SCRATCH_TEST(test_register_counts_and_access),
        SCRATCH_TEST(test_rollback_at_every_write),
        SCRATCH_TEST(test_other_bitness_keeps_shared_keys),
        SCRATCH_TEST(test_rollback_keeps_other_bitness),
        SCRATCH_TEST(test_other_view_unreadable),
        SCRATCH_TEST(test_neighbours_survive),
        SCRATCH_TEST(test_neighbour_progid_survives_unregister),
        SCRATCH_TEST(test_foreign_progid_kinds_survive_unregister),
        SCRATCH_TEST(test_register_refuses_foreign_progid),
        SCRATCH_TEST(test_unregister_nothing),
        SCRATCH_TEST(test_unregister_failure),
        SCRATCH_TEST(test_bad_args),
        cmocka_unit_test(test_scope_root),
        cmocka_unit_test(test_module_path),
    };

    test_ops = registry_default_ops;
    test_ops.open_key = counting_open_key;
    test_ops.create_key = counting_create_key;
    test_ops.set_value = counting_set_value;
    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
