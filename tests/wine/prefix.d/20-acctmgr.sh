#!/bin/bash
# SPDX-License-Identifier: MIT
# Test prefix only: registers the stand-in account manager (olkstubacctmgr.dll)
# as CLSID_OlkAccountManager, the class Outlook's OUTLMIME.DLL registers, so
# that olkacct and the helper can be driven end to end without Outlook.
# Idempotent; tests that remove the registration run it again to restore it.
# It lands in the registry view of the suite's bitness (OLK_WINE's reg).
# Env: WINEPREFIX, OLK_BIN (the build's bin directory), OLK_WINE.
set -euo pipefail
: "${WINEPREFIX:?WINEPREFIX must be set}"
: "${OLK_BIN:?OLK_BIN must be set}" "${OLK_WINE:?OLK_WINE must be set}"

dll="$OLK_BIN/olkstubacctmgr.dll"
if [ ! -f "$dll" ]; then
  # Other areas' tests must not fail for a target they do not need.
  echo "20-acctmgr: $dll is not built; CLSID_OlkAccountManager left unregistered"
  exit 0
fi
# Wine maps the Unix root to drive Z:.
windows_path="Z:${dll//\//\\}"
key='HKLM\Software\Classes\CLSID\{ed475410-b0d6-11d2-8c3b-00104b2a6676}'

"$OLK_WINE" reg add "$key" /ve /d "olkhelper test stand-in for Outlook's account manager" /f
"$OLK_WINE" reg add "$key\\InprocServer32" /ve /d "$windows_path" /f
"$OLK_WINE" reg add "$key\\InprocServer32" /v ThreadingModel /d Both /f
echo "20-acctmgr: CLSID_OlkAccountManager -> $windows_path"
