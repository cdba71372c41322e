#!/bin/bash
# SPDX-License-Identifier: MIT
#
# The x64 and x86 olkhelper.dll registered side by side in one prefix, each
# by the regsvr32 of its own bitness and each activated by a process of its
# own bitness (test_activation of each build, which checks that the DLL beside
# it was loaded). WOW64 gives each bitness a CLSID key of its own and shares
# the ProgID and TypeLib keys: removing one bitness's registration must leave
# the other working, by CLSID and by ProgID, with its type library (0\win32
# or 0\win64, each bitness's own), and the last one removed takes the shared
# keys.
#
# It ends with the x86 DLL registered machine-wide, as the "registered"
# fixture of the x86 suite has it, and the x64 DLL unregistered.
#
# usage: side_by_side.sh X86_BIN X64_BIN
#        (WINEPREFIX, OLK_WINE32, OLK_WINE64 set; wineserver running)
set -uo pipefail
: "${WINEPREFIX:?}" "${OLK_WINE32:?}" "${OLK_WINE64:?}"
x86_bin=${1:?usage: side_by_side.sh X86_BIN X64_BIN}
x64_bin=${2:?usage: side_by_side.sh X86_BIN X64_BIN}
for f in "$x86_bin/olkhelper.dll" "$x86_bin/test_activation.exe" \
         "$x64_bin/olkhelper.dll" "$x64_bin/test_activation.exe"; do
  [ -f "$f" ] || { echo "side_by_side.sh: $f is missing: build both presets (x64 and x86) first"; exit 1; }
done

clsid='{530A73EF-6347-4A72-B96D-9049DD249116}'
clsid_key="HKLM\\Software\\Classes\\CLSID\\$clsid"
progids=(OlkHelper.AccountHelper.1 OlkHelper.AccountHelper OlkHelper.Session.1 OlkHelper.Session)
typelib_key="HKLM\\Software\\Classes\\TypeLib\\{F239F708-7B60-42BE-9818-1AE1C31A9DF2}"
: "${OLK_TLB_VERSION:?OLK_TLB_VERSION must be set to the major.minor version}"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

wine_of() { case $1 in x86) echo "$OLK_WINE32" ;; x64) echo "$OLK_WINE64" ;; esac; }
bin_of() { case $1 in x86) echo "$x86_bin" ;; x64) echo "$x64_bin" ;; esac; }

regsvr() { # x86|x64 [/u]
  local arch=$1
  shift
  "$(wine_of "$arch")" regsvr32 /s "$@" "$(bin_of "$arch")/olkhelper.dll" </dev/null >/dev/null 2>&1 ||
    fail "regsvr32 $* of the $arch DLL"
}

# The InprocServer32 of our class in a view (32 or 64), empty if none; read
# by the 64-bit reg with an explicit view.
inproc() {
  "$OLK_WINE64" reg query "$clsid_key\\InprocServer32" /ve "/reg:$1" </dev/null 2>/dev/null |
    tr -d '\r' | sed -n 's/^    (Default)    REG_SZ    //p'
}

expect_class() { # view x86|x64|none what
  local actual expected=""
  actual=$(inproc "$1")
  [ "$2" = none ] || expected=$("$OLK_WINE64" winepath -w "$(bin_of "$2")/olkhelper.dll" </dev/null 2>/dev/null | tr -d '\r')
  if [ "$actual" = "$expected" ]; then
    pass "$3: the $1-bit view's class is ${expected:-absent}"
  else
    fail "$3: the $1-bit view's class is '${actual}', expected '${expected}'"
  fi
}

expect_progids() { # present|absent what
  local progid
  for progid in "${progids[@]}"; do
    if "$OLK_WINE64" reg query "HKLM\\Software\\Classes\\$progid\\CLSID" </dev/null >/dev/null 2>&1; then
      [ "$1" = present ] && pass "$2: $progid present" || fail "$2: $progid still there"
    else
      [ "$1" = absent ] && pass "$2: $progid absent" || fail "$2: $progid missing"
    fi
  done
}

# The type library's path for a platform (win32|win64) as a view (32|64)
# shows it, empty if none.
typelib_path() {
  "$OLK_WINE64" reg query "$typelib_key\\$OLK_TLB_VERSION\\0\\$2" /ve "/reg:$1" </dev/null 2>/dev/null |
    tr -d '\r' | sed -n 's/^    (Default)    REG_SZ    //p'
}

expect_typelib() { # x86|x64 present|absent what
  local view platform actual expected=""
  case $1 in x86) view=32 platform=win32 ;; x64) view=64 platform=win64 ;; esac
  actual=$(typelib_path "$view" "$platform")
  [ "$2" = absent ] || expected=$("$OLK_WINE64" winepath -w "$(bin_of "$1")/olkhelper.dll" </dev/null 2>/dev/null | tr -d '\r')
  if [ "$actual" = "$expected" ]; then
    pass "$3: the $1 type library (0\\$platform) is ${expected:-absent}"
  else
    fail "$3: the $1 type library (0\\$platform) is '$actual', expected '$expected'"
  fi
}

expect_no_typelib_key() { # what
  local view
  for view in 32 64; do
    if "$OLK_WINE64" reg query "$typelib_key" "/reg:$view" </dev/null >/dev/null 2>&1; then
      fail "$1: TypeLib key still in the $view-bit view"
    else
      pass "$1: no TypeLib key in the $view-bit view"
    fi
  done
}

# OlkHelper.Session created by the script host of a bitness, through the
# ProgID and the type library that both bitnesses share.
script=$(mktemp --suffix=.vbs)
trap 'rm -f "$script"' EXIT
printf 'Set s = CreateObject("OlkHelper.Session")\r\nWScript.Echo "created " & TypeName(s)\r\n' >"$script"
script_win=$("$OLK_WINE64" winepath -w "$script" </dev/null 2>/dev/null | tr -d '\r')
session_activates() { # x86|x64 what
  local output
  output=$("$(wine_of "$1")" cscript //nologo "$script_win" </dev/null 2>&1 | tr -d '\r')
  if grep -q "^created " <<<"$output"; then
    pass "$2: the $1 cscript creates OlkHelper.Session"
  else
    fail "$2: the $1 cscript cannot create OlkHelper.Session"
    printf '%s\n' "$output" | tail -n 20
  fi
}

activates() { # x86|x64 what
  if "$(wine_of "$1")" "$(bin_of "$1")/test_activation.exe" </dev/null >/dev/null 2>&1; then
    pass "$2: a $1 process activates the $1 DLL by CLSID and ProgID"
  else
    fail "$2: a $1 process cannot activate the $1 DLL"
  fi
}

# --- a known start ----------------------------------------------------------------
regsvr x86 /u
regsvr x64 /u
expect_class 32 none "start"
expect_class 64 none "start"
expect_progids absent "start"
expect_no_typelib_key "start"

# --- both registered ----------------------------------------------------------------
regsvr x86
regsvr x64
expect_class 32 x86 "both registered"
expect_class 64 x64 "both registered"
expect_progids present "both registered"
expect_typelib x86 present "both registered"
expect_typelib x64 present "both registered"
activates x86 "both registered"
activates x64 "both registered"
session_activates x86 "both registered"
session_activates x64 "both registered"

# --- x86 removed: x64 keeps working ---------------------------------------------------
regsvr x86 /u
expect_class 32 none "x86 unregistered"
expect_class 64 x64 "x86 unregistered"
expect_progids present "x86 unregistered, x64 still registered"
expect_typelib x86 absent "x86 unregistered"
expect_typelib x64 present "x86 unregistered, x64 still registered"
activates x64 "x86 unregistered"
session_activates x64 "x86 unregistered"

# --- x86 back, x64 removed: x86 keeps working ----------------------------------------
regsvr x86
regsvr x64 /u
expect_class 32 x86 "x64 unregistered"
expect_class 64 none "x64 unregistered"
expect_progids present "x64 unregistered, x86 still registered"
expect_typelib x64 absent "x64 unregistered"
expect_typelib x86 present "x64 unregistered, x86 still registered"
activates x86 "x64 unregistered"
session_activates x86 "x64 unregistered"

# --- the last one removed takes the shared keys --------------------------------------
regsvr x86 /u
expect_class 32 none "both unregistered"
expect_progids absent "both unregistered"
expect_no_typelib_key "both unregistered"

# --- the fixture's state ----------------------------------------------------------------
regsvr x86
expect_class 32 x86 "left registered for the x86 suite"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all side-by-side checks passed"
