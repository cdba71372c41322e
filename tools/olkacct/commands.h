/*
 * olkacct's subcommands (docs/olkacct.md) and what they share. Each returns
 * its exit code, having reported any failure as one "olkacct: ..." line.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_COMMANDS_H
#define OLKACCT_COMMANDS_H

#include "account_model.h"
#include "args.h"
#include "connection.h"
#include "output.h"
#include "text.h"

int olkacct_cmd_list(const struct olkacct_options *options);
int olkacct_cmd_show(const struct olkacct_options *options);
int olkacct_cmd_set(const struct olkacct_options *options);
int olkacct_cmd_restore(const struct olkacct_options *options);
int olkacct_cmd_delete(const struct olkacct_options *options);
int olkacct_cmd_order(const struct olkacct_options *options);
int olkacct_cmd_watch(const struct olkacct_options *options);
int olkacct_cmd_dialog(const struct olkacct_options *options);

/* ---- shared (command_support.c) ------------------------------------------- */

/* Writes the text to stdout as UTF-8; the exit code. */
int olkacct_print(struct olkacct_text *text);

/* ACCOUNT: digits are an ID (FindAccount), anything else (or --name) a name.
 * *account AddRef'd and its record read; otherwise the failure reported. */
int olkacct_resolve(struct olkacct_connection *c, const struct olkacct_arg *arg, IOlkAccount **account,
                    struct olk_account_record *record);

/* An account's ID from its record, or 0 when it has none. */
DWORD olkacct_record_id(const struct olk_account_record *record);

/* A value as show prints it: "-" when absent, "set"/"not set" for a secret,
 * a number with its documented names, text with controls as spaces, hex. */
void olkacct_value_text(struct olkacct_text *t, const struct olk_account_prop *prop, const struct olk_value *v);

/* "name: before -> after", note (or nothing) and a newline: one change as
 * set and restore print it. */
void olkacct_change_line(struct olkacct_text *t, const struct olk_account_prop *prop, const struct olk_value *before,
                         const struct olk_value *after, const WCHAR *note);

/* "name (ID n)" of a record, for messages (UTF-8). */
void olkacct_account_words(const struct olk_account_record *record, char *out, size_t size);

#endif
