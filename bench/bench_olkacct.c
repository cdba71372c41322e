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

enum { RUNS = 3 };

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

/* The median of RUNS readings of every account, in seconds; negative on failure. */
static double time_reading(unsigned count)
{
    struct fake_helper helper;
    IOlkAccountManager *manager;
    struct olkacct_list list;
    LARGE_INTEGER frequency, start, end;
    double seconds[RUNS];
    const char *step;
    char *text = accounts_text(count);
    int run;

    if (!text) return -1;
    standin_test_data(text);
    free(text);
    fake_helper_init(&helper, L"Outlook", FLAW_NONE);
    if (FAILED(standin_manager_create(&IID_IOlkAccountManager, (void **)&manager))) return -1;
    if (FAILED(IOlkAccountManager_Init(manager, &helper.IOlkAccountHelper_iface, ACCT_INIT_NOSYNCH_MAPI_ACCTS)))
        return -1;
    QueryPerformanceFrequency(&frequency);
    for (run = 0; run < RUNS; run++)
    {
        QueryPerformanceCounter(&start);
        if (FAILED(olkacct_read_accounts(manager, OLK_CATEGORY_ALL, &list, &step)) || list.count != count) return -1;
        QueryPerformanceCounter(&end);
        olkacct_list_free(&list);
        seconds[run] = (double)(end.QuadPart - start.QuadPart) / frequency.QuadPart;
    }
    IOlkAccountManager_Release(manager);
    standin_test_data_remove();
    qsort(seconds, RUNS, sizeof(seconds[0]), compare);
    return seconds[RUNS / 2];
}

int main(int argc, char **argv)
{
    unsigned small = argc > 1 ? strtoul(argv[1], NULL, 10) : 50000;
    unsigned large = argc > 2 ? strtoul(argv[2], NULL, 10) : 2 * small;
    double t_small, t_large;

    if (!small || large <= small)
    {
        fprintf(stderr, "usage: bench_olkacct [accounts [more accounts]]\n");
        return 2;
    }
    t_small = time_reading(small);
    t_large = time_reading(large);
    if (t_small <= 0 || t_large <= 0)
    {
        fprintf(stderr, "bench_olkacct: reading the accounts failed\n");
        return 1;
    }
    printf("olkacct reading, mail and store, median of %d runs:\n", RUNS);
    printf("  %7u accounts: %8.1f ms  (%.2f us per account)\n", small, t_small * 1e3, t_small * 1e6 / small);
    printf("  %7u accounts: %8.1f ms  (%.2f us per account)\n", large, t_large * 1e3, t_large * 1e6 / large);
    printf("  time ratio %.2fx for %.2fx the accounts (linear: %.2fx; goal for 2x the accounts: at most 2.2x)\n",
           t_large / t_small, (double)large / small, (double)large / small);
    return 0;
}
