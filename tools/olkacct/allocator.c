/*
 * SPDX-License-Identifier: MIT
 */
#include "allocator.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct olkacct_allocator olkacct_allocator = { realloc };

void *olkacct_alloc(size_t size)
{
    return olkacct_allocator.realloc(NULL, size ? size : 1);
}

void *olkacct_realloc_array(void *block, size_t count, size_t size)
{
    size_t bytes = count * size;

    if (size && count > SIZE_MAX / size) return NULL;
    return olkacct_allocator.realloc(block, bytes ? bytes : 1);
}

void *olkacct_alloc_array(size_t count, size_t size)
{
    void *block = olkacct_realloc_array(NULL, count, size);

    if (block) memset(block, 0, count * size);
    return block;
}

WCHAR *olkacct_wcsdup(const WCHAR *s)
{
    size_t size = (wcslen(s) + 1) * sizeof(WCHAR);
    WCHAR *copy = olkacct_alloc(size);

    if (copy) memcpy(copy, s, size);
    return copy;
}
