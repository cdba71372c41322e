/*
 * watch: an IOlkAccountNotify sink (the account model's) printing one line
 * or JSON object per notification, until Ctrl-C or the timeout; Unadvise
 * always. The wait pumps messages, as an apartment-threaded client must
 * for a manager that notifies through its window.
 *
 * SPDX-License-Identifier: MIT
 */
#include "commands.h"
#include "console.h"
#include "exit_codes.h"

#include <stdio.h>
#include <stdlib.h>

struct watch
{
    const struct olkacct_options *o;
    struct olkacct_connection *c;
    CRITICAL_SECTION cs;        /* one line at a time */
    BOOL write_failed;
};

static HANDLE stop_event;

static BOOL WINAPI on_control(DWORD type)
{
    (void)type;
    SetEvent(stop_event);
    return TRUE;
}

/* The account's name while it can still be read. */
static BOOL account_name(struct watch *w, DWORD id, struct olk_account_record *record)
{
    IOlkAccount *account;
    const char *step;
    BOOL ok;

    if (!id || FAILED(olk_account_find_id(w->c->manager, id, &account))) return FALSE;
    ok = SUCCEEDED(olk_account_read(account, record, &step));
    IOlkAccount_Release(account);
    return ok && record->values[OLK_PROP_ACCT_NAME].type == PT_UNICODE;
}

static void on_notify(void *context, DWORD notify, DWORD id, DWORD flags)
{
    struct watch *w = context;
    struct olkacct_text t = { 0 };
    struct olk_account_record record;
    const char *name = olk_notify_name(notify);
    BOOL named = notify != NOTIFY_ACCT_DELETED && account_name(w, id, &record);
    char *utf8;
    size_t len;

    (void)flags;
    if (w->o->json)
    {
        text_append(&t, L"{\"event\": \"");
        text_utf8(&t, name ? name : "unknown");
        text_append(&t, L"\", \"id\": ");
        text_number(&t, id);
        if (named)
        {
            text_append(&t, L", \"name\": ");
            olkacct_value_json(&t, &record.values[OLK_PROP_ACCT_NAME]);
        }
        if (!name)
        {
            text_append(&t, L", \"code\": ");
            text_number(&t, notify);
        }
        text_append(&t, L"}\n");
    }
    else
    {
        text_utf8(&t, name ? name : "unknown");
        if (!name)
        {
            text_append(&t, L" ");
            text_number(&t, notify);
        }
        if (notify != NOTIFY_ACCT_ORDER_CHANGED || id)
        {
            text_append(&t, L" ");
            text_number(&t, id);
        }
        if (named)
        {
            text_append(&t, L" ");
            olkacct_value_text(&t, &olk_account_props[OLK_PROP_ACCT_NAME], &record.values[OLK_PROP_ACCT_NAME]);
        }
        text_append(&t, L"\n");
    }
    if (named) olk_account_record_free(&record);
    if (FAILED(text_to_utf8(&t, &utf8, &len))) return;
    EnterCriticalSection(&w->cs);
    if (!olkacct_write_stdout(utf8, len)) w->write_failed = TRUE;
    LeaveCriticalSection(&w->cs);
    free(utf8);
}

static void wait_for_stop(DWORD timeout_ms)
{
    DWORD start = GetTickCount(), elapsed, result;
    MSG msg;

    for (;;)
    {
        elapsed = GetTickCount() - start;
        if (timeout_ms != INFINITE && elapsed >= timeout_ms) return;
        result = MsgWaitForMultipleObjects(1, &stop_event, FALSE,
                                           timeout_ms == INFINITE ? INFINITE : timeout_ms - elapsed, QS_ALLINPUT);
        if (result != WAIT_OBJECT_0 + 1) return;
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE))
        {
            TranslateMessage(&msg);
            DispatchMessageW(&msg);
        }
    }
}

int olkacct_cmd_watch(const struct olkacct_options *o)
{
    struct olkacct_connection c;
    struct watch w = { o, &c, { 0 }, FALSE };
    struct olk_watch *watch = NULL;
    char profile[512];
    HRESULT hr;
    int code;

    if ((code = olkacct_connect(&c, o->profile, o->borrow)))
    {
        olkacct_disconnect(&c);
        return code;
    }
    InitializeCriticalSection(&w.cs);
    stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!stop_event) code = OLKACCT_EXIT_FAILURE;
    else if (FAILED(hr = olk_watch_start(c.manager, on_notify, &w, &watch)))
    {
        olkacct_error("IOlkAccountManager::Advise failed: %s", olkacct_hr(hr));
        code = OLKACCT_EXIT_ACCOUNT_API;
    }
    else
    {
        SetConsoleCtrlHandler(on_control, TRUE);
        olkacct_utf8(c.identity, profile, sizeof(profile));
        olkacct_error("listening for account changes in %s (Ctrl-C to stop)", profile);
        wait_for_stop(o->timeout ? o->timeout * 1000 : INFINITE);
        if (FAILED(hr = olk_watch_stop(watch)))
        {
            olkacct_error("IOlkAccountManager::Unadvise failed: %s", olkacct_hr(hr));
            code = OLKACCT_EXIT_ACCOUNT_API;
        }
        SetConsoleCtrlHandler(on_control, FALSE);
        if (!code && w.write_failed)
        {
            olkacct_error("cannot write the output");
            code = OLKACCT_EXIT_FAILURE;
        }
    }
    if (stop_event) CloseHandle(stop_event);
    DeleteCriticalSection(&w.cs);
    olkacct_disconnect(&c);
    return code;
}
