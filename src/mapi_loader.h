/*
 * Finding and loading the Extended MAPI implementation, in the order
 * Microsoft's MAPI Stub Library uses, by absolute path only.
 *
 * The product never imports mapi32.dll: it reaches MAPI through the entry
 * points resolved here, so olkhelper.dll loads and registers on a machine
 * without MAPI and only the first logon fails there.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_MAPI_LOADER_H
#define OLKHELPER_MAPI_LOADER_H

#include <windows.h>
#include <mapix.h>

/* The entry points of one loaded MAPI DLL. module holds a reference that is
 * never given back (see mapi_loader_get). */
struct mapi_functions
{
    HMODULE module;
    LPMAPIINITIALIZE initialize;
    LPMAPIUNINITIALIZE uninitialize;
    LPMAPILOGONEX logon_ex;
    LPMAPIFREEBUFFER free_buffer;
    LPMAPIADMINPROFILES admin_profiles;   /* optional: NULL when not exported */
};

/* Every operating-system call the discovery makes, so that tests can replay
 * each step without an installed Outlook. */
struct mapi_loader_ops
{
    /* GetModuleHandleExW(0, name, module): an already-loaded DLL, referenced. */
    BOOL (*attach_loaded)(const WCHAR *name, HMODULE *module);
    /* RegGetValueW restricted to REG_SZ/REG_EXPAND_SZ, unexpanded; value NULL
     * is the default value; *cb in/out in bytes; *type receives the type. */
    LSTATUS (*read_string)(HKEY root, const WCHAR *subkey, const WCHAR *value,
                           WCHAR *data, DWORD *cb, DWORD *type);
    /* ExpandEnvironmentStringsW. */
    DWORD (*expand)(const WCHAR *src, WCHAR *dst, DWORD cch);
    /* Windows Installer, opened once for the Outlook step: NULL if unavailable. */
    void *(*open_installer)(void);
    /* MsiProvideQualifiedComponentW(category, qualifier, INSTALLMODE_DEFAULT,
     * path, cch): ERROR_SUCCESS or a Windows error. */
    UINT (*provide_component)(void *installer, const WCHAR *category, const WCHAR *qualifier,
                              WCHAR *path, DWORD *cch);
    void (*close_installer)(void *installer);
    /* GetSystemDirectoryW. */
    UINT (*system_directory)(WCHAR *buffer, UINT cch);
    /* LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH); path is absolute. */
    HMODULE (*load)(const WCHAR *path);
    FARPROC (*get_proc)(HMODULE module, const char *name);
    void (*release)(HMODULE module);
};

/* The real table. */
extern const struct mapi_loader_ops mapi_loader_default_ops;

/* One discovery through ops, uncached:
 *  1. an already-loaded olmapi32.dll, then msmapi32.dll;
 *  2. DLLPathEx of the default mail client (HKLM\Software\Clients\Mail), only
 *     when it is an absolute path after expansion;
 *  3. olmapi32.dll beside each installed Outlook that Windows Installer knows;
 *  4. mapi32.dll in the system directory.
 * A candidate lacking one of the four required entry points is released and
 * the search goes on. S_OK and *out filled; HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND)
 * when nothing loads; HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND) when something
 * loaded but lacked an entry point. */
HRESULT mapi_loader_discover(const struct mapi_loader_ops *ops, struct mapi_functions *out);

/* The process-wide MAPI, discovered with the real table on first success and
 * kept for the life of the process (never unloaded: MAPI sessions and the
 * memory they hand out may outlive every helper). Thread-safe. A failure is
 * not cached, so a later call searches again. */
HRESULT mapi_loader_get(const struct mapi_functions **out);

/* An export of a loaded MAPI DLL by its documented name and the size of its
 * arguments in bytes: "name@bytes" on x86; on x64 "name", then "name@bytes"
 * (Wine's x64 mapi32 exports its utility functions, such as FreeProws, only
 * decorated). NULL when absent. */
FARPROC mapi_loader_proc(const struct mapi_functions *mapi, const char *name, unsigned int arg_bytes);

#endif
