/*
 * restore: puts back what a set or an order backed up, through the same
 * account model, after checking that nothing changed since (unless --force).
 * A delete cannot be undone: the Account Management API cannot create
 * accounts.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "backup.h"
#include "exit_codes.h"
#include "json_reader.h"
#include "memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct restore
{
    const struct olkacct_options *o;
    struct olkacct_connection c;
    struct json_value backup;
    char file[MAX_PATH * 3];
};

static int read_backup(struct restore *r)
{
    HANDLE file = CreateFileW(r->o->args[0].text, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    DWORD size, got = 0;
    size_t offset = 0;
    const struct json_value *mark;
    char *text = NULL;
    HRESULT hr = E_FAIL;

    olkacct_utf8(r->o->args[0].text, r->file, sizeof(r->file));
    if (file == INVALID_HANDLE_VALUE)
    {
        olkacct_error("cannot read the backup %s (error %lu)", r->file, GetLastError());
        return OLKACCT_EXIT_BACKUP;
    }
    size = GetFileSize(file, NULL);
    if (size < (1 << 24) && (text = malloc(size + 1)) && ReadFile(file, text, size, &got, NULL) && got == size)
        hr = json_parse(text, size, &r->backup, &offset);
    CloseHandle(file);
    free(text);
    mark = json_member(&r->backup, L"olkacct_backup");
    if (FAILED(hr) || !mark || mark->kind != JSON_NUMBER || mark->number != 1)
    {
        olkacct_error("%s is not an olkacct backup (at byte %lu)", r->file, (unsigned long)offset);
        return OLKACCT_EXIT_BACKUP;
    }
    return OLKACCT_EXIT_OK;
}

static BOOL is_operation(const struct restore *r, const WCHAR *name)
{
    const struct json_value *op = json_member(&r->backup, L"operation");

    return op && op->kind == JSON_STRING && !wcscmp(op->string, name);
}

/* A backed-up value as a value of prop; FALSE when it cannot be one. */
static BOOL to_value(const struct olk_account_prop *prop, const struct json_value *json, struct olk_value *value)
{
    enum olk_parse_error error;

    memset(value, 0, sizeof(*value));
    if (json->kind == JSON_NULL) return TRUE;
    if (prop->type == PT_LONG && json->kind == JSON_NUMBER)
    {
        value->type = PT_LONG;
        value->dw = json->number;
        return TRUE;
    }
    if (json->kind != JSON_STRING) return FALSE;
    if (prop->type == PT_UNICODE)
    {
        value->type = PT_UNICODE;
        return (value->str = _wcsdup(json->string)) != NULL;
    }
    if (!*json->string)
    {
        value->type = PT_BINARY;
        return (value->bin = malloc(1)) != NULL;
    }
    return SUCCEEDED(olk_value_parse(prop, json->string, value, &error));
}

static void value_words(const struct olk_account_prop *prop, const struct olk_value *v, char *out, size_t size)
{
    struct olkacct_text t = { 0 };
    char *utf8;
    size_t len;

    olkacct_value_text(&t, prop, v);
    if (SUCCEEDED(text_to_utf8(&t, &utf8, &len)))
    {
        lstrcpynA(out, utf8, (int)size);
        free(utf8);
    }
    else lstrcpynA(out, "?", (int)size);
}

/* Every "after" value still there, or refused (one line each). */
static int check_after(const struct olk_account_record *now, const struct json_value *after, DWORD id, BOOL force)
{
    char was[256], is[256];
    DWORD i;
    int code = OLKACCT_EXIT_OK;

    for (i = 0; after && i < after->count; i++)
    {
        const struct olk_account_prop *prop = olk_prop_by_json(after->keys[i], wcslen(after->keys[i]));
        struct olk_value expected;

        if (!prop || !to_value(prop, &after->items[i], &expected))
        {
            olkacct_error("the backup holds a value olkacct cannot read: %ls", after->keys[i]);
            return OLKACCT_EXIT_BACKUP;
        }
        if (!olk_value_equal(&expected, &now->values[prop - olk_account_props]) && !force)
        {
            value_words(prop, &now->values[prop - olk_account_props], is, sizeof(is));
            value_words(prop, &expected, was, sizeof(was));
            olkacct_error("not restored: account %lu %s is now %s, not %s as the change left it (--force "
                          "restores anyway)", (unsigned long)id, prop->json, is, was);
            code = OLKACCT_EXIT_RESTORE_REFUSED;
        }
        olk_value_free(&expected);
    }
    return code;
}

/* One account of a set backup: what restore will change in it. */
struct plan
{
    IOlkAccount *account;
    struct olk_account_record now;
    struct olk_change *changes;
    enum olk_prop_id *ids;
    DWORD count;
    BOOL applied;           /* SetProp and SaveChanges went through */
};

static void plan_free(struct plan *plan)
{
    DWORD i;

    for (i = 0; i < plan->count; i++) olk_value_free(&plan->changes[i].value);
    free(plan->changes);
    free(plan->ids);
    olk_account_record_free(&plan->now);
    if (plan->account) IOlkAccount_Release(plan->account);
}

/* The before values that differ from now, as changes; each printed as
 * "name: now -> before". */
static int plan_changes(const struct json_value *before, DWORD id, struct plan *plan, struct olkacct_text *out)
{
    DWORD i;

    plan->changes = calloc(before->count + 1, sizeof(*plan->changes));
    plan->ids = calloc(before->count + 1, sizeof(*plan->ids));
    if (!plan->changes || !plan->ids) return OLKACCT_EXIT_FAILURE;
    for (i = 0; i < before->count; i++)
    {
        const struct olk_account_prop *prop = olk_prop_by_json(before->keys[i], wcslen(before->keys[i]));
        struct olk_change *change = &plan->changes[plan->count];

        if (!prop || !to_value(prop, &before->items[i], &change->value)) return OLKACCT_EXIT_BACKUP;
        if (!change->value.type)
            olkacct_error("account %lu %s had no value before and cannot be removed through the API: left as it "
                          "is", (unsigned long)id, prop->json);
        else if (olk_value_equal(&change->value, &plan->now.values[prop - olk_account_props]))
            olk_value_free(&change->value);
        else
        {
            change->prop = prop;
            plan->ids[plan->count++] = prop - olk_account_props;
            olkacct_change_line(out, prop, &plan->now.values[prop - olk_account_props], &change->value, NULL);
        }
    }
    return OLKACCT_EXIT_OK;
}

/* Finds the account, checks that it holds what the change left (unless
 * --force), and plans the changes back. */
static int plan_account(struct restore *r, const struct json_value *entry, struct plan *plan,
                        struct olkacct_text *out)
{
    const struct json_value *id = json_member(entry, L"id"), *before = json_member(entry, L"before");
    const char *step;
    HRESULT hr;
    int code;

    if (!id || id->kind != JSON_NUMBER || !before || before->kind != JSON_OBJECT)
    {
        olkacct_error("%s: an account without an id or before values", r->file);
        return OLKACCT_EXIT_BACKUP;
    }
    if (FAILED(hr = olk_account_find_id(r->c.manager, id->number, &plan->account)))
    {
        olkacct_error("not restored: account %lu is no longer there (%s)", (unsigned long)id->number, olkacct_hr(hr));
        return OLKACCT_EXIT_RESTORE_REFUSED;
    }
    if (FAILED(hr = olk_account_read(plan->account, &plan->now, &step)))
    {
        olkacct_error("%s failed: %s", step ? step : "reading the account", olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    if ((code = check_after(&plan->now, json_member(entry, L"after"), id->number, r->o->force))) return code;
    return plan_changes(before, id->number, plan, out);
}

static BOOL allows_read_only(const struct restore *r)
{
    const struct json_value *allow = json_member(&r->backup, L"allow_read_only");

    return allow && allow->kind == JSON_BOOL && allow->number;
}

/* A backup of the restore itself, in a set's form, so that it too can be
 * undone: before = the values it replaces, after = the values it puts back.
 * Once done (after given): only the accounts it did change, with the values
 * read back where they could be read. */
static int write_own_backup(struct restore *r, const struct plan *plans, DWORD count,
                            const struct olk_account_record *after, BOOL replace, WCHAR *path)
{
    struct olkacct_text t = { 0 };
    struct olk_value values[OLK_PROP_COUNT];
    BOOL first = TRUE, read;
    DWORD i, k;

    backup_begin(&t, "set", r->c.identity, allows_read_only(r));
    for (i = 0; i < count; i++)
    {
        if (!plans[i].count || (after && !plans[i].applied)) continue;
        read = after && after[i].values[OLK_PROP_ACCT_ID].type;
        for (k = 0; k < plans[i].count; k++)
            values[k] = read ? after[i].values[plans[i].ids[k]] : plans[i].changes[k].value;
        backup_set_account(&t, first, &plans[i].now, plans[i].ids, values, plans[i].count);
        first = FALSE;
    }
    backup_end(&t, TRUE);
    return backup_write(&t, r->o->backup, "restore", replace, path, MAX_PATH);
}

static int apply_plan(struct restore *r, struct plan *plan, struct olk_account_record *after)
{
    DWORD id = plan->now.values[OLK_PROP_ACCT_ID].dw, failed;
    const char *step;
    HRESULT hr;

    if (FAILED(hr = olk_account_set(plan->account, plan->changes, plan->count,
                                    allows_read_only(r) ? OLK_SET_ALLOW_READ_ONLY : 0, &failed)))
    {
        olkacct_error("restoring account %lu failed (%s): %s", (unsigned long)id,
                      failed < plan->count ? plan->changes[failed].prop->json : "SaveChanges", olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    plan->applied = TRUE;
    if (FAILED(hr = olk_account_read(plan->account, after, &step)))
    {
        olkacct_error("account %lu was restored, but reading it back failed: %s", (unsigned long)id,
                      olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    return OLKACCT_EXIT_OK;
}

/* After every account was planned and checked: the restore's own backup,
 * then the changes, one account at a time, then the backup again with what
 * the changes really left (as set does), also when one failed halfway. */
static int put_back(struct restore *r, struct plan *plans, DWORD count, struct olkacct_text *out)
{
    struct olk_account_record *after = calloc(count + 1, sizeof(*after));
    WCHAR path[MAX_PATH];
    DWORD i, changed = 0, applied = 0;
    int code = after ? OLKACCT_EXIT_OK : OLKACCT_EXIT_FAILURE, again;

    for (i = 0; i < count; i++) changed += plans[i].count;
    if (!code && changed) code = write_own_backup(r, plans, count, NULL, FALSE, path);
    for (i = 0; !code && i < count; i++)
        if (plans[i].count) code = apply_plan(r, &plans[i], &after[i]);
    for (i = 0; i < count; i++) applied += plans[i].applied;
    if (applied && (again = write_own_backup(r, plans, count, after, TRUE, path)) && !code) code = again;
    if (code && applied) olkacct_error("what this restore replaced is in the backup %ls", path);
    if (!code)
    {
        backup_line(out, L"restored", r->o->args[0].text);
        if (changed) backup_line(out, L"backup", path);
    }
    for (i = 0; after && i < count; i++) olk_account_record_free(&after[i]);
    free(after);
    return code;
}

static int restore_set(struct restore *r)
{
    const struct json_value *accounts = json_member(&r->backup, L"accounts");
    struct olkacct_text out = { 0 };
    struct plan *plans;
    DWORD i;
    int code = OLKACCT_EXIT_OK, one;

    if (!accounts || accounts->kind != JSON_ARRAY)
    {
        olkacct_error("%s holds no accounts", r->file);
        return OLKACCT_EXIT_BACKUP;
    }
    if (!(plans = calloc(accounts->count + 1, sizeof(*plans)))) return OLKACCT_EXIT_FAILURE;
    for (i = 0; i < accounts->count; i++)
        if ((one = plan_account(r, &accounts->items[i], &plans[i], &out)) && !code) code = one;
    if (!code) code = put_back(r, plans, accounts->count, &out);
    for (i = 0; i < accounts->count; i++) plan_free(&plans[i]);
    free(plans);
    if (code)
    {
        free(out.data);
        return code;
    }
    return olkacct_print(&out);
}

static BOOL id_array(const struct json_value *json, DWORD *ids, DWORD max, DWORD *count)
{
    DWORD i;

    if (!json || json->kind != JSON_ARRAY || json->count > max) return FALSE;
    for (i = 0; i < json->count; i++)
    {
        if (json->items[i].kind != JSON_NUMBER) return FALSE;
        ids[i] = json->items[i].number;
    }
    *count = json->count;
    return TRUE;
}

static int restore_order(struct restore *r)
{
    const struct json_value *category = json_member(&r->backup, L"category");
    DWORD bit = 0, before[256], after[256], nb, na, *now = NULL, n = 0, i;
    struct olkacct_text out = { 0 };
    WCHAR path[MAX_PATH];
    HRESULT hr;
    int code;

    for (i = 0; category && category->kind == JSON_STRING && i < OLK_CATEGORY_COUNT; i++)
        if (!wcscmp(category->string, olk_account_categories[i].name)) bit = olk_account_categories[i].bit;
    if (!bit || !id_array(json_member(&r->backup, L"before"), before, 256, &nb)
        || !id_array(json_member(&r->backup, L"after"), after, 256, &na))
    {
        olkacct_error("%s: not a readable order backup", r->file);
        return OLKACCT_EXIT_BACKUP;
    }
    if (FAILED(hr = olk_order_get(r->c.manager, bit, &now, &n)))
    {
        olkacct_error("IOlkAccountManager::GetOrder failed: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    if (!r->o->force && (n != na || memcmp(now, after, n * sizeof(DWORD))))
    {
        olk_free(now);
        olkacct_error("not restored: the order of %ls has changed since the backup (--force restores anyway)",
                      category->string);
        return OLKACCT_EXIT_RESTORE_REFUSED;
    }
    /* The restore's own backup, an order's, so that it too can be undone. */
    backup_begin(&out, "order", r->c.identity, FALSE);
    backup_order(&out, bit, now, n, before, nb);
    backup_end(&out, FALSE);
    olk_free(now);
    if ((code = backup_write(&out, r->o->backup, "restore", FALSE, path, MAX_PATH))) return code;
    if (FAILED(hr = olk_order_set(r->c.manager, bit, before, nb)))
    {
        olkacct_error("IOlkAccountManager::SetOrder failed: %s", olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    memset(&out, 0, sizeof(out));
    backup_line(&out, L"restored", r->o->args[0].text);
    backup_line(&out, L"backup", path);
    return olkacct_print(&out);
}

int olkacct_cmd_restore(const struct olkacct_options *o)
{
    struct restore r;
    const struct json_value *profile;
    int code;

    memset(&r, 0, sizeof(r));
    r.o = o;
    if ((code = read_backup(&r))) return code;
    if (is_operation(&r, L"delete"))
    {
        olkacct_error("%s is the backup of a deletion: it cannot be restored, as the Account Management API "
                      "cannot create accounts (the file records what the account was)", r.file);
        json_free(&r.backup);
        return OLKACCT_EXIT_RESTORE_REFUSED;
    }
    profile = json_member(&r.backup, L"profile");
    if (!(code = olkacct_connect(&r.c, o->profile ? o->profile : profile && profile->kind == JSON_STRING
                                                                && *profile->string ? profile->string : NULL,
                                 o->borrow)))
    {
        if (is_operation(&r, L"set")) code = restore_set(&r);
        else if (is_operation(&r, L"order")) code = restore_order(&r);
        else
        {
            olkacct_error("%s: unknown operation", r.file);
            code = OLKACCT_EXIT_BACKUP;
        }
    }
    olkacct_disconnect(&r.c);
    json_free(&r.backup);
    return code;
}
