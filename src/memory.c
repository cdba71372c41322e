/*
 * SPDX-License-Identifier: MIT
 */
#include "memory.h"

#include <stdlib.h>

/* NULL while no replacement is set: zero-initialised data takes no space in
 * the DLL's file, where a data section of its own would take 512 bytes. */
static const struct olk_allocator *allocator;

void *olk_alloc(size_t size)
{
    return allocator ? allocator->alloc(size) : calloc(1, size);
}

void olk_free(void *block)
{
    if (!block)
        return;
    if (allocator)
        allocator->free(block);
    else
        free(block);
}

void olk_set_allocator(const struct olk_allocator *replacement)
{
    allocator = replacement;
}
