/*
 * The stand-in's MAPI allocator. It keeps every live block on a list, so
 * that tests can count what was not freed and so that freeing a pointer it
 * never handed out is reported instead of corrupting the heap.
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <string.h>
#include <wchar.h>

struct block
{
    struct block *prev, *next;   /* the live list, for blocks of MAPIAllocateBuffer */
    struct block *more;          /* blocks of MAPIAllocateMore linked to this one */
};

/* The caller's memory starts here, aligned for any MAPI property value. */
#define HEADER_SIZE ((sizeof(struct block) + 15) & ~(size_t)15)

static SRWLOCK blocks_lock = SRWLOCK_INIT;
static struct block live = { &live, &live, NULL };

static void *data_of(struct block *block)
{
    return (BYTE *)block + HEADER_SIZE;
}

/* The live block whose memory starts at data, or NULL. Caller holds the lock. */
static struct block *find_live(const void *data)
{
    struct block *block;

    for (block = live.next; block != &live; block = block->next)
    {
        if (data_of(block) == data)
            return block;
    }
    return NULL;
}

static struct block *new_block(ULONG size)
{
    struct block *block = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, HEADER_SIZE + size);

    return block;
}

SCODE WINAPI MAPIAllocateBuffer(ULONG size, LPVOID *buffer)
{
    struct block *block;

    if (!buffer)
        return MAPI_E_INVALID_PARAMETER;
    *buffer = NULL;
    if (!(block = new_block(size)))
        return MAPI_E_NOT_ENOUGH_MEMORY;
    AcquireSRWLockExclusive(&blocks_lock);
    block->next = live.next;
    block->prev = &live;
    live.next->prev = block;
    live.next = block;
    ReleaseSRWLockExclusive(&blocks_lock);
    InterlockedIncrement(&stub_stats.live_allocations);
    *buffer = data_of(block);
    return S_OK;
}

SCODE WINAPI MAPIAllocateMore(ULONG size, LPVOID object, LPVOID *buffer)
{
    struct block *parent, *block;

    if (!buffer)
        return MAPI_E_INVALID_PARAMETER;
    *buffer = NULL;
    if (!(block = new_block(size)))
        return MAPI_E_NOT_ENOUGH_MEMORY;
    AcquireSRWLockExclusive(&blocks_lock);
    if ((parent = find_live(object)))
    {
        block->more = parent->more;
        parent->more = block;
    }
    ReleaseSRWLockExclusive(&blocks_lock);
    if (!parent)
    {
        HeapFree(GetProcessHeap(), 0, block);
        stub_violation("MAPIAllocateMore linked to %p, which MAPIAllocateBuffer did not hand out", object);
        return MAPI_E_INVALID_PARAMETER;
    }
    *buffer = data_of(block);
    return S_OK;
}

ULONG WINAPI MAPIFreeBuffer(LPVOID buffer)
{
    struct block *block, *more;

    if (!buffer)
        return S_OK;
    AcquireSRWLockExclusive(&blocks_lock);
    if ((block = find_live(buffer)))
    {
        block->prev->next = block->next;
        block->next->prev = block->prev;
    }
    ReleaseSRWLockExclusive(&blocks_lock);
    if (!block)
    {
        stub_violation("MAPIFreeBuffer of %p, which MAPIAllocateBuffer did not hand out (or was freed)", buffer);
        return S_OK;
    }
    while (block)
    {
        more = block->more;
        HeapFree(GetProcessHeap(), 0, block);
        block = more;
    }
    InterlockedDecrement(&stub_stats.live_allocations);
    return S_OK;
}

WCHAR *stub_strdup_more(const WCHAR *string, void *object)
{
    ULONG size = (ULONG)((wcslen(string) + 1) * sizeof(WCHAR));
    void *copy;

    if (FAILED(MAPIAllocateMore(size, object, &copy)))
        return NULL;
    memcpy(copy, string, size);
    return copy;
}

char *stub_strdup_more_a(const WCHAR *string, void *object)
{
    int size = WideCharToMultiByte(CP_ACP, 0, string, -1, NULL, 0, NULL, NULL);
    void *copy;

    if (size <= 0 || FAILED(MAPIAllocateMore((ULONG)size, object, &copy)))
        return NULL;
    WideCharToMultiByte(CP_ACP, 0, string, -1, copy, size, NULL, NULL);
    return copy;
}
