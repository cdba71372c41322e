/*
 * The stand-in's DisplayAccountList window: a plain Win32 window in Outlook's
 * place, so that a caller of the documented API can be tested against a real,
 * modal dialog. Outlook's own dialogs look different.
 *
 * Pages and results:
 * - Account Settings (no ACCTUI_SHOW_ACCTWIZARD): a list of the profile's
 *   accounts (name, type); with ACCTUI_SHOW_DATA_TAB also a Data Files tab,
 *   shown first. Its Close button is the normal end: S_OK. The title bar's
 *   close box or Esc dismisses it: MAPI_E_USER_CANCEL, the result the
 *   documentation gives for a cancelled Account Settings.
 * - Add New Account (ACCTUI_SHOW_ACCTWIZARD): "Next >" ends it with S_OK and
 *   creates no account (the data file is left as it was); Cancel, the close
 *   box or Esc give MAPI_E_CALL_FAILED, the result documented for the wizard.
 * - A second dialog while one is open anywhere in the process:
 *   E_ACCT_UI_BUSY. No session from the helper, a window that cannot be
 *   created (an owner that is no window; under Wine, no X display) or
 *   WM_QUIT: MAPI_E_CALL_FAILED.
 *
 * Test hook: OLK_STANDIN_DIALOG_CLOSE=<ms>[,ok|cancel] makes the dialog press
 * its own button <ms> milliseconds after it is shown: ok is Close or
 * "Next >", cancel is Cancel or the close box (the default is ok). Before it does,
 * OLK_STANDIN_DIALOG_SHOT=<file.bmp> saves the window's area of the screen
 * (BitBlt from the screen DC: the window as the screen shows it, frame
 * included) as a 24-bit BMP. A malformed hook value is refused with a line
 * on stderr and MAPI_E_CALL_FAILED, before anything is shown.
 *
 * SPDX-License-Identifier: MIT
 */
#include "standin.h"

#include <commctrl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "account_vocabulary.h"

enum { CLIENT_WIDTH = 480, CLIENT_HEIGHT = 320, MARGIN = 12, BUTTON_WIDTH = 88, BUTTON_HEIGHT = 26 };
enum { IDC_BACK = 200, HOOK_TIMER = 1 };

struct close_hook
{
    UINT ms;            /* 0: no hook */
    WORD button;        /* IDOK or IDCANCEL */
    WCHAR shot[MAX_PATH];
};

struct dialog
{
    HWND hwnd;
    DWORD flags;
    const WCHAR *profile;
    const struct standin_account *const *accounts;
    DWORD count;
    HFONT font;
    struct close_hook hook;
    BOOL done;
    HRESULT result;
};

/* Outlook shows one account dialog at a time per process. */
static LONG dialog_open;

static BOOL is_wizard(const struct dialog *d)
{
    return (d->flags & ACCTUI_SHOW_ACCTWIZARD) != 0;
}

/* ---- the test hook ------------------------------------------------------- */

static HRESULT read_hook(struct close_hook *hook)
{
    WCHAR value[64], *end;
    DWORD len = GetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_CLOSE", value, ARRAYSIZE(value));
    unsigned long ms;

    memset(hook, 0, sizeof(*hook));
    if (!len) return S_OK;
    ms = len < ARRAYSIZE(value) ? wcstoul(value, &end, 10) : 0;
    if (ms >= 1 && ms <= 600000 && (!*end || !wcscmp(end, L",ok") || !wcscmp(end, L",cancel")))
    {
        hook->ms = ms;
        hook->button = wcscmp(end, L",cancel") ? IDOK : IDCANCEL;
        len = GetEnvironmentVariableW(L"OLK_STANDIN_DIALOG_SHOT", hook->shot, ARRAYSIZE(hook->shot));
        if (len < ARRAYSIZE(hook->shot)) return S_OK;
        fprintf(stderr, "olkstubacctmgr: OLK_STANDIN_DIALOG_SHOT: path too long\n");
        return MAPI_E_CALL_FAILED;
    }
    fprintf(stderr, "olkstubacctmgr: OLK_STANDIN_DIALOG_CLOSE must be <ms>[,ok|cancel] with 1 <= ms <= 600000\n");
    return MAPI_E_CALL_FAILED;
}

static BOOL write_bmp(const WCHAR *path, const BITMAPINFOHEADER *info, const void *bits, DWORD size)
{
    BITMAPFILEHEADER file = { 0 };
    FILE *out = _wfopen(path, L"wb");
    BOOL ok;

    if (!out) return FALSE;
    file.bfType = 0x4d42;   /* "BM" */
    file.bfOffBits = sizeof(file) + sizeof(*info);
    file.bfSize = file.bfOffBits + size;
    ok = fwrite(&file, sizeof(file), 1, out) == 1 && fwrite(info, sizeof(*info), 1, out) == 1
        && fwrite(bits, 1, size, out) == size;
    return fclose(out) == 0 && ok;
}

static BOOL save_screen_area(const RECT *rect, const WCHAR *path)
{
    BITMAPINFO info = { 0 };
    HDC screen = GetDC(NULL), memory = CreateCompatibleDC(screen);
    HBITMAP bitmap, old;
    void *bits = NULL;
    BOOL ok = FALSE;

    info.bmiHeader.biSize = sizeof(info.bmiHeader);
    info.bmiHeader.biWidth = rect->right - rect->left;
    info.bmiHeader.biHeight = rect->bottom - rect->top;
    info.bmiHeader.biPlanes = 1;
    info.bmiHeader.biBitCount = 24;
    info.bmiHeader.biCompression = BI_RGB;
    bitmap = CreateDIBSection(screen, &info, DIB_RGB_COLORS, &bits, NULL, 0);
    if (bitmap && memory)
    {
        DWORD stride = ((DWORD)info.bmiHeader.biWidth * 3 + 3) & ~3u;

        old = SelectObject(memory, bitmap);
        ok = BitBlt(memory, 0, 0, info.bmiHeader.biWidth, info.bmiHeader.biHeight, screen, rect->left, rect->top,
                    SRCCOPY);
        GdiFlush();
        ok = ok && write_bmp(path, &info.bmiHeader, bits, stride * (DWORD)info.bmiHeader.biHeight);
        SelectObject(memory, old);
    }
    if (bitmap) DeleteObject(bitmap);
    if (memory) DeleteDC(memory);
    ReleaseDC(NULL, screen);
    return ok;
}

static void run_hook(struct dialog *d)
{
    RECT rect;

    KillTimer(d->hwnd, HOOK_TIMER);
    if (d->hook.shot[0] && (!GetWindowRect(d->hwnd, &rect) || !save_screen_area(&rect, d->hook.shot)))
        fprintf(stderr, "olkstubacctmgr: could not save the dialog's picture to %ls\n", d->hook.shot);
    PostMessageW(d->hwnd, WM_COMMAND, MAKEWPARAM(d->hook.button, BN_CLICKED), 0);
}

/* ---- controls ------------------------------------------------------------ */

static HWND add_control(struct dialog *d, const WCHAR *cls, const WCHAR *text, DWORD style, int id, int x, int y,
                        int width, int height)
{
    HWND control = CreateWindowExW(0, cls, text, WS_CHILD | WS_VISIBLE | style, x, y, width, height, d->hwnd,
                                   (HMENU)(INT_PTR)id, NULL, NULL);

    if (control) SendMessageW(control, WM_SETFONT, (WPARAM)d->font, FALSE);
    return control;
}

static void add_button(struct dialog *d, const WCHAR *text, int id, int slot, DWORD style)
{
    int x = CLIENT_WIDTH - MARGIN - (slot + 1) * BUTTON_WIDTH - slot * 8;

    add_control(d, WC_BUTTONW, text, WS_TABSTOP | style, id, x, CLIENT_HEIGHT - MARGIN - BUTTON_HEIGHT,
                BUTTON_WIDTH, BUTTON_HEIGHT);
}

static void add_column(HWND list, int index, const WCHAR *title, int width)
{
    LVCOLUMNW column = { 0 };

    column.mask = LVCF_TEXT | LVCF_WIDTH;
    column.pszText = (WCHAR *)title;
    column.cx = width;
    SendMessageW(list, LVM_INSERTCOLUMNW, index, (LPARAM)&column);
}

static void add_row(HWND list, const WCHAR *first, const WCHAR *second)
{
    LVITEMW item = { 0 };

    item.mask = LVIF_TEXT;
    item.iItem = INT_MAX;   /* appended */
    item.pszText = (WCHAR *)first;
    item.iItem = (int)SendMessageW(list, LVM_INSERTITEMW, 0, (LPARAM)&item);
    item.iSubItem = 1;
    item.pszText = (WCHAR *)second;
    SendMessageW(list, LVM_SETITEMTEXTW, item.iItem, (LPARAM)&item);
}

static const WCHAR *account_name(const struct standin_account *account)
{
    const struct standin_prop *name = standin_account_prop(account, PROP_ACCT_NAME);

    return name && name->str ? name->str : L"(no name)";
}

static HWND add_list(struct dialog *d, int id, const RECT *area, const WCHAR *second_column)
{
    HWND list = add_control(d, WC_LISTVIEWW, L"", WS_BORDER | WS_TABSTOP | LVS_REPORT | LVS_SINGLESEL
                            | LVS_SHOWSELALWAYS | LVS_NOSORTHEADER, id, area->left, area->top,
                            area->right - area->left, area->bottom - area->top);

    if (!list) return NULL;
    SendMessageW(list, LVM_SETEXTENDEDLISTVIEWSTYLE, LVS_EX_FULLROWSELECT, LVS_EX_FULLROWSELECT);
    add_column(list, 0, L"Name", (area->right - area->left) * 3 / 5);
    add_column(list, 1, second_column, (area->right - area->left) * 2 / 5 - 4);
    return list;
}

static void fill_accounts(struct dialog *d, HWND list)
{
    DWORD i;

    for (i = 0; i < d->count; i++)
    {
        const WCHAR *type = olk_account_type_name(&d->accounts[i]->type);

        add_row(list, account_name(d->accounts[i]), type ? type : L"other");
    }
}

/* The accounts that deliver to a store, with the size of its entry ID. */
static void fill_data_files(struct dialog *d, HWND list)
{
    WCHAR location[64];
    DWORD i;

    for (i = 0; i < d->count; i++)
    {
        const struct standin_prop *store = standin_account_prop(d->accounts[i], PROP_ACCT_DELIVERY_STORE);

        if (!(standin_account_categories(d->accounts[i]) & STANDIN_CAT_STORE)) continue;
        if (store) swprintf(location, ARRAYSIZE(location), L"store entry ID, %lu bytes", (unsigned long)store->cb);
        else wcscpy(location, L"no delivery store");
        add_row(list, account_name(d->accounts[i]), location);
    }
}

static void add_tab(HWND tabs, int index, const WCHAR *text)
{
    TCITEMW item = { 0 };

    item.mask = TCIF_TEXT;
    item.pszText = (WCHAR *)text;
    SendMessageW(tabs, TCM_INSERTITEMW, index, (LPARAM)&item);
}

static void show_tab(struct dialog *d)
{
    HWND tabs = GetDlgItem(d->hwnd, STANDIN_IDC_TABS);
    int data = d->flags & ACCTUI_SHOW_DATA_TAB && SendMessageW(tabs, TCM_GETCURSEL, 0, 0) == 1;

    ShowWindow(GetDlgItem(d->hwnd, STANDIN_IDC_ACCOUNTS), data ? SW_HIDE : SW_SHOW);
    ShowWindow(GetDlgItem(d->hwnd, STANDIN_IDC_DATA_FILES), data ? SW_SHOW : SW_HIDE);
}

static BOOL build_account_settings(struct dialog *d)
{
    WCHAR caption[128];
    RECT area = { MARGIN, 40, CLIENT_WIDTH - MARGIN, CLIENT_HEIGHT - 2 * MARGIN - BUTTON_HEIGHT };
    HWND tabs, accounts;

    swprintf(caption, ARRAYSIZE(caption), L"Accounts of the profile \"%ls\":", d->profile);
    add_control(d, WC_STATICW, caption, SS_LEFT, -1, MARGIN, MARGIN, CLIENT_WIDTH - 2 * MARGIN, 20);
    if (!(tabs = add_control(d, WC_TABCONTROLW, L"", WS_CLIPSIBLINGS, STANDIN_IDC_TABS, area.left, area.top,
                             area.right - area.left, area.bottom - area.top)))
        return FALSE;
    add_tab(tabs, 0, L"Accounts");
    if (d->flags & ACCTUI_SHOW_DATA_TAB) add_tab(tabs, 1, L"Data Files");
    SendMessageW(tabs, TCM_ADJUSTRECT, FALSE, (LPARAM)&area);
    InflateRect(&area, -4, -4);
    if (!(accounts = add_list(d, STANDIN_IDC_ACCOUNTS, &area, L"Type"))) return FALSE;
    fill_accounts(d, accounts);
    if (d->flags & ACCTUI_SHOW_DATA_TAB)
    {
        HWND data = add_list(d, STANDIN_IDC_DATA_FILES, &area, L"Location");

        if (!data) return FALSE;
        fill_data_files(d, data);
        /* ACCTUI_SHOW_DATA_TAB opens the dialog on that tab. */
        SendMessageW(tabs, TCM_SETCURSEL, 1, 0);
    }
    SetWindowPos(tabs, HWND_BOTTOM, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE);
    show_tab(d);
    add_button(d, L"Close", IDOK, 0, BS_DEFPUSHBUTTON);
    return TRUE;
}

static BOOL build_add_account(struct dialog *d)
{
    static const struct { const WCHAR *label; int y; } fields[] = { { L"Your name:", 52 }, { L"E-mail address:", 86 } };
    size_t i;

    add_control(d, WC_STATICW, L"Set up an e-mail account.", SS_LEFT, -1, MARGIN, MARGIN,
                CLIENT_WIDTH - 2 * MARGIN, 20);
    for (i = 0; i < ARRAYSIZE(fields); i++)
    {
        add_control(d, WC_STATICW, fields[i].label, SS_LEFT, -1, MARGIN, fields[i].y + 3, 120, 20);
        if (!add_control(d, WC_EDITW, L"", WS_BORDER | WS_TABSTOP | ES_AUTOHSCROLL, -1, 140, fields[i].y,
                         CLIENT_WIDTH - 140 - MARGIN, 22))
            return FALSE;
    }
    add_control(d, WC_STATICW, L"This is the test stand-in for Outlook's account manager: \"Next >\" creates "
                L"no account and leaves the account data as it was.", SS_LEFT, -1, MARGIN, 130,
                CLIENT_WIDTH - 2 * MARGIN, 40);
    add_button(d, L"Cancel", IDCANCEL, 0, 0);
    add_button(d, L"Next >", IDOK, 1, BS_DEFPUSHBUTTON);
    add_button(d, L"< Back", IDC_BACK, 2, WS_DISABLED);
    return TRUE;
}

/* ---- the window ---------------------------------------------------------- */

static void finish(struct dialog *d, WORD id)
{
    if (id == IDOK) d->result = S_OK;
    else d->result = is_wizard(d) ? MAPI_E_CALL_FAILED : MAPI_E_USER_CANCEL;
    d->done = TRUE;
}

static LRESULT CALLBACK dialog_proc(HWND hwnd, UINT message, WPARAM wparam, LPARAM lparam)
{
    struct dialog *d = (struct dialog *)GetWindowLongPtrW(hwnd, GWLP_USERDATA);

    switch (message)
    {
    case WM_NCCREATE:
        d = ((CREATESTRUCTW *)lparam)->lpCreateParams;
        d->hwnd = hwnd;
        SetWindowLongPtrW(hwnd, GWLP_USERDATA, (LONG_PTR)d);
        break;
    case WM_COMMAND:
        if (d && (LOWORD(wparam) == IDOK || LOWORD(wparam) == IDCANCEL)) finish(d, LOWORD(wparam));
        return 0;
    case WM_CLOSE:
        if (d) finish(d, IDCANCEL);
        return 0;
    case WM_NOTIFY:
        if (d && ((NMHDR *)lparam)->idFrom == STANDIN_IDC_TABS && ((NMHDR *)lparam)->code == TCN_SELCHANGE)
            show_tab(d);
        return 0;
    case WM_TIMER:
        if (d && wparam == HOOK_TIMER) run_hook(d);
        return 0;
    }
    return DefWindowProcW(hwnd, message, wparam, lparam);
}

static HINSTANCE this_module(void)
{
    HMODULE module = NULL;

    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (const WCHAR *)(void *)dialog_proc, &module);
    return module;
}

/* Registered for each dialog and unregistered after it: the DLL may be
 * unloaded in between, and a class would then outlive its window procedure. */
static ATOM register_class(void)
{
    WNDCLASSEXW cls = { 0 };

    cls.cbSize = sizeof(cls);
    cls.lpfnWndProc = dialog_proc;
    cls.hInstance = this_module();
    cls.hCursor = LoadCursorW(NULL, (const WCHAR *)IDC_ARROW);
    cls.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    cls.lpszClassName = STANDIN_DIALOG_CLASS;
    return RegisterClassExW(&cls);
}

static HWND create_window(struct dialog *d, HWND owner)
{
    DWORD style = WS_POPUP | WS_CAPTION | WS_SYSMENU, ex_style = WS_EX_DLGMODALFRAME | WS_EX_CONTROLPARENT;
    RECT rect = { 0, 0, CLIENT_WIDTH, CLIENT_HEIGHT }, work;
    int width, height;

    AdjustWindowRectEx(&rect, style, FALSE, ex_style);
    width = rect.right - rect.left;
    height = rect.bottom - rect.top;
    SystemParametersInfoW(SPI_GETWORKAREA, 0, &work, 0);
    return CreateWindowExW(ex_style, STANDIN_DIALOG_CLASS, is_wizard(d) ? L"Add New Account" : L"Account Settings",
                           style, work.left + (work.right - work.left - width) / 2,
                           work.top + (work.bottom - work.top - height) / 2, width, height, owner, NULL,
                           this_module(), d);
}

static HFONT message_font(void)
{
    NONCLIENTMETRICSW metrics = { 0 };

    metrics.cbSize = sizeof(metrics);
    if (SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof(metrics), &metrics, 0))
        return CreateFontIndirectW(&metrics.lfMessageFont);
    return NULL;
}

/* A modal loop, as DialogBox runs one: the owner is disabled meanwhile, and
 * a WM_QUIT ends the dialog and is posted again for the caller's loop. */
static void run_modal(struct dialog *d)
{
    MSG msg;
    int got;

    while (!d->done)
    {
        if ((got = GetMessageW(&msg, NULL, 0, 0)) <= 0)
        {
            if (!got) PostQuitMessage((int)msg.wParam);
            d->result = MAPI_E_CALL_FAILED;
            return;
        }
        if (IsDialogMessageW(d->hwnd, &msg)) continue;
        TranslateMessage(&msg);
        DispatchMessageW(&msg);
    }
}

/* The window is there: fill it, show it and wait until it is closed. */
static void run_window(struct dialog *d, HWND owner)
{
    if (!(is_wizard(d) ? build_add_account(d) : build_account_settings(d)))
    {
        fprintf(stderr, "olkstubacctmgr: the account dialog's controls could not be created\n");
        d->result = MAPI_E_CALL_FAILED;
        return;
    }
    if (owner) EnableWindow(owner, FALSE);
    ShowWindow(d->hwnd, SW_SHOW);
    UpdateWindow(d->hwnd);
    if (d->hook.ms) SetTimer(d->hwnd, HOOK_TIMER, d->hook.ms, NULL);
    run_modal(d);
    /* Before the window goes, so that activation returns to the owner. */
    if (owner) EnableWindow(owner, TRUE);
}

static HRESULT show(struct dialog *d, HWND owner)
{
    INITCOMMONCONTROLSEX controls = { sizeof(controls), ICC_LISTVIEW_CLASSES | ICC_TAB_CLASSES };

    InitCommonControlsEx(&controls);
    if (!register_class()) return MAPI_E_CALL_FAILED;
    d->font = message_font();
    /* Under Wine, also where there is no display to show it on. */
    if (!create_window(d, owner))
        fprintf(stderr, "olkstubacctmgr: the account dialog's window could not be created (error %lu)\n",
                GetLastError());
    else
    {
        run_window(d, owner);
        DestroyWindow(d->hwnd);
    }
    if (d->font) DeleteObject(d->font);
    UnregisterClassW(STANDIN_DIALOG_CLASS, this_module());
    return d->result;
}

/* No session, no dialog (Outlook's needs the profile's stores). */
static HRESULT open_session(IOlkAccountHelper *helper)
{
    HRESULT hr = standin_check_session(helper);

    if (SUCCEEDED(hr)) return S_OK;
    fprintf(stderr, "olkstubacctmgr: no session from the helper (0x%08lx): the account dialog does not open\n",
            (unsigned long)hr);
    return MAPI_E_CALL_FAILED;
}

static void hands_off(IOlkAccountHelper *helper)
{
    HRESULT hr = IOlkAccountHelper_HandsOffSession(helper);

    if (hr == S_OK || hr == E_NOTIMPL) standin_check_passed();
    else standin_violation("HandsOffSession after the account dialog returned 0x%08lx", (unsigned long)hr);
}

HRESULT standin_dialog_show(HWND owner, DWORD flags, IOlkAccountHelper *helper, const WCHAR *profile,
                            const struct standin_account *const *accounts, DWORD count)
{
    struct dialog d = { 0 };
    HRESULT hr;

    if (InterlockedCompareExchange(&dialog_open, 1, 0)) return E_ACCT_UI_BUSY;
    d.flags = flags;
    d.profile = profile;
    d.accounts = accounts;
    d.count = count;
    d.result = MAPI_E_CALL_FAILED;
    hr = read_hook(&d.hook);
    if (SUCCEEDED(hr)) hr = open_session(helper);
    if (SUCCEEDED(hr))
    {
        hr = show(&d, owner);
        hands_off(helper);
    }
    InterlockedExchange(&dialog_open, 0);
    return hr;
}
