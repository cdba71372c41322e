/*
 * olkacct reads accounts through the product's account model
 * (src/accounts/account_model.h); this names what its listing prints.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_ACCOUNTS_H
#define OLKACCT_ACCOUNTS_H

#include "account_model.h"

/* The properties `list` prints, in output order. */
#define OLKACCT_LIST_FIELD_COUNT 13
extern const enum olk_prop_id olkacct_list_fields[OLKACCT_LIST_FIELD_COUNT];

#endif
