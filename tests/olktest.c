/*
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <wchar.h>

ULONG olk_get_refcount(IUnknown *obj)
{
    IUnknown_AddRef(obj);
    return IUnknown_Release(obj);
}

void olk_expect_ref(IUnknown *obj, ULONG ref, const char *file, int line)
{
    ULONG actual = olk_get_refcount(obj);
    _assert_int_equal(actual, ref, file, line);
}

void olk_check_interface(IUnknown *obj, REFIID iid, BOOL supported, const char *file, int line)
{
    ULONG before = olk_get_refcount(obj);
    IUnknown *unk = OLK_SENTINEL;
    HRESULT hr = IUnknown_QueryInterface(obj, iid, (void **)&unk);

    if (supported)
    {
        olk_assert_hr(hr, S_OK, file, line);
        _assert_true(unk != NULL, "unk != NULL", file, line);
        IUnknown_Release(unk);
    }
    else
    {
        olk_assert_hr(hr, E_NOINTERFACE, file, line);
        _assert_true(unk == NULL, "unk == NULL", file, line);
    }
    _assert_int_equal(olk_get_refcount(obj), before, file, line);
}

void olk_assert_hr(HRESULT hr, HRESULT expected, const char *file, int line)
{
    if (hr != expected)
    {
        print_error("hr 0x%08lx, expected 0x%08lx\n", (unsigned long)hr, (unsigned long)expected);
        _fail(file, line);
    }
}

void olk_bin_path(const WCHAR *name, WCHAR *path, DWORD cch)
{
    DWORD len = GetModuleFileNameW(NULL, path, cch);
    WCHAR *slash;

    assert_true(len > 0 && len < cch);
    slash = wcsrchr(path, L'\\');
    assert_non_null(slash);
    slash[1] = 0;
    assert_true(wcslen(path) + wcslen(name) < cch);
    wcscat(path, name);
}

BOOL olk_key_exists(HKEY parent, const WCHAR *path)
{
    HKEY key;

    if (RegOpenKeyExW(parent, path, 0, KEY_READ, &key) != ERROR_SUCCESS)
        return FALSE;
    RegCloseKey(key);
    return TRUE;
}

void olk_test_init(void)
{
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    setvbuf(stdout, NULL, _IONBF, 0);
}

char *olk_read_file(const WCHAR *path)
{
    FILE *file = _wfopen(path, L"rb");
    char *text;
    long size;

    if (!file)
        return calloc(1, 1);
    fseek(file, 0, SEEK_END);
    size = ftell(file);
    fseek(file, 0, SEEK_SET);
    text = calloc(1, (size_t)size + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)size, file), (size_t)size);
    fclose(file);
    return text;
}
