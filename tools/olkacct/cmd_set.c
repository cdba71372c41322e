/*
 * set: NAME=VALUE changes, every one parsed and checked before anything is
 * written, a backup, then the account model's set (SetProp for each, one
 * SaveChanges), and the values read back. With --allow-read-only, what the
 * account manager did with a property documented read-only is reported.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "backup.h"
#include "console.h"
#include "exit_codes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct set_run
{
    const struct olkacct_options *o;
    DWORD count;
    struct olk_change *changes;
    enum olk_prop_id *ids;
};

static const char *parse_error_text(enum olk_parse_error error)
{
    switch (error)
    {
    case OLK_PARSE_EMPTY: return "an empty value cannot be set (the account manager cannot remove a property)";
    case OLK_PARSE_NOT_NUMBER: return "not a number below 2^32 nor a documented value name";
    case OLK_PARSE_TOO_BIG: return "not below 2^32";
    case OLK_PARSE_NOT_DOCUMENTED: return "not one of the documented values";
    case OLK_PARSE_UNKNOWN_BITS: return "has bits that are not documented";
    case OLK_PARSE_NOT_HEX: return "not hex bytes (an even number of hex digits)";
    default: return "not valid";
    }
}

/* A secret's value: the first line of standard input, never the command line. */
static BOOL read_secret(WCHAR *value, DWORD size)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    char line[1024];
    DWORD got = 0, n = 0;

    while (n + 1 < sizeof(line) && ReadFile(in, line + n, 1, &got, NULL) && got && line[n] != '\n') n++;
    if (n && line[n - 1] == '\r') n--;
    line[n] = 0;
    if (!n) return FALSE;
    n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, line, -1, value, size);
    SecureZeroMemory(line, sizeof(line));
    return n > 0;
}

static int parse_change(struct set_run *run, const WCHAR *word, DWORD index)
{
    const WCHAR *eq = wcschr(word, L'=');
    const struct olk_account_prop *prop;
    enum olk_parse_error error;
    WCHAR secret[512], name[64];
    char text[256];
    DWORD i;
    HRESULT hr;

    olkacct_utf8(word, text, sizeof(text));
    if (!eq)
    {
        olkacct_error("expected NAME=VALUE, not '%s' (try olkacct set --help)", text);
        return OLKACCT_EXIT_USAGE;
    }
    if (!(prop = olk_prop_by_json(word, eq - word)))
    {
        lstrcpynW(name, word, (int)min(eq - word + 1, (ptrdiff_t)ARRAYSIZE(name)));
        olkacct_utf8(name, text, sizeof(text));
        olkacct_error("unknown property '%s' (the names are the JSON names of docs/properties.md)", text);
        return OLKACCT_EXIT_REFUSED;
    }
    for (i = 0; i < index; i++)
    {
        if (run->changes[i].prop != prop) continue;
        olkacct_error("%s is given twice", prop->json);
        return OLKACCT_EXIT_REFUSED;
    }
    if (prop->secret && wcscmp(eq + 1, L"-"))
    {
        olkacct_error("%s is a secret: never on the command line; write %s=- and give it on standard input",
                      prop->json, prop->json);
        return OLKACCT_EXIT_REFUSED;
    }
    if (prop->access == OLK_PROP_READ_ONLY && !run->o->allow_read_only)
    {
        olkacct_error("%s is documented read-only (add --allow-read-only to try it anyway)", prop->json);
        return OLKACCT_EXIT_REFUSED;
    }
    if (prop->secret && !read_secret(secret, ARRAYSIZE(secret)))
    {
        olkacct_error("%s: no value on standard input", prop->json);
        return OLKACCT_EXIT_REFUSED;
    }
    hr = olk_value_parse(prop, prop->secret ? secret : eq + 1, &run->changes[index].value, &error);
    SecureZeroMemory(secret, sizeof(secret));
    if (hr == E_OUTOFMEMORY)
    {
        olkacct_error("out of memory");
        return OLKACCT_EXIT_FAILURE;
    }
    if (FAILED(hr))
    {
        olkacct_utf8(eq + 1, text, sizeof(text));
        olkacct_error("%s: '%s' is %s", prop->json, text, parse_error_text(error));
        return OLKACCT_EXIT_REFUSED;
    }
    run->changes[index].prop = prop;
    run->ids[index] = (enum olk_prop_id)(prop - olk_account_props);
    return OLKACCT_EXIT_OK;
}

static int parse_changes(struct set_run *run)
{
    DWORD i;
    int code;

    run->count = run->o->arg_count - 1;
    run->changes = calloc(run->count, sizeof(*run->changes));
    run->ids = calloc(run->count, sizeof(*run->ids));
    if (!run->changes || !run->ids)
    {
        olkacct_error("out of memory");
        return OLKACCT_EXIT_FAILURE;
    }
    for (i = 0; i < run->count; i++)
        if ((code = parse_change(run, run->o->args[i + 1].text, i))) return code;
    return OLKACCT_EXIT_OK;
}

static void free_changes(struct set_run *run)
{
    DWORD i;

    for (i = 0; run->changes && i < run->count; i++)
    {
        if (run->changes[i].value.str)
            SecureZeroMemory(run->changes[i].value.str, wcslen(run->changes[i].value.str) * sizeof(WCHAR));
        olk_value_free(&run->changes[i].value);
    }
    free(run->changes);
    free(run->ids);
}

/* "name: BEFORE -> AFTER[ note]" */
static int dry_run(struct set_run *run, const struct olk_account_record *before)
{
    struct olkacct_text t = { 0 };
    DWORD i;

    for (i = 0; i < run->count; i++)
        olkacct_change_line(&t, run->changes[i].prop, &before->values[run->ids[i]], &run->changes[i].value, L" (dry run)");
    return olkacct_print(&t);
}

static int write_backup(struct set_run *run, const struct olkacct_connection *c,
                        const struct olk_account_record *before, const struct olk_value *after, BOOL replace,
                        WCHAR *path)
{
    struct olkacct_text t = { 0 };
    const struct olk_value *values = after;
    struct olk_value *intended = NULL;
    DWORD i;
    int code;

    if (!values)
    {
        if (!(intended = calloc(run->count, sizeof(*intended)))) return OLKACCT_EXIT_FAILURE;
        for (i = 0; i < run->count; i++) intended[i] = run->changes[i].value;
        values = intended;
    }
    backup_begin(&t, "set", c->identity, run->o->allow_read_only);
    backup_set_account(&t, TRUE, before, run->ids, values, run->count);
    backup_end(&t, TRUE);
    code = backup_write(&t, run->o->backup, "set", replace, path, MAX_PATH);
    free(intended);
    return code;
}

/* The manager refused a SetProp, or SaveChanges failed: nothing was saved. */
static int report_refusal(struct set_run *run, HRESULT hr, DWORD failed)
{
    const struct olk_account_prop *prop = failed < run->count ? run->changes[failed].prop : NULL;

    if (!prop)
    {
        olkacct_error("IOlkAccount::SaveChanges failed: %s: nothing changed", olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    if (prop->access == OLK_PROP_READ_ONLY)
    {
        olkacct_error("%s: refused by the account manager (%s): nothing saved", prop->json, olkacct_hr(hr));
        return OLKACCT_EXIT_NOT_KEPT;
    }
    olkacct_error("IOlkAccount::SetProp refused %s: %s: nothing saved", prop->json, olkacct_hr(hr));
    return OLKACCT_EXIT_ACCOUNT_API;
}

/* Prints each change as read back; the exit code says whether a read-only
 * property was not kept. */
static int report(struct set_run *run, const struct olk_account_record *before,
                  const struct olk_account_record *after, const WCHAR *path)
{
    struct olkacct_text t = { 0 };
    int code = OLKACCT_EXIT_OK;
    DWORD i;

    for (i = 0; i < run->count; i++)
    {
        const struct olk_account_prop *prop = run->changes[i].prop;
        const struct olk_value *now = &after->values[run->ids[i]];
        BOOL kept = prop->secret ? now->type != 0 : olk_value_equal(now, &run->changes[i].value);
        const WCHAR *note = NULL;

        if (prop->access == OLK_PROP_READ_ONLY) note = kept ? L" (read-only: kept)" : L" (read-only: ignored)";
        olkacct_change_line(&t, prop, &before->values[run->ids[i]], now, note);
        if (kept || prop->access != OLK_PROP_READ_ONLY) continue;
        code = OLKACCT_EXIT_NOT_KEPT;
    }
    backup_line(&t, L"backup", path);
    if (olkacct_print(&t)) return OLKACCT_EXIT_FAILURE;
    for (i = 0; i < run->count && code; i++)
    {
        const struct olk_account_prop *prop = run->changes[i].prop;

        if (prop->access != OLK_PROP_READ_ONLY || olk_value_equal(&after->values[run->ids[i]], &run->changes[i].value))
            continue;
        olkacct_error("%s: ignored by the account manager (SaveChanges succeeded, the value read back is not the "
                      "one set)", prop->json);
    }
    return code;
}

static int apply(struct set_run *run, struct olkacct_connection *c, IOlkAccount *account,
                 const struct olk_account_record *before)
{
    struct olk_account_record after;
    struct olk_value *values;
    WCHAR path[MAX_PATH];
    const char *step;
    DWORD failed, i;
    HRESULT hr;
    int code;

    if ((code = write_backup(run, c, before, NULL, FALSE, path))) return code;
    hr = olk_account_set(account, run->changes, run->count,
                         run->o->allow_read_only ? OLK_SET_ALLOW_READ_ONLY : 0, &failed);
    if (FAILED(hr)) return report_refusal(run, hr, failed);
    if (FAILED(hr = olk_account_read(account, &after, &step)))
    {
        olkacct_error("the change was saved, but reading it back failed: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    /* What the change really left, for restore to check against. */
    if ((values = calloc(run->count, sizeof(*values))))
    {
        for (i = 0; i < run->count; i++) values[i] = after.values[run->ids[i]];
        code = write_backup(run, c, before, values, TRUE, path);
        free(values);
    }
    if (!code) code = report(run, before, &after, path);
    olk_account_record_free(&after);
    return code;
}

int olkacct_cmd_set(const struct olkacct_options *o)
{
    struct set_run run = { o, 0, NULL, NULL };
    struct olkacct_connection c;
    struct olk_account_record before;
    IOlkAccount *account = NULL;
    int code;

    memset(&c, 0, sizeof(c));
    if (!(code = parse_changes(&run)) && !(code = olkacct_connect(&c, o->profile, o->borrow))
        && !(code = olkacct_resolve(&c, &o->args[0], &account, &before)))
    {
        code = o->dry_run ? dry_run(&run, &before) : apply(&run, &c, account, &before);
        olk_account_record_free(&before);
        IOlkAccount_Release(account);
    }
    olkacct_disconnect(&c);
    free_changes(&run);
    return code;
}
