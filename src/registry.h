/*
 * Self-registration of CLSID_OlkAccountHelper, CLSID_OlkHelperSession, their
 * ProgIDs and the automation type library below <root>\Software\Classes, through a table of registry operations that the
 * tests can replace.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_REGISTRY_H
#define OLKHELPER_REGISTRY_H

#include <windows.h>

/* Every registry access of this unit goes through one of these, so a test can
 * watch the calls or fail any one of them. Each returns a Win32 error code,
 * as the advapi32 function it stands for. */
struct registry_ops
{
    /* RegOpenKeyExW. */
    LSTATUS (*open_key)(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key);
    /* RegCreateKeyExW; *created is TRUE when the key did not exist before. */
    LSTATUS (*create_key)(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key, BOOL *created);
    /* RegSetValueExW. */
    LSTATUS (*set_value)(HKEY key, const WCHAR *name, DWORD type, const BYTE *data, DWORD size);
    /* RegGetValueW with RRF_RT_REG_SZ (a REG_EXPAND_SZ comes back expanded,
     * as COM reads it); path may be NULL; *size in bytes. */
    LSTATUS (*get_string)(HKEY key, const WCHAR *path, const WCHAR *name, WCHAR *data, DWORD *size);
    /* RegDeleteTreeW. */
    LSTATUS (*delete_tree)(HKEY parent, const WCHAR *path);
    /* RegCloseKey. */
    LSTATUS (*close_key)(HKEY key);
};

/* The real advapi32 calls. */
extern const struct registry_ops registry_default_ops;

/* Writes, below root\Software\Classes:
 *   CLSID\{530a73ef-...} = description, with InprocServer32 (module_path,
 *   ThreadingModel Both), ProgID and VersionIndependentProgID;
 *   OLKHELPER_PROGID = description, with CLSID;
 *   OLKHELPER_VI_PROGID = description, with CLSID and CurVer;
 *   TypeLib\{LIBID_OlkHelper}\X.Y (OLKHELPER_TLB_MAJOR.MINOR) = description,
 *   with FLAGS 0, an empty HELPDIR and 0\win64 (0\win32 from a 32-bit
 *   module) = module_path, whose resource 1 is the library;
 *   Interface\{iid} of each dual interface = its name, with
 *   ProxyStubClsid32 (the automation marshaler) and TypeLib (libid, Version);
 *   CLSID\{b89a9e67-...} (OlkHelper.Session), as the helper's but
 *   ThreadingModel Apartment, with TypeLib and Version; its ProgIDs
 *   OLKHELPER_SESSION_PROGID and OLKHELPER_SESSION_VI_PROGID as the helper's.
 * An earlier registration of ours is removed first, so registering twice
 * leaves what registering once does.
 * Returns S_OK; E_INVALIDARG for a NULL ops, root or module_path or an empty
 * module_path; SELFREG_E_CLASS, with nothing written, when one of the ProgID
 * keys exists and does not name its class (another class owns it);
 * HRESULT_FROM_WIN32(error) of the first registry call that failed, after
 * removing everything of ours as registry_unregister does (so a failed
 * registration leaves the class unregistered, even when it was registered
 * before, and the other bitness's registration working). */
HRESULT registry_register(const struct registry_ops *ops, HKEY root, const WCHAR *module_path);

/* Removes the CLSID and Interface keys, the type library's 0\win64 (or
 * 0\win32) subkey, and each ProgID key whose CLSID value (a string, as COM
 * reads it: REG_SZ or REG_EXPAND_SZ) names its class; anything else stays.
 * The ProgID keys and TypeLib\{libid}, which WOW64 shares between both
 * bitnesses, stay too while the other bitness's registry view still has the
 * helper CLSID's InprocServer32 (looked up with KEY_WOW64_32KEY from a 64-bit module,
 * KEY_WOW64_64KEY from a 32-bit one). Keys that are not there count as
 * removed.
 * Returns S_OK; E_INVALIDARG for a NULL ops or root; or
 * HRESULT_FROM_WIN32(error) of the first call that failed (the remaining keys
 * are still tried). */
HRESULT registry_unregister(const struct registry_ops *ops, HKEY root);

/* DllInstall's command line: NULL, "" or "machine" selects
 * HKEY_LOCAL_MACHINE, "user" HKEY_CURRENT_USER (case-insensitive, nothing
 * else around them). E_POINTER for a NULL root; E_INVALIDARG, *root NULL,
 * for anything else. */
HRESULT registry_scope_root(const WCHAR *cmdline, HKEY *root);

/* The full path of module into path[cch]. A path that does not fit is an
 * error, HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER), never a truncated
 * path; E_INVALIDARG for a NULL path or zero cch; otherwise the error of
 * GetModuleFileNameW. */
HRESULT registry_module_path(HMODULE module, WCHAR *path, DWORD cch);

#endif
