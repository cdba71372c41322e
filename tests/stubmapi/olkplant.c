/*
 * A DLL that must never be loaded. Tests plant copies of it under the names
 * a careless loader might search for (mapi32.dll in the current directory
 * and on PATH, a relative DLLPathEx): if a copy is ever loaded, its DllMain
 * leaves "<its own path>.loaded" beside it and refuses to load.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    WCHAR marker[MAX_PATH + 8];
    DWORD len;
    HANDLE file;

    (void)reserved;
    if (reason != DLL_PROCESS_ATTACH)
        return TRUE;
    len = GetModuleFileNameW(instance, marker, MAX_PATH);
    if (len && len < MAX_PATH)
    {
        lstrcpyW(marker + len, L".loaded");
        file = CreateFileW(marker, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
        if (file != INVALID_HANDLE_VALUE)
            CloseHandle(file);
    }
    return FALSE;
}
