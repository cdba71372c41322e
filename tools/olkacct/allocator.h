/*
 * Every allocation olkacct makes goes through olkacct_allocator, so that a
 * test can make any one of them fail. Blocks are freed with free().
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_ALLOCATOR_H
#define OLKACCT_ALLOCATOR_H

#include <windows.h>
#include <stddef.h>

struct olkacct_allocator
{
    /* realloc's contract: NULL block allocates; NULL result leaves the block as it was. */
    void *(*realloc)(void *block, size_t size);
};

/* The C runtime's realloc unless a test swaps it. */
extern struct olkacct_allocator olkacct_allocator;

void *olkacct_alloc(size_t size);

/* count * size bytes, zeroed; NULL when the product overflows. */
void *olkacct_alloc_array(size_t count, size_t size);

/* Resizes to count * size bytes; NULL (the block untouched) when the product overflows. */
void *olkacct_realloc_array(void *block, size_t count, size_t size);

WCHAR *olkacct_wcsdup(const WCHAR *s);

#endif
