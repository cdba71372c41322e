/*
 * The server's count of live objects and IClassFactory::LockServer locks,
 * which DllCanUnloadNow answers from.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_SERVER_LOCK_H
#define OLKHELPER_SERVER_LOCK_H

#include <windows.h>

void server_lock(void);
void server_unlock(void);
LONG server_lock_count(void);

#endif
