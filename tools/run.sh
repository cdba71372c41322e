#!/bin/bash
# olkhelper's two commands. On a fresh Debian 12 machine, as root or with sudo:
#   tools/run.sh demo   install what is missing, build, and list the sample
#                       profile's accounts with olkacct under Wine
#   tools/run.sh test   install what is missing, build x64 and x86, and run
#                       every test (the x86 Wine suite where 32-bit Wine is
#                       installed; otherwise the report says it was skipped)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

say() { printf '== %s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root or sudo to install: $*"; fi
}

# Debian packages: a command (or file) that proves each is there.
packages_missing() {
  local missing=()
  command -v cmake >/dev/null || missing+=(cmake)
  command -v ninja >/dev/null || missing+=(ninja-build)
  local tool
  for tool in {x86_64,i686}-w64-mingw32-{gcc,g++,windres,objdump,dlltool}; do
    command -v "$tool" >/dev/null || { missing+=(mingw-w64); break; }
  done
  command -v wine >/dev/null || missing+=(wine)
  [ -x /usr/lib/wine/wine64 ] || missing+=(wine64)
  command -v widl-stable >/dev/null || missing+=(wine64-tools)
  [ -f /usr/include/wine/wine/windows/unknwn.idl ] || missing+=(libwine-dev)
  command -v python3 >/dev/null || missing+=(python3)
  command -v xz >/dev/null || missing+=(xz-utils)
  printf '%s\n' "${missing[@]}"
}

install_packages() {
  local missing
  missing=$(packages_missing | sort -u | tr '\n' ' ')
  if [ -n "${missing// /}" ]; then
    say "installing: $missing"
    as_root apt-get update -q
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
  local v
  v=$(cmake --version | awk 'NR==1{print $3}')
  [ "$(printf '%s\n3.25\n' "$v" | sort -V | head -1)" = 3.25 ] || die "CMake $v is older than 3.25"
}

build() {
  local preset=$1
  say "configure and build ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

case "${1:-}" in
  demo)
    install_packages
    bash cmake/fetch-cmocka.sh build/_deps
    build x64
    say "olkacct under Wine, through olkhelper.dll, Wine's mapi32 and the stand-in account manager"
    exec bash tools/demo.sh build/x64
    ;;
  test)
    install_packages
    bash cmake/fetch-cmocka.sh build/_deps
    build x64
    build x86
    say "tests (x64)"
    status=0
    ctest --preset x64 || status=1
    say "tests (x86)"
    if [ -f build/x86/wine-tests-skipped.txt ]; then
      echo "x86 Wine tests SKIPPED: $(cat build/x86/wine-tests-skipped.txt); only check_pe runs for x86"
    fi
    ctest --preset x86 || status=1
    exit $status
    ;;
  *)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
