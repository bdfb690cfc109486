#!/bin/sh
# Runs a command with an X display.
#   with-display.sh CMD...   the display there is, or a private Xvfb at 1366×768
#                            (the smallest screen the app is made for), as below
#   with-display.sh [--screen WxH] [--mutter] [--a11y] CMD...
#       always a private Xvfb at WxH (default 1366x768) with a D-Bus session
#       (dbus-launch); --mutter runs GNOME's window manager on it
#       (mutter --x11 --replace: never on the user's own display), --a11y the
#       accessibility bus (at-spi-bus-launcher) with the bridge left on.
set -u

screen="" mutter=false a11y=false
while [ $# -gt 0 ]; do
  case "$1" in
    --screen) screen=$2; shift 2 ;;
    --mutter) mutter=true; shift ;;
    --a11y) a11y=true; shift ;;
    *) break ;;
  esac
done

if [ -z "$screen" ] && ! $mutter && ! $a11y && [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi

screen=${screen:-1366x768}
tmp=$(mktemp -d)
xvfb="" wm="" bus=""
cleanup() {
  for pid in $wm $bus $xvfb; do
    kill "$pid" 2>/dev/null
  done
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free display number, picked by the server itself (-displayfd): it skips
# every number whose lock file or socket is taken, the abstract socket too,
# which a server in another root (a chroot beside us) holds without a lock
# file we could see.
Xvfb -displayfd 3 -screen 0 "${screen}x24" -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
i=0
while [ $i -lt 100 ] && kill -0 "$xvfb" 2>/dev/null && ! [ -s "$tmp/display" ]; do
  sleep 0.1; i=$((i + 1))
done
n=$(tr -d ' \n' <"$tmp/display" 2>/dev/null)
if [ -z "$n" ] || ! xprop -display ":$n" -root >/dev/null 2>&1; then
  echo "with-display.sh: could not start Xvfb" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
fi
DISPLAY=":$n"
export DISPLAY
unset WAYLAND_DISPLAY

eval "$(dbus-launch --sh-syntax)" || exit 1
export DBUS_SESSION_BUS_ADDRESS

if $a11y; then
  unset NO_AT_BRIDGE GTK_A11Y
  /usr/libexec/at-spi-bus-launcher --launch-immediately >"$tmp/at-spi.log" 2>&1 &
  bus=$!
  i=0
  until dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress \
          >/dev/null 2>&1 || [ $i -ge 50 ]; do
    sleep 0.1; i=$((i + 1))
  done
fi

# Starts mutter; true once it names itself on the root window (EWMH).
start_mutter() {
  # The window manager's own settings, not the test's in-memory ones.
  env -u GSETTINGS_BACKEND -u GDK_BACKEND -u GSK_RENDERER -u G_DEBUG -u MALLOC_CHECK_ \
    mutter --x11 --replace --sm-disable >"$tmp/mutter.log" 2>&1 &
  wm=$!
  i=0
  until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; do
    if [ $i -ge 150 ] || ! kill -0 "$wm" 2>/dev/null; then
      cat "$tmp/mutter.log" >&2
      return 1
    fi
    sleep 0.1; i=$((i + 1))
  done
}

# Once in a CI run beside other X servers, mutter could not open a display
# that xprop had just reached, and stopped at once: it gets a second try.
if $mutter && ! start_mutter; then
  echo "with-display.sh: mutter stopped at once; starting it again" >&2
  kill "$wm" 2>/dev/null
  if ! start_mutter; then
    echo "with-display.sh: mutter did not start" >&2
    exit 1
  fi
fi

"$@"
status=$?
if [ $status -ne 0 ] && $mutter; then
  echo "--- mutter's log ---" >&2
  tail -20 "$tmp/mutter.log" >&2
fi
exit $status
