/*
 * delete: DeleteAccount, only with --yes, and only after a backup that
 * records what the account was (the API cannot recreate it).
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "backup.h"
#include "console.h"
#include "exit_codes.h"

#include <stdio.h>
#include <stdlib.h>

static int delete_account(const struct olkacct_options *o, struct olkacct_connection *c,
                          const struct olk_account_record *record)
{
    struct olkacct_text t = { 0 }, out = { 0 };
    WCHAR path[MAX_PATH];
    char words[320];
    HRESULT hr;
    int code;

    olkacct_account_words(record, words, sizeof(words));
    if (!o->yes)
    {
        olkacct_error("not deleted: add --yes to delete account %s (%ls); a deleted account cannot be recreated "
                      "through the API", words, olk_account_type_name(&record->type)
                      ? olk_account_type_name(&record->type) : L"other type");
        return OLKACCT_EXIT_NOT_CONFIRMED;
    }
    backup_begin(&t, "delete", c->identity, FALSE);
    backup_deleted_account(&t, record);
    backup_end(&t, TRUE);
    if ((code = backup_write(&t, o->backup, "delete", FALSE, path, MAX_PATH))) return code;
    if (FAILED(hr = olk_account_delete(c->manager, olkacct_record_id(record))))
    {
        olkacct_error("IOlkAccountManager::DeleteAccount failed for account %s: %s", words, olkacct_hr(hr));
        return OLKACCT_EXIT_ACCOUNT_API;
    }
    text_append(&out, L"deleted: ");
    text_number(&out, olkacct_record_id(record));
    text_append(&out, L" ");
    olkacct_value_text(&out, &olk_account_props[OLK_PROP_ACCT_NAME], &record->values[OLK_PROP_ACCT_NAME]);
    text_append(&out, L"\n");
    backup_line(&out, L"backup", path);
    return olkacct_print(&out);
}

int olkacct_cmd_delete(const struct olkacct_options *o)
{
    struct olkacct_connection c;
    struct olk_account_record record;
    IOlkAccount *account = NULL;
    int code;

    if (!(code = olkacct_connect(&c, o->profile, o->borrow)) && !(code = olkacct_resolve(&c, &o->args[0], &account, &record)))
    {
        /* The manager deletes by ID; an account without one cannot be named to it. */
        if (record.values[OLK_PROP_ACCT_ID].type != PT_LONG)
        {
            olkacct_error("the account has no ID (PROP_ACCT_ID): the manager cannot be told which to delete");
            code = OLKACCT_EXIT_ACCOUNT_API;
        }
        IOlkAccount_Release(account);
        if (!code) code = delete_account(o, &c, &record);
        olk_account_record_free(&record);
    }
    olkacct_disconnect(&c);
    return code;
}
