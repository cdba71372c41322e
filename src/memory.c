/*
 * SPDX-License-Identifier: MIT
 */
#include "memory.h"

#include <stdlib.h>

static void *crt_alloc(size_t size)
{
    return calloc(1, size);
}

static const struct olk_allocator crt_allocator = { crt_alloc, free };
static const struct olk_allocator *allocator = &crt_allocator;

void *olk_alloc(size_t size)
{
    return allocator->alloc(size);
}

void olk_free(void *block)
{
    if (block)
        allocator->free(block);
}

void olk_set_allocator(const struct olk_allocator *replacement)
{
    allocator = replacement ? replacement : &crt_allocator;
}
