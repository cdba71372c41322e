/*
 * Memory the stand-in hands to its caller (GetProp strings and binaries,
 * GetAccountInfo and GetOrder arrays), remembered until FreeMemory so that a
 * leak or a stray free is a contract violation, not a silent bug.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <stdlib.h>

struct standin_tracker
{
    CRITICAL_SECTION cs;
    void **live;
    size_t count;
    size_t capacity;
};

HRESULT standin_tracker_create(struct standin_tracker **out)
{
    struct standin_tracker *tracker = calloc(1, sizeof(*tracker));

    *out = NULL;
    if (!tracker) return E_OUTOFMEMORY;
    InitializeCriticalSection(&tracker->cs);
    *out = tracker;
    return S_OK;
}

void standin_tracker_destroy(struct standin_tracker *tracker)
{
    size_t i;

    if (!tracker) return;
    for (i = 0; i < tracker->count; i++) free(tracker->live[i]);
    free(tracker->live);
    DeleteCriticalSection(&tracker->cs);
    free(tracker);
}

static BOOL remember(struct standin_tracker *tracker, void *pv)
{
    if (tracker->count == tracker->capacity)
    {
        size_t capacity = tracker->capacity ? tracker->capacity * 2 : 16;
        void **grown = realloc(tracker->live, capacity * sizeof(*grown));

        if (!grown) return FALSE;
        tracker->live = grown;
        tracker->capacity = capacity;
    }
    tracker->live[tracker->count++] = pv;
    return TRUE;
}

void *standin_tracker_alloc(struct standin_tracker *tracker, size_t size)
{
    void *pv = malloc(size ? size : 1);
    BOOL ok;

    if (!pv) return NULL;
    EnterCriticalSection(&tracker->cs);
    ok = remember(tracker, pv);
    LeaveCriticalSection(&tracker->cs);
    if (!ok)
    {
        free(pv);
        return NULL;
    }
    return pv;
}

HRESULT standin_tracker_free(struct standin_tracker *tracker, void *pv)
{
    size_t i;
    BOOL found = FALSE;

    if (!pv) return S_OK;
    EnterCriticalSection(&tracker->cs);
    for (i = 0; i < tracker->count && !found; i++)
    {
        if (tracker->live[i] != pv) continue;
        tracker->live[i] = tracker->live[--tracker->count];
        found = TRUE;
    }
    LeaveCriticalSection(&tracker->cs);
    if (!found)
    {
        standin_violation("FreeMemory(%p): not memory this account manager handed out (double free?)", pv);
        return E_INVALIDARG;
    }
    free(pv);
    return S_OK;
}

LONG standin_tracker_outstanding(struct standin_tracker *tracker)
{
    LONG n;

    EnterCriticalSection(&tracker->cs);
    n = (LONG)tracker->count;
    LeaveCriticalSection(&tracker->cs);
    return n;
}
