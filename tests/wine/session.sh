#!/bin/bash
# The Wine side of a test run: `start` creates the private prefix if needed,
# starts one persistent wineserver and prepares the prefix (hooks in
# prefix.d/); `stop` ends the server. Every Wine process started here has its
# output sent to a log and stdin from /dev/null: services that Wine spawns
# inherit those descriptors, and an inherited CTest pipe would hold CTest for
# the lifetime of the server.
set -euo pipefail
: "${WINEPREFIX:?WINEPREFIX must be set}"
export WINEPREFIX WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-winedbg.exe,winemenubuilder.exe=d}
here=$(cd "$(dirname "$0")" && pwd)
log="$WINEPREFIX.log"

case "${1:-}" in
  start)
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
      echo "creating Wine prefix $WINEPREFIX"
      mkdir -p "$WINEPREFIX"
      wine wineboot -i >"$log" 2>&1 </dev/null
      wineserver -w
    fi
    # A server left running (an interrupted run) is as good as a new one:
    # wineserver -p then exits non-zero, and that is fine.
    wineserver -p >>"$log" 2>&1 </dev/null || true
    wine cmd /c exit >>"$log" 2>&1 </dev/null
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
