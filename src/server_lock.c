/*
 * SPDX-License-Identifier: MIT
 */
#include "server_lock.h"

static LONG server_refs;

void server_lock(void)
{
    InterlockedIncrement(&server_refs);
}

void server_unlock(void)
{
    InterlockedDecrement(&server_refs);
}

LONG server_lock_count(void)
{
    return InterlockedCompareExchange(&server_refs, 0, 0);
}
