/*
 * Fault injection for the product's heap (src/memory.h): an allocator that
 * counts the blocks it hands out and can fail the n-th allocation.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_ALLOC_FAULTS_H
#define OLKHELPER_ALLOC_FAULTS_H

#include <windows.h>

/* From now on the n-th allocation fails (n = 1: the next one; 0: none), and
 * the counts start again. Installs the counting allocator on first use. */
void alloc_faults_fail_nth(LONG n);

/* Whether the allocation chosen by alloc_faults_fail_nth came (and failed). */
BOOL alloc_faults_injected(void);

/* Blocks handed out since the last alloc_faults_fail_nth and not yet freed. */
LONG alloc_faults_live(void);

/* Back to the C runtime's allocator (blocks of either are freed alike). */
void alloc_faults_remove(void);

/* Calls attempt(context) with the 1st, 2nd, ... allocation failing, until a
 * run in which no failure came; attempt checks its own outcome (with
 * alloc_faults_injected and alloc_faults_live). Returns the number of runs in
 * which a failure came, and leaves the C runtime's allocator installed. */
int alloc_faults_each(void (*attempt)(void *context), void *context);

#endif
