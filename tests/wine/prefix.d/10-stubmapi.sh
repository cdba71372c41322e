#!/bin/bash
# SPDX-License-Identifier: MIT
# Makes Wine's own mapi32.dll forward Extended MAPI to the stand-in provider
# olkstubmapi.dll: the DLL goes into the prefix's system32 and becomes the
# DLLPathEx of a mail client that is made the default one.
#
# DLLPathEx is deliberately a bare name. Wine's mapi32 finds it in system32;
# olkhelper's loader refuses any DLLPathEx that is not an absolute path and
# falls back to the system directory's mapi32.dll, so the product reaches the
# stand-in through Wine's real mapi32, as on Windows it reaches Outlook's
# MAPI through mapi32.dll.
#
# Environment (from tests/wine/session.sh): WINEPREFIX, OLK_BIN.
# Running it again changes nothing.
set -euo pipefail
: "${WINEPREFIX:?}" "${OLK_BIN:?}"

client='olkhelper stand-in MAPI'
stub="$OLK_BIN/olkstubmapi.dll"

if [ ! -f "$stub" ]; then
  # Builds of other targets alone (no session tests) still get a prefix; the
  # session tests fail on their own, loudly, without the stand-in.
  echo "10-stubmapi: $stub not built (target olkstubmapi); stand-in MAPI not installed"
  exit 0
fi

cp -f "$stub" "$WINEPREFIX/drive_c/windows/system32/olkstubmapi.dll"
wine reg add 'HKLM\Software\Clients\Mail' /ve /d "$client" /f
wine reg add "HKLM\\Software\\Clients\\Mail\\$client" /v DLLPathEx /d olkstubmapi.dll /f
echo "10-stubmapi: default mail client '$client', DLLPathEx olkstubmapi.dll"
