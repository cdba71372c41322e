/*
 * olkacct's account reading (tools/olkacct/accounts.c) against the stand-in
 * account manager, at two sizes in one run: the time per account should not
 * grow with the number of accounts. Every account is in two categories, so
 * the rule that lists it once is in the figures too. Only olkacct's reading
 * is timed, not the stand-in's loading of its data file.
 *
 * Run: wine build/x64/bin/bench_olkacct.exe [accounts [accounts2]]  (default 50000 100000)
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#include "accounts.h"
#include "standin.h"
#include "test_support.h"

enum { RUNS = 5 };

static char *accounts_text(unsigned count)
{
    static const char format[] = "[account]\nprofile = Outlook\ntype = imap4\ncategories = mail, store\n"
                                 "ACCT_ID = %u\nACCT_NAME = account %u\nINET_PORT = 993\n";
    size_t size = (size_t)count * (sizeof(format) + 16) + 1, len = 0;
    char *text = malloc(size);
    unsigned i;

    if (!text) return NULL;
    text[0] = 0;
    for (i = 1; i <= count; i++) len += snprintf(text + len, size - len, format, i, i);
    return text;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

struct subject
{
    unsigned count;
    struct fake_helper helper;
    IOlkAccountManager *manager;
    double seconds[RUNS];
};

/* A stand-in manager that has loaded count accounts. */
static BOOL open_subject(struct subject *s)
{
    char *text = accounts_text(s->count);
    HRESULT hr;

    if (!text) return FALSE;
    standin_test_data(text);
    free(text);
    fake_helper_init(&s->helper, L"Outlook", FLAW_NONE);
    hr = standin_manager_create(&IID_IOlkAccountManager, (void **)&s->manager);
    if (SUCCEEDED(hr)) hr = IOlkAccountManager_Init(s->manager, &s->helper.IOlkAccountHelper_iface,
                                                    ACCT_INIT_NOSYNCH_MAPI_ACCTS);
    standin_test_data_remove();
    return SUCCEEDED(hr);
}

static BOOL time_reading(struct subject *s, int run)
{
    LARGE_INTEGER frequency, start, end;
    struct olk_account_list list;
    const char *step;
    HRESULT hr;

    QueryPerformanceFrequency(&frequency);
    QueryPerformanceCounter(&start);
    hr = olk_accounts_read(s->manager, OLK_CATEGORY_ALL, &list, &step);
    QueryPerformanceCounter(&end);
    if (FAILED(hr) || list.count != s->count) return FALSE;
    olk_account_list_free(&list);
    s->seconds[run] = (double)(end.QuadPart - start.QuadPart) / frequency.QuadPart;
    return TRUE;
}

static double median(double *seconds)
{
    qsort(seconds, RUNS, sizeof(seconds[0]), compare);
    return seconds[RUNS / 2];
}

int main(int argc, char **argv)
{
    static struct subject small, large;
    double t_small, t_large;
    int run;

    small.count = argc > 1 ? strtoul(argv[1], NULL, 10) : 50000;
    large.count = argc > 2 ? strtoul(argv[2], NULL, 10) : 2 * small.count;
    if (!small.count || large.count <= small.count)
    {
        fprintf(stderr, "usage: bench_olkacct [accounts [more accounts]]\n");
        return 2;
    }
    /* Both sizes are loaded first and read in turn, so that a change in the
     * machine's load falls on both alike. */
    for (run = 0; run < RUNS; run++)
    {
        if ((!run && (!open_subject(&small) || !open_subject(&large)))
            || !time_reading(&small, run) || !time_reading(&large, run))
        {
            fprintf(stderr, "bench_olkacct: reading the accounts failed\n");
            return 1;
        }
    }
    IOlkAccountManager_Release(small.manager);
    IOlkAccountManager_Release(large.manager);
    t_small = median(small.seconds);
    t_large = median(large.seconds);
    printf("olkacct reading, mail and store, median of %d runs taken in turn:\n", RUNS);
    printf("  %7u accounts: %8.1f ms  (%.2f us per account)\n", small.count, t_small * 1e3, t_small * 1e6 / small.count);
    printf("  %7u accounts: %8.1f ms  (%.2f us per account)\n", large.count, t_large * 1e3, t_large * 1e6 / large.count);
    printf("  time ratio %.2fx for %.2fx the accounts (linear: %.2fx; goal for 2x the accounts: at most 2.2x)\n",
           t_large / t_small, (double)large.count / small.count, (double)large.count / small.count);
    return 0;
}
