#!/bin/bash
# SPDX-License-Identifier: MIT
#
# Usage: tools/demo.sh BUILD_DIR
#
# olkacct lists the accounts of the sample profile under Wine, the way it
# would on a Windows machine with Outlook: through olkhelper.dll registered
# with regsvr32, Wine's own mapi32.dll, and, in Outlook's place, the test
# stand-ins for its MAPI (olkstubmapi.dll) and its account manager
# (olkstubacctmgr.dll, reading tests/data/sample-accounts.ini).
# Everything happens in the private prefix BUILD_DIR/demo-prefix; the Wine
# server is stopped at the end. Exits non-zero if any step fails.
set -euo pipefail

[ $# -eq 1 ] || { sed -n '4p' "$0" | sed 's/^# //' >&2; exit 2; }
[ -d "$1" ] || { echo "demo.sh: no build directory '$1'" >&2; exit 2; }
build=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'demo.sh: %s\n' "$*" >&2; exit 1; }

for file in olkacct.exe olkhelper.dll olkstubmapi.dll olkstubacctmgr.dll; do
  [ -f "$build/bin/$file" ] || die "$build/bin/$file is missing: build the project (with its tests) first"
done

export WINEPREFIX="$build/demo-prefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="winedbg.exe,winemenubuilder.exe=d"
export OLK_BIN="$build/bin"
export OLK_SOURCE_DIR="$top"
# The x64 build, run by Wine's 64-bit loader whether or not 32-bit Wine is
# installed (Debian's `wine` then starts the 32-bit one).
export OLK_ARCH=x64 OLK_WINE64=/usr/lib/wine/wine64
export OLK_WINE=$OLK_WINE64
session="$top/tests/wine/session.sh"

# A server left over from an interrupted run would make "start" fail.
bash "$session" stop >/dev/null
trap 'bash "$session" stop >/dev/null' EXIT

say "Wine prefix with the stand-in MAPI as default mail client and the stand-in account manager"
bash "$session" start

say "Registering olkhelper.dll with Wine's regsvr32"
"$OLK_WINE" regsvr32 /s "$build/bin/olkhelper.dll" || die "regsvr32 olkhelper.dll failed (exit $?)"
echo "olkhelper.dll registered"

# Wine passes the Unix environment to Windows programs: the stand-ins read
# their profiles and accounts from it.
export OLK_STANDIN_ACCOUNTS="Z:${top//\//\\}\\tests\\data\\sample-accounts.ini"
export OLKSTUB_PROFILES="Outlook;Home"
export OLKSTUB_DEFAULT_PROFILE="Outlook"

say "olkacct: the accounts of the default profile (Outlook)"
"$OLK_WINE" "$build/bin/olkacct.exe"

say "olkacct --json: the same accounts with every property olkacct reads"
"$OLK_WINE" "$build/bin/olkacct.exe" --json
