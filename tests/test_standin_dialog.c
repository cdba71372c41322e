/*
 * The stand-in account manager's DisplayAccountList (tests/standin_acctmgr/
 * dialog.c), the window Outlook would show in its place. Run with one group:
 *   contract   parameters, an uninitialized manager, a helper without a
 *              session, a malformed test hook: refused before any window
 *   windows    the dialogs themselves, with a real olkhelper (owned mode,
 *              through Wine's mapi32 and the stand-in MAPI provider); needs
 *              a display: tests/dialog_x.sh runs it in a Wine virtual
 *              desktop on Xvfb. A second argument names the directory where
 *              the dialogs' pictures are saved.
 * The windows are found as any program would find them: FindWindow by class
 * and title, then their controls' messages (LVM_GETITEMCOUNT, ...).
 *
 * Results decided for the stand-in (dialog.c): Account Settings' Close gives
 * S_OK and its close box MAPI_E_USER_CANCEL; Add New Account's "Next >"
 * gives S_OK and its Cancel MAPI_E_CALL_FAILED.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <commctrl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "olkstubmapi.h"
#include "standin.h"
#include "test_support.h"

#define PROFILE L"Outlook"
#define WAIT_MS 10000

static const WCHAR *shot_dir;

/* ---- what the data file says ------------------------------------------- */

struct expected
{
    struct standin_data *data;
    const struct standin_account *accounts[32];
    DWORD count;        /* the profile's accounts */
    DWORD stores;       /* ... of them in the store category */
};

static void read_expected(struct expected *e)
{
    DWORD i;

    memset(e, 0, sizeof(*e));
    assert_hr(standin_data_load_from_env(&e->data), S_OK);
    for (i = 0; i < e->data->count; i++)
    {
        const struct standin_account *account = &e->data->accounts[i];

        if (CompareStringOrdinal(account->profile, -1, PROFILE, -1, TRUE) != CSTR_EQUAL) continue;
        assert_true(e->count < ARRAYSIZE(e->accounts));
        e->accounts[e->count++] = account;
        if (standin_account_categories(account) & STANDIN_CAT_STORE) e->stores++;
    }
    /* A data file without accounts would make the list checks vacuous. */
    assert_true(e->count >= 2);
    assert_true(e->stores >= 1 && e->stores < e->count);
}

/* ---- the stand-in MAPI's counters -------------------------------------- */

static void mapi_stats(struct olkstub_stats *stats)
{
    HMODULE stub = GetModuleHandleW(L"olkstubmapi.dll");
    olkstub_get_stats_fn get;

    assert_non_null(stub);
    get = (olkstub_get_stats_fn)(void (*)(void))GetProcAddress(stub, "OlkStubMapiGetStats");
    assert_non_null(get);
    get(stats);
}

/* ---- a call on a thread of its own, and its window --------------------- */

struct call
{
    IOlkAccountManager *manager;
    DWORD flags;
    BOOL with_owner;
    HWND owner;             /* created on the calling thread when with_owner */
    BOOL owner_enabled_after;
    BOOL quit_after;        /* a WM_QUIT waiting after the call */
    HANDLE owner_ready;
    HANDLE thread;
    HRESULT hr;
};

static DWORD WINAPI call_thread(void *arg)
{
    struct call *c = arg;
    MSG msg;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    if (c->with_owner)
        c->owner = CreateWindowExW(0, WC_STATICW, L"owner", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 10, 10, 200, 100,
                                   NULL, NULL, NULL, NULL);
    SetEvent(c->owner_ready);
    c->hr = IOlkAccountManager_DisplayAccountList(c->manager, c->owner, c->flags, NULL, 0, NULL, NULL);
    c->quit_after = PeekMessageW(&msg, NULL, WM_QUIT, WM_QUIT, PM_REMOVE) && msg.wParam == 3;
    if (c->owner)
    {
        c->owner_enabled_after = IsWindowEnabled(c->owner);
        DestroyWindow(c->owner);
    }
    CoUninitialize();
    return 0;
}

static void start_call(struct call *c, IOlkAccountManager *manager, DWORD flags, BOOL with_owner)
{
    memset(c, 0, sizeof(*c));
    c->manager = manager;
    c->flags = flags;
    c->with_owner = with_owner;
    c->owner_ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    c->thread = CreateThread(NULL, 0, call_thread, c, 0, NULL);
    assert_non_null(c->thread);
    assert_int_equal(WaitForSingleObject(c->owner_ready, WAIT_MS), WAIT_OBJECT_0);
    CloseHandle(c->owner_ready);
}

static HRESULT end_call(struct call *c)
{
    assert_int_equal(WaitForSingleObject(c->thread, WAIT_MS), WAIT_OBJECT_0);
    CloseHandle(c->thread);
    return c->hr;
}

static HWND wait_for_window(const WCHAR *title)
{
    DWORD start = GetTickCount();
    HWND hwnd;

    while (!(hwnd = FindWindowW(STANDIN_DIALOG_CLASS, title)) || !IsWindowVisible(hwnd))
    {
        if (GetTickCount() - start > WAIT_MS) fail_msg("no window \"%ls\" after %u ms", title, WAIT_MS);
        Sleep(20);
    }
    return hwnd;
}

static LRESULT item_count(HWND dialog, int id)
{
    HWND control = GetDlgItem(dialog, id);

    assert_non_null(control);
    return SendMessageW(control, id == STANDIN_IDC_TABS ? TCM_GETITEMCOUNT : LVM_GETITEMCOUNT, 0, 0);
}

static void assert_item_text(HWND list, int item, int column, const WCHAR *expected)
{
    WCHAR text[256] = L"";
    LVITEMW lv = { 0 };

    lv.iSubItem = column;
    lv.pszText = text;
    lv.cchTextMax = ARRAYSIZE(text);
    SendMessageW(list, LVM_GETITEMTEXTW, item, (LPARAM)&lv);
    if (wcscmp(text, expected)) fail_msg("row %d column %d: \"%ls\", expected \"%ls\"", item, column, text, expected);
}

static void press(HWND dialog, WORD id)
{
    PostMessageW(dialog, WM_COMMAND, MAKEWPARAM(id, BN_CLICKED), 0);
}

static void press_close_box(HWND dialog)
{
    PostMessageW(dialog, WM_SYSCOMMAND, SC_CLOSE, 0);
}

static HWND open_dialog(struct call *c, IOlkAccountManager *manager, DWORD flags, BOOL with_owner)
{
    start_call(c, manager, flags, with_owner);
    return wait_for_window(flags & ACCTUI_SHOW_ACCTWIZARD ? L"Add New Account" : L"Account Settings");
}

/* ---- the windows group's fixture ---------------------------------------- */

struct fixture
{
    IOlkAccountHelper *helper;
    IOlkAccountManager *manager;
    struct expected expected;
    LONG violations;
};

/* Under Wine windows need a display; without one, say how to get one. */
static int windows_group_setup(void **state)
{
    HWND probe = CreateWindowExW(0, WC_STATICW, L"", WS_POPUP, 0, 0, 1, 1, NULL, NULL, NULL, NULL);

    (void)state;
    if (!probe)
    {
        fprintf(stderr, "test_standin_dialog: cannot create a window (no display?); run the windows group through "
                        "tests/dialog_x.sh\n");
        return -1;
    }
    DestroyWindow(probe);
    return 0;
}

static int windows_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    assert_non_null(f);
    read_expected(&f->expected);
    assert_hr(OlkHelperCreate(NULL, PROFILE, 0, &IID_IOlkAccountHelper, (void **)&f->helper), S_OK);
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&f->manager), S_OK);
    assert_hr(IOlkAccountManager_Init(f->manager, f->helper, 0), S_OK);
    f->violations = standin_violation_count();
    *state = f;
    return 0;
}

/* A test that failed with its dialog open leaves it to be closed here,
 * before the manager goes, and fails the teardown too. */
static BOOL close_leftover_dialog(void)
{
    DWORD start = GetTickCount();
    HWND left = FindWindowW(STANDIN_DIALOG_CLASS, NULL), hwnd;

    while ((hwnd = FindWindowW(STANDIN_DIALOG_CLASS, NULL)) && GetTickCount() - start < WAIT_MS)
    {
        PostMessageW(hwnd, WM_CLOSE, 0, 0);
        Sleep(50);
    }
    Sleep(left ? 200 : 0);   /* the call returning on its thread */
    return !left;
}

static int windows_teardown(void **state)
{
    struct fixture *f = *state;
    BOOL clean = close_leftover_dialog();

    IOlkAccountManager_Release(f->manager);
    IOlkAccountHelper_Release(f->helper);
    clean = clean && standin_violation_count() == f->violations;
    standin_data_free(f->expected.data);
    free(f);
    return clean ? 0 : -1;
}

/* The dialog asked the helper for the session as it opened (the logon of
 * Init is still held), handed it back as it closed (the owned helper logs
 * off), and broke no contract check on the way. */
static void assert_session_handed_back(struct fixture *f, const struct olkstub_stats *before, LONG checks_before)
{
    struct olkstub_stats after;

    mapi_stats(&after);
    assert_int_equal(after.logoffs, before->logoffs + 1);
    assert_int_equal(after.live_sessions, 0);
    assert_true(standin_check_count() > checks_before);
    assert_int_equal(standin_violation_count(), f->violations);
}

static void assert_account_rows(struct fixture *f, HWND dialog)
{
    HWND list = GetDlgItem(dialog, STANDIN_IDC_ACCOUNTS);
    DWORD i;

    assert_int_equal(item_count(dialog, STANDIN_IDC_ACCOUNTS), f->expected.count);
    for (i = 0; i < f->expected.count; i++)
        assert_item_text(list, i, 0, standin_account_prop(f->expected.accounts[i], PROP_ACCT_NAME)->str);
}

static void test_account_settings_close(void **state)
{
    struct fixture *f = *state;
    struct olkstub_stats before, open;
    LONG checks = standin_check_count();
    struct call c;
    HWND dialog;

    mapi_stats(&before);
    dialog = open_dialog(&c, f->manager, 0, FALSE);
    assert_account_rows(f, dialog);
    assert_item_text(GetDlgItem(dialog, STANDIN_IDC_ACCOUNTS), 0, 1, L"Exchange/MAPI");
    assert_int_equal(item_count(dialog, STANDIN_IDC_TABS), 1);
    assert_null(GetDlgItem(dialog, STANDIN_IDC_DATA_FILES));
    mapi_stats(&open);
    assert_int_equal(open.live_sessions, 1);
    assert_int_equal(open.logons, before.logons);
    press(dialog, IDOK);
    assert_hr(end_call(&c), S_OK);
    assert_false(IsWindow(dialog));
    assert_session_handed_back(f, &before, checks);
}

/* One dialog at a time in the process, whichever thread asks; and modal to
 * its owner, as DialogBox is: the owner is disabled while it is open. */
static void test_busy_and_modal(void **state)
{
    struct fixture *f = *state;
    struct call c;
    HWND dialog = open_dialog(&c, f->manager, 0, TRUE);

    assert_hr(IOlkAccountManager_DisplayAccountList(f->manager, NULL, 0, NULL, 0, NULL, NULL), E_ACCT_UI_BUSY);
    assert_hr(IOlkAccountManager_DisplayAccountList(f->manager, NULL, ACCTUI_SHOW_ACCTWIZARD, NULL, 0, NULL, NULL),
              E_ACCT_UI_BUSY);
    assert_true(GetWindow(dialog, GW_OWNER) == c.owner);
    assert_false(IsWindowEnabled(c.owner));
    press(dialog, IDOK);
    assert_hr(end_call(&c), S_OK);
    assert_true(c.owner_enabled_after);
}

static void test_account_settings_close_box(void **state)
{
    struct fixture *f = *state;
    struct olkstub_stats before;
    LONG checks = standin_check_count();
    struct call c;

    mapi_stats(&before);
    press_close_box(open_dialog(&c, f->manager, ACCTUI_NO_WARNING, FALSE));
    assert_hr(end_call(&c), MAPI_E_USER_CANCEL);
    assert_session_handed_back(f, &before, checks);
}

static void test_data_tab(void **state)
{
    struct fixture *f = *state;
    struct call c;
    HWND dialog = open_dialog(&c, f->manager, ACCTUI_SHOW_DATA_TAB, FALSE);

    assert_int_equal(item_count(dialog, STANDIN_IDC_TABS), 2);
    assert_int_equal(SendMessageW(GetDlgItem(dialog, STANDIN_IDC_TABS), TCM_GETCURSEL, 0, 0), 1);
    assert_int_equal(item_count(dialog, STANDIN_IDC_DATA_FILES), f->expected.stores);
    assert_true(IsWindowVisible(GetDlgItem(dialog, STANDIN_IDC_DATA_FILES)));
    assert_false(IsWindowVisible(GetDlgItem(dialog, STANDIN_IDC_ACCOUNTS)));
    assert_account_rows(f, dialog);
    press(dialog, IDOK);
    assert_hr(end_call(&c), S_OK);
}

/* WM_QUIT ends the dialog's loop and is left for the caller's, as DialogBox
 * leaves it. */
static void test_quit(void **state)
{
    struct fixture *f = *state;
    struct olkstub_stats before;
    LONG checks = standin_check_count();
    struct call c;
    HWND dialog;

    mapi_stats(&before);
    dialog = open_dialog(&c, f->manager, 0, FALSE);
    PostThreadMessageW(GetWindowThreadProcessId(dialog, NULL), WM_QUIT, 3, 0);
    assert_hr(end_call(&c), MAPI_E_CALL_FAILED);
    assert_true(c.quit_after);
    assert_false(IsWindow(dialog));
    assert_session_handed_back(f, &before, checks);
}

/* The data file's bytes (the caller frees them). */
static char *read_data_file(long *size)
{
    WCHAR path[MAX_PATH];
    FILE *in;
    char *bytes;

    assert_true(GetEnvironmentVariableW(L"OLK_STANDIN_ACCOUNTS", path, ARRAYSIZE(path)) > 0);
    assert_non_null(in = _wfopen(path, L"rb"));
    fseek(in, 0, SEEK_END);
    *size = ftell(in);
    rewind(in);
    assert_non_null(bytes = malloc(*size + 1));
    assert_int_equal(fread(bytes, 1, *size, in), *size);
    fclose(in);
    return bytes;
}

/* Either way out of the wizard, no account is created. */
static void test_add_new_account(void **state)
{
    static const struct { WORD button; HRESULT hr; } ends[] = { { IDCANCEL, MAPI_E_CALL_FAILED }, { IDOK, S_OK } };
    struct fixture *f = *state;
    long size_before, size_after;
    char *data_before = read_data_file(&size_before), *data_after;
    size_t i;

    for (i = 0; i < ARRAYSIZE(ends); i++)
    {
        struct olkstub_stats before;
        LONG checks = standin_check_count();
        struct call c;
        HWND dialog;

        mapi_stats(&before);
        dialog = open_dialog(&c, f->manager, ACCTUI_SHOW_ACCTWIZARD, FALSE);
        assert_null(FindWindowW(STANDIN_DIALOG_CLASS, L"Account Settings"));
        assert_null(GetDlgItem(dialog, STANDIN_IDC_ACCOUNTS));
        assert_non_null(GetDlgItem(dialog, IDCANCEL));
        press(dialog, ends[i].button);
        assert_hr(end_call(&c), ends[i].hr);
        assert_session_handed_back(f, &before, checks);
    }
    data_after = read_data_file(&size_after);
    assert_int_equal(size_after, size_before);
    assert_memory_equal(data_after, data_before, size_before);
    free(data_after);
    free(data_before);
}

/* A window cannot be owned by what is not a window; the session is still
 * handed back. */
static void test_owner_not_a_window(void **state)
{
    struct fixture *f = *state;
    struct olkstub_stats before;
    LONG checks = standin_check_count();
    HWND bogus = (HWND)(ULONG_PTR)0x7ff0;

    assert_false(IsWindow(bogus));
    mapi_stats(&before);
    assert_hr(IOlkAccountManager_DisplayAccountList(f->manager, bogus, 0, NULL, 0, NULL, NULL), MAPI_E_CALL_FAILED);
    assert_session_handed_back(f, &before, checks);
}

/* ---- the test hook and the pictures -------------------------------------- */

static void assert_picture(const WCHAR *path, const RECT *window)
{
    BITMAPFILEHEADER file;
    BITMAPINFOHEADER info;
    BYTE *pixels;
    DWORD stride, size, i, distinct = 0;
    COLORREF seen[16];
    FILE *in = _wfopen(path, L"rb");

    if (!in) fail_msg("no picture %ls", path);
    assert_int_equal(fread(&file, sizeof(file), 1, in), 1);
    assert_int_equal(fread(&info, sizeof(info), 1, in), 1);
    assert_int_equal(file.bfType, 0x4d42);
    assert_int_equal(info.biWidth, window->right - window->left);
    assert_int_equal(info.biHeight, window->bottom - window->top);
    assert_int_equal(info.biBitCount, 24);
    stride = ((DWORD)info.biWidth * 3 + 3) & ~3u;
    size = stride * (DWORD)info.biHeight;
    pixels = malloc(size);
    assert_non_null(pixels);
    assert_int_equal(fread(pixels, 1, size, in), size);
    fclose(in);
    /* A blank capture has one colour; a drawn dialog has a frame, a face,
     * text and a list. */
    for (i = 0; i + 2 < size && distinct < ARRAYSIZE(seen); i += 3)
    {
        COLORREF color = RGB(pixels[i + 2], pixels[i + 1], pixels[i]);
        DWORD j;

        for (j = 0; j < distinct && seen[j] != color; j++) {}
        if (j == distinct) seen[distinct++] = color;
    }
    free(pixels);
    if (distinct < 6) fail_msg("%ls has %lu colours: not a drawn dialog", path, (unsigned long)distinct);
}

/* The dialog closes itself through OLK_STANDIN_DIALOG_CLOSE after saving its
 * picture (OLK_STANDIN_DIALOG_SHOT); nothing here touches the window. */
static void hook_picture(struct fixture *f, DWORD flags, const WCHAR *close, const WCHAR *name, HRESULT expected)
{
    WCHAR path[MAX_PATH];
    struct call c;
    RECT window;

    if (!shot_dir) skip();
    swprintf(path, ARRAYSIZE(path), L"%ls\\%ls.bmp", shot_dir, name);
    DeleteFileW(path);
    SetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_CLOSE", close);
    SetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_SHOT", path);
    GetWindowRect(open_dialog(&c, f->manager, flags, FALSE), &window);
    assert_hr(end_call(&c), expected);
    SetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_CLOSE", NULL);
    SetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_SHOT", NULL);
    assert_picture(path, &window);
}

static void test_hook_account_settings(void **state)
{
    hook_picture(*state, 0, L"1500", L"account-settings", S_OK);
}

static void test_hook_data_tab(void **state)
{
    hook_picture(*state, ACCTUI_SHOW_DATA_TAB, L"1500,cancel", L"data-files", MAPI_E_USER_CANCEL);
}

static void test_hook_add_new_account(void **state)
{
    hook_picture(*state, ACCTUI_SHOW_ACCTWIZARD, L"1500,cancel", L"add-new-account",
                 MAPI_E_CALL_FAILED);
}

/* ---- the contract group: refused before any window ---------------------- */

struct contract_fixture
{
    struct fake_helper helper;
    IOlkAccountManager *manager;
};

static int contract_setup(void **state)
{
    struct contract_fixture *f = calloc(1, sizeof(*f));

    assert_non_null(f);
    fake_helper_init(&f->helper, PROFILE, FLAW_NONE);
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&f->manager), S_OK);
    assert_hr(IOlkAccountManager_Init(f->manager, &f->helper.IOlkAccountHelper_iface, 0), S_OK);
    *state = f;
    return 0;
}

static int contract_teardown(void **state)
{
    struct contract_fixture *f = *state;

    IOlkAccountManager_Release(f->manager);
    free(f);
    return 0;
}

static HRESULT display(struct contract_fixture *f, DWORD flags, const WCHAR *title, DWORD count,
                       const CLSID *categories, const CLSID *type)
{
    return IOlkAccountManager_DisplayAccountList(f->manager, NULL, flags, title, count, categories, type);
}

/* Refused without asking the helper for anything and without a window. */
static void assert_refused(struct contract_fixture *f, HRESULT hr, HRESULT expected)
{
    assert_hr(hr, expected);
    assert_int_equal(f->helper.session_calls, 1);   /* Init's */
    assert_int_equal(f->helper.hands_off_calls, 0);
    assert_null(FindWindowW(STANDIN_DIALOG_CLASS, NULL));
}

static void test_unused_parameters(void **state)
{
    struct contract_fixture *f = *state;

    assert_refused(f, display(f, 0, L"Accounts", 0, NULL, NULL), MAPI_E_INVALID_PARAMETER);
    assert_refused(f, display(f, 0, NULL, 1, NULL, NULL), MAPI_E_INVALID_PARAMETER);
    assert_refused(f, display(f, 0, NULL, 0, &CLSID_OlkMail, NULL), MAPI_E_INVALID_PARAMETER);
    assert_refused(f, display(f, 0, NULL, 0, NULL, &CLSID_OlkPOP3Account), MAPI_E_INVALID_PARAMETER);
    assert_refused(f, display(f, ACCTUI_SHOW_ACCTWIZARD, NULL, 1, &CLSID_OlkMail, NULL), MAPI_E_INVALID_PARAMETER);
}

static void test_flags(void **state)
{
    struct contract_fixture *f = *state;

    assert_refused(f, display(f, ACCTUI_SHOW_DATA_TAB | ACCTUI_SHOW_ACCTWIZARD, NULL, 0, NULL, NULL),
                   MAPI_E_INVALID_PARAMETER);
    assert_refused(f, display(f, 0x1, NULL, 0, NULL, NULL), MAPI_E_INVALID_PARAMETER);
    assert_refused(f, display(f, ACCTUI_NO_WARNING | 0x800, NULL, 0, NULL, NULL), MAPI_E_INVALID_PARAMETER);
}

static void test_not_initialized(void **state)
{
    IOlkAccountManager *manager;

    (void)state;
    assert_hr(standin_manager_create(&IID_IOlkAccountManager, (void **)&manager), S_OK);
    assert_hr(IOlkAccountManager_DisplayAccountList(manager, NULL, 0, NULL, 0, NULL, NULL), E_OLK_NOT_INITIALIZED);
    assert_hr(IOlkAccountManager_DisplayAccountList(manager, NULL, ACCTUI_SHOW_ACCTWIZARD, NULL, 0, NULL, NULL),
              E_OLK_NOT_INITIALIZED);
    IOlkAccountManager_Release(manager);
}

/* No session, no dialog; nothing to hand back either. */
static void test_no_session(void **state)
{
    struct contract_fixture *f = *state;
    LONG violations = standin_violation_count();

    f->helper.session_hr = MAPI_E_LOGON_FAILED;
    assert_hr(display(f, 0, NULL, 0, NULL, NULL), MAPI_E_CALL_FAILED);
    assert_int_equal(f->helper.session_calls, 2);
    assert_int_equal(f->helper.hands_off_calls, 0);
    assert_int_equal(standin_violation_count(), violations);
}

static void test_malformed_hook(void **state)
{
    static const WCHAR *const values[] = { L"soon", L"0", L"100,later", L"100;ok", L"600001", L"-5" };
    struct contract_fixture *f = *state;
    size_t i;

    for (i = 0; i < ARRAYSIZE(values); i++)
    {
        SetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_CLOSE", values[i]);
        assert_refused(f, display(f, 0, NULL, 0, NULL, NULL), MAPI_E_CALL_FAILED);
    }
    SetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_CLOSE", NULL);
}

int main(int argc, char **argv)
{
    static const struct CMUnitTest contract[] =
    {
        cmocka_unit_test_setup_teardown(test_unused_parameters, contract_setup, contract_teardown),
        cmocka_unit_test_setup_teardown(test_flags, contract_setup, contract_teardown),
        cmocka_unit_test(test_not_initialized),
        cmocka_unit_test_setup_teardown(test_no_session, contract_setup, contract_teardown),
        cmocka_unit_test_setup_teardown(test_malformed_hook, contract_setup, contract_teardown),
    };
    static const struct CMUnitTest windows[] =
    {
        cmocka_unit_test_setup_teardown(test_account_settings_close, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_busy_and_modal, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_account_settings_close_box, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_data_tab, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_add_new_account, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_quit, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_owner_not_a_window, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_hook_account_settings, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_hook_data_tab, windows_setup, windows_teardown),
        cmocka_unit_test_setup_teardown(test_hook_add_new_account, windows_setup, windows_teardown),
    };
    static WCHAR dir[MAX_PATH];
    int failures;

    olk_test_init();
    if (argc < 2 || argc > 3 || (strcmp(argv[1], "contract") && strcmp(argv[1], "windows")))
    {
        fprintf(stderr, "usage: test_standin_dialog contract | windows [PICTURE-DIRECTORY]\n");
        return 2;
    }
    if (argc == 3 && MultiByteToWideChar(CP_ACP, 0, argv[2], -1, dir, ARRAYSIZE(dir))) shot_dir = dir;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    if (!strcmp(argv[1], "contract")) failures = cmocka_run_group_tests_name("contract", contract, NULL, NULL);
    else failures = cmocka_run_group_tests_name("windows", windows, windows_group_setup, NULL);
    CoUninitialize();
    return failures;
}
