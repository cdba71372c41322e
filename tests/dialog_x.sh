#!/bin/bash
# SPDX-License-Identifier: MIT
# Runs a test program that shows windows where they can be seen: in a Wine
# virtual desktop (800x600, so that windows get frames without a window
# manager) on a private X server (xvfb-run), then turns the BMP pictures the
# program saved into PNG files beside them.
#
#   dialog_x.sh PROGRAM PICTURE-DIRECTORY [ARGS...]
#
# The program gets ARGS and then the directory, as a Windows path. The
# virtual desktop is Wine's per-program setting (HKCU\Software\Wine\
# AppDefaults\<program>\Explorer, Desktop); it is written each time, the same
# each time. Environment (from CTest): WINEPREFIX, OLK_WINE.
set -euo pipefail
: "${WINEPREFIX:?}" "${OLK_WINE:?}"
[ $# -ge 2 ] || { echo "usage: dialog_x.sh PROGRAM PICTURE-DIRECTORY [ARGS...]" >&2; exit 2; }
program=$1 pictures=$2
shift 2

for tool in xvfb-run xauth /usr/bin/convert; do
  command -v "$tool" >/dev/null ||
    { echo "dialog_x.sh: $tool is not installed (packages xvfb, xauth, imagemagick; tools/run.sh test installs them)"; exit 1; }
done

# Wine 8 as Debian 12 builds it looks for its own fonts (package fonts-wine,
# /usr/share/wine/fonts) in its data directory's "../fonts", where they are
# not: caption buttons, drawn with Marlett, would come out as letters, and
# dialogs in a substitute for Tahoma. Registered by their paths (with the
# loader of the suite's bitness, in the registry view its programs read),
# they are found.
fonts=/usr/share/wine/fonts
[ -f "$fonts/marlett.ttf" ] || { echo "dialog_x.sh: $fonts/marlett.ttf missing (package fonts-wine)"; exit 1; }
for font in "Marlett:marlett.ttf" "Tahoma:tahoma.ttf" "Tahoma Bold:tahomabd.ttf"; do
  "$OLK_WINE" reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\Fonts' /v "${font%%:*} (TrueType)" \
    /d "Z:${fonts//\//\\}\\${font#*:}" /f >/dev/null 2>&1
done

desktop=olkhelper-tests
"$OLK_WINE" reg add "HKCU\\Software\\Wine\\AppDefaults\\$(basename "$program")\\Explorer" /v Desktop /d "$desktop" /f \
  >/dev/null 2>&1
"$OLK_WINE" reg add 'HKCU\Software\Wine\Explorer\Desktops' /v "$desktop" /d 800x600 /f >/dev/null 2>&1

rm -rf "$pictures"
mkdir -p "$pictures"
# /usr/bin/convert by its path: another convert may come first on PATH.
xvfb-run -a -s "-screen 0 800x600x24" "$OLK_WINE" "$program" "$@" "Z:${pictures//\//\\}"
for bmp in "$pictures"/*.bmp; do
  [ -e "$bmp" ] || continue
  /usr/bin/convert "$bmp" "${bmp%.bmp}.png"
done
