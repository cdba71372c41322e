/*
 * Backups: before any change, the previous values (never a secret) as JSON
 * in a new file (format in docs/olkacct.md, "Backups and restore").
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_BACKUP_H
#define OLKACCT_BACKUP_H

#include "account_model.h"
#include "text.h"

/* {"olkacct_backup": 1, "operation": ..., "profile": ..., "allow_read_only": ... */
void backup_begin(struct olkacct_text *t, const char *operation, const WCHAR *profile, BOOL allow_read_only);

/* One account of a set: the before and after values of the changed
 * properties (props: enum olk_prop_id); secrets only by name. */
void backup_set_account(struct olkacct_text *t, BOOL first, const struct olk_account_record *before,
                        const enum olk_prop_id *props, const struct olk_value *after, DWORD count);

/* The account a delete removes: type, categories, every non-secret property. */
void backup_deleted_account(struct olkacct_text *t, const struct olk_account_record *record);

/* The order of a category before and after. */
void backup_order(struct olkacct_text *t, DWORD category, const DWORD *before, DWORD before_count,
                  const DWORD *after, DWORD after_count);

/* "label: FILE" and a newline, as each changing subcommand names its files. */
void backup_line(struct olkacct_text *t, const WCHAR *label, const WCHAR *file);

/* Closes the object begun by backup_begin (after the accounts, if any). */
void backup_end(struct olkacct_text *t, BOOL has_accounts);

/* Writes the text to a new file: file, or a new name under the user's local
 * application data (operation in the name). path gets the file's name. An
 * existing file is never overwritten, unless replace (the same backup
 * written again with what the change really left). The exit code; failures
 * reported. */
int backup_write(struct olkacct_text *t, const WCHAR *file, const char *operation, BOOL replace, WCHAR *path,
                 DWORD path_size);

#endif
