/*
 * SPDX-License-Identifier: MIT
 */
#include "alloc_faults.h"

#include <stdlib.h>

#include "memory.h"

static LONG countdown, live;
static BOOL injected;

static void *counting_alloc(size_t size)
{
    void *block;

    if (countdown && !--countdown)
    {
        injected = TRUE;
        return NULL;
    }
    if ((block = calloc(1, size)))
        InterlockedIncrement(&live);
    return block;
}

static void counting_free(void *block)
{
    InterlockedDecrement(&live);
    free(block);
}

static const struct olk_allocator counting = { counting_alloc, counting_free };

void alloc_faults_fail_nth(LONG n)
{
    olk_set_allocator(&counting);
    countdown = n;
    live = 0;
    injected = FALSE;
}

BOOL alloc_faults_injected(void)
{
    return injected;
}

LONG alloc_faults_live(void)
{
    return live;
}

void alloc_faults_remove(void)
{
    olk_set_allocator(NULL);
}

int alloc_faults_each(void (*attempt)(void *context), void *context)
{
    LONG n;

    for (n = 1;; n++)
    {
        alloc_faults_fail_nth(n);
        attempt(context);
        if (!alloc_faults_injected())
            break;
    }
    alloc_faults_remove();
    return (int)n - 1;
}
