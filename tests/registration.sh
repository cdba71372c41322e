#!/bin/bash
# SPDX-License-Identifier: MIT
#
# olkhelper.dll through Wine's own regsvr32, checked with Wine's reg:
# machine-wide (DllRegisterServer), per-user (/n /i:user), unregistering
# either, neighbours left alone, a bad /i command line, a ProgID owned by
# another class, a path too long to register, and a missing file. Exit codes
# are regsvr32's: 0 success, 3 the DLL could not be loaded, 5 the DLL's entry
# point failed (DLLSERVER_FAILED).
#
# It ends with the DLL registered machine-wide: the "registered" fixture.
#
# usage: registration.sh <olkhelper.dll>   (WINEPREFIX set, wineserver running)
# Every Wine program here runs through OLK_WINE, the loader of the DLL's
# bitness, so reg sees the registry view that the DLL's regsvr32 writes.
set -uo pipefail
: "${WINEPREFIX:?WINEPREFIX must be set}" "${OLK_WINE:?OLK_WINE must be set}" "${OLK_ARCH:?}"
dll=${1:?usage: registration.sh <olkhelper.dll>}
[ -f "$dll" ] || { echo "registration.sh: no such DLL: $dll"; exit 1; }

clsid='{530A73EF-6347-4A72-B96D-9049DD249116}'
other_clsid='{11111111-2222-3333-4444-555555555555}'
desc='olkhelper Outlook account helper'
progid='OlkHelper.AccountHelper.1'
vi_progid='OlkHelper.AccountHelper'
session_clsid='{B89A9E67-286E-4C2D-9E0C-B563BB0D3118}'
session_desc='olkhelper Outlook accounts session'
session_progid='OlkHelper.Session.1'
session_vi_progid='OlkHelper.Session'
libid='{F239F708-7B60-42BE-9818-1AE1C31A9DF2}'
: "${OLK_TLB_VERSION:?OLK_TLB_VERSION must be set to the major.minor version}"
case $OLK_ARCH in x64) platform=win64 ;; *) platform=win32 ;; esac
# IOlkHelperAccount, IOlkHelperAccounts, IOlkHelperSession
iids=('{3AF7E288-2DCF-4D11-AE66-CCCACB3CDFB2}' '{2EF51FFD-9DB3-4F23-BED0-F920F8D13025}'
      '{FDA273BF-E335-4DB2-A36D-523CDA581DFE}')
iid_names=(IOlkHelperAccount IOlkHelperAccounts IOlkHelperSession)
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# Wine's console tools write CRLF; no Wine process may inherit the test's
# stdin.
wine_quiet() { "$OLK_WINE" "$@" </dev/null 2>/dev/null | tr -d '\r'; }

dll_win=$(wine_quiet winepath -w "$dll")
[ -n "$dll_win" ] || { echo "registration.sh: winepath failed for $dll"; exit 1; }

# regsvr32 <expected exit code> <arguments...>
regsvr() {
  local expected=$1 rc
  shift
  "$OLK_WINE" regsvr32 "$@" </dev/null >/dev/null 2>&1
  rc=$?
  if [ "$rc" -eq "$expected" ]; then
    pass "regsvr32 $* -> $rc"
  else
    fail "regsvr32 $* exited $rc, expected $expected"
  fi
}

key_exists() { "$OLK_WINE" reg query "$@" </dev/null >/dev/null 2>&1; }

# The whole tree below a key, as `reg query /s` prints it, blank lines dropped.
# Under load Wine's reg has once printed nothing for a key that was there (the
# next query saw it): an empty answer is asked again once, and said on stderr
# with reg's exit code and message. A key really missing is missing twice.
tree() {
  local out err rc
  out=$(wine_quiet reg query "$1" /s | sed '/^$/d')
  if [ -z "$out" ]; then
    err=$("$OLK_WINE" reg query "$1" /s </dev/null 2>&1 >/dev/null | tr -d '\r')
    rc=$?
    echo "note: reg query $1 printed nothing (then: exit $rc, '$err'); asked again" >&2
    out=$(wine_quiet reg query "$1" /s | sed '/^$/d')
  fi
  printf '%s\n' "$out" | sed '/^$/d'
}

expect_tree() { # key expected-text what
  local actual
  actual=$(tree "$1")
  if [ "$actual" = "$2" ]; then
    pass "$3"
  else
    fail "$3"
    echo "--- expected"; printf '%s\n' "$2"; echo "--- actual"; printf '%s\n' "$actual"
  fi
}

# A class's ProgID and version-independent ProgID.
expect_progids() { # HKLM|HKCU what progid vi_progid clsid description
  local classes="$1\\Software\\Classes" base
  case $1 in HKLM) base=HKEY_LOCAL_MACHINE ;; HKCU) base=HKEY_CURRENT_USER ;; esac
  base="$base\\Software\\Classes"
  expect_tree "$classes\\$3" "$base\\$3
    (Default)    REG_SZ    $6
$base\\$3\\CLSID
    (Default)    REG_SZ    $5" "$2: $1 $3"
  expect_tree "$classes\\$4" "$base\\$4
    (Default)    REG_SZ    $6
$base\\$4\\CLSID
    (Default)    REG_SZ    $5
$base\\$4\\CurVer
    (Default)    REG_SZ    $3" "$2: $1 $4"
}

expect_registered() { # HKLM|HKCU what
  local classes="$1\\Software\\Classes" long
  case $1 in HKLM) long=HKEY_LOCAL_MACHINE ;; HKCU) long=HKEY_CURRENT_USER ;; esac
  local base="$long\\Software\\Classes"
  expect_tree "$classes\\CLSID\\$clsid" "$base\\CLSID\\$clsid
    (Default)    REG_SZ    $desc
$base\\CLSID\\$clsid\\InprocServer32
    (Default)    REG_SZ    $dll_win
    ThreadingModel    REG_SZ    Both
$base\\CLSID\\$clsid\\ProgID
    (Default)    REG_SZ    $progid
$base\\CLSID\\$clsid\\VersionIndependentProgID
    (Default)    REG_SZ    $vi_progid" "$2: $1 CLSID key"
  expect_progids "$1" "$2" "$progid" "$vi_progid" "$clsid" "$desc"
  expect_tree "$classes\\CLSID\\$session_clsid" "$base\\CLSID\\$session_clsid
    (Default)    REG_SZ    $session_desc
$base\\CLSID\\$session_clsid\\InprocServer32
    (Default)    REG_SZ    $dll_win
    ThreadingModel    REG_SZ    Apartment
$base\\CLSID\\$session_clsid\\ProgID
    (Default)    REG_SZ    $session_progid
$base\\CLSID\\$session_clsid\\TypeLib
    (Default)    REG_SZ    $libid
$base\\CLSID\\$session_clsid\\Version
    (Default)    REG_SZ    $OLK_TLB_VERSION
$base\\CLSID\\$session_clsid\\VersionIndependentProgID
    (Default)    REG_SZ    $session_vi_progid" "$2: $1 OlkHelper.Session CLSID key"
  expect_progids "$1" "$2" "$session_progid" "$session_vi_progid" "$session_clsid" "$session_desc"
  # reg prints no line for TypeLib\{libid} itself, which holds no value.
  expect_tree "$classes\\TypeLib\\$libid" "$base\\TypeLib\\$libid\\$OLK_TLB_VERSION
    (Default)    REG_SZ    olkhelper Outlook accounts
$base\\TypeLib\\$libid\\$OLK_TLB_VERSION\\0
$base\\TypeLib\\$libid\\$OLK_TLB_VERSION\\0\\$platform
    (Default)    REG_SZ    $dll_win
$base\\TypeLib\\$libid\\$OLK_TLB_VERSION\\FLAGS
    (Default)    REG_SZ    0
$base\\TypeLib\\$libid\\$OLK_TLB_VERSION\\HELPDIR
    (Default)    REG_SZ    " "$2: $1 type library"
  local i
  for i in 0 1 2; do
    expect_tree "$classes\\Interface\\${iids[$i]}" "$base\\Interface\\${iids[$i]}
    (Default)    REG_SZ    ${iid_names[$i]}
$base\\Interface\\${iids[$i]}\\ProxyStubClsid32
    (Default)    REG_SZ    {00020424-0000-0000-C000-000000000046}
$base\\Interface\\${iids[$i]}\\TypeLib
    (Default)    REG_SZ    $libid
    Version    REG_SZ    $OLK_TLB_VERSION" "$2: $1 ${iid_names[$i]} interface key"
  done
}

# Lists the subkeys of a key, one name a line (nothing if it does not exist).
subkeys() { wine_quiet reg query "$1" | sed -n 's/^HKEY_.*\\//p'; }

expect_unregistered() { # HKLM|HKCU what
  local classes="$1\\Software\\Classes" found
  found=$( { subkeys "$classes"; subkeys "$classes\\CLSID"; subkeys "$classes\\TypeLib"
             subkeys "$classes\\Interface"; } |
           grep -ixF -e "$progid" -e "$vi_progid" -e "$clsid" -e "$session_progid" -e "$session_vi_progid" \
                     -e "$session_clsid" -e "$libid" "${iids[@]/#/-e}" | tr '\n' ' ')
  if [ -n "$found" ]; then
    fail "$2: still under $1\\Software\\Classes: $found"
  else
    pass "$2: nothing of ours under $1\\Software\\Classes"
  fi
}

expect_class_key() { # HKLM|HKCU what
  if key_exists "$1\\Software\\Classes\\CLSID\\$clsid\\InprocServer32"; then
    pass "$2: the class is registered under $1"
  else
    fail "$2: no class key under $1"
  fi
}

# A neighbour ProgID and a neighbour class, per-user and machine-wide, added
# (or, with "-", removed) by one `reg import`.
neighbours() { # ""|-
  local file hive
  file=$(mktemp --suffix=.reg)
  {
    printf 'Windows Registry Editor Version 5.00\r\n'
    for hive in HKEY_LOCAL_MACHINE HKEY_CURRENT_USER; do
      if [ "$1" = - ]; then
        printf '\r\n[-%s\\Software\\Classes\\OlkHelperTests.Neighbour]\r\n' "$hive"
        printf '\r\n[-%s\\Software\\Classes\\CLSID\\%s]\r\n' "$hive" "$other_clsid"
      else
        printf '\r\n[%s\\Software\\Classes\\OlkHelperTests.Neighbour]\r\n@="neighbour"\r\n' "$hive"
        printf '\r\n[%s\\Software\\Classes\\CLSID\\%s\\InprocServer32]\r\n@="C:\\\\other.dll"\r\n' \
               "$hive" "$other_clsid"
      fi
    done
  } >"$file"
  "$OLK_WINE" reg import "$file" </dev/null >/dev/null 2>&1 || fail "reg import of the neighbours ($1)"
  rm -f "$file"
}

expect_neighbours() { # HKLM|HKCU what
  local classes="$1\\Software\\Classes"
  if key_exists "$classes\\OlkHelperTests.Neighbour" && key_exists "$classes\\CLSID\\$other_clsid\\InprocServer32"
  then
    pass "$2: neighbours under $1 are still there"
  else
    fail "$2: a neighbour under $1 was removed"
  fi
}

# --- a known start: unregistering what is not there succeeds ---------------------
regsvr 0 /u /s "$dll"
regsvr 0 /u /n /i:user /s "$dll"
expect_unregistered HKLM "start"
expect_unregistered HKCU "start"
neighbours ""

# --- machine-wide ----------------------------------------------------------------
regsvr 0 /s "$dll"
expect_registered HKLM "regsvr32"
# The regsvr32 of the DLL's bitness writes the class in that bitness's view
# only: WOW64 keeps a CLSID key for each.
case $OLK_ARCH in
  x64) own_view=/reg:64 other_view=/reg:32 ;;
  *)   own_view=/reg:32 other_view=/reg:64 ;;
esac
if key_exists "HKLM\\Software\\Classes\\CLSID\\$clsid\\InprocServer32" "$own_view" &&
   ! key_exists "HKLM\\Software\\Classes\\CLSID\\$clsid" "$other_view"; then
  pass "regsvr32 ($OLK_ARCH) wrote the class in the $own_view view only"
else
  fail "regsvr32 ($OLK_ARCH): the class is not in the $own_view view only"
fi
expect_unregistered HKCU "regsvr32 writes nothing per-user"
regsvr 0 /s "$dll"
expect_registered HKLM "regsvr32 twice"
regsvr 0 /u /s "$dll"
expect_unregistered HKLM "regsvr32 /u"
expect_neighbours HKLM "regsvr32 /u"

# --- per-user ----------------------------------------------------------------------
regsvr 0 /n /i:user /s "$dll"
expect_registered HKCU "/n /i:user"
expect_unregistered HKLM "/n /i:user writes nothing machine-wide"
# Windows would show the per-user class in HKCR; Wine 8 reads only HKLM's.
if key_exists "HKCR\\CLSID\\$clsid"; then
  echo "note: HKCR shows the per-user registration"
else
  echo "note: HKCR does not show the per-user registration (Wine ignores HKCU\\Software\\Classes)"
fi
regsvr 0 /u /n /i:user /s "$dll"
expect_unregistered HKCU "/u /n /i:user"
expect_neighbours HKCU "/u /n /i:user"

# The scope is case-insensitive, and "machine" names DllRegisterServer's.
regsvr 0 /n /i:USER /s "$dll"
expect_class_key HKCU "/n /i:USER"
regsvr 0 /u /n /i:User /s "$dll"
expect_unregistered HKCU "/u /n /i:User"
regsvr 0 /n /i:machine /s "$dll"
expect_class_key HKLM "/n /i:machine"
regsvr 0 /u /n /i:MACHINE /s "$dll"
expect_unregistered HKLM "/u /n /i:MACHINE"

# Without /n, regsvr32 calls DllRegisterServer too: both scopes.
regsvr 0 /i:user /s "$dll"
expect_class_key HKLM "/i:user"
expect_class_key HKCU "/i:user"
regsvr 0 /u /i:user /s "$dll"
expect_unregistered HKLM "/u /i:user"
expect_unregistered HKCU "/u /i:user"

# --- failures --------------------------------------------------------------------------
regsvr 5 /n /i:bogus /s "$dll"
regsvr 5 /u /n /i:bogus /s "$dll"
expect_unregistered HKLM "/n /i:bogus"
expect_unregistered HKCU "/n /i:bogus"

# A ProgID of ours that another class has taken is not overwritten.
"$OLK_WINE" reg add "HKLM\\Software\\Classes\\$vi_progid\\CLSID" /ve /d "$other_clsid" /f </dev/null >/dev/null 2>&1
regsvr 5 /s "$dll"
if key_exists "HKLM\\Software\\Classes\\CLSID\\$clsid"; then
  fail "a refused registration wrote the CLSID key"
else
  pass "a refused registration wrote nothing"
fi
# Nor removed: registered, then taken over, then unregistered.
"$OLK_WINE" reg delete "HKLM\\Software\\Classes\\$vi_progid" /f </dev/null >/dev/null 2>&1
regsvr 0 /s "$dll"
"$OLK_WINE" reg add "HKLM\\Software\\Classes\\$vi_progid\\CLSID" /ve /d "$other_clsid" /f </dev/null >/dev/null 2>&1
regsvr 0 /u /s "$dll"
if [ "$(tree "HKLM\\Software\\Classes\\$vi_progid\\CLSID" | sed -n 's/^    (Default)    REG_SZ    //p')" = "$other_clsid" ] &&
   ! key_exists "HKLM\\Software\\Classes\\$progid" && ! key_exists "HKLM\\Software\\Classes\\CLSID\\$clsid"; then
  pass "regsvr32 /u left the other class's ProgID and removed ours"
else
  fail "regsvr32 /u with a ProgID taken over by another class"
fi
"$OLK_WINE" reg delete "HKLM\\Software\\Classes\\$vi_progid" /f </dev/null >/dev/null 2>&1

# A module path longer than MAX_PATH is refused, not registered cut short.
scratch=$(mktemp -d)
deep=$scratch
for i in 1 2 3 4 5 6; do deep="$deep/path-longer-than-max-path-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; done
mkdir -p "$deep" && cp "$dll" "$deep/olkhelper.dll"
regsvr 5 /s "$deep/olkhelper.dll"
expect_unregistered HKLM "a path longer than MAX_PATH"
rm -rf "$scratch"

regsvr 3 /s "$(dirname "$dll")/no-such-olkhelper.dll"

neighbours -

# --- the fixture's state -----------------------------------------------------------------
regsvr 0 /s "$dll"
expect_registered HKLM "left registered for the activation tests"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all registration checks passed"
