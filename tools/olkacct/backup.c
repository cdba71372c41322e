/*
 * SPDX-License-Identifier: MIT
 */
#include "backup.h"
#include "console.h"
#include "output.h"
#include "exit_codes.h"

#include <shlobj.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

void backup_begin(struct olkacct_text *t, const char *operation, const WCHAR *profile, BOOL allow_read_only)
{
    text_append(t, L"{\n  \"olkacct_backup\": 1,\n  \"operation\": \"");
    text_utf8(t, operation);
    text_append(t, L"\",\n  \"profile\": ");
    text_json_string(t, profile);
    text_append(t, allow_read_only ? L",\n  \"allow_read_only\": true" : L",\n  \"allow_read_only\": false");
}

static void account_head(struct olkacct_text *t, BOOL first, const struct olk_account_record *r)
{
    text_append(t, first ? L",\n  \"accounts\": [\n    { \"id\": " : L",\n    { \"id\": ");
    olkacct_value_json(t, &r->values[OLK_PROP_ACCT_ID]);
    text_append(t, L", \"name\": ");
    olkacct_value_json(t, &r->values[OLK_PROP_ACCT_NAME]);
}

static void member(struct olkacct_text *t, BOOL *first, const struct olk_account_prop *prop,
                   const struct olk_value *value)
{
    text_append(t, *first ? L" " : L", ");
    text_json_name(t, prop->json);
    text_append(t, L": ");
    olkacct_value_json(t, value);
    *first = FALSE;
}

void backup_set_account(struct olkacct_text *t, BOOL first, const struct olk_account_record *before,
                        const enum olk_prop_id *props, const struct olk_value *after, DWORD count)
{
    BOOL none = TRUE;
    DWORD i;

    account_head(t, first, before);
    text_append(t, L",\n      \"before\": {");
    for (i = 0; i < count; i++)
        if (!olk_account_props[props[i]].secret)
            member(t, &none, &olk_account_props[props[i]], &before->values[props[i]]);
    text_append(t, L" },\n      \"after\": {");
    none = TRUE;
    for (i = 0; i < count; i++)
        if (!olk_account_props[props[i]].secret) member(t, &none, &olk_account_props[props[i]], &after[i]);
    text_append(t, L" },\n      \"secrets\": [");
    none = TRUE;
    for (i = 0; i < count; i++)
    {
        if (!olk_account_props[props[i]].secret) continue;
        text_append(t, none ? L" " : L", ");
        text_json_name(t, olk_account_props[props[i]].json);
        none = FALSE;
    }
    text_append(t, L" ] }");
}

void backup_deleted_account(struct olkacct_text *t, const struct olk_account_record *r)
{
    WCHAR clsid[40];
    BOOL first = TRUE;
    size_t i;

    account_head(t, TRUE, r);
    if (!StringFromGUID2(&r->type, clsid, ARRAYSIZE(clsid))) clsid[0] = 0;
    text_append(t, L", \"type_clsid\": ");
    text_json_string(t, clsid);
    text_append(t, L", \"categories\": [");
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
    {
        if (!(r->categories & olk_account_categories[i].bit)) continue;
        if (!first) text_append(t, L", ");
        text_json_string(t, olk_account_categories[i].name);
        first = FALSE;
    }
    text_append(t, L"],\n      \"before\": {");
    first = TRUE;
    for (i = 0; i < OLK_PROP_COUNT; i++)
        if (!olk_account_props[i].secret) member(t, &first, &olk_account_props[i], &r->values[i]);
    text_append(t, L" } }");
}

static void id_array(struct olkacct_text *t, const DWORD *ids, DWORD count)
{
    DWORD i;

    text_append(t, L"[");
    for (i = 0; i < count; i++)
    {
        if (i) text_append(t, L", ");
        text_number(t, ids[i]);
    }
    text_append(t, L"]");
}

void backup_order(struct olkacct_text *t, DWORD category, const DWORD *before, DWORD before_count,
                  const DWORD *after, DWORD after_count)
{
    size_t i;

    text_append(t, L",\n  \"category\": ");
    for (i = 0; i < OLK_CATEGORY_COUNT; i++)
        if (olk_account_categories[i].bit == category) text_json_string(t, olk_account_categories[i].name);
    text_append(t, L",\n  \"before\": ");
    id_array(t, before, before_count);
    text_append(t, L",\n  \"after\": ");
    id_array(t, after, after_count);
}

void backup_line(struct olkacct_text *t, const WCHAR *label, const WCHAR *file)
{
    text_append(t, label);
    text_append(t, L": ");
    text_append(t, file);
    text_append(t, L"\n");
}

void backup_end(struct olkacct_text *t, BOOL has_accounts)
{
    text_append(t, has_accounts ? L"\n  ]\n}\n" : L"\n}\n");
}

/* %LOCALAPPDATA%\olkacct\backups\olkacct-YYYYMMDD-HHMMSS-MMM-OPERATION[-N].json, directories made. */
static BOOL default_path(const char *operation, int attempt, WCHAR *path, DWORD size)
{
    WCHAR base[MAX_PATH];
    SYSTEMTIME now;

    if (FAILED(SHGetFolderPathW(NULL, CSIDL_LOCAL_APPDATA | CSIDL_FLAG_CREATE, NULL, SHGFP_TYPE_CURRENT, base)))
        return FALSE;
    swprintf(path, size, L"%ls\\olkacct", base);
    CreateDirectoryW(path, NULL);
    swprintf(path, size, L"%ls\\olkacct\\backups", base);
    CreateDirectoryW(path, NULL);
    GetLocalTime(&now);
    swprintf(path, size, attempt ? L"%ls\\olkacct\\backups\\olkacct-%04u%02u%02u-%02u%02u%02u-%03u-%hs-%d.json"
                                 : L"%ls\\olkacct\\backups\\olkacct-%04u%02u%02u-%02u%02u%02u-%03u-%hs.json",
             base, now.wYear, now.wMonth, now.wDay, now.wHour, now.wMinute, now.wSecond, now.wMilliseconds,
             operation, attempt + 1);
    return TRUE;
}

/* The whole file or none of it: written beside the target under a name of
 * its own, then moved into place (over the old one only when replace). */
static DWORD write_new(const WCHAR *path, const char *data, size_t len, BOOL replace)
{
    WCHAR partial[MAX_PATH + 32];
    HANDLE file;
    DWORD written = 0, error = 0;

    swprintf(partial, ARRAYSIZE(partial), L"%ls.%lu.partial", path, GetCurrentProcessId());
    file = CreateFileW(partial, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) return GetLastError();
    if (!WriteFile(file, data, (DWORD)len, &written, NULL) || written != len || !FlushFileBuffers(file))
        error = GetLastError() ? GetLastError() : ERROR_WRITE_FAULT;
    CloseHandle(file);
    if (!error && !MoveFileExW(partial, path, MOVEFILE_WRITE_THROUGH | (replace ? MOVEFILE_REPLACE_EXISTING : 0)))
        error = GetLastError() == ERROR_ALREADY_EXISTS ? ERROR_FILE_EXISTS : GetLastError();
    if (error) DeleteFileW(partial);
    return error;
}

int backup_write(struct olkacct_text *t, const WCHAR *file, const char *operation, BOOL replace, WCHAR *path,
                 DWORD path_size)
{
    char *utf8, name[MAX_PATH * 3];
    DWORD error = ERROR_FILE_EXISTS;
    size_t len;
    int attempt;

    if (!replace) path[0] = 0;
    if (FAILED(text_to_utf8(t, &utf8, &len)))
    {
        olkacct_error("out of memory writing the backup: nothing changed");
        return OLKACCT_EXIT_FAILURE;
    }
    if (file || replace)
    {
        if (file) lstrcpynW(path, file, path_size);
        error = write_new(path, utf8, len, replace);
    }
    for (attempt = 0; !file && !replace && error == ERROR_FILE_EXISTS && attempt < 100; attempt++)
        error = default_path(operation, attempt, path, path_size) ? write_new(path, utf8, len, FALSE)
                                                                  : ERROR_PATH_NOT_FOUND;
    free(utf8);
    if (!error) return OLKACCT_EXIT_OK;
    olkacct_utf8(path, name, sizeof(name));
    olkacct_error("cannot write the backup %s (error %lu): nothing changed", name, error);
    return OLKACCT_EXIT_BACKUP;
}
