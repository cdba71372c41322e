#!/bin/bash
# The Wine side of a test run: `start` creates the private prefix if needed,
# starts one persistent wineserver and prepares the prefix (hooks in
# prefix.d/); `stop` ends the server. Every Wine process started here has its
# output sent to a log and stdin from /dev/null: services that Wine spawns
# inherit those descriptors, and an inherited CTest pipe would hold CTest for
# the lifetime of the server.
#
# Environment (from CTest): WINEPREFIX; OLK_WINE, the loader of the suite's
# bitness; OLK_WINE64, the 64-bit loader, which creates the prefix so that it
# has both registry views whichever suite creates it.
set -euo pipefail
: "${WINEPREFIX:?WINEPREFIX must be set}" "${OLK_WINE:?}" "${OLK_WINE64:?}"
export WINEPREFIX WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-winedbg.exe,winemenubuilder.exe=d}
here=$(cd "$(dirname "$0")" && pwd)
log="$WINEPREFIX.log"

case "${1:-}" in
  start)
    for loader in "$OLK_WINE64" "$OLK_WINE"; do
      if [ ! -x "$loader" ]; then
        case $loader in
          */wine64) echo "64-bit Wine ($loader, Debian package wine64) is not installed; tools/run.sh test installs it" ;;
          *) echo "32-bit Wine ($loader, Debian package wine32:i386) is not installed here; tools/run.sh test runs" \
                  "this suite where it is (tools/wow64-root.sh)" ;;
        esac
        exit 1
      fi
    done
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
      echo "creating Wine prefix $WINEPREFIX"
      mkdir -p "$WINEPREFIX"
      "$OLK_WINE64" wineboot -i >"$log" 2>&1 </dev/null
      wineserver -w
    fi
    # A server left running (an interrupted run) is as good as a new one:
    # wineserver -p then exits non-zero, and that is fine.
    wineserver -p >>"$log" 2>&1 </dev/null || true
    "$OLK_WINE" cmd /c exit >>"$log" 2>&1 </dev/null
    for hook in "$here"/prefix.d/*.sh; do
      [ -e "$hook" ] || continue
      bash "$hook" >>"$log" 2>&1 </dev/null || { echo "prefix hook $(basename "$hook") failed; see $log"; tail -20 "$log"; exit 1; }
    done
    echo "Wine prefix ready: $WINEPREFIX"
    ;;
  stop)
    wineserver -k >/dev/null 2>&1 </dev/null || true
    echo "wineserver stopped"
    ;;
  *)
    echo "usage: session.sh start|stop" >&2
    exit 2
    ;;
esac
