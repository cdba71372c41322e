/*
 * The product's one MAPI boundary: finding and loading the Extended MAPI
 * implementation, in the order Microsoft's MAPI Stub Library uses, by
 * absolute path only; its entry points by their documented (and on x86
 * decorated) names; and the few MAPI steps the product takes: initialise,
 * log on, log off and release, read a session's profile name, and give MAPI
 * memory back to the MAPI that allocated it.
 *
 * Nothing imports mapi32.dll: everything reaches MAPI through the entry
 * points resolved here, so a binary using this unit loads on a machine
 * without MAPI and only its first MAPI call fails there.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_MAPI_H
#define OLKHELPER_MAPI_H

#include <windows.h>
#include <mapix.h>

/* Documented in MAPIINIT_0 (and KB 239853); MinGW's mapix.h lacks it. */
#ifndef MAPI_NO_COINIT
#define MAPI_NO_COINIT 0x00000008
#endif

/* Every operating-system call the discovery and the entry-point lookup make,
 * so that tests can replay each step without an installed Outlook. */
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
    /* GetProcAddress: every entry point, required or not, is looked up here. */
    FARPROC (*get_proc)(HMODULE module, const char *name);
    void (*release)(HMODULE module);
};

/* The real table. */
extern const struct mapi_loader_ops mapi_loader_default_ops;

/* The entry points of one loaded MAPI DLL, and the table it was found
 * through (mapi_proc looks further exports up through the same table). */
struct mapi_functions
{
    HMODULE module;
    const struct mapi_loader_ops *ops;
    LPMAPIINITIALIZE initialize;
    LPMAPIUNINITIALIZE uninitialize;
    LPMAPILOGONEX logon_ex;
    LPMAPIFREEBUFFER free_buffer;
    LPMAPIADMINPROFILES admin_profiles;   /* optional: NULL when not exported */
};

/* One discovery through ops, uncached:
 *  1. an already-loaded olmapi32.dll, then msmapi32.dll;
 *  2. DLLPathEx of the default mail client (HKLM\Software\Clients\Mail), only
 *     when it is an absolute path after expansion;
 *  3. olmapi32.dll beside each installed Outlook that Windows Installer knows;
 *  4. mapi32.dll in the system directory.
 * A candidate lacking one of the four required entry points is released and
 * the search goes on. S_OK and *out filled (out->module holds one reference);
 * HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND) when nothing loads;
 * HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND) when something loaded but lacked an
 * entry point. */
HRESULT mapi_discover(const struct mapi_loader_ops *ops, struct mapi_functions *out);

/* The process-wide MAPI, discovered on first success and kept for the life of
 * the process (never unloaded: MAPI sessions and the memory they hand out may
 * outlive every user of this unit). Thread-safe, and no lock is held while a
 * discovery loads DLLs: concurrent first callers may each discover, the first
 * result is kept and the others' module references are given back. A failure
 * is not cached, so a later call searches again. */
HRESULT mapi_get(const struct mapi_functions **out);

/* The table mapi_get discovers with (NULL: mapi_loader_default_ops); forgets
 * what mapi_get found before, without unloading it. For tests and the
 * benchmark; not for use while another thread is in mapi_get. */
void mapi_set_loader_ops(const struct mapi_loader_ops *ops);

/* An export of a loaded MAPI DLL by its documented name and the size of its
 * arguments in bytes: "name@bytes" on x86; on x64 "name", then "name@bytes"
 * (Wine's x64 mapi32 exports its utility functions, such as FreeProws, only
 * decorated). NULL when absent. Looked up through mapi->ops. */
FARPROC mapi_proc(const struct mapi_functions *mapi, const char *name, unsigned int arg_bytes);

/* MAPIInitialize with MAPI_NO_COINIT added to flags: MAPI would otherwise
 * CoInitialize the calling thread (as a single-threaded apartment, failing in
 * a multithreaded one), and the balancing MAPIUninitialize, run by whichever
 * thread ends last, would CoUninitialize a thread MAPI never initialised. */
HRESULT mapi_initialize(const struct mapi_functions *mapi, ULONG flags);

/* MAPILogonEx(MAPI_EXTENDED | MAPI_UNICODE | MAPI_NEW_SESSION | extra_flags),
 * to profile or, NULL, the default profile (MAPI_EXPLICIT_PROFILE or
 * MAPI_USE_DEFAULT). MAPI_E_CALL_FAILED for a logon that says S_OK without a
 * session. */
HRESULT mapi_logon(const struct mapi_functions *mapi, const WCHAR *profile, ULONG extra_flags,
                   IMAPISession **session);

/* Logoff, then Release, as MAPI documents; the reference goes whatever
 * Logoff answers. NULL is ignored. */
void mapi_logoff(IMAPISession *session);

/* The two halves, for a holder that must end a session before its last
 * reference goes (an owned helper's forwarding session, logon.c): Logoff
 * alone, and the Release that follows it. */
HRESULT mapi_session_logoff(IMAPISession *session);
ULONG mapi_session_release(IMAPISession *session);

/* MAPIFreeBuffer of the MAPI that implements session (a session may come
 * from another MAPI than the one mapi_get finds: a host's), else mapi_get's. */
HRESULT mapi_session_free_buffer(IMAPISession *session, LPMAPIFREEBUFFER *free_buffer);

/* PR_PROFILE_NAME_W of the session's global profile section, as a copy the
 * caller frees with olk_free (memory.h). MAPI_E_NOT_FOUND for an empty or missing name;
 * E_OUTOFMEMORY when the copy cannot be made; MAPI's own failures. */
HRESULT mapi_read_profile_name(IMAPISession *session, WCHAR **name);

/* FreeProws of mapi, or what it does for a MAPI that does not export it. */
void mapi_free_rows(const struct mapi_functions *mapi, LPSRowSet rows);

#endif
