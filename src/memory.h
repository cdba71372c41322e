/*
 * The product's heap: every allocation of the DLL and of the MAPI unit goes
 * through here, so that a test can make any one of them fail.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_MEMORY_H
#define OLKHELPER_MEMORY_H

#include <stddef.h>

/* size bytes, zeroed; NULL when out of memory. */
void *olk_alloc(size_t size);
/* NULL is ignored. */
void olk_free(void *block);

/* The allocator behind olk_alloc and olk_free; the C runtime's by default. */
struct olk_allocator
{
    void *(*alloc)(size_t size);    /* zeroed, or NULL */
    void (*free)(void *block);
};

/* Installs allocator (NULL: the C runtime's). For tests: a block is freed
 * by whichever allocator is installed then, so the two must share a heap or
 * no block may be live across the switch. */
void olk_set_allocator(const struct olk_allocator *allocator);

#endif
