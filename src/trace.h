/*
 * The opt-in trace: one line for every call into the helper, every MAPI step
 * and every registration step, for finding out what a host (Outlook's
 * account manager, say) asked of olkhelper and what it was told.
 *
 * Off unless switched on, first by the environment, else by the registry:
 *   OLKHELPER_TRACE                          (environment variable)
 *   HKCU\Software\olkhelper  value Trace     (REG_SZ or REG_EXPAND_SZ)
 *   HKLM\Software\olkhelper  value Trace
 * The first of these that is set decides; its value names where the lines go:
 *   "debugger"        OutputDebugStringW (DebugView, a debugger's output);
 *   "stderr"          the process's standard error;
 *   "off", "0" or ""  nowhere (an empty environment variable counts as unset);
 *   anything else     a file, which lines are appended to, as UTF-8.
 * The setting is read once per process, at the first traced event.
 *
 * A line: "olkhelper <pid>:<tid> <apartment> <area>: <text>", the apartment
 * being STA, MTA, NA, main-STA or "no-COM" for a thread without COM.
 *
 * Off, a trace point costs one load and one predictable branch; the
 * arguments are not even evaluated.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_TRACE_H
#define OLKHELPER_TRACE_H

#include <windows.h>

enum trace_state { TRACE_UNREAD, TRACE_OFF, TRACE_ON };

extern volatile LONG trace_state;

/* Reads the setting (once per process) and says whether the trace is on. */
BOOL trace_configure(void);

/* Writes one line: area (e.g. "helper", "mapi", "registry") and a
 * _vsnwprintf format, written as a narrow ASCII literal of at most
 * TRACE_FORMAT_CCH - 1 characters (a wide one would take twice the bytes in
 * the DLL). Call only through TRACE. Lines longer than the internal buffer
 * are cut, never lost whole. */
#define TRACE_FORMAT_CCH 160
void trace_write(const char *area, const char *format, ...);

#define TRACE_ENABLED() (trace_state == TRACE_ON || (trace_state == TRACE_UNREAD && trace_configure()))
#define TRACE(area, ...) do { if (TRACE_ENABLED()) trace_write(area, __VA_ARGS__); } while (0)

/* One read, for the hottest calls: FALSE only once the setting is read and
 * off; then their trace point (a TRACE) may be skipped. */
#define TRACE_MAYBE_ON() (trace_state != TRACE_OFF)

/* Forgets the setting, so that the next trace point reads it again. For
 * tests only: never while another thread may be tracing. */
void trace_reset(void);

#endif
