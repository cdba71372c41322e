/*
 * A small JSON reader for olkacct's own backup files: objects, arrays,
 * strings, true/false/null and non-negative integers below 2^32 (all a
 * backup holds). Anything else is an error, never a guess.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_JSON_READER_H
#define OLKACCT_JSON_READER_H

#include <windows.h>

enum json_kind { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_value
{
    enum json_kind kind;
    DWORD number;               /* JSON_NUMBER; JSON_BOOL: 0 or 1 */
    WCHAR *string;              /* JSON_STRING */
    DWORD count;                /* JSON_ARRAY, JSON_OBJECT */
    struct json_value *items;
    WCHAR **keys;               /* JSON_OBJECT */
};

/* Parses UTF-8 text; E_INVALIDARG for anything that is not such JSON
 * (*offset: where), E_OUTOFMEMORY. Free with json_free. */
HRESULT json_parse(const char *text, size_t len, struct json_value *value, size_t *offset);
void json_free(struct json_value *value);

/* The member of an object, or NULL (also when value is not an object). */
const struct json_value *json_member(const struct json_value *object, const WCHAR *key);

#endif
