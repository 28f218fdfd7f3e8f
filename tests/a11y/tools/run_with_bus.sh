#!/usr/bin/env bash
# Vendored from ../shared/tools/a11y/run_with_bus.sh (the project's AT-SPI test tooling); keep it in sync with that copy.
# run_with_bus.sh CMD [ARGS...]
#
# Runs CMD inside a throw-away accessibility environment:
#   Xvfb (free display, picked by Xvfb itself via -displayfd)
#   -> private D-Bus session bus (dbus-run-session)
#   -> at-spi-bus-launcher (+ its a11y dbus-daemon and at-spi2-registryd)
#   -> CMD, with QT_* variables set so any Qt app started by CMD exposes AT-SPI.
# Everything started here is stopped again, by PID, when CMD ends or on INT/TERM/HUP.
# Exit status: CMD's.
#
# Env knobs: A11Y_SCREEN (default 1280x1024x24), A11Y_DEBUG=1 (verbose),
#            A11Y_KEEP_LOGS=1 (keep the log dir; its path is printed).
set -u

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

SELF="$(readlink -f "$0")"
say() { [ "${A11Y_DEBUG:-0}" = 1 ] && echo "[run_with_bus] $*" >&2; return 0; }

# kill_pid PID EXPECTED_CMDLINE_SUBSTRING [TENTHS]: TERM, wait up to TENTHS/10 s
# (default 2 s), then KILL; only if the PID is still alive and its command line still
# matches (guards against PID reuse).
kill_pid() {
  local pid="$1" want="$2" tenths="${3:-20}" i
  [ -n "$pid" ] || return 0
  [ -r "/proc/$pid/cmdline" ] || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$want" || return 0
  say "stopping $want (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq "$tenths"); do
    [ -d "/proc/$pid" ] || return 0
    # a zombie child of ours counts as gone
    grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# kill_group SID: stop every process of the session CMD was started in (setsid makes
# its session id = process group id = CMD's PID). TERM, up to 3 s, then KILL.
group_members() { ps -o pid=,stat= -s "$1" 2>/dev/null | awk '$2 !~ /^Z/ {print $1}'; }
kill_group() {
  local sid="$1" i
  [ -n "$sid" ] || return 0
  [ -n "$(group_members "$sid")" ] || return 0
  say "stopping CMD's process group $sid: $(group_members "$sid" | tr '\n' ' ')"
  kill -TERM -- "-$sid" 2>/dev/null
  for i in $(seq 30); do
    [ -n "$(group_members "$sid")" ] || return 0
    sleep 0.1
  done
  kill -KILL -- "-$sid" 2>/dev/null || true
}

# ---------------------------------------------------------------- inner half
# Runs inside dbus-run-session: starts the AT-SPI bus, then CMD.
if [ "${_A11Y_INNER:-}" = 1 ]; then
  unset _A11Y_INNER
  STATE="$_A11Y_STATE"
  # Record the session bus daemon's PID so the outer half can reap it if we are killed.
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.DBus 2>/dev/null \
    | awk '/uint32/ {print $2}' >"$STATE/session-dbus.pid"

  /usr/libexec/at-spi-bus-launcher --launch-immediately --a11y=1 >>"$STATE/atspi.log" 2>&1 &
  LAUNCHER=$!
  echo "$LAUNCHER" >"$STATE/launcher.pid"

  inner_cleanup() {
    local k
    # children first (so their parents reap them), then the launcher, which also
    # stops its own a11y dbus-daemon; then anything of ours still alive.
    for k in $(cat "$STATE/registryd.pid" 2>/dev/null); do kill_pid "$k" registryd; done
    kill_pid "$LAUNCHER" at-spi-bus-launcher
    wait "$LAUNCHER" 2>/dev/null
    for k in $(cat "$STATE/a11ydbus.pid" 2>/dev/null); do kill_pid "$k" dbus-daemon; done
  }
  # pid_of BUS_OPTION NAME: PID of the process owning NAME on that bus
  pid_of() {
    dbus-send "$1" --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID "string:$2" 2>/dev/null | awk '/uint32/ {print $2}'
  }

  # Wait until OUR launcher owns org.a11y.Bus. NameHasOwner does not trigger D-Bus
  # activation (a plain call to org.a11y.Bus would start a second, untracked launcher).
  ADDR=""
  for _ in $(seq 200); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null | grep -q 'boolean true'; then
      ADDR="$(dbus-send --session --print-reply=literal --dest=org.a11y.Bus /org/a11y/bus \
              org.a11y.Bus.GetAddress 2>/dev/null | tr -d ' ')"
      [ -n "$ADDR" ] && break
    fi
    [ -d "/proc/$LAUNCHER" ] || break
    sleep 0.05
  done
  if [ -z "$ADDR" ]; then
    echo "[run_with_bus] at-spi-bus-launcher did not come up; log:" >&2
    cat "$STATE/atspi.log" >&2
    inner_cleanup
    exit 70
  fi
  OWNER="$(pid_of --session org.a11y.Bus)"
  [ "$OWNER" = "$LAUNCHER" ] || echo "[run_with_bus] warning: org.a11y.Bus owned by pid $OWNER, not our launcher $LAUNCHER" >&2
  pid_of "--bus=$ADDR" org.freedesktop.DBus >"$STATE/a11ydbus.pid"
  # Start the registry now (normally D-Bus-activated on first use) and note its PID.
  dbus-send "--bus=$ADDR" --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.StartServiceByName string:org.a11y.atspi.Registry uint32:0 >/dev/null 2>&1
  pid_of "--bus=$ADDR" org.a11y.atspi.Registry >"$STATE/registryd.pid"
  say "a11y bus: $ADDR (launcher $LAUNCHER, a11y dbus-daemon $(cat "$STATE/a11ydbus.pid"), registryd $(cat "$STATE/registryd.pid"))"

  export AT_SPI_BUS_ADDRESS="$ADDR"          # lets clients skip the org.a11y.Bus lookup
  export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1  # Qt: start the AT-SPI bridge unconditionally
  export QT_ACCESSIBILITY=1                  # Qt: accessibility on
  export QT_QPA_PLATFORM=xcb                 # real X11 windows on the Xvfb display
  export NO_AT_BRIDGE=0                      # in case a GTK app is started too
  unset WAYLAND_DISPLAY

  echo "$$" >"$STATE/inner.pid"
  # CMD runs in its own session/process group (setsid), so that CMD *and everything it
  # spawned* can be stopped by group at the end, without touching anything else.
  on_signal() { kill_group "$CMD_PID"; inner_cleanup; exit "$1"; }
  trap 'on_signal 143' TERM
  trap 'on_signal 130' INT
  trap 'on_signal 129' HUP
  # Background + wait (not foreground) so that signals reach the traps promptly.
  setsid "$@" <&0 &
  CMD_PID=$!
  echo "$CMD_PID" >"$STATE/cmd.pid"
  wait "$CMD_PID"
  rc=$?
  trap - TERM INT HUP
  kill_group "$CMD_PID"   # leftovers CMD started in the background
  inner_cleanup
  exit "$rc"
fi

# ---------------------------------------------------------------- outer half
STATE="$(mktemp -d /tmp/a11ybus.XXXXXX)"
export _A11Y_STATE="$STATE"

outer_cleanup() {
  local p
  # The inner half cleans up on TERM; if it is gone or stuck, do its job here.
  for p in $(cat "$STATE/inner.pid" 2>/dev/null); do kill_pid "$p" run_with_bus 100; done
  for p in $(cat "$STATE/cmd.pid" 2>/dev/null); do kill_group "$p"; done
  for p in $(cat "$STATE/registryd.pid" 2>/dev/null); do kill_pid "$p" registryd; done
  for p in $(cat "$STATE/a11ydbus.pid" 2>/dev/null); do kill_pid "$p" dbus-daemon; done
  for p in $(cat "$STATE/launcher.pid" 2>/dev/null); do kill_pid "$p" at-spi-bus-launcher; done
  [ -n "${DRS_PID:-}" ] && kill_pid "$DRS_PID" dbus-run-session
  for p in $(cat "$STATE/session-dbus.pid" 2>/dev/null); do kill_pid "$p" dbus-daemon; done
  [ -n "${XVFB_PID:-}" ] && kill_pid "$XVFB_PID" Xvfb
  [ -n "${XVFB_PID:-}" ] && wait "$XVFB_PID" 2>/dev/null
  if [ "${A11Y_KEEP_LOGS:-0}" = 1 ]; then
    echo "[run_with_bus] logs kept in $STATE" >&2
  else
    rm -rf "$STATE"
  fi
}
trap 'outer_cleanup; exit 143' TERM
trap 'outer_cleanup; exit 130' INT
trap 'outer_cleanup; exit 129' HUP

# Xvfb picks a free display number itself and writes it to fd 3.
mkfifo "$STATE/displayfd"
Xvfb -displayfd 3 -screen 0 "${A11Y_SCREEN:-1280x1024x24}" -nolisten tcp -noreset \
  3>"$STATE/displayfd" >>"$STATE/xvfb.log" 2>&1 &
XVFB_PID=$!
DISP=""
read -r -t 10 DISP <"$STATE/displayfd"
if [ -z "$DISP" ]; then
  echo "[run_with_bus] Xvfb failed to start; log:" >&2
  cat "$STATE/xvfb.log" >&2
  outer_cleanup
  exit 70
fi
export DISPLAY=":$DISP"
say "Xvfb on $DISPLAY (pid $XVFB_PID), state $STATE"

_A11Y_INNER=1 dbus-run-session -- "$SELF" "$@" <&0 &
DRS_PID=$!
wait "$DRS_PID"
rc=$?
trap - TERM INT HUP
outer_cleanup
exit "$rc"
