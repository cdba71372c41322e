/*
 * The opt-in trace: off unless set, switched on by the environment or the
 * registry (the environment first), each sink, the line's form (process,
 * thread, apartment, area), long lines cut but kept, arguments not evaluated
 * while off, and the caller's last error kept.
 *
 * SPDX-License-Identifier: MIT
 */
#include "olktest.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "trace.h"

#define SETTING_KEY L"Software\\olkhelper"

static WCHAR trace_file[MAX_PATH];

static void clear_settings(void)
{
    SetEnvironmentVariableW(L"OLKHELPER_TRACE", NULL);
    RegDeleteKeyValueW(HKEY_CURRENT_USER, SETTING_KEY, L"Trace");
    RegDeleteKeyValueW(HKEY_LOCAL_MACHINE, SETTING_KEY, L"Trace");
    DeleteFileW(trace_file);
    trace_reset();
}

static int setup(void **state)
{
    WCHAR dir[MAX_PATH];

    (void)state;
    if (!GetTempPathW(MAX_PATH, dir) || !GetTempFileNameW(dir, L"olk", 0, trace_file))
        return -1;
    clear_settings();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    clear_settings();
    return 0;
}

static unsigned int lines_in(const char *text)
{
    unsigned int n = 0;

    for (; *text; text++)
        n += *text == '\n';
    return n;
}

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part))
    {
        print_error("\"%s\" not in the trace:\n%s\n", part, text);
        fail();
    }
}

static void set_registry(HKEY root, const WCHAR *value)
{
    assert_int_equal(RegSetKeyValueW(root, SETTING_KEY, L"Trace", REG_SZ, value,
                                     (DWORD)((wcslen(value) + 1) * sizeof(WCHAR))), ERROR_SUCCESS);
}

static unsigned int evaluations;

static int counted(void)
{
    return (int)++evaluations;
}

static void test_off_by_default(void **state)
{
    (void)state;
    evaluations = 0;
    assert_false(TRACE_ENABLED());
    assert_int_equal(trace_state, TRACE_OFF);
    TRACE("test", "%d", counted());
    assert_int_equal(evaluations, 0);
    assert_int_equal(GetFileAttributesW(trace_file), INVALID_FILE_ATTRIBUTES);
}

static void test_file_from_environment(void **state)
{
    char expected[64], *text;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", trace_file));
    evaluations = 0;
    TRACE("test", "first %d, %ls", counted(), L"Zo\x00eb");
    assert_int_equal(evaluations, 1);
    assert_hr(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    TRACE("mapi", "second");
    CoUninitialize();
    assert_hr(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), S_OK);
    TRACE("helper", "third");
    CoUninitialize();

    text = olk_read_file(trace_file);
    assert_int_equal(lines_in(text), 3);
    snprintf(expected, sizeof(expected), "olkhelper %lu:%lu ", GetCurrentProcessId(), GetCurrentThreadId());
    assert_true(!strncmp(text, expected, strlen(expected)));
    assert_contains(text, "no-COM test: first 1, Zo\xc3\xab\r\n");
    assert_contains(text, " MTA mapi: second\r\n");
    assert_contains(text, "STA helper: third\r\n");
    free(text);
}

static void test_environment_before_registry(void **state)
{
    char *text;

    (void)state;
    set_registry(HKEY_CURRENT_USER, trace_file);
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", L"off"));
    TRACE("test", "not written");
    assert_int_equal(trace_state, TRACE_OFF);

    /* "0" is off too; an empty variable counts as unset. */
    trace_reset();
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", L"0"));
    assert_false(TRACE_ENABLED());
    trace_reset();
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", L""));
    TRACE("test", "from the registry");
    text = olk_read_file(trace_file);
    assert_int_equal(lines_in(text), 1);
    assert_contains(text, " test: from the registry\r\n");
    free(text);
}

static void test_registry_machine_then_user(void **state)
{
    char *text;

    (void)state;
    set_registry(HKEY_LOCAL_MACHINE, trace_file);
    TRACE("test", "machine");
    /* Read once per process: a later change is seen only after a reset. */
    set_registry(HKEY_CURRENT_USER, L"off");
    TRACE("test", "still on");
    trace_reset();
    TRACE("test", "user says off");
    text = olk_read_file(trace_file);
    assert_int_equal(lines_in(text), 2);
    assert_contains(text, " test: machine\r\n");
    assert_contains(text, " test: still on\r\n");
    free(text);
}

static void test_stderr(void **state)
{
    HANDLE saved = GetStdHandle(STD_ERROR_HANDLE), file;
    char *text;

    (void)state;
    file = CreateFileW(trace_file, GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, 0, NULL);
    assert_true(file != INVALID_HANDLE_VALUE);
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", L"StdErr"));
    assert_true(SetStdHandle(STD_ERROR_HANDLE, file));
    TRACE("test", "to standard error");
    SetStdHandle(STD_ERROR_HANDLE, saved);
    CloseHandle(file);
    text = olk_read_file(trace_file);
    assert_int_equal(lines_in(text), 1);
    assert_contains(text, " test: to standard error\r\n");
    free(text);
}

static void test_debugger(void **state)
{
    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", L"debugger"));
    assert_true(TRACE_ENABLED());
    TRACE("test", "to the debugger");
    /* Nothing goes to a file of that name. */
    assert_int_equal(GetFileAttributesW(L"debugger"), INVALID_FILE_ATTRIBUTES);
}

static void test_long_line_cut(void **state)
{
    static WCHAR long_text[5000];
    char *text, *end;

    (void)state;
    wmemset(long_text, L'x', ARRAYSIZE(long_text) - 1);
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", trace_file));
    TRACE("test", "%ls", long_text);
    TRACE("test", "next");
    text = olk_read_file(trace_file);
    assert_int_equal(lines_in(text), 2);
    end = strstr(text, "\r\n");
    assert_non_null(end);
    assert_true(end - text > 900 && end - text < 1100);
    assert_contains(text, " test: next\r\n");
    free(text);
}

static void test_last_error_kept(void **state)
{
    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", trace_file));
    SetLastError(ERROR_INVALID_DATA);
    TRACE("test", "error kept");
    assert_int_equal(GetLastError(), ERROR_INVALID_DATA);
}

/* Lines of several threads are whole lines. */
static DWORD WINAPI writer(void *arg)
{
    for (int i = 0; i < 200; i++)
        TRACE("thread", "%u line %d of a thread writing many", (unsigned int)(ULONG_PTR)arg, i);
    return 0;
}

static void test_threads(void **state)
{
    HANDLE threads[4];
    char *text, *line;
    unsigned int i, count = 0;

    (void)state;
    assert_true(SetEnvironmentVariableW(L"OLKHELPER_TRACE", trace_file));
    for (i = 0; i < ARRAYSIZE(threads); i++)
        threads[i] = CreateThread(NULL, 0, writer, (void *)(ULONG_PTR)i, 0, NULL);
    WaitForMultipleObjects(ARRAYSIZE(threads), threads, TRUE, INFINITE);
    for (i = 0; i < ARRAYSIZE(threads); i++)
        CloseHandle(threads[i]);
    text = olk_read_file(trace_file);
    for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n"), count++)
    {
        assert_true(!strncmp(line, "olkhelper ", 10));
        assert_non_null(strstr(line, " of a thread writing many\r"));
    }
    assert_int_equal(count, 800);
    free(text);
}

#define TRACE_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] =
    {
        TRACE_TEST(test_off_by_default),
        TRACE_TEST(test_file_from_environment),
        TRACE_TEST(test_environment_before_registry),
        TRACE_TEST(test_registry_machine_then_user),
        TRACE_TEST(test_stderr),
        TRACE_TEST(test_debugger),
        TRACE_TEST(test_long_line_cut),
        TRACE_TEST(test_last_error_kept),
        TRACE_TEST(test_threads),
    };

    olk_test_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
