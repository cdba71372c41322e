/*
 * The account list as text: an aligned table or JSON, both UTF-8.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_OUTPUT_H
#define OLKACCT_OUTPUT_H

#include "accounts.h"
#include "text.h"

/* Columns ID, NAME, TYPE, CATEGORIES, EMAIL, SERVER, SMTP, aligned by
 * character (a character outside the BMP counts once), "-" for an absent
 * value, two spaces between columns. *text is malloc'd, ends with "\n". */
HRESULT olkacct_format_table(const struct olk_account_list *list, char **text, size_t *len);

/* A JSON array with one object per account: the members of olkacct_list_fields
 * (null when absent; binary as a lowercase hex string) plus "type",
 * "type_clsid" and "categories". */
HRESULT olkacct_format_json(const struct olk_account_list *list, char **text, size_t *len);

/* A value as JSON: null when absent, a number, a string, or a lowercase hex
 * string. */
void olkacct_value_json(struct olkacct_text *out, const struct olk_value *value);

#endif
