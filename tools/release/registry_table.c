/*
 * Prints what DllRegisterServer writes, without writing it: registry_register()
 * runs against a registry that is empty and records each value set. The MSI's
 * Registry table is made from this listing (cmake/msi.cmake), so the package
 * registers exactly what self-registration does, from the same table.
 *
 * usage: registry_table MODULE_PATH
 *   MODULE_PATH stands for the DLL's full path in the listing (the package
 *   passes the installer's [#file] reference).
 * Output, UTF-8, one value a line, tab-separated:
 *   HKLM  <key below the root>  <value name, empty for the default>  REG_SZ  <data>
 * Exit code 0, or 1 with a message on stderr.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <wchar.h>

#include "registry.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_KEYS 32
#define KEY_CCH 256

/* A key handle is 1 + its index here; the root (HKEY_LOCAL_MACHINE) is the empty path. */
static WCHAR key_paths[MAX_KEYS][KEY_CCH];
static unsigned int key_count;
static BOOL failed;

static void write_utf8(HANDLE out, const WCHAR *text)
{
    char buffer[4 * KEY_CCH];
    int len = WideCharToMultiByte(CP_UTF8, 0, text, -1, buffer, sizeof(buffer), NULL, NULL);
    DWORD written;

    if (len <= 1 || !WriteFile(out, buffer, (DWORD)(len - 1), &written, NULL))
        failed = TRUE;
}

static void fail(const WCHAR *message)
{
    write_utf8(GetStdHandle(STD_ERROR_HANDLE), message);
    failed = TRUE;
}

static const WCHAR *path_of(HKEY key)
{
    ULONG_PTR handle = (ULONG_PTR)key;

    if (key == HKEY_LOCAL_MACHINE)
        return L"";
    if (handle == 0 || handle > key_count)
        return NULL;
    return key_paths[handle - 1];
}

static LSTATUS absent_open_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key)
{
    (void)parent; (void)path; (void)access;
    *key = NULL;
    return ERROR_FILE_NOT_FOUND;
}

static LSTATUS recording_create_key(HKEY parent, const WCHAR *path, REGSAM access, HKEY *key, BOOL *created)
{
    const WCHAR *parent_path = path_of(parent);
    WCHAR *slot;

    (void)access;
    *key = NULL;
    *created = FALSE;
    if (!parent_path || key_count == MAX_KEYS || wcslen(parent_path) + wcslen(path) + 2 > KEY_CCH)
    {
        fail(L"registry_table: more keys, or longer paths, than this recorder holds\n");
        return ERROR_OUTOFMEMORY;
    }
    slot = key_paths[key_count++];
    wcscpy(slot, parent_path);
    if (*parent_path)
        wcscat(slot, L"\\");
    wcscat(slot, path);
    *key = (HKEY)(ULONG_PTR)key_count;
    *created = TRUE;
    return ERROR_SUCCESS;
}

static LSTATUS recording_set_value(HKEY key, const WCHAR *name, DWORD type, const BYTE *data, DWORD size)
{
    const WCHAR *path = path_of(key);
    const WCHAR *text = (const WCHAR *)data;
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);

    /* A Registry table row holds text; a value of another type would need an
     * encoding this listing does not have. */
    if (!path || type != REG_SZ || size < sizeof(WCHAR) || size % sizeof(WCHAR) ||
        text[size / sizeof(WCHAR) - 1] || wcschr(text, L'\t') || wcschr(text, L'\n'))
    {
        fail(L"registry_table: a value that is not a one-line REG_SZ\n");
        return ERROR_INVALID_PARAMETER;
    }
    write_utf8(out, L"HKLM\t");
    write_utf8(out, path);
    write_utf8(out, L"\t");
    if (name && *name)
        write_utf8(out, name);
    write_utf8(out, L"\tREG_SZ\t");
    if (*text)
        write_utf8(out, text);
    write_utf8(out, L"\n");
    return ERROR_SUCCESS;
}

static LSTATUS absent_get_string(HKEY key, const WCHAR *path, const WCHAR *name, WCHAR *data, DWORD *size)
{
    (void)key; (void)path; (void)name; (void)data; (void)size;
    return ERROR_FILE_NOT_FOUND;
}

static LSTATUS absent_delete_tree(HKEY parent, const WCHAR *path)
{
    (void)parent; (void)path;
    return ERROR_FILE_NOT_FOUND;
}

static LSTATUS recording_close_key(HKEY key)
{
    (void)key;
    return ERROR_SUCCESS;
}

static const struct registry_ops recording_ops =
{
    absent_open_key,
    recording_create_key,
    recording_set_value,
    absent_get_string,
    absent_delete_tree,
    recording_close_key,
};

int wmain(int argc, WCHAR **argv)
{
    HRESULT hr;

    if (argc != 2 || !*argv[1])
    {
        fail(L"usage: registry_table MODULE_PATH\n");
        return 1;
    }
    /* The root DllRegisterServer writes to. */
    hr = registry_register(&recording_ops, HKEY_LOCAL_MACHINE, argv[1]);
    if (FAILED(hr))
        fail(L"registry_table: registry_register failed\n");
    return failed ? 1 : 0;
}
