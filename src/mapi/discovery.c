/*
 * Finding the Extended MAPI implementation as Microsoft's MAPI Stub Library
 * does, but loading only by absolute path: a bare or relative name would be
 * looked up in the current directory and along PATH, where anyone who can
 * write a file could plant a mapi32.dll into the host process.
 *
 * SPDX-License-Identifier: MIT
 */
#include "mapi.h"
#include "ascii.h"
#include "trace.h"

#include <msi.h>
#include <string.h>
#include <wchar.h>


/* GetProcAddress's FARPROC to the entry point's own type; void (*)(void) is
 * the type gcc accepts as a bridge between unrelated function types. */
#define PROC_CAST(type, proc) ((type)(void (*)(void))(proc))

/* Entry points are looked up by their documented names: plain on x64, and
 * stdcall-decorated on x86, which is how Outlook's and Windows' MAPI DLLs
 * (and the MAPI Stub Library) name them there. */
#ifdef _WIN64
#define MAPI_EXPORT(name, bytes) #name
#else
#define MAPI_EXPORT(name, bytes) #name "@" #bytes
#endif

/* "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" and its terminator. */
#define GUID_TEXT_CCH 39

/* Windows Installer category GUIDs of Office's core components, newest
 * first, and the qualifiers naming Outlook within them (MAPI Stub Library,
 * library/stubutils.cpp). ASCII, widened when asked for (ascii.h). */
static const char outlook_categories[][GUID_TEXT_CCH] =
{
    "{5812C571-53F0-4467-BEFA-0A4F47A9437C}",   /* Office 2016 and later */
    "{E83B4360-C208-4325-9504-0D23003A74A5}",   /* 2013 */
    "{1E77DE88-BCAB-4C37-B9E5-073AF52DFD7A}",   /* 2010 */
    "{24AAE126-0911-478F-A019-07B875EB9996}",   /* 2007 */
    "{BC174BAD-2F53-4855-A1D5-0D575C19B1EA}",   /* 2003 */
    "{BC174BAD-2F53-4855-A1D5-1D575C19B1EA}",   /* 2003, debug */
};

/* A 32-bit process cannot load a 64-bit Outlook's olmapi32.dll, so it does
 * not ask for one. */
static const char *const outlook_qualifiers[] =
{
#ifdef _WIN64
    "outlook.x64.exe",
#endif
    "outlook.exe",
};

static const WCHAR *const preloaded_mapi[] = { L"olmapi32.dll", L"msmapi32.dll" };

/* ---- the real operating-system calls ------------------------------------ */

static BOOL real_attach_loaded(const WCHAR *name, HMODULE *module)
{
    return GetModuleHandleExW(0, name, module);
}

static LSTATUS real_read_string(HKEY root, const WCHAR *subkey, const WCHAR *value,
                                WCHAR *data, DWORD *cb, DWORD *type)
{
    return RegGetValueW(root, subkey, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND,
                        type, data, cb);
}

static DWORD real_expand(const WCHAR *src, WCHAR *dst, DWORD cch)
{
    return ExpandEnvironmentStringsW(src, dst, cch);
}

static UINT real_system_directory(WCHAR *buffer, UINT cch)
{
    return GetSystemDirectoryW(buffer, cch);
}

static HMODULE real_load(const WCHAR *path)
{
    return LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
}

static FARPROC real_get_proc(HMODULE module, const char *name)
{
    return GetProcAddress(module, name);
}

static void real_release(HMODULE module)
{
    FreeLibrary(module);
}

/* <system directory>\name, or FALSE if it does not fit. */
static BOOL system_file(UINT (*system_directory)(WCHAR *, UINT), const WCHAR *name,
                        WCHAR *path, DWORD cch)
{
    UINT len = system_directory(path, cch);

    if (!len || len >= cch || len + 1 + wcslen(name) >= cch)
        return FALSE;
    path[len] = L'\\';
    wcscpy(path + len + 1, name);
    return TRUE;
}

typedef UINT (WINAPI *provide_component_fn)(LPCWSTR, LPCWSTR, DWORD, LPWSTR, LPDWORD);

/* msi.dll is loaded by full path for the Outlook step and not imported, so
 * the product does not depend on Windows Installer being loadable. */
static void *real_open_installer(void)
{
    WCHAR path[MAX_PATH];

    if (!system_file(real_system_directory, L"msi.dll", path, ARRAYSIZE(path)))
        return NULL;
    return LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
}

/* The install mode is the one the MAPI Stub Library uses. */
static UINT real_provide_component(void *installer, const WCHAR *category, const WCHAR *qualifier,
                                   WCHAR *path, DWORD *cch)
{
    provide_component_fn provide = PROC_CAST(provide_component_fn,
                                             GetProcAddress(installer, "MsiProvideQualifiedComponentW"));

    return provide ? provide(category, qualifier, INSTALLMODE_DEFAULT, path, cch) : ERROR_PROC_NOT_FOUND;
}

static void real_close_installer(void *installer)
{
    FreeLibrary(installer);
}

const struct mapi_loader_ops mapi_loader_default_ops =
{
    real_attach_loaded,
    real_read_string,
    real_expand,
    real_open_installer,
    real_provide_component,
    real_close_installer,
    real_system_directory,
    real_load,
    real_get_proc,
    real_release,
};

/* ---- discovery ---------------------------------------------------------- */

struct search
{
    const struct mapi_loader_ops *ops;
    struct mapi_functions *out;
    BOOL lacked_export;
};

/* "X:\..." or "\\server\share\..." (also "\\?\..."). Drive-relative
 * ("X:name") and root-relative ("\name") paths depend on the current
 * directory, so they do not count. */
static BOOL is_absolute_path(const WCHAR *path)
{
    WCHAR drive = path[0] | 0x20;

    if (drive >= L'a' && drive <= L'z' && path[1] == L':' && (path[2] == L'\\' || path[2] == L'/'))
        return TRUE;
    return (path[0] == L'\\' || path[0] == L'/') && (path[1] == L'\\' || path[1] == L'/');
}

/* Resolve the entry points of module; a module lacking one is given back. */
static BOOL take_module(struct search *s, HMODULE module)
{
    const struct mapi_loader_ops *ops = s->ops;
    struct mapi_functions f;

    f.module = module;
    f.ops = ops;
    f.initialize = PROC_CAST(LPMAPIINITIALIZE, ops->get_proc(module, MAPI_EXPORT(MAPIInitialize, 4)));
    f.uninitialize = PROC_CAST(LPMAPIUNINITIALIZE, ops->get_proc(module, MAPI_EXPORT(MAPIUninitialize, 0)));
    f.logon_ex = PROC_CAST(LPMAPILOGONEX, ops->get_proc(module, MAPI_EXPORT(MAPILogonEx, 20)));
    f.free_buffer = PROC_CAST(LPMAPIFREEBUFFER, ops->get_proc(module, MAPI_EXPORT(MAPIFreeBuffer, 4)));
    if (!f.initialize || !f.uninitialize || !f.logon_ex || !f.free_buffer)
    {
        TRACE("mapi", "module %p skipped: it lacks MAPIInitialize, MAPIUninitialize, MAPILogonEx or MAPIFreeBuffer",
              module);
        ops->release(module);
        s->lacked_export = TRUE;
        return FALSE;
    }
    f.admin_profiles = PROC_CAST(LPMAPIADMINPROFILES, ops->get_proc(module, MAPI_EXPORT(MAPIAdminProfiles, 8)));
    *s->out = f;
    TRACE("mapi", "module %p has the MAPI entry points: using it", module);
    return TRUE;
}

/* Paths are at most MAX_PATH: LoadLibraryExW loads no longer one in a host
 * that is not long-path aware. */
static BOOL try_path(struct search *s, const WCHAR *path)
{
    HMODULE module;

    if (!is_absolute_path(path))
    {
        TRACE("mapi", "candidate \"%ls\" skipped: not an absolute path", path);
        return FALSE;
    }
    module = s->ops->load(path);
    TRACE("mapi", "candidate \"%ls\": %hs (module %p, error %lu)", path, module ? "loaded" : "not loaded", module,
          module ? 0 : GetLastError());
    return module && take_module(s, module);
}

/* MAPI that the host (Outlook itself, or a client that linked the MAPI Stub
 * Library) has already loaded is the one its sessions come from. */
static BOOL try_preloaded(struct search *s)
{
    HMODULE module;
    size_t i;

    for (i = 0; i < ARRAYSIZE(preloaded_mapi); i++)
    {
        if (!s->ops->attach_loaded(preloaded_mapi[i], &module) || !module)
            continue;
        TRACE("mapi", "candidate %ls: already loaded in the process (module %p)", preloaded_mapi[i], module);
        if (take_module(s, module))
            return TRUE;
    }
    return FALSE;
}

static BOOL read_string(const struct mapi_loader_ops *ops, const WCHAR *subkey, const WCHAR *value,
                        WCHAR *data, DWORD cch, DWORD *type)
{
    DWORD cb = cch * sizeof(WCHAR);

    if (ops->read_string(HKEY_LOCAL_MACHINE, subkey, value, data, &cb, type) != ERROR_SUCCESS)
        return FALSE;
    data[cch - 1] = 0;
    return data[0] != 0;
}

/* A bare or relative DLLPathEx (Wine's own prefix and some mail clients
 * write one) is skipped rather than searched for: see the file comment. */
static BOOL try_default_client(struct search *s)
{
    static const WCHAR clients[] = L"Software\\Clients\\Mail";
    WCHAR client[256], subkey[ARRAYSIZE(clients) + 1 + ARRAYSIZE(client)];
    WCHAR raw[MAX_PATH], path[MAX_PATH];
    DWORD type, len;

    if (!read_string(s->ops, clients, NULL, client, ARRAYSIZE(client), &type))
    {
        TRACE("mapi", "no default mail client");
        return FALSE;
    }
    wcscpy(subkey, clients);
    subkey[ARRAYSIZE(clients) - 1] = L'\\';
    wcscpy(subkey + ARRAYSIZE(clients), client);
    if (!read_string(s->ops, subkey, L"DLLPathEx", raw, ARRAYSIZE(raw), &type))
    {
        TRACE("mapi", "default mail client \"%ls\" has no DLLPathEx", client);
        return FALSE;
    }
    TRACE("mapi", "default mail client \"%ls\": DLLPathEx \"%ls\"", client, raw);
    if (type != REG_EXPAND_SZ)
        return try_path(s, raw);
    len = s->ops->expand(raw, path, ARRAYSIZE(path));
    return len && len <= ARRAYSIZE(path) && try_path(s, path);
}

/* olmapi32.dll sits beside the outlook.exe that Windows Installer names. */
static BOOL try_outlook_component(struct search *s, void *installer, const char *category, const char *qualifier)
{
    static const WCHAR olmapi32[] = L"olmapi32.dll";
    WCHAR path[MAX_PATH], wide_category[GUID_TEXT_CCH], wide_qualifier[ARRAYSIZE("outlook.x64.exe")];
    DWORD cch = ARRAYSIZE(path);
    WCHAR *slash;

    olk_widen(wide_category, ARRAYSIZE(wide_category), category);
    olk_widen(wide_qualifier, ARRAYSIZE(wide_qualifier), qualifier);
    if (s->ops->provide_component(installer, wide_category, wide_qualifier, path, &cch) != ERROR_SUCCESS)
        return FALSE;
    path[ARRAYSIZE(path) - 1] = 0;
    slash = wcsrchr(path, L'\\');
    if (!slash || (size_t)(slash + 1 - path) + ARRAYSIZE(olmapi32) > ARRAYSIZE(path))
        return FALSE;
    wcscpy(slash + 1, olmapi32);
    return try_path(s, path);
}

/* Outlook, however it is installed, registers its App Paths entry. Without
 * one, Windows Installer is not asked: there is no Outlook for it to find,
 * and loading msi.dll can deadlock Wine 8 against another thread's
 * CoInitializeEx(COINIT_APARTMENTTHREADED). */
static BOOL outlook_registered(const struct mapi_loader_ops *ops)
{
    static const char app_paths[] = "Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE";
    WCHAR path[MAX_PATH], subkey[ARRAYSIZE(app_paths)];
    DWORD type, cb = sizeof(path);
    LSTATUS err = ops->read_string(HKEY_LOCAL_MACHINE, olk_widen(subkey, ARRAYSIZE(subkey), app_paths), NULL, path,
                                   &cb, &type);

    return err == ERROR_SUCCESS || err == ERROR_MORE_DATA;
}

static BOOL try_installed_outlook(struct search *s)
{
    void *installer;
    BOOL found = FALSE;
    size_t c, q;

    if (!outlook_registered(s->ops))
    {
        TRACE("mapi", "no Outlook registered (App Paths\\OUTLOOK.EXE): Windows Installer not asked");
        return FALSE;
    }
    if (!(installer = s->ops->open_installer()))
    {
        TRACE("mapi", "Windows Installer unavailable");
        return FALSE;
    }
    for (c = 0; c < ARRAYSIZE(outlook_categories) && !found; c++)
    {
        for (q = 0; q < ARRAYSIZE(outlook_qualifiers) && !found; q++)
            found = try_outlook_component(s, installer, outlook_categories[c], outlook_qualifiers[q]);
    }
    s->ops->close_installer(installer);
    return found;
}

static BOOL try_system_mapi(struct search *s)
{
    WCHAR path[MAX_PATH];

    return system_file(s->ops->system_directory, L"mapi32.dll", path, ARRAYSIZE(path)) && try_path(s, path);
}

HRESULT mapi_discover(const struct mapi_loader_ops *ops, struct mapi_functions *out)
{
    struct search s = { ops, out, FALSE };

    HRESULT hr = S_OK;

    memset(out, 0, sizeof(*out));
    if (!try_preloaded(&s) && !try_default_client(&s) && !try_installed_outlook(&s) && !try_system_mapi(&s))
        hr = HRESULT_FROM_WIN32(s.lacked_export ? ERROR_PROC_NOT_FOUND : ERROR_MOD_NOT_FOUND);
    TRACE("mapi", "discovery -> %08lx", hr);
    return hr;
}

/* ---- the process-wide result --------------------------------------------- */

/* Written once, under the lock, never changed until mapi_set_loader_ops.
 * All zero-initialised (cache_ops NULL for the default table), so they take
 * no space in the DLL's file. */
static SRWLOCK cache_lock = SRWLOCK_INIT;
static const struct mapi_loader_ops *cache_ops;
static struct mapi_functions cached;
static BOOL cached_valid;

static const struct mapi_loader_ops *current_ops(void)
{
    return cache_ops ? cache_ops : &mapi_loader_default_ops;
}

static BOOL read_cache(const struct mapi_loader_ops **ops)
{
    BOOL valid;

    AcquireSRWLockShared(&cache_lock);
    valid = cached_valid;
    *ops = current_ops();
    ReleaseSRWLockShared(&cache_lock);
    return valid;
}

/* The discovery runs outside the lock: loading a DLL runs its DllMain under
 * the loader lock, and MAPI's may wait on other threads. */
HRESULT mapi_get(const struct mapi_functions **out)
{
    const struct mapi_loader_ops *ops;
    struct mapi_functions found;
    HRESULT hr = S_OK;

    if (!read_cache(&ops))
    {
        if (FAILED(hr = mapi_discover(ops, &found)))
        {
            *out = NULL;
            return hr;
        }
        AcquireSRWLockExclusive(&cache_lock);
        if (!cached_valid && current_ops() == ops)
        {
            cached = found;
            cached_valid = TRUE;
            found.module = NULL;
        }
        ReleaseSRWLockExclusive(&cache_lock);
        if (found.module)
            ops->release(found.module);
    }
    *out = &cached;
    return hr;
}

void mapi_set_loader_ops(const struct mapi_loader_ops *ops)
{
    AcquireSRWLockExclusive(&cache_lock);
    cache_ops = ops;
    cached_valid = FALSE;
    ReleaseSRWLockExclusive(&cache_lock);
}

/* "name@bytes" into out[cch], or FALSE if it does not fit. Written out
 * rather than with snprintf, which would bring two more imports and
 * MinGW's wrapper of them into the DLL. */
static BOOL decorate(char *out, size_t cch, const char *name, unsigned int arg_bytes)
{
    char digits[10];
    size_t len = strlen(name), count = 0;

    do
        digits[count++] = (char)('0' + arg_bytes % 10);
    while ((arg_bytes /= 10) != 0);
    if (len + 1 + count >= cch)
        return FALSE;
    memcpy(out, name, len);
    out[len++] = '@';
    while (count)
        out[len++] = digits[--count];
    out[len] = 0;
    return TRUE;
}

FARPROC mapi_proc(const struct mapi_functions *mapi, const char *name, unsigned int arg_bytes)
{
    char decorated[128];

#ifdef _WIN64
    FARPROC proc = mapi->ops->get_proc(mapi->module, name);

    if (proc)
        return proc;
#endif
    if (!decorate(decorated, sizeof(decorated), name, arg_bytes))
        return NULL;
    return mapi->ops->get_proc(mapi->module, decorated);
}
