/*
 * Internal interfaces of the stand-in MAPI provider.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_STUB_H
#define OLKHELPER_STUB_H

#include <windows.h>
#include <mapix.h>

#include "olkstubmapi.h"

#define STUB_MAX_PROFILES 16

/* The UID of a profile's global section (pbGlobalProfileSectionGuid). */
extern const BYTE stub_global_profile_section_uid[16];

/* IIDs that mapiguid.h declares but no library defines; IID_IMAPISession
 * and IID_IMAPIProp come from the project's olk_guids. */
extern const IID stub_iid_profsect;
extern const IID stub_iid_profadmin;
extern const IID stub_iid_mapitable;

/* stats.c: counters are updated with Interlocked operations. */
extern struct olkstub_stats stub_stats;
void stub_violation(const char *format, ...);
void stub_note_logon(ULONG flags, const WCHAR *requested);
BOOL stub_initialized(void);

/* environment.c */
BOOL stub_env_hresult(const WCHAR *name, HRESULT *hr);
DWORD stub_env_dword(const WCHAR *name, DWORD fallback);
size_t stub_profiles(WCHAR names[][OLKSTUB_NAME_CCH], size_t max);
BOOL stub_find_profile(const WCHAR *name, WCHAR *canonical);
BOOL stub_default_profile(WCHAR *name);

/* allocator.c: MAPIAllocateBuffer and friends, which are also exported. */
SCODE WINAPI MAPIAllocateBuffer(ULONG size, LPVOID *buffer);
SCODE WINAPI MAPIAllocateMore(ULONG size, LPVOID object, LPVOID *buffer);
ULONG WINAPI MAPIFreeBuffer(LPVOID buffer);
/* A copy of a string linked to object, or NULL. */
WCHAR *stub_strdup_more(const WCHAR *string, void *object);
char *stub_strdup_more_a(const WCHAR *string, void *object);

/* session.c */
HRESULT stub_session_create(const WCHAR *profile, IMAPISession **out);
/* FALSE (and a violation) once the session is logged off. */
BOOL stub_session_usable(IMAPISession *session, const char *method);

/* profile_section.c: holds a reference to session. */
HRESULT stub_profile_section_create(IMAPISession *session, const WCHAR *profile, IProfSect **out);

/* profile_admin.c */
HRESULT stub_profile_admin_create(IProfAdmin **out);

/* profile_table.c: a snapshot of the profiles. */
HRESULT stub_profile_table_create(ULONG flags, IMAPITable **out);

#endif
