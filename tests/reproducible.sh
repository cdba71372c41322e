#!/bin/bash
# SPDX-License-Identifier: MIT
#
# Reproducible release: this checkout's files (tracked and untracked, not
# ignored) copied into two directories of different names and depths, each
# built from clean with tools/release/package.sh; then compared:
#   - olkhelper.dll, olkacct.exe, their .debug files and the import library
#     of both architectures, byte for byte;
#   - each MSI: every table (msiinfo export), the summary information but for
#     its two times, and the files it extracts to (msiextract);
#   - the ZIP: the same entries with the same bytes and times.
#
# usage: reproducible.sh SOURCE_DIR WORK_DIR
# It needs what a build needs (MinGW-w64, wixl, msitools, Wine), and fails
# saying which is missing (tools/run.sh runs it on the host only).
set -uo pipefail
src=${1:?usage: reproducible.sh SOURCE_DIR WORK_DIR}
work=${2:?usage: reproducible.sh SOURCE_DIR WORK_DIR}
for tool in x86_64-w64-mingw32-gcc i686-w64-mingw32-gcc wixl msiinfo msiextract cpack git python3; do
  command -v "$tool" >/dev/null || { echo "reproducible.sh: no $tool here: run it where the release builds"; exit 1; }
done
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

SOURCE_DATE_EPOCH=$(git -C "$src" log -1 --format=%ct) || { echo "no git history in $src"; exit 1; }
export SOURCE_DATE_EPOCH
# Build-time Wine programs of both copies share one prefix, made once.
export OLK_TOOLS_WINEPREFIX="$work/wineprefix"
trees=("$work/a/olkhelper" "$work/b/elsewhere/olkhelper-copy")
for tree in "${trees[@]}"; do
  rm -rf "$tree"
  mkdir -p "$tree"
  git -C "$src" ls-files -z --cached --others --exclude-standard |
    tar -C "$src" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$tree" -xf -
  echo "== release packages in $tree"
  if ! bash "$tree/tools/release/package.sh" >"$tree.log" 2>&1; then
    fail "tools/release/package.sh failed in $tree"; tail -30 "$tree.log"
    exit 1
  fi
done
a=${trees[0]}/build b=${trees[1]}/build

for arch in x64 x86; do
  for f in bin/olkhelper.dll bin/olkacct.exe bin/olkhelper.dll.debug bin/olkacct.exe.debug lib/libolkhelper.dll.a; do
    if cmp -s "$a/release-$arch/$f" "$b/release-$arch/$f"; then
      pass "$arch $f is the same, byte for byte"
    else
      fail "$arch $f differs"; cmp "$a/release-$arch/$f" "$b/release-$arch/$f" | head -3
    fi
  done
done

# A package's contents as text: tables, summary, and a listing of its files
# with their checksums.
msi_contents() { # msi out-dir
  local table
  mkdir -p "$2/files"
  for table in $(msiinfo tables "$1" | sort); do
    [ "$table" = _SummaryInformation ] && continue
    echo "== table $table"
    msiinfo export "$1" "$table"
  done
  echo "== summary"
  msiinfo suminfo "$1" | grep -v -E '^(Created|Last saved):'
  echo "== files"
  (cd "$2/files" && msiextract "$1" >/dev/null && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

version=$(sed -n 's/^project(olkhelper VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
for arch in x64 x86; do
  msi=olkhelper-$version-$arch.msi
  if [ ! -f "$a/packages/$msi" ] || [ ! -f "$b/packages/$msi" ]; then
    fail "$msi was not made"; continue
  fi
  msi_contents "$a/packages/$msi" "$work/a-$arch" >"$work/a-$arch.txt"
  msi_contents "$b/packages/$msi" "$work/b-$arch" >"$work/b-$arch.txt"
  if cmp -s "$work/a-$arch.txt" "$work/b-$arch.txt"; then
    pass "$msi: the same tables, summary and files ($(grep -c '^== table' "$work/a-$arch.txt") tables, $(grep -c '  ./' "$work/a-$arch.txt") files)"
  else
    fail "$msi differs"; diff "$work/a-$arch.txt" "$work/b-$arch.txt" | head -20
  fi
  cmp -s "$a/packages/$msi" "$b/packages/$msi" && echo "note: $msi is the same byte for byte" ||
    echo "note: $msi differs as a file (the summary's creation time is when wixl ran)"
done

zip=olkhelper-$version.zip
if python3 - "$a/packages/$zip" "$b/packages/$zip" <<'PY'
import sys, zipfile
def contents(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, i.date_time, z.read(i)) for i in z.infolist()]
a, b = (contents(p) for p in sys.argv[1:3])
sys.exit(0 if a and a == b else 1)
PY
then
  pass "$zip: the same entries, times and bytes"
else
  fail "$zip differs (or was not made)"
fi
cmp -s "$a/packages/$zip" "$b/packages/$zip" && echo "note: $zip is the same byte for byte"

if [ "$failures" = 0 ]; then
  rm -rf "$work/a" "$work/b" "$work"/a-* "$work"/b-*
  echo "all passed"
  exit 0
fi
echo "$failures failure(s); the trees are kept in $work"
exit 1
