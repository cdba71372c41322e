/*
 * The stand-in's profile table: a snapshot of OLKSTUB_PROFILES with the
 * columns PR_DISPLAY_NAME (A, or W when the table was asked for with
 * MAPI_UNICODE) and PR_DEFAULT_PROFILE. Rows are allocated as FreeProws
 * expects: the row set and each row's property array are separate
 * MAPIAllocateBuffer blocks, strings are linked to their row's array.
 * SetColumns, QueryColumns, GetRowCount, SeekRow, QueryPosition, QueryRows
 * and GetStatus work; the rest answers MAPI_E_NO_SUPPORT. One thread at a
 * time, as clients use tables.
 *
 * SPDX-License-Identifier: MIT
 */
#include "stub.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MAX_COLUMNS 8

struct profile_table
{
    IMAPITable IMAPITable_iface;
    LONG refcount;
    WCHAR names[STUB_MAX_PROFILES][OLKSTUB_NAME_CCH];
    ULONG row_count;
    ULONG default_row;            /* row_count when there is no default */
    ULONG columns[MAX_COLUMNS];
    ULONG column_count;
    ULONG cursor;
};

static inline struct profile_table *impl_from_IMAPITable(IMAPITable *iface)
{
    return CONTAINING_RECORD(iface, struct profile_table, IMAPITable_iface);
}

static HRESULT STDMETHODCALLTYPE table_QueryInterface(IMAPITable *iface, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &stub_iid_mapitable))
        return E_NOINTERFACE;
    *ppv = iface;
    iface->lpVtbl->AddRef(iface);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE table_AddRef(IMAPITable *iface)
{
    return InterlockedIncrement(&impl_from_IMAPITable(iface)->refcount);
}

static ULONG STDMETHODCALLTYPE table_Release(IMAPITable *iface)
{
    struct profile_table *table = impl_from_IMAPITable(iface);
    ULONG refcount = InterlockedDecrement(&table->refcount);

    if (refcount)
        return refcount;
    InterlockedDecrement(&stub_stats.live_objects);
    free(table);
    return 0;
}

static HRESULT STDMETHODCALLTYPE table_GetLastError(IMAPITable *iface, HRESULT hr, ULONG flags, LPMAPIERROR *error)
{
    (void)iface; (void)hr; (void)flags; (void)error;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_Advise(IMAPITable *iface, ULONG mask, LPMAPIADVISESINK sink,
                                              ULONG *connection)
{
    (void)iface; (void)mask; (void)sink; (void)connection;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_Unadvise(IMAPITable *iface, ULONG connection)
{
    (void)iface; (void)connection;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_GetStatus(IMAPITable *iface, ULONG *status, ULONG *type)
{
    (void)iface;
    if (!status || !type)
        return MAPI_E_INVALID_PARAMETER;
    *status = TBLSTAT_COMPLETE;
    *type = TBLTYPE_SNAPSHOT;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_SetColumns(IMAPITable *iface, LPSPropTagArray tags, ULONG flags)
{
    struct profile_table *table = impl_from_IMAPITable(iface);

    (void)flags;
    if (!tags || !tags->cValues || tags->cValues > MAX_COLUMNS)
        return MAPI_E_INVALID_PARAMETER;
    memcpy(table->columns, tags->aulPropTag, tags->cValues * sizeof(ULONG));
    table->column_count = tags->cValues;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_QueryColumns(IMAPITable *iface, ULONG flags, LPSPropTagArray *tags)
{
    struct profile_table *table = impl_from_IMAPITable(iface);
    SPropTagArray *copy;

    (void)flags;
    if (!tags)
        return MAPI_E_INVALID_PARAMETER;
    if (FAILED(MAPIAllocateBuffer(CbNewSPropTagArray(table->column_count), (void **)&copy)))
        return MAPI_E_NOT_ENOUGH_MEMORY;
    copy->cValues = table->column_count;
    memcpy(copy->aulPropTag, table->columns, table->column_count * sizeof(ULONG));
    *tags = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_GetRowCount(IMAPITable *iface, ULONG flags, ULONG *count)
{
    (void)flags;
    if (!count)
        return MAPI_E_INVALID_PARAMETER;
    *count = impl_from_IMAPITable(iface)->row_count;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_SeekRow(IMAPITable *iface, BOOKMARK origin, LONG rows, LONG *sought)
{
    struct profile_table *table = impl_from_IMAPITable(iface);
    LONG start, target;

    if (origin == BOOKMARK_BEGINNING)
        start = 0;
    else if (origin == BOOKMARK_CURRENT)
        start = (LONG)table->cursor;
    else if (origin == BOOKMARK_END)
        start = (LONG)table->row_count;
    else
        return MAPI_E_INVALID_BOOKMARK;
    target = start + rows;
    if (target < 0)
        target = 0;
    if (target > (LONG)table->row_count)
        target = (LONG)table->row_count;
    table->cursor = (ULONG)target;
    if (sought)
        *sought = target - start;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_SeekRowApprox(IMAPITable *iface, ULONG numerator, ULONG denominator)
{
    (void)iface; (void)numerator; (void)denominator;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_QueryPosition(IMAPITable *iface, ULONG *row, ULONG *numerator,
                                                     ULONG *denominator)
{
    struct profile_table *table = impl_from_IMAPITable(iface);

    if (!row || !numerator || !denominator)
        return MAPI_E_INVALID_PARAMETER;
    *row = table->cursor;
    *numerator = table->cursor;
    *denominator = table->row_count ? table->row_count : 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_FindRow(IMAPITable *iface, LPSRestriction restriction, BOOKMARK origin,
                                               ULONG flags)
{
    (void)iface; (void)restriction; (void)origin; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_Restrict(IMAPITable *iface, LPSRestriction restriction, ULONG flags)
{
    (void)iface; (void)flags;
    return restriction ? MAPI_E_NO_SUPPORT : S_OK;
}

static HRESULT STDMETHODCALLTYPE table_CreateBookmark(IMAPITable *iface, BOOKMARK *position)
{
    (void)iface; (void)position;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_FreeBookmark(IMAPITable *iface, BOOKMARK position)
{
    (void)iface; (void)position;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_SortTable(IMAPITable *iface, LPSSortOrderSet criteria, ULONG flags)
{
    (void)iface; (void)criteria; (void)flags;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_QuerySortOrder(IMAPITable *iface, LPSSortOrderSet *criteria)
{
    (void)iface; (void)criteria;
    return MAPI_E_NO_SUPPORT;
}

/* One column of one row; unknown columns get a PT_ERROR value, as MAPI
 * tables report them. */
static void fill_cell(const struct profile_table *table, ULONG row, ULONG tag, SPropValue *value, void *array)
{
    const WCHAR *name = table->names[row];

    value->ulPropTag = tag;
    if (tag == PR_DISPLAY_NAME_W && (value->Value.lpszW = stub_strdup_more(name, array)))
        return;
    if (tag == PR_DISPLAY_NAME_A && (value->Value.lpszA = stub_strdup_more_a(name, array)))
        return;
    if (tag == PR_DEFAULT_PROFILE)
    {
        value->Value.b = row == table->default_row;
        return;
    }
    value->ulPropTag = PROP_TAG(PT_ERROR, PROP_ID(tag));
    value->Value.err = MAPI_E_NOT_FOUND;
}

static HRESULT fill_row(const struct profile_table *table, ULONG row, SRow *out)
{
    SPropValue *values;
    ULONG i;

    if (FAILED(MAPIAllocateBuffer(table->column_count * sizeof(SPropValue), (void **)&values)))
        return MAPI_E_NOT_ENOUGH_MEMORY;
    for (i = 0; i < table->column_count; i++)
        fill_cell(table, row, table->columns[i], &values[i], values);
    out->cValues = table->column_count;
    out->lpProps = values;
    return S_OK;
}

static void free_rows(SRowSet *rows)
{
    ULONG i;

    for (i = 0; i < rows->cRows; i++)
        MAPIFreeBuffer(rows->aRow[i].lpProps);
    MAPIFreeBuffer(rows);
}

static HRESULT STDMETHODCALLTYPE table_QueryRows(IMAPITable *iface, LONG wanted, ULONG flags, LPSRowSet *out)
{
    struct profile_table *table = impl_from_IMAPITable(iface);
    SRowSet *rows;
    ULONG count;

    if (!out || wanted <= 0)
        return MAPI_E_INVALID_PARAMETER;
    *out = NULL;
    count = table->row_count - table->cursor;
    if ((ULONG)wanted < count)
        count = (ULONG)wanted;
    if (FAILED(MAPIAllocateBuffer(CbNewSRowSet(count), (void **)&rows)))
        return MAPI_E_NOT_ENOUGH_MEMORY;
    for (rows->cRows = 0; rows->cRows < count; rows->cRows++)
    {
        if (FAILED(fill_row(table, table->cursor + rows->cRows, &rows->aRow[rows->cRows])))
        {
            free_rows(rows);
            return MAPI_E_NOT_ENOUGH_MEMORY;
        }
    }
    if (!(flags & TBL_NOADVANCE))
        table->cursor += count;
    *out = rows;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_Abort(IMAPITable *iface)
{
    (void)iface;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_ExpandRow(IMAPITable *iface, ULONG cb, LPBYTE key, ULONG count,
                                                 ULONG flags, LPSRowSet *rows, ULONG *more)
{
    (void)iface; (void)cb; (void)key; (void)count; (void)flags; (void)rows; (void)more;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_CollapseRow(IMAPITable *iface, ULONG cb, LPBYTE key, ULONG flags,
                                                   ULONG *count)
{
    (void)iface; (void)cb; (void)key; (void)flags; (void)count;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_WaitForCompletion(IMAPITable *iface, ULONG flags, ULONG timeout,
                                                         ULONG *status)
{
    (void)iface; (void)flags; (void)timeout;
    if (status)
        *status = TBLSTAT_COMPLETE;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE table_GetCollapseState(IMAPITable *iface, ULONG flags, ULONG cb, LPBYTE key,
                                                        ULONG *cb_state, LPBYTE *state)
{
    (void)iface; (void)flags; (void)cb; (void)key; (void)cb_state; (void)state;
    return MAPI_E_NO_SUPPORT;
}

static HRESULT STDMETHODCALLTYPE table_SetCollapseState(IMAPITable *iface, ULONG flags, ULONG cb, LPBYTE state,
                                                        BOOKMARK *location)
{
    (void)iface; (void)flags; (void)cb; (void)state; (void)location;
    return MAPI_E_NO_SUPPORT;
}

static const IMAPITableVtbl table_vtbl =
{
    table_QueryInterface,
    table_AddRef,
    table_Release,
    table_GetLastError,
    table_Advise,
    table_Unadvise,
    table_GetStatus,
    table_SetColumns,
    table_QueryColumns,
    table_GetRowCount,
    table_SeekRow,
    table_SeekRowApprox,
    table_QueryPosition,
    table_FindRow,
    table_Restrict,
    table_CreateBookmark,
    table_FreeBookmark,
    table_SortTable,
    table_QuerySortOrder,
    table_QueryRows,
    table_Abort,
    table_ExpandRow,
    table_CollapseRow,
    table_WaitForCompletion,
    table_GetCollapseState,
    table_SetCollapseState,
};

HRESULT stub_profile_table_create(ULONG flags, IMAPITable **out)
{
    struct profile_table *table = calloc(1, sizeof(*table));
    WCHAR default_name[OLKSTUB_NAME_CCH];
    ULONG i;

    if (!table)
        return MAPI_E_NOT_ENOUGH_MEMORY;
    table->IMAPITable_iface.lpVtbl = &table_vtbl;
    table->refcount = 1;
    table->row_count = (ULONG)stub_profiles(table->names, STUB_MAX_PROFILES);
    table->default_row = table->row_count;
    if (stub_default_profile(default_name))
    {
        for (i = 0; i < table->row_count; i++)
        {
            if (!_wcsicmp(table->names[i], default_name))
                table->default_row = i;
        }
    }
    table->columns[0] = flags & MAPI_UNICODE ? PR_DISPLAY_NAME_W : PR_DISPLAY_NAME_A;
    table->columns[1] = PR_DEFAULT_PROFILE;
    table->column_count = 2;
    InterlockedIncrement(&stub_stats.live_objects);
    *out = &table->IMAPITable_iface;
    return S_OK;
}
