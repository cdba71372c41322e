/*
 * HRESULTs as people search for them: "0x800c8001 (E_OLK_REGISTRY)".
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKACCT_HRESULT_NAME_H
#define OLKACCT_HRESULT_NAME_H

#include <windows.h>
#include <stddef.h>

/* Writes "0x%08lx" and, for a known code, " (NAME)"; returns buffer. */
const char *olkacct_hresult_text(HRESULT hr, char *buffer, size_t size);

/* The same in one of four buffers used in turn: up to four in one message. */
const char *olkacct_hr(HRESULT hr);

#endif
