#!/bin/bash
# SPDX-License-Identifier: MIT
# 32-bit Wine for the tests, without touching the host's architectures.
#
#   tools/wow64-root.sh create      make build/wow64-root if it is not there yet
#   tools/wow64-root.sh run CMD...  run CMD inside it, in the checkout's own path
#   tools/wow64-root.sh remove      delete it
#
# The root is a private Debian 12 system (bookworm main only, amd64 with i386
# added) holding Wine with both loaders (wine64 and wine32:i386), CMake,
# Python, and the MinGW binutils and import libraries that the build checks
# read. It is made with debootstrap from the Debian archive named in this
# machine's own apt sources; debootstrap itself is unpacked from its package
# under build/_deps, not installed.
# A host whose i386 package lists cannot match its amd64 libraries (a stale
# security index is enough) cannot install wine32:i386 itself, and adding the
# i386 architecture there would leave every later `apt-get update` failing.
#
# `run` enters a mount namespace of its own: /proc, /dev, /sys and the
# checkout are mounted inside the root for that command only, and vanish with
# the namespace when the command ends, however it ends.
#
# Cost: about 600 MB downloaded and 2 minutes the first time; 3.3 GB on disk.
# Needs root (or sudo) for debootstrap, unshare and chroot.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
root="$top/build/wow64-root"
deps="$top/build/_deps"
# Bump when the package list changes: an older root is then made anew.
recipe=3
packages=(wine wine64 wine32:i386 cmake python3 binutils-mingw-w64-x86-64 binutils-mingw-w64-i686
          mingw-w64-x86-64-dev mingw-w64-i686-dev xvfb xauth imagemagick fonts-wine)

die() { printf 'wow64-root: %s\n' "$*" >&2; exit 1; }
say() { printf '== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root or sudo for: $*"; fi
}

# The archive this machine already installs bookworm's main component from.
debian_archive() {
  apt-cache policy 2>/dev/null |
    awk '$3 == "bookworm/main" && $4 == "amd64" && $5 == "Packages" { print $2; exit }'
}

ready() { [ "$(cat "$root/.olkhelper-recipe" 2>/dev/null)" = "$recipe" ]; }

debootstrap_cmd() {
  if command -v debootstrap >/dev/null; then
    echo debootstrap
    return
  fi
  local dir="$deps/debootstrap"
  if [ ! -x "$dir/usr/sbin/debootstrap" ]; then
    mkdir -p "$deps"
    rm -rf "$dir" "$deps"/debootstrap_*.deb
    (cd "$deps" && apt-get download debootstrap >/dev/null 2>&1) ||
      { as_root apt-get update -q >/dev/null && (cd "$deps" && apt-get download debootstrap >/dev/null); } ||
      die "could not download the debootstrap package"
    dpkg-deb -x "$deps"/debootstrap_*.deb "$dir"
  fi
  echo "env DEBOOTSTRAP_DIR=$dir/usr/share/debootstrap $dir/usr/sbin/debootstrap"
}

# Runs "$@" inside the root with the kernel file systems and the checkout
# mounted, in a private mount namespace.
enter() {
  as_root unshare --mount --propagation private bash -euo pipefail -c '
    root=$1 top=$2; shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    mkdir -p "$root$top"
    mount --bind "$top" "$root$top"
    exec chroot "$root" env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      DEBIAN_FRONTEND=noninteractive bash -c '\''cd "$0" && exec "$@"'\'' "$top" "$@"' enter "$root" "$top" "$@"
}

create() {
  if ready; then
    echo "wow64-root: $root is ready"
    return
  fi
  local archive start=$SECONDS
  archive=$(debian_archive)
  [ -n "$archive" ] || die "no Debian bookworm main archive in this machine's apt sources (apt-cache policy)"
  local debootstrap
  debootstrap=$(debootstrap_cmd)
  as_root rm -rf "$root"
  say "creating the 32-bit Wine root $root from $archive (about 600 MB, 2 minutes)"
  # shellcheck disable=SC2086
  as_root $debootstrap --arch=amd64 --variant=minbase bookworm "$root" "$archive" >"$root.log" 2>&1 ||
    { tail -20 "$root.log" >&2; die "debootstrap failed; see $root.log"; }
  printf 'deb %s bookworm main\n' "$archive" | as_root tee "$root/etc/apt/sources.list" >/dev/null
  enter sh -c "dpkg --add-architecture i386 && apt-get update -q &&
               apt-get install -y -q --no-install-recommends ${packages[*]} && apt-get clean" \
    >>"$root.log" 2>&1 || { tail -20 "$root.log" >&2; die "installing Wine in the root failed; see $root.log"; }
  echo "$recipe" | as_root tee "$root/.olkhelper-recipe" >/dev/null
  say "32-bit Wine root ready in $((SECONDS - start)) s ($(as_root du -sh "$root" | cut -f1))"
}

case "${1:-}" in
  create) create ;;
  run)
    shift
    [ $# -gt 0 ] || die "usage: wow64-root.sh run COMMAND..."
    ready || die "$root is not made yet: tools/wow64-root.sh create"
    enter "$@"
    ;;
  remove) as_root rm -rf "$root" "$root.log"; echo "wow64-root: removed $root" ;;
  *) sed -n '3,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
