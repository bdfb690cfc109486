#!/bin/sh
# Runs a command with an X display: the one there is, or a private Xvfb at
# 1366×768 (the smallest screen the app is made for).
if [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1366x768x24" "$@"
