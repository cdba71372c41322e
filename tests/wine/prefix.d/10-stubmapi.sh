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
# The DLL and the registry values are those of the suite's bitness: an x86
# suite's 32-bit reg writes the 32-bit view, and its programs' system
# directory is SysWOW64.
#
# Environment (from tests/wine/session.sh): WINEPREFIX, OLK_BIN, OLK_WINE, OLK_ARCH.
# Running it again changes nothing.
set -euo pipefail
: "${WINEPREFIX:?}" "${OLK_BIN:?}" "${OLK_WINE:?}" "${OLK_ARCH:?}"

client='olkhelper stand-in MAPI'
stub="$OLK_BIN/olkstubmapi.dll"

if [ ! -f "$stub" ]; then
  # Builds of other targets alone (no session tests) still get a prefix; the
  # session tests fail on their own, loudly, without the stand-in.
  echo "10-stubmapi: $stub not built (target olkstubmapi); stand-in MAPI not installed"
  exit 0
fi

case $OLK_ARCH in
  x64) sysdir=system32 ;;
  x86) sysdir=syswow64 ;;
  *) echo "10-stubmapi: unknown OLK_ARCH '$OLK_ARCH'"; exit 1 ;;
esac
cp -f "$stub" "$WINEPREFIX/drive_c/windows/$sysdir/olkstubmapi.dll"
"$OLK_WINE" reg add 'HKLM\Software\Clients\Mail' /ve /d "$client" /f
"$OLK_WINE" reg add "HKLM\\Software\\Clients\\Mail\\$client" /v DLLPathEx /d olkstubmapi.dll /f
echo "10-stubmapi: default mail client '$client', DLLPathEx olkstubmapi.dll ($sysdir)"
