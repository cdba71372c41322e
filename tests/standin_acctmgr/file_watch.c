/*
 * The stand-in's notifications of changes made by other processes: a thread
 * reads the data file every 100 ms while a sink is advised, and hands the
 * manager whatever another writer put there. The manager's own writes are
 * no news (it remembers what it wrote).
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

struct standin_watcher
{
    struct standin_manager *manager;    /* not a reference: the manager stops the watcher before it ends */
    WCHAR *path;
    HANDLE stop;
    HANDLE thread;
};

static void look(struct standin_watcher *w)
{
    struct standin_data *data;
    char *text;
    size_t len;

    if (FAILED(standin_file_read(w->path, &text, &len))) return;
    if (standin_manager_file_known(w->manager, text, len) || FAILED(standin_data_parse(text, len, "data file", &data)))
    {
        free(text);
        return;
    }
    data->raw = text;
    data->raw_len = len;
    standin_manager_reload(w->manager, data);
}

static DWORD WINAPI watch_thread(void *context)
{
    struct standin_watcher *w = context;

    while (WaitForSingleObject(w->stop, 100) == WAIT_TIMEOUT) look(w);
    return 0;
}

HRESULT standin_watcher_start(struct standin_manager *manager, const WCHAR *path, struct standin_watcher **out)
{
    struct standin_watcher *w = calloc(1, sizeof(*w));

    *out = NULL;
    if (!w) return E_OUTOFMEMORY;
    w->manager = manager;
    if (!(w->path = _wcsdup(path)) || !(w->stop = CreateEventW(NULL, TRUE, FALSE, NULL))
        || !(w->thread = CreateThread(NULL, 0, watch_thread, w, 0, NULL)))
    {
        if (w->stop) CloseHandle(w->stop);
        free(w->path);
        free(w);
        return E_OUTOFMEMORY;
    }
    *out = w;
    return S_OK;
}

void standin_watcher_stop(struct standin_watcher *w)
{
    if (!w) return;
    SetEvent(w->stop);
    WaitForSingleObject(w->thread, INFINITE);
    CloseHandle(w->thread);
    CloseHandle(w->stop);
    free(w->path);
    free(w);
}
