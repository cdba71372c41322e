#!/bin/bash
# Downloads Debian's cmocka source package into DIR (default build/_deps).
# apt-get source needs a deb-src entry; it is derived from this machine's own
# Debian sources (same URIs, suites and keyring), never written by hand.
set -euo pipefail
dest=${1:-build/_deps}
mkdir -p "$dest"
if ls "$dest"/cmocka_*.orig.tar.* >/dev/null 2>&1; then
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

has_deb_src() {
  grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/
}

if ! has_deb_src; then
  src=/etc/apt/sources.list.d/olkhelper-deb-src.sources
  tmp=$(mktemp)
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # deb822: keep the Debian stanzas (not -security), turn them into deb-src.
    awk 'BEGIN{RS=""; ORS="\n\n"}
         /URIs:[^\n]*debian/ && !/debian-security/ { sub(/Types:[^\n]*/, "Types: deb-src"); print }' \
      /etc/apt/sources.list.d/debian.sources > "$tmp"
  fi
  if [ ! -s "$tmp" ] && [ -f /etc/apt/sources.list ]; then
    # one-line format
    grep -E '^deb [^ ]*debian' /etc/apt/sources.list | grep -v security | sed 's/^deb /deb-src /' > "$tmp" || true
    src=/etc/apt/sources.list.d/olkhelper-deb-src.list
  fi
  if [ ! -s "$tmp" ]; then
    echo "fetch-cmocka: no Debian apt source found to derive a deb-src entry from" >&2
    exit 1
  fi
  as_root install -m 0644 "$tmp" "$src"
  rm -f "$tmp"
  as_root apt-get update -q
fi

cd "$dest"
apt-get source --download-only cmocka
ls cmocka_*.orig.tar.* >/dev/null
