/*
 * The one translation unit that instantiates the GUIDs of the generated
 * headers and the MAPI IIDs the product uses.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <initguid.h>
#include "olkhelper.h"
#include "olkauto.h"

/* MinGW's mapiguid.h only declares these, and no import library has them. */
DEFINE_OLEGUID(IID_IMAPISession, 0x00020300, 0, 0);
DEFINE_OLEGUID(IID_IMAPIProp, 0x00020303, 0, 0);
