/*
 * The count of live objects and LockServer locks that DllCanUnloadNow
 * answers from; tests read it to prove every object was released.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

static LONG module_refs;

void standin_lock(void)
{
    InterlockedIncrement(&module_refs);
}

void standin_unlock(void)
{
    InterlockedDecrement(&module_refs);
}

LONG standin_lock_count(void)
{
    return InterlockedCompareExchange(&module_refs, 0, 0);
}
