#!/bin/bash
# SPDX-License-Identifier: MIT
#
# The MSI packages under Wine's msiexec, each case in a fresh prefix (a copy
# of a template made once by the 64-bit loader, so that it has both registry
# views), with a wineserver of its own.
#
#   package.sh template  make the template prefix (fixture "package_prefix")
#   package.sh install   msiexec /i ADDLOCAL=ALL: every file in place, the
#                        registry as regsvr32 writes it, olkacct --version from
#                        the install folder, activation by both ProgIDs; then
#                        msiexec /x: no file and no key left
#   package.sh upgrade   version N, then N+1 over it: one product in Uninstall,
#                        N+1's files, the registration intact; N over N+1 is
#                        refused; then removal
#   package.sh both      the x64 and the x86 package in one prefix (x86 suite):
#                        removing either leaves the other activating by ProgID
#   package.sh listing   the x86 registry_table prints what the x64 one printed
#                        (the listing both packages are made from)
#
# msiexec's exit code is cut to 8 bits by Wine (1603 reads as 67): the
# verdict is the verbose log's last "Return value". Each package is installed
# by the msiexec of its own bitness: Wine's 64-bit msiexec writes a 32-bit
# component's keys below Software\Classes\Wow6432Node, the ProgIDs included,
# where Windows (and Wine's 32-bit msiexec) writes the ProgIDs to the one key
# both views share.
#
# Environment (tests/packages.cmake): OLK_ARCH, OLK_WINE, OLK_WINE64,
# OLK_WINE32, OLK_BIN, OLK_SOURCE_DIR, OLK_PACKAGE_WORK (where prefixes and
# logs go), OLK_MSI, OLK_VERSION, OLK_STAGE (the files the MSI was made from),
# OLK_NEXT_MSI, OLK_NEXT_VERSION, OLK_NEXT_BIN; for "both": OLK_PEER_MSI,
# OLK_PEER_STAGE and OLK_PEER_BIN (the x64 build); for "listing":
# OLK_REGISTRY_TABLE and WINEPREFIX.
set -uo pipefail
: "${OLK_ARCH:?}" "${OLK_WINE:?}" "${OLK_WINE64:?}" "${OLK_PACKAGE_WORK:?}"
export WINEDEBUG=-all WINEDLLOVERRIDES=winedbg.exe,winemenubuilder.exe=d
case_name=${1:?usage: package.sh template|install|upgrade|both|listing}
clsid='{530A73EF-6347-4A72-B96D-9049DD249116}'
progids=(OlkHelper.AccountHelper.1 OlkHelper.AccountHelper)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
finish() { [ "$failures" = 0 ] && echo "all passed" || echo "$failures failure(s)"; [ "$failures" = 0 ]; exit; }

# The template depends on the Wine that makes it: with or without 32-bit Wine.
if [ -x "${OLK_WINE32:-}" ]; then flavour=wow64; else flavour=win64; fi
template="$OLK_PACKAGE_WORK/template-$flavour"

wine_of() { case $1 in x86) echo "$OLK_WINE32" ;; x64) echo "$OLK_WINE64" ;; esac; }
bits_of() { case $1 in x86) echo 32 ;; x64) echo 64 ;; esac; }
# Where each package installs, as Windows and as this machine sees it.
install_dir_win() { case $1 in x86) echo 'C:\Program Files (x86)\olkhelper' ;; x64) echo 'C:\Program Files\olkhelper' ;; esac; }
install_dir() { case $1 in x86) echo "$WINEPREFIX/drive_c/Program Files (x86)/olkhelper" ;;
                           x64) echo "$WINEPREFIX/drive_c/Program Files/olkhelper" ;; esac; }

# Every Wine program runs with stdin from /dev/null; output through tr
# (Wine's console tools write CRLF).
wine_text() { local w=$1; shift; "$w" "$@" </dev/null 2>/dev/null | tr -d '\r'; }

fresh_prefix() {
  [ -f "$template/system.reg" ] || { echo "no template prefix $template (fixture package_prefix)"; exit 1; }
  export WINEPREFIX="$OLK_PACKAGE_WORK/$case_name/prefix"
  rm -rf "$OLK_PACKAGE_WORK/$case_name"
  mkdir -p "$OLK_PACKAGE_WORK/$case_name"
  cp -a "$template" "$WINEPREFIX"
  logs="$OLK_PACKAGE_WORK/$case_name"
  # The server and Wine's services get files, never a pipe of this script's
  # (they outlive the programs that start them).
  wineserver -p >>"$logs/wine.log" 2>&1 </dev/null
  "$OLK_WINE64" cmd /c exit >>"$logs/wine.log" 2>&1 </dev/null
  trap 'wineserver -k >/dev/null 2>&1 </dev/null; rm -rf "$WINEPREFIX"' EXIT
}

# msiexec_expect ARCH ok|refused OPTION MSI what [PROPERTIES...]: runs the
# msiexec of the package's bitness with a verbose log and checks the log's
# final "Return value": 1 for ok, any other for refused (Windows writes 3
# when a launch condition stops the install, Wine 0).
msiexec_expect() {
  local w expected=$2 option=$3 msi=$4 what=$5 log rv
  w=$(wine_of "$1")
  shift 5
  log="$logs/msiexec-$((++msiexec_runs)).log"
  "$w" msiexec "$option" "$("$w" winepath -w "$msi" </dev/null 2>/dev/null | tr -d '\r')" \
    /qn /l*v "$("$w" winepath -w "$log" </dev/null 2>/dev/null | tr -d '\r')" "$@" \
    </dev/null >>"$logs/wine.log" 2>&1
  rv=$(tr -d '\r' <"$log" 2>/dev/null | sed -n 's/.*Return value \([0-9]*\)\.$/\1/p' | tail -1)
  if { [ "$expected" = ok ] && [ "$rv" = 1 ]; } || { [ "$expected" = refused ] && [ -n "$rv" ] && [ "$rv" != 1 ]; }; then
    pass "$what (msiexec $option: Return value $rv)"
    return 0
  fi
  fail "$what: msiexec $option ended with Return value '${rv:-none}', expected $expected (log $log)"
  return 1
}
msiexec_ok() { local arch=$1; shift; msiexec_expect "$arch" ok "$@"; }
msiexec_runs=0

# Everything an install could leave in the registry: both views of
# HKLM\Software\Classes and of the Uninstall list, as reg export writes them.
# Left out: the empty index keys Windows Installer makes below
# Software\Classes\Installer the first time it installs anything.
snapshot() { # file
  local key view
  : >"$1"
  for key in 'HKLM\Software\Classes' 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'; do
    for view in 64 32; do
      reg_export "$OLK_WINE64" "$key" "/reg:$view" |
        awk 'BEGIN { RS = ""; ORS = "\n\n" }
             !(/^\[HKEY_LOCAL_MACHINE\\Software\\Classes\\Installer[^]]*\]$/) { print }' >>"$1"
    done
  done
}

# reg_export WINE KEY [OPTION]: the key as that Wine's reg export writes it,
# in UTF-8 with LF; fails when the key is not there. A failed export is tried
# once more: under load Wine's reg export has failed once on a key that the
# activation just before had read (a key truly missing fails both times).
reg_export() {
  local tmp rc try
  tmp=$(mktemp)
  for try in 1 2; do
    "$1" reg export "$2" "$("$1" winepath -w "$tmp" </dev/null 2>/dev/null | tr -d '\r')" /y ${3:+"$3"} \
      </dev/null >/dev/null 2>&1
    rc=$?
    [ $rc = 0 ] && break
    [ $try = 1 ] && sleep 1
  done
  [ $rc = 0 ] && iconv -f UTF-16 -t UTF-8 "$tmp" | tr -d '\r'
  rm -f "$tmp"
  return $rc
}

# expect_same FILE1 FILE2 WHAT: the two texts are equal, or the difference is shown.
expect_same() {
  if cmp -s "$1" "$2"; then
    pass "$3"
  else
    fail "$3: they differ"
    diff "$1" "$2" | head -30
  fi
}

expect_same_registry() { # before-file what
  snapshot "$logs/after.reg"
  expect_same "$1" "$logs/after.reg" "$2: the registry is as before the install"
}

# Our keys, as the arch's reg export writes them: the class in that arch's
# view, and both ProgIDs.
our_keys() { # arch file
  local w key
  w=$(wine_of "$1")
  : >"$2"
  for key in "HKLM\\Software\\Classes\\CLSID\\$clsid" "${progids[@]/#/HKLM\\Software\\Classes\\}"; do
    reg_export "$w" "$key" >>"$2" || echo "(no $key)" >>"$2"
  done
}

# The installed registration equals what regsvr32 of the installed DLL writes.
expect_regsvr32_registry() { # arch what
  local w dll
  w=$(wine_of "$1")
  dll="$(install_dir_win "$1")\\olkhelper.dll"
  our_keys "$1" "$logs/msi-keys.reg"
  if ! grep -qF "@=\"${dll//\\/\\\\}\"" "$logs/msi-keys.reg"; then
    fail "$2: InprocServer32 does not name $dll"
  fi
  "$w" regsvr32 /s "$dll" </dev/null >>"$logs/wine.log" 2>&1 || fail "$2: regsvr32 $dll"
  our_keys "$1" "$logs/regsvr32-keys.reg"
  expect_same "$logs/msi-keys.reg" "$logs/regsvr32-keys.reg" "$2: the package's keys are those regsvr32 writes ($1)"
}

expect_activation() { # arch what
  local w out bin
  w=$(wine_of "$1")
  bin=$OLK_BIN
  [ "$1" = "$OLK_ARCH" ] || bin=$OLK_PEER_BIN
  out=$(wine_text "$w" "$bin/activate_installed.exe" "$(install_dir_win "$1")\\olkhelper.dll")
  # activate_installed prints "ok:" for each ProgID only when all went well.
  if ! grep -q FAIL <<<"$out" && [ "$(grep -c '^ok:' <<<"$out")" = 2 ]; then
    pass "$2: a $(bits_of "$1")-bit client activates both ProgIDs from the $1 install"
  else
    fail "$2: activation by ProgID ($1): ${out:-no output}"
  fi
}

# The package writes its class in the registry view of its bitness only.
expect_class_view() { # arch what
  local own=$(bits_of "$1") other=32 key="HKLM\\Software\\Classes\\CLSID\\$clsid"
  [ "$own" = 32 ] && other=64
  if "$OLK_WINE64" reg query "$key\\InprocServer32" "/reg:$own" </dev/null >/dev/null 2>&1 &&
     ! "$OLK_WINE64" reg query "$key" "/reg:$other" </dev/null >/dev/null 2>&1; then
    pass "$2: the class is in the $own-bit registry view only"
  else
    fail "$2: the class is not in the $own-bit registry view only"
  fi
}

expect_version() { # arch version what
  local out expected
  expected="olkacct $2 ($(bits_of "$1")-bit)"
  out=$(wine_text "$(wine_of "$1")" "$(install_dir_win "$1")\\olkacct.exe" --version)
  if [ "$out" = "$expected" ]; then
    pass "$3: installed olkacct --version says '$out'"
  else
    fail "$3: installed olkacct --version says '$out', expected '$expected'"
  fi
}

expect_files() { # arch stage-dir what [runtime]
  local dir
  dir=$(install_dir "$1")
  if [ "${4:-}" = runtime ]; then
    if diff -r --exclude=include --exclude=lib "$2" "$dir" >/dev/null && [ ! -e "$dir/include" ] && [ ! -e "$dir/lib" ]; then
      pass "$3: the runtime files are in place, byte for byte, and no SDK file"
    else
      fail "$3: installed files differ from the package's runtime files"; diff -r "$2" "$dir" | head
    fi
  elif diff -r "$2" "$dir" >/dev/null; then
    pass "$3: every file is in place, byte for byte ($(find "$dir" -type f | wc -l) files)"
  else
    fail "$3: installed files differ from the package's"; diff -r "$2" "$dir" | head
  fi
}

expect_no_files() { # arch what
  if [ -e "$(install_dir "$1")" ]; then
    fail "$2: $(install_dir_win "$1") is still there: $(find "$(install_dir "$1")" | head -5 | tr '\n' ' ')"
  else
    pass "$2: $(install_dir_win "$1") is gone"
  fi
}

# Entries in the Uninstall list of the arch's view that name olkhelper.
uninstall_entries() { # arch
  local key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
  wine_text "$OLK_WINE64" reg query "$key" /s "/reg:$(bits_of "$1")" |
    sed -n 's/^    DisplayName    REG_SZ    \(olkhelper.*\)/\1/p'
}

case $case_name in
  template)
    if [ -f "$template/system.reg" ]; then echo "template prefix $template is there"; exit 0; fi
    rm -rf "$template"
    mkdir -p "$template"
    WINEPREFIX="$template" "$OLK_WINE64" wineboot -i >"$template.log" 2>&1 </dev/null
    WINEPREFIX="$template" wineserver -w
    [ -f "$template/system.reg" ] || { echo "could not make $template; see $template.log"; exit 1; }
    echo "template prefix $template made"
    ;;

  install)
    : "${OLK_MSI:?}" "${OLK_VERSION:?}" "${OLK_STAGE:?}" "${OLK_BIN:?}"
    fresh_prefix
    snapshot "$logs/before.reg"
    msiexec_ok "$OLK_ARCH" /i "$OLK_MSI" "install with the SDK" ADDLOCAL=ALL
    expect_files "$OLK_ARCH" "$OLK_STAGE" "install"
    if cmp -s "$OLK_BIN/olkhelper.dll" "$(install_dir "$OLK_ARCH")/olkhelper.dll"; then
      pass "install: the installed DLL is the one built"
    else
      fail "install: the installed DLL is not the one built"
    fi
    expect_version "$OLK_ARCH" "$OLK_VERSION" "install"
    expect_class_view "$OLK_ARCH" "install"
    expect_activation "$OLK_ARCH" "install"
    expect_regsvr32_registry "$OLK_ARCH" "install"
    expect_activation "$OLK_ARCH" "after regsvr32"
    msiexec_ok "$OLK_ARCH" /x "$OLK_MSI" "remove"
    expect_no_files "$OLK_ARCH" "remove"
    expect_same_registry "$logs/before.reg" "remove"
    finish
    ;;

  upgrade)
    : "${OLK_MSI:?}" "${OLK_VERSION:?}" "${OLK_NEXT_MSI:?}" "${OLK_NEXT_VERSION:?}" "${OLK_NEXT_BIN:?}"
    fresh_prefix
    snapshot "$logs/before.reg"
    msiexec_ok "$OLK_ARCH" /i "$OLK_MSI" "install $OLK_VERSION"
    expect_version "$OLK_ARCH" "$OLK_VERSION" "install $OLK_VERSION"
    msiexec_ok "$OLK_ARCH" /i "$OLK_NEXT_MSI" "upgrade to $OLK_NEXT_VERSION"
    entries=$(uninstall_entries "$OLK_ARCH")
    if [ "$entries" = "olkhelper $OLK_NEXT_VERSION ($OLK_ARCH)" ]; then
      pass "upgrade: one product in Uninstall: $entries"
    else
      fail "upgrade: Uninstall lists '$(tr '\n' '|' <<<"$entries")', expected only olkhelper $OLK_NEXT_VERSION ($OLK_ARCH)"
    fi
    for f in olkhelper.dll olkacct.exe; do
      if cmp -s "$OLK_NEXT_BIN/$f" "$(install_dir "$OLK_ARCH")/$f"; then
        pass "upgrade: $f is $OLK_NEXT_VERSION's"
      else
        fail "upgrade: $f is not $OLK_NEXT_VERSION's"
      fi
    done
    expect_version "$OLK_ARCH" "$OLK_NEXT_VERSION" "upgrade"
    expect_activation "$OLK_ARCH" "upgrade"
    expect_regsvr32_registry "$OLK_ARCH" "upgrade"
    msiexec_expect "$OLK_ARCH" refused /i "$OLK_MSI" "$OLK_VERSION over $OLK_NEXT_VERSION is refused"
    expect_version "$OLK_ARCH" "$OLK_NEXT_VERSION" "after the refused downgrade"
    msiexec_ok "$OLK_ARCH" /x "$OLK_NEXT_MSI" "remove $OLK_NEXT_VERSION"
    expect_no_files "$OLK_ARCH" "remove"
    expect_same_registry "$logs/before.reg" "remove"
    finish
    ;;

  both)
    : "${OLK_MSI:?}" "${OLK_PEER_MSI:?}" "${OLK_STAGE:?}" "${OLK_PEER_STAGE:?}" "${OLK_PEER_BIN:?}"
    [ "$OLK_ARCH" = x86 ] || { echo "package.sh both: runs in the x86 suite"; exit 1; }
    fresh_prefix
    snapshot "$logs/before.reg"
    msi_of() { case $1 in x86) echo "$OLK_MSI" ;; x64) echo "$OLK_PEER_MSI" ;; esac; }
    # Each order of removal: the package left must still work alone.
    for first in x64 x86; do
      case $first in x64) second=x86 ;; x86) second=x64 ;; esac
      msiexec_ok x64 /i "$(msi_of x64)" "install x64"
      msiexec_ok x86 /i "$(msi_of x86)" "install x86"
      expect_files x64 "$OLK_PEER_STAGE" "both installed" runtime
      expect_files x86 "$OLK_STAGE" "both installed" runtime
      expect_activation x64 "both installed"
      expect_activation x86 "both installed"
      msiexec_ok "$first" /x "$(msi_of "$first")" "remove $first"
      expect_no_files "$first" "$first removed"
      expect_activation "$second" "$first removed"
      expect_version "$second" "$OLK_VERSION" "$first removed"
      msiexec_ok "$second" /x "$(msi_of "$second")" "remove $second"
      expect_no_files "$second" "both removed"
      expect_same_registry "$logs/before.reg" "both removed ($first first)"
    done
    finish
    ;;

  listing)
    : "${OLK_REGISTRY_TABLE:?}" "${WINEPREFIX:?}"
    actual=$("$OLK_WINE" "$OLK_BIN/registry_table.exe" "${OLK_MODULE_REF:?}" </dev/null 2>&1)
    if [ "$actual" = "$(cat "$OLK_REGISTRY_TABLE")" ]; then
      pass "the $OLK_ARCH registry_table prints the listing the packages are made from"
    else
      fail "the $OLK_ARCH registry_table prints another listing"
      diff <(printf '%s\n' "$actual") "$OLK_REGISTRY_TABLE"
    fi
    finish
    ;;

  *)
    echo "usage: package.sh template|install|upgrade|both|listing" >&2
    exit 2
    ;;
esac
