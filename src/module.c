/*
 * The exports of olkhelper.dll.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <objbase.h>
#include <olectl.h>

#include "automation.h"
#include "factory.h"
#include "helper.h"
#include "olkhelper.h"
#include "registry.h"
#include "server_lock.h"
#include "trace.h"

static HINSTANCE module_instance;

HRESULT WINAPI DllInstall(BOOL install, const WCHAR *cmdline);

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    (void)reserved;
    /* Nothing to undo at DLL_PROCESS_DETACH: the module holds no resources of
     * its own, and at process exit (reserved != NULL) nothing may be touched. */
    if (reason == DLL_PROCESS_ATTACH)
    {
        module_instance = instance;
        DisableThreadLibraryCalls(instance);
    }
    return TRUE;
}

static const struct factory_class classes[] =
{
    { &CLSID_OlkAccountHelper, helper_create },
    { &CLSID_OlkHelperSession, auto_session_create },
};

HRESULT WINAPI DllGetClassObject(REFCLSID rclsid, REFIID riid, void **ppv)
{
    return factory_get_class_object_of(classes, ARRAYSIZE(classes), rclsid, riid, ppv);
}

HRESULT WINAPI DllCanUnloadNow(void)
{
    return server_lock_count() == 0 ? S_OK : S_FALSE;
}

static HRESULT register_in(HKEY root)
{
    /* COM reads InprocServer32 into MAX_PATH buffers (Wine's combase does,
     * and hosts that are not long-path aware cannot load a longer path), so a
     * longer module path is refused rather than registered unusable. */
    WCHAR path[MAX_PATH];
    HRESULT hr = registry_module_path(module_instance, path, MAX_PATH);

    if (FAILED(hr))
        return hr;
    return registry_register(&registry_default_ops, root, path);
}

HRESULT WINAPI DllRegisterServer(void)
{
    HRESULT hr = register_in(HKEY_LOCAL_MACHINE);

    TRACE("registry", "DllRegisterServer -> %08lx", hr);
    return hr;
}

HRESULT WINAPI DllUnregisterServer(void)
{
    HRESULT hr = registry_unregister(&registry_default_ops, HKEY_LOCAL_MACHINE);

    TRACE("registry", "DllUnregisterServer -> %08lx", hr);
    return hr;
}

/* regsvr32 /i:user (per-user) or /i, /i:machine (machine-wide); with /n the
 * machine-wide DllRegisterServer is skipped. */
HRESULT WINAPI DllInstall(BOOL install, const WCHAR *cmdline)
{
    HKEY root;
    HRESULT hr = registry_scope_root(cmdline, &root);

    if (SUCCEEDED(hr))
        hr = install ? register_in(root) : registry_unregister(&registry_default_ops, root);
    TRACE("registry", "DllInstall(%hs, \"%ls\") -> %08lx", install ? "TRUE" : "FALSE", cmdline ? cmdline : L"",
          hr);
    return hr;
}

HRESULT WINAPI OlkHelperCreate(IUnknown *session, LPCWSTR profile, DWORD flags, REFIID riid, void **ppv)
{
    HRESULT hr = helper_create_configured(session, profile, flags, riid, ppv);

    TRACE("helper", "OlkHelperCreate(%p, \"%ls\", %#lx) -> %08lx, %p", session, profile ? profile : L"(none)",
          flags, hr, ppv ? *ppv : NULL);
    return hr;
}
