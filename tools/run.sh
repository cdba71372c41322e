#!/bin/bash
# olkhelper's commands. On a fresh Debian 12 machine, as root or with sudo:
#   tools/run.sh demo   install what is missing, build, and list the sample
#                       profile's accounts with olkacct under Wine
#   tools/run.sh test   install what is missing, build x64 and x86, run
#                       every test: the x64 suite with 64-bit Wine only, and
#                       the x64 and x86 suites with 32-bit Wine installed
#                       (the host's, or a private root's: tools/wow64-root.sh),
#                       then make the release packages; the last line counts
#                       the tests of every suite
#   tools/run.sh package  install what is missing and make the release
#                       packages in build/packages: olkhelper-VERSION-x64.msi,
#                       -x86.msi and olkhelper-VERSION.zip
# OLKHELPER_SKIP_X86=1 skips the x86 suite (it is reported as SKIPPED).
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
  command -v wixl >/dev/null || missing+=(wixl)
  command -v msibuild >/dev/null || missing+=(msitools)
  # The dialog tests: an X server, its xauth, a converter for the pictures,
  # and the fonts Wine draws captions and controls with.
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xauth >/dev/null || missing+=(xauth)
  [ -x /usr/bin/convert ] || missing+=(imagemagick)
  [ -f /usr/share/wine/fonts/marlett.ttf ] || missing+=(fonts-wine)
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

# run_suites ARCH...: CTest of each architecture; fails if any failed. Each
# suite's counts go to build/test-counts (a suite that ends without CTest's
# summary counts as one failure), for the closing line.
counts=build/test-counts
ctest_args=()
run_suites() {
  local arch rc=0 log
  for arch in "$@"; do
    say "tests ($arch)"
    log="build/$arch/ctest.log"
    ctest --preset "$arch" "${ctest_args[@]}" 2>&1 | tee "$log" || rc=1
    sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests failed out of \([0-9]*\)$/\2 \1/p' "$log" | tail -n1 |
      awk '{ print $1 - $2, $2; found = 1 } END { if (!found) print 0, 1 }' >>"$counts"
  done
  return $rc
}

# part TITLE COMMAND...: runs a part of the test command, timed; a failed part
# marks the run failed and the next part still runs.
timings=()
part() {
  local title=$1 start=$SECONDS rc=0
  shift
  say "$title"
  "$@" || rc=$?
  timings+=("$(printf '%5d s  %s%s' $((SECONDS - start)) "$title" "$([ $rc = 0 ] || echo '  (FAILED)')")")
  [ $rc = 0 ] || status=1
  return $rc
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
    status=0
    skipped=0
    rm -f "$counts"
    if [ -x /usr/lib/wine/wine ]; then
      part "x64 and x86 suites, this host's Wine (32-bit Wine installed)" run_suites x64 x86 || true
    else
      part "x64 suite, this host's Wine (64-bit only)" run_suites x64 || true
      if [ "${OLKHELPER_SKIP_X86:-}" = 1 ]; then
        echo "x86 suite SKIPPED: OLKHELPER_SKIP_X86=1, and this host has no 32-bit Wine"
        skipped=1
      elif ! part "32-bit Wine root (tools/wow64-root.sh)" tools/wow64-root.sh create; then
        echo "run.sh: no 32-bit Wine for the x86 suite: this host has none and the private root could not be made" \
             "(see above); OLKHELPER_SKIP_X86=1 skips that suite" >&2
        status=1
      else
        part "x64 and x86 suites, private root's Wine (32-bit Wine installed)" \
          tools/wow64-root.sh run bash tools/run.sh suites-in-root x64 x86 || true
      fi
    fi
    part "release packages (tools/release/package.sh)" bash tools/release/package.sh || true
    say "time of each part"
    printf '%s\n' "${timings[@]}"
    awk -v skipped="$skipped" '{ passed += $1; failed += $2 }
      END { printf "%d passed, %d failed%s\n", passed, failed, skipped ? ", 1 skipped" : "" }' "$counts"
    exit $status
    ;;
  package)
    install_packages
    exec bash tools/release/package.sh
    ;;
  suites-in-root)
    # Inside tools/wow64-root.sh's namespace: each build tree gets a prefix of
    # its own for this Wine, mounted over the host's for this run only.
    shift
    for arch in "$@"; do
      mkdir -p "build/$arch/wineprefix" "build/$arch/wineprefix.wow64-root"
      mount --bind "build/$arch/wineprefix.wow64-root" "build/$arch/wineprefix"
    done
    # The root has Wine, not the compilers: the two release builds that the
    # reproducibility test compares are made by the host's run.
    ctest_args=(-E '^reproducible$')
    run_suites "$@"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
