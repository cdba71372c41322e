/*
 * src/mapi/: the discovery order, step by step, through a scripted
 * table of operating-system calls; then for real under Wine, where the
 * search must end at the system directory's mapi32.dll and never touch a
 * DLL planted in the current directory or on PATH.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mapi.h"

/* The names each architecture must ask for: documented, and decorated on x86. */
#ifdef _WIN64
static const char *const required_names[] = { "MAPIInitialize", "MAPIUninitialize", "MAPILogonEx", "MAPIFreeBuffer" };
static const char admin_name[] = "MAPIAdminProfiles";
static const char *const other_decoration[] = { "MAPIInitialize@4", "MAPIUninitialize@0", "MAPILogonEx@20",
                                                "MAPIFreeBuffer@4", "MAPIAdminProfiles@8", NULL };
#else
static const char *const required_names[] = { "MAPIInitialize@4", "MAPIUninitialize@0", "MAPILogonEx@20",
                                              "MAPIFreeBuffer@4" };
static const char admin_name[] = "MAPIAdminProfiles@8";
static const char *const other_decoration[] = { "MAPIInitialize", "MAPIUninitialize", "MAPILogonEx",
                                                "MAPIFreeBuffer", "MAPIAdminProfiles", NULL };
#endif

static const char *full_exports[6];
static const char *no_admin_exports[5];
static const char *no_logon_exports[4];

static void init_export_lists(void)
{
    size_t i, n = 0;

    for (i = 0; i < 4; i++)
    {
        full_exports[i] = required_names[i];
        no_admin_exports[i] = required_names[i];
        if (i != 2)
            no_logon_exports[n++] = required_names[i];
    }
    full_exports[4] = admin_name;
}

/* ---- a scripted machine --------------------------------------------------- */

struct fake_module
{
    const WCHAR *path;
    const char *const *exports;   /* NULL-terminated */
};

#define MAX_MODULES 8
#define OUTLOOK_APP_PATH L"Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE"
#define MAX_LOG 96

static struct
{
    const WCHAR *preloaded[2];        /* paths of modules loaded as olmapi32.dll, msmapi32.dll */
    const WCHAR *client;              /* default value of HKLM\Software\Clients\Mail */
    const WCHAR *dllpathex;
    DWORD dllpathex_type;
    const WCHAR *msi_category, *msi_qualifier, *msi_path;
    const WCHAR *system_dir;
    struct fake_module modules[MAX_MODULES];
    size_t module_count;
    char log[MAX_LOG][300];
    size_t log_count;
    LONG references;                  /* taken minus given back */
    BOOL relative_load;               /* load was handed a path that is not absolute */
    BOOL no_installer;                /* Windows Installer cannot be loaded */
    BOOL no_outlook_app_path;         /* no App Paths\OUTLOOK.EXE */
} fake;

static void note(const char *format, const WCHAR *text)
{
    char narrow[256];

    assert_true(fake.log_count < MAX_LOG);
    WideCharToMultiByte(CP_UTF8, 0, text ? text : L"(null)", -1, narrow, sizeof(narrow), NULL, NULL);
    snprintf(fake.log[fake.log_count++], sizeof(fake.log[0]), format, narrow);
}

static int log_index(const char *entry)
{
    size_t i;

    for (i = 0; i < fake.log_count; i++)
    {
        if (!strcmp(fake.log[i], entry))
            return (int)i;
    }
    return -1;
}

static int log_prefix_count(const char *prefix)
{
    size_t i;
    int count = 0;

    for (i = 0; i < fake.log_count; i++)
        count += !strncmp(fake.log[i], prefix, strlen(prefix));
    return count;
}

static void dump_log(void)
{
    size_t i;

    for (i = 0; i < fake.log_count; i++)
        print_message("  %s\n", fake.log[i]);
}

#define assert_logged(entry) do { if (log_index(entry) < 0) { dump_log(); fail_msg("not called: %s", entry); } } while (0)
#define assert_not_logged(entry) do { if (log_index(entry) >= 0) { dump_log(); fail_msg("called: %s", entry); } } while (0)
#define assert_before(a, b) do { assert_logged(a); assert_logged(b); \
    if (log_index(a) > log_index(b)) { dump_log(); fail_msg("%s after %s", a, b); } } while (0)

static HMODULE handle_of(size_t index)
{
    return (HMODULE)(ULONG_PTR)(0x10000 + 0x100 * index);
}

static struct fake_module *module_of(HMODULE handle)
{
    size_t i;

    for (i = 0; i < fake.module_count; i++)
    {
        if (handle_of(i) == handle)
            return &fake.modules[i];
    }
    return NULL;
}

static void add_module(const WCHAR *path, const char *const *exports)
{
    assert_true(fake.module_count < MAX_MODULES);
    fake.modules[fake.module_count].path = path;
    fake.modules[fake.module_count].exports = exports;
    fake.module_count++;
}

static BOOL find_module(const WCHAR *path, HMODULE *handle)
{
    size_t i;

    for (i = 0; i < fake.module_count; i++)
    {
        if (!_wcsicmp(fake.modules[i].path, path))
        {
            *handle = handle_of(i);
            return TRUE;
        }
    }
    return FALSE;
}

static BOOL fake_attach_loaded(const WCHAR *name, HMODULE *module)
{
    size_t i = !_wcsicmp(name, L"olmapi32.dll") ? 0 : !_wcsicmp(name, L"msmapi32.dll") ? 1 : 2;

    note("attach %s", name);
    *module = NULL;
    if (i > 1 || !fake.preloaded[i] || !find_module(fake.preloaded[i], module))
        return FALSE;
    fake.references++;
    return TRUE;
}

static LSTATUS give_string(const WCHAR *text, DWORD type, WCHAR *data, DWORD *cb, DWORD *out_type)
{
    DWORD size = (DWORD)((wcslen(text) + 1) * sizeof(WCHAR));

    if (*cb < size)
    {
        *cb = size;
        return ERROR_MORE_DATA;
    }
    memcpy(data, text, size);
    *cb = size;
    *out_type = type;
    return ERROR_SUCCESS;
}

static LSTATUS fake_read_string(HKEY root, const WCHAR *subkey, const WCHAR *value,
                                WCHAR *data, DWORD *cb, DWORD *type)
{
    WCHAR client_key[300];

    note("reg %s", subkey);
    assert_ptr_equal(root, HKEY_LOCAL_MACHINE);
    if (!wcscmp(subkey, OUTLOOK_APP_PATH) && !value)
        return fake.no_outlook_app_path ? ERROR_FILE_NOT_FOUND
                                        : give_string(L"C:\\Office\\OUTLOOK.EXE", REG_SZ, data, cb, type);
    if (!wcscmp(subkey, L"Software\\Clients\\Mail") && !value && fake.client)
        return give_string(fake.client, REG_SZ, data, cb, type);
    if (!fake.client || !value || wcscmp(value, L"DLLPathEx") || !fake.dllpathex)
        return ERROR_FILE_NOT_FOUND;
    swprintf(client_key, ARRAYSIZE(client_key), L"Software\\Clients\\Mail\\%ls", fake.client);
    if (wcscmp(subkey, client_key))
        return ERROR_FILE_NOT_FOUND;
    return give_string(fake.dllpathex, fake.dllpathex_type, data, cb, type);
}

static DWORD fake_expand(const WCHAR *src, WCHAR *dst, DWORD cch)
{
    note("expand %s", src);
    return ExpandEnvironmentStringsW(src, dst, cch);
}

static void *fake_open_installer(void)
{
    note("installer %s", L"open");
    return fake.no_installer ? NULL : &fake;
}

static void fake_close_installer(void *installer)
{
    assert_ptr_equal(installer, &fake);
    note("installer %s", L"close");
}

static UINT fake_provide_component(void *installer, const WCHAR *category, const WCHAR *qualifier,
                                   WCHAR *path, DWORD *cch)
{
    WCHAR entry[200];

    assert_ptr_equal(installer, &fake);

    swprintf(entry, ARRAYSIZE(entry), L"%ls %ls", category, qualifier);
    note("msi %s", entry);
    if (!fake.msi_path || wcscmp(category, fake.msi_category) || wcscmp(qualifier, fake.msi_qualifier))
        return ERROR_UNKNOWN_COMPONENT;
    if (*cch <= wcslen(fake.msi_path))
        return ERROR_MORE_DATA;
    wcscpy(path, fake.msi_path);
    *cch = (DWORD)wcslen(path);
    return ERROR_SUCCESS;
}

static UINT fake_system_directory(WCHAR *buffer, UINT cch)
{
    UINT len = (UINT)wcslen(fake.system_dir);

    if (cch <= len)
        return len + 1;
    wcscpy(buffer, fake.system_dir);
    return len;
}

static BOOL absolute(const WCHAR *path)
{
    return (path[0] && path[1] == L':' && path[2] == L'\\') || (path[0] == L'\\' && path[1] == L'\\');
}

static HMODULE fake_load(const WCHAR *path)
{
    HMODULE module;

    note("load %s", path);
    if (!absolute(path))
        fake.relative_load = TRUE;
    if (!find_module(path, &module))
        return NULL;
    fake.references++;
    return module;
}

static void some_export(void)
{
}

static FARPROC fake_get_proc(HMODULE handle, const char *name)
{
    struct fake_module *module = module_of(handle);
    const char *const *export;
    WCHAR wide[64];

    MultiByteToWideChar(CP_ACP, 0, name, -1, wide, ARRAYSIZE(wide));
    note("proc %s", wide);
    assert_non_null(module);
    for (export = module->exports; *export; export++)
    {
        if (!strcmp(*export, name))
            return (FARPROC)(void (*)(void))some_export;
    }
    return NULL;
}

static void fake_release(HMODULE handle)
{
    struct fake_module *module = module_of(handle);

    assert_non_null(module);
    note("release %s", module->path);
    fake.references--;
}

static const struct mapi_loader_ops fake_ops =
{
    fake_attach_loaded,
    fake_read_string,
    fake_expand,
    fake_open_installer,
    fake_provide_component,
    fake_close_installer,
    fake_system_directory,
    fake_load,
    fake_get_proc,
    fake_release,
};

static int reset_fake(void **state)
{
    (void)state;
    memset(&fake, 0, sizeof(fake));
    fake.system_dir = L"C:\\windows\\system32";
    fake.dllpathex_type = REG_SZ;
    return 0;
}

/* Every discovery must leave one reference (the result's) or none, and
 * never hand load a relative path. */
static HRESULT discover(struct mapi_functions *mapi)
{
    HRESULT hr = mapi_discover(&fake_ops, mapi);

    assert_false(fake.relative_load);
    assert_int_equal(fake.references, SUCCEEDED(hr) ? 1 : 0);
    return hr;
}

static void assert_module(const struct mapi_functions *mapi, const WCHAR *path)
{
    HMODULE expected;

    assert_true(find_module(path, &expected));
    assert_ptr_equal(mapi->module, expected);
    assert_non_null(mapi->initialize);
    assert_non_null(mapi->uninitialize);
    assert_non_null(mapi->logon_ex);
    assert_non_null(mapi->free_buffer);
}

#define SYSTEM_MAPI L"C:\\windows\\system32\\mapi32.dll"
#define OUTLOOK_MAPI L"C:\\Program Files\\Microsoft Office\\root\\Office16\\olmapi32.dll"
#define CLIENT_MAPI L"C:\\Contoso\\contosomapi.dll"

#ifdef _WIN64
#define FIRST_QUALIFIER L"outlook.x64.exe"
#else
#define FIRST_QUALIFIER L"outlook.exe"
#endif

/* ---- step 1: MAPI the host already loaded ------------------------------- */

static void test_preloaded_olmapi32_first(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(L"C:\\Office\\olmapi32.dll", full_exports);
    add_module(L"C:\\Office\\msmapi32.dll", full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.preloaded[0] = L"C:\\Office\\olmapi32.dll";
    fake.preloaded[1] = L"C:\\Office\\msmapi32.dll";
    fake.client = L"Contoso";
    fake.dllpathex = CLIENT_MAPI;

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, L"C:\\Office\\olmapi32.dll");
    assert_non_null(mapi.admin_profiles);
    assert_not_logged("attach msmapi32.dll");
    assert_int_equal(log_prefix_count("reg "), 0);
    assert_int_equal(log_prefix_count("load "), 0);
}

static void test_preloaded_msmapi32(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(L"C:\\Office\\msmapi32.dll", full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.preloaded[1] = L"C:\\Office\\msmapi32.dll";

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, L"C:\\Office\\msmapi32.dll");
    assert_before("attach olmapi32.dll", "attach msmapi32.dll");
    assert_int_equal(log_prefix_count("load "), 0);
}

static void test_preloaded_lacking_export_is_skipped(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(L"C:\\Office\\olmapi32.dll", no_logon_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.preloaded[0] = L"C:\\Office\\olmapi32.dll";

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_before("release C:\\Office\\olmapi32.dll", "load " "C:\\windows\\system32\\mapi32.dll");
}

/* ---- step 2: the default mail client's DLLPathEx -------------------------- */

static void test_dllpathex_absolute(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(CLIENT_MAPI, full_exports);
    add_module(OUTLOOK_MAPI, full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.client = L"Contoso";
    fake.dllpathex = CLIENT_MAPI;
    fake.msi_category = L"{5812C571-53F0-4467-BEFA-0A4F47A9437C}";
    fake.msi_qualifier = FIRST_QUALIFIER;
    fake.msi_path = L"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, CLIENT_MAPI);
    assert_before("attach msmapi32.dll", "reg Software\\Clients\\Mail");
    assert_before("reg Software\\Clients\\Mail", "reg Software\\Clients\\Mail\\Contoso");
    assert_int_equal(log_prefix_count("msi "), 0);
    assert_int_equal(log_prefix_count("load "), 1);
    assert_not_logged("expand " "C:\\Contoso\\contosomapi.dll");
}

static void test_dllpathex_expand_sz(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKTEST_MAPI_DIR", L"C:\\Expanded"));
    add_module(L"C:\\Expanded\\contosomapi.dll", full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.client = L"Contoso";
    fake.dllpathex = L"%OLKTEST_MAPI_DIR%\\contosomapi.dll";
    fake.dllpathex_type = REG_EXPAND_SZ;

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, L"C:\\Expanded\\contosomapi.dll");
    assert_logged("expand %OLKTEST_MAPI_DIR%\\contosomapi.dll");
    assert_logged("load C:\\Expanded\\contosomapi.dll");
    SetEnvironmentVariableW(L"OLKTEST_MAPI_DIR", NULL);
}

/* The same string as REG_SZ is taken literally: not expanded, and then not
 * absolute. */
static void test_dllpathex_sz_not_expanded(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKTEST_MAPI_DIR", L"C:\\Expanded"));
    add_module(L"C:\\Expanded\\contosomapi.dll", full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.client = L"Contoso";
    fake.dllpathex = L"%OLKTEST_MAPI_DIR%\\contosomapi.dll";

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_int_equal(log_prefix_count("expand "), 0);
    SetEnvironmentVariableW(L"OLKTEST_MAPI_DIR", NULL);
}

static void test_dllpathex_relative_refused(void **state)
{
    static const struct { const WCHAR *value; DWORD type; } relative[] =
    {
        { L"contosomapi.dll", REG_SZ },
        { L".\\contosomapi.dll", REG_SZ },
        { L"..\\Contoso\\contosomapi.dll", REG_SZ },
        { L"C:contosomapi.dll", REG_SZ },
        { L"\\Contoso\\contosomapi.dll", REG_SZ },
        { L"mapi32.dll", REG_SZ },
        { L"%OLKTEST_RELATIVE%", REG_EXPAND_SZ },
    };
    struct mapi_functions mapi;
    size_t i;

    assert_true(SetEnvironmentVariableW(L"OLKTEST_RELATIVE", L"contosomapi.dll"));
    for (i = 0; i < ARRAYSIZE(relative); i++)
    {
        reset_fake(state);
        add_module(relative[i].value, full_exports);
        add_module(L"contosomapi.dll", full_exports);
        add_module(SYSTEM_MAPI, full_exports);
        fake.client = L"Contoso";
        fake.dllpathex = relative[i].value;
        fake.dllpathex_type = relative[i].type;

        assert_hr(discover(&mapi), S_OK);
        assert_module(&mapi, SYSTEM_MAPI);
        assert_logged("reg Software\\Clients\\Mail\\Contoso");
        assert_int_equal(log_prefix_count("load "), 1);
    }
    SetEnvironmentVariableW(L"OLKTEST_RELATIVE", NULL);
}

static void test_dllpathex_missing(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(SYSTEM_MAPI, full_exports);
    fake.client = L"Contoso";

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_logged("reg Software\\Clients\\Mail\\Contoso");

    /* No default client at all: its key is never asked for (the other
     * registry read is Outlook's App Paths entry). */
    reset_fake(state);
    add_module(SYSTEM_MAPI, full_exports);
    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_int_equal(log_prefix_count("reg "), 2);
    assert_int_equal(log_prefix_count("reg Software\\Clients"), 1);
}

static void test_dllpathex_lacking_export_is_skipped(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(CLIENT_MAPI, no_logon_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.client = L"Contoso";
    fake.dllpathex = CLIENT_MAPI;

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_before("load C:\\Contoso\\contosomapi.dll", "release C:\\Contoso\\contosomapi.dll");
    assert_before("release C:\\Contoso\\contosomapi.dll", "load C:\\windows\\system32\\mapi32.dll");
}

/* ---- step 3: an installed Outlook ----------------------------------------- */

static void test_installed_outlook(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(OUTLOOK_MAPI, full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.msi_category = L"{5812C571-53F0-4467-BEFA-0A4F47A9437C}";
    fake.msi_qualifier = FIRST_QUALIFIER;
    fake.msi_path = L"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, OUTLOOK_MAPI);
    assert_int_equal(log_prefix_count("msi "), 1);
    assert_before("load C:\\Program Files\\Microsoft Office\\root\\Office16\\olmapi32.dll", "installer close");
    assert_not_logged("load C:\\windows\\system32\\mapi32.dll");
}

static void test_installed_outlook_older_category(void **state)
{
    static const WCHAR path[] = L"D:\\Office14\\OUTLOOK.EXE";
    struct mapi_functions mapi;

    (void)state;
    add_module(L"D:\\Office14\\olmapi32.dll", full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    fake.msi_category = L"{1E77DE88-BCAB-4C37-B9E5-073AF52DFD7A}";
    fake.msi_qualifier = L"outlook.exe";
    fake.msi_path = path;

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, L"D:\\Office14\\olmapi32.dll");
    assert_before("msi {5812C571-53F0-4467-BEFA-0A4F47A9437C} outlook.exe",
                  "msi {E83B4360-C208-4325-9504-0D23003A74A5} outlook.exe");
    assert_before("msi {E83B4360-C208-4325-9504-0D23003A74A5} outlook.exe",
                  "msi {1E77DE88-BCAB-4C37-B9E5-073AF52DFD7A} outlook.exe");
}

static void test_installed_outlook_all_categories_asked(void **state)
{
    static const char *const categories[] =
    {
        "{5812C571-53F0-4467-BEFA-0A4F47A9437C}", "{E83B4360-C208-4325-9504-0D23003A74A5}",
        "{1E77DE88-BCAB-4C37-B9E5-073AF52DFD7A}", "{24AAE126-0911-478F-A019-07B875EB9996}",
        "{BC174BAD-2F53-4855-A1D5-0D575C19B1EA}", "{BC174BAD-2F53-4855-A1D5-1D575C19B1EA}",
    };
    struct mapi_functions mapi;
    char entry[128];
    size_t i;

    (void)state;
    add_module(SYSTEM_MAPI, full_exports);
    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    for (i = 0; i < ARRAYSIZE(categories); i++)
    {
        snprintf(entry, sizeof(entry), "msi %s outlook.exe", categories[i]);
        assert_before(entry, "load C:\\windows\\system32\\mapi32.dll");
#ifdef _WIN64
        {
            char x64[128];
            snprintf(x64, sizeof(x64), "msi %s outlook.x64.exe", categories[i]);
            assert_before(x64, entry);
        }
#endif
    }
    assert_int_equal(log_prefix_count("installer open"), 1);
    assert_int_equal(log_prefix_count("installer close"), 1);
    assert_before("installer close", "load C:\\windows\\system32\\mapi32.dll");
#ifdef _WIN64
    assert_int_equal(log_prefix_count("msi "), 12);
#else
    /* A 32-bit process cannot load a 64-bit Outlook's MAPI. */
    assert_int_equal(log_prefix_count("msi "), 6);
#endif
}

/* No Windows Installer: the step is skipped, not the search. */
/* Without Outlook's App Paths entry there is no Outlook to ask Windows
 * Installer for, and msi.dll is not even loaded. */
static void test_installer_not_asked_without_outlook(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    fake.no_outlook_app_path = TRUE;
    fake.msi_category = L"{5812C571-53F0-4467-BEFA-0A4F47A9437C}";
    fake.msi_qualifier = FIRST_QUALIFIER;
    fake.msi_path = L"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";
    add_module(OUTLOOK_MAPI, full_exports);
    add_module(SYSTEM_MAPI, full_exports);
    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_not_logged("installer open");
}

static void test_installer_unavailable(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(SYSTEM_MAPI, full_exports);
    fake.no_installer = TRUE;
    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_logged("installer open");
    assert_int_equal(log_prefix_count("msi "), 0);
    assert_not_logged("installer close");
}

/* ---- step 4 and the outcome ----------------------------------------------- */

static void test_full_order(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    fake.client = L"Contoso";
    fake.dllpathex = CLIENT_MAPI;
    fake.msi_category = L"{5812C571-53F0-4467-BEFA-0A4F47A9437C}";
    fake.msi_qualifier = FIRST_QUALIFIER;
    fake.msi_path = L"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";

    assert_hr(discover(&mapi), HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND));
    assert_null(mapi.module);
    assert_before("attach olmapi32.dll", "attach msmapi32.dll");
    assert_before("attach msmapi32.dll", "reg Software\\Clients\\Mail");
    assert_before("reg Software\\Clients\\Mail\\Contoso", "load C:\\Contoso\\contosomapi.dll");
    assert_before("load C:\\Contoso\\contosomapi.dll", "msi {5812C571-53F0-4467-BEFA-0A4F47A9437C} outlook.exe");
    assert_before("load C:\\Program Files\\Microsoft Office\\root\\Office16\\olmapi32.dll",
                  "msi {E83B4360-C208-4325-9504-0D23003A74A5} outlook.exe");
    assert_before("msi {BC174BAD-2F53-4855-A1D5-1D575C19B1EA} outlook.exe",
                  "load C:\\windows\\system32\\mapi32.dll");
    assert_int_equal(log_prefix_count("load "), 3);
}

static void test_system_directory(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    fake.system_dir = L"E:\\Win\\System32";
    add_module(L"E:\\Win\\System32\\mapi32.dll", full_exports);

    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, L"E:\\Win\\System32\\mapi32.dll");
}

static void test_nothing_found(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    memset(&mapi, 0xcc, sizeof(mapi));
    assert_hr(discover(&mapi), HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND));
    assert_null(mapi.module);
    assert_null(mapi.initialize);
}

static void test_all_lack_exports(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(L"C:\\Office\\olmapi32.dll", no_logon_exports);
    add_module(CLIENT_MAPI, no_logon_exports);
    add_module(SYSTEM_MAPI, other_decoration);
    fake.preloaded[0] = L"C:\\Office\\olmapi32.dll";
    fake.client = L"Contoso";
    fake.dllpathex = CLIENT_MAPI;

    assert_hr(discover(&mapi), HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND));
    assert_null(mapi.module);
    assert_int_equal(log_prefix_count("release "), 3);
}

/* The four required names, asked for as this architecture spells them; the
 * other spelling alone does not do. */
static void test_export_names(void **state)
{
    struct mapi_functions mapi;
    char entry[64];
    size_t i;

    (void)state;
    add_module(SYSTEM_MAPI, full_exports);
    assert_hr(discover(&mapi), S_OK);
    for (i = 0; i < ARRAYSIZE(required_names); i++)
    {
        snprintf(entry, sizeof(entry), "proc %s", required_names[i]);
        assert_logged(entry);
    }
    snprintf(entry, sizeof(entry), "proc %s", admin_name);
    assert_logged(entry);
    for (i = 0; other_decoration[i]; i++)
    {
        snprintf(entry, sizeof(entry), "proc %s", other_decoration[i]);
        assert_not_logged(entry);
    }
}

static void test_admin_profiles_optional(void **state)
{
    struct mapi_functions mapi;

    (void)state;
    add_module(SYSTEM_MAPI, no_admin_exports);
    assert_hr(discover(&mapi), S_OK);
    assert_module(&mapi, SYSTEM_MAPI);
    assert_null(mapi.admin_profiles);
}

/* Other exports go through the same table: the plain name first on x64 (then
 * the decorated one), only the decorated one on x86. */
static void test_proc_through_the_table(void **state)
{
    static const char *const exports[] = { "FreeProws@4", "Plain", NULL };
    struct mapi_functions mapi;

    (void)state;
    add_module(SYSTEM_MAPI, full_exports);
    assert_hr(discover(&mapi), S_OK);
    fake.modules[0].exports = exports;
    assert_non_null(mapi_proc(&mapi, "FreeProws", 4));
    assert_logged("proc FreeProws@4");
#ifdef _WIN64
    assert_logged("proc FreeProws");
    assert_non_null(mapi_proc(&mapi, "Plain", 8));
    assert_not_logged("proc Plain@8");
#else
    assert_not_logged("proc FreeProws");
    assert_null(mapi_proc(&mapi, "Plain", 8));
    assert_logged("proc Plain@8");
#endif
}

/* ---- for real, under Wine ------------------------------------------------- */

static void system_mapi32_path(WCHAR *path, UINT cch)
{
    UINT len = GetSystemDirectoryW(path, cch);

    assert_true(len && len + 12 < cch);
    wcscat(path, L"\\mapi32.dll");
}

static void assert_system_mapi32(HMODULE module)
{
    WCHAR expected[MAX_PATH], actual[MAX_PATH];

    system_mapi32_path(expected, MAX_PATH);
    assert_true(GetModuleFileNameW(module, actual, MAX_PATH));
    if (_wcsicmp(expected, actual))
        fail_msg("loaded %ls, expected %ls", actual, expected);
}

/* The test prefix's mail client has a bare DLLPathEx, no Outlook is
 * installed: the search must end at the system directory. */
static void test_real_system_mapi32(void **state)
{
    const struct mapi_functions *mapi = OLK_SENTINEL, *again = OLK_SENTINEL;

    (void)state;
    assert_hr(mapi_get(&mapi), S_OK);
    assert_non_null(mapi);
    assert_system_mapi32(mapi->module);
    assert_ptr_equal(mapi->initialize, (void *)GetProcAddress(mapi->module, required_names[0]));
    assert_ptr_equal(mapi->logon_ex, (void *)GetProcAddress(mapi->module, required_names[2]));
    assert_non_null(mapi->admin_profiles);

    assert_hr(mapi_get(&again), S_OK);
    assert_ptr_equal(again, mapi);
}

/* Wine's x64 mapi32 exports FreeProws only as FreeProws@4. */
static void test_real_loader_proc(void **state)
{
    const struct mapi_functions *mapi;

    (void)state;
    assert_hr(mapi_get(&mapi), S_OK);
    assert_non_null(mapi_proc(mapi, "FreeProws", 4));
    assert_ptr_equal((void *)mapi_proc(mapi, "MAPIInitialize", 4), (void *)mapi->initialize);
    assert_null(mapi_proc(mapi, "NoSuchMapiFunction", 4));
}

/* Through Wine's real mapi32 (on x86 its stdcall entry points, reached by
 * their decorated names) to the stand-in provider and back: initialise, log
 * on to the stand-in's default profile, log off, uninitialise. A wrong
 * calling convention or argument size would leave the stack unbalanced and
 * crash or corrupt the calls after it. */
static void test_real_calls(void **state)
{
    const struct mapi_functions *mapi;
    IMAPISession *session = OLK_SENTINEL;
    size_t i;

    (void)state;
    assert_hr(mapi_get(&mapi), S_OK);
    for (i = 0; i < ARRAYSIZE(required_names); i++)
    {
#ifdef _WIN64
        assert_null(strchr(required_names[i], '@'));
#else
        assert_non_null(strchr(required_names[i], '@'));
#endif
    }
    assert_ptr_equal((void *)mapi->uninitialize, (void *)GetProcAddress(mapi->module, required_names[1]));
    assert_ptr_equal((void *)mapi->free_buffer, (void *)GetProcAddress(mapi->module, required_names[3]));
    for (i = 0; i < 3; i++)
    {
        assert_hr(mapi_initialize(mapi, MAPI_MULTITHREAD_NOTIFICATIONS), S_OK);
        assert_hr(mapi_logon(mapi, NULL, 0, &session), S_OK);
        assert_non_null(session);
        mapi_logoff(session);
        assert_hr(mapi_logon(mapi, L"No such profile", 0, &session), MAPI_E_LOGON_FAILED);
        assert_null(session);
        mapi->uninitialize();
    }
}

/* ---- planted DLLs --------------------------------------------------------- */

struct plant
{
    WCHAR root[MAX_PATH], cwd_dir[MAX_PATH], path_dir[MAX_PATH];
    WCHAR old_cwd[MAX_PATH];
    WCHAR *old_path;
};

static void join(WCHAR *out, const WCHAR *dir, const WCHAR *name)
{
    assert_true(wcslen(dir) + 1 + wcslen(name) < MAX_PATH);
    swprintf(out, MAX_PATH, L"%ls\\%ls", dir, name);
}

static void plant_copies(const WCHAR *dir)
{
    static const WCHAR *const names[] = { L"mapi32.dll", L"olkplanted.dll", L"olkstubmapi.dll" };
    WCHAR source[MAX_PATH], target[MAX_PATH];
    size_t i;

    olk_bin_path(L"olkplant.dll", source, MAX_PATH);
    assert_true(CreateDirectoryW(dir, NULL));
    for (i = 0; i < ARRAYSIZE(names); i++)
    {
        join(target, dir, names[i]);
        assert_true(CopyFileW(source, target, FALSE));
    }
}

/* Names of "*.loaded" markers in dir, counted. */
static int markers_in(const WCHAR *dir)
{
    WCHAR pattern[MAX_PATH];
    WIN32_FIND_DATAW data;
    HANDLE find;
    int count = 0;

    join(pattern, dir, L"*.loaded");
    find = FindFirstFileW(pattern, &data);
    if (find == INVALID_HANDLE_VALUE)
        return 0;
    do
    {
        print_message("planted DLL loaded: %ls\\%ls\n", dir, data.cFileName);
        count++;
    } while (FindNextFileW(find, &data));
    FindClose(find);
    return count;
}

static void remove_markers(const WCHAR *dir)
{
    WCHAR pattern[MAX_PATH], path[MAX_PATH];
    WIN32_FIND_DATAW data;
    HANDLE find;

    join(pattern, dir, L"*.loaded");
    find = FindFirstFileW(pattern, &data);
    if (find == INVALID_HANDLE_VALUE)
        return;
    do
    {
        join(path, dir, data.cFileName);
        DeleteFileW(path);
    } while (FindNextFileW(find, &data));
    FindClose(find);
}

static void remove_dir(const WCHAR *dir)
{
    WCHAR pattern[MAX_PATH], path[MAX_PATH];
    WIN32_FIND_DATAW data;
    HANDLE find;

    join(pattern, dir, L"*");
    find = FindFirstFileW(pattern, &data);
    if (find != INVALID_HANDLE_VALUE)
    {
        do
        {
            if (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
                continue;
            join(path, dir, data.cFileName);
            DeleteFileW(path);
        } while (FindNextFileW(find, &data));
        FindClose(find);
    }
    RemoveDirectoryW(dir);
}

static void set_path_first(struct plant *plant, const WCHAR *dir)
{
    size_t len = wcslen(dir) + 1 + (plant->old_path ? wcslen(plant->old_path) : 0) + 1;
    WCHAR *path = malloc(len * sizeof(WCHAR));

    assert_non_null(path);
    swprintf(path, len, L"%ls;%ls", dir, plant->old_path ? plant->old_path : L"");
    assert_true(SetEnvironmentVariableW(L"PATH", path));
    free(path);
}

static int plant_setup(void **state)
{
    struct plant *plant = calloc(1, sizeof(*plant));
    DWORD len;

    if (!plant)
        return -1;
    GetCurrentDirectoryW(MAX_PATH, plant->old_cwd);
    len = GetEnvironmentVariableW(L"PATH", NULL, 0);
    if (len && (plant->old_path = malloc(len * sizeof(WCHAR))))
        GetEnvironmentVariableW(L"PATH", plant->old_path, len);
    GetTempPathW(MAX_PATH, plant->root);
    swprintf(plant->root + wcslen(plant->root), MAX_PATH - wcslen(plant->root), L"olkplant-%lu",
             GetCurrentProcessId());
    swprintf(plant->cwd_dir, MAX_PATH, L"%ls\\cwd", plant->root);
    swprintf(plant->path_dir, MAX_PATH, L"%ls\\onpath", plant->root);
    *state = plant;
    return 0;
}

static int plant_teardown(void **state)
{
    struct plant *plant = *state;

    SetCurrentDirectoryW(plant->old_cwd);
    SetEnvironmentVariableW(L"PATH", plant->old_path);
    remove_dir(plant->cwd_dir);
    remove_dir(plant->path_dir);
    RemoveDirectoryW(plant->root);
    free(plant->old_path);
    free(plant);
    return 0;
}

/* The trap works: a bare name is found in the current directory and on PATH
 * (so the test below could see a careless loader fall into it). */
static void test_plant_control(void **state)
{
    struct plant *plant = *state;

    assert_true(CreateDirectoryW(plant->root, NULL));
    plant_copies(plant->cwd_dir);
    plant_copies(plant->path_dir);

    assert_true(SetCurrentDirectoryW(plant->cwd_dir));
    assert_null(LoadLibraryW(L"olkplanted.dll"));
    assert_int_equal(markers_in(plant->cwd_dir), 1);
    remove_markers(plant->cwd_dir);

    assert_true(SetCurrentDirectoryW(plant->root));
    set_path_first(plant, plant->path_dir);
    assert_null(LoadLibraryW(L"olkplanted.dll"));
    assert_int_equal(markers_in(plant->path_dir), 1);
    remove_markers(plant->path_dir);
}

static const WCHAR *planted_dllpathex;

static LSTATUS planted_read_string(HKEY root, const WCHAR *subkey, const WCHAR *value,
                                   WCHAR *data, DWORD *cb, DWORD *type)
{
    (void)root;
    if (!wcscmp(subkey, L"Software\\Clients\\Mail") && !value)
        return give_string(L"Planted", REG_SZ, data, cb, type);
    if (!wcscmp(subkey, L"Software\\Clients\\Mail\\Planted") && value && !wcscmp(value, L"DLLPathEx"))
        return give_string(planted_dllpathex, REG_SZ, data, cb, type);
    return ERROR_FILE_NOT_FOUND;
}

/* With copies of a DLL that refuses to load planted in the current directory
 * and in a PATH directory as mapi32.dll, olkstubmapi.dll and olkplanted.dll,
 * and DLLPathEx naming them bare, every search ends at the system
 * directory's mapi32.dll and no planted copy is ever loaded. */
static void test_planted_dlls_never_loaded(void **state)
{
    static const WCHAR *const values[] = { L"olkplanted.dll", L"mapi32.dll", L"olkstubmapi.dll" };
    struct plant *plant = *state;
    struct mapi_loader_ops ops = mapi_loader_default_ops;
    const struct mapi_functions *cached;
    struct mapi_functions mapi;
    size_t i;

    assert_true(CreateDirectoryW(plant->root, NULL));
    plant_copies(plant->cwd_dir);
    plant_copies(plant->path_dir);
    assert_true(SetCurrentDirectoryW(plant->cwd_dir));
    set_path_first(plant, plant->path_dir);

    ops.read_string = planted_read_string;
    for (i = 0; i < ARRAYSIZE(values); i++)
    {
        planted_dllpathex = values[i];
        assert_hr(mapi_discover(&ops, &mapi), S_OK);
        assert_system_mapi32(mapi.module);
        FreeLibrary(mapi.module);
    }
    assert_hr(mapi_discover(&mapi_loader_default_ops, &mapi), S_OK);
    assert_system_mapi32(mapi.module);
    FreeLibrary(mapi.module);
    assert_hr(mapi_get(&cached), S_OK);
    assert_system_mapi32(cached->module);

    assert_int_equal(markers_in(plant->cwd_dir), 0);
    assert_int_equal(markers_in(plant->path_dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup(test_preloaded_olmapi32_first, reset_fake),
        cmocka_unit_test_setup(test_preloaded_msmapi32, reset_fake),
        cmocka_unit_test_setup(test_preloaded_lacking_export_is_skipped, reset_fake),
        cmocka_unit_test_setup(test_dllpathex_absolute, reset_fake),
        cmocka_unit_test_setup(test_dllpathex_expand_sz, reset_fake),
        cmocka_unit_test_setup(test_dllpathex_sz_not_expanded, reset_fake),
        cmocka_unit_test_setup(test_dllpathex_relative_refused, reset_fake),
        cmocka_unit_test_setup(test_dllpathex_missing, reset_fake),
        cmocka_unit_test_setup(test_dllpathex_lacking_export_is_skipped, reset_fake),
        cmocka_unit_test_setup(test_installed_outlook, reset_fake),
        cmocka_unit_test_setup(test_installed_outlook_older_category, reset_fake),
        cmocka_unit_test_setup(test_installed_outlook_all_categories_asked, reset_fake),
        cmocka_unit_test_setup(test_installer_unavailable, reset_fake),
        cmocka_unit_test_setup(test_installer_not_asked_without_outlook, reset_fake),
        cmocka_unit_test_setup(test_full_order, reset_fake),
        cmocka_unit_test_setup(test_system_directory, reset_fake),
        cmocka_unit_test_setup(test_nothing_found, reset_fake),
        cmocka_unit_test_setup(test_all_lack_exports, reset_fake),
        cmocka_unit_test_setup(test_export_names, reset_fake),
        cmocka_unit_test_setup(test_admin_profiles_optional, reset_fake),
        cmocka_unit_test_setup(test_proc_through_the_table, reset_fake),
        cmocka_unit_test_setup_teardown(test_plant_control, plant_setup, plant_teardown),
        cmocka_unit_test_setup_teardown(test_planted_dlls_never_loaded, plant_setup, plant_teardown),
        cmocka_unit_test(test_real_system_mapi32),
        cmocka_unit_test(test_real_loader_proc),
        cmocka_unit_test(test_real_calls),
    };

    olk_test_init();
    init_export_lists();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
