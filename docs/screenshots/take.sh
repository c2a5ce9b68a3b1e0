#!/bin/sh
# One screenshot of the app under Xvfb, for docs/screenshots. Needs xvfb,
# imagemagick and xdotool, and target/release/gachi. The app runs on a fresh
# GACHI_DATA_DIR seeded by seed.py, so no real client file is touched.
# Usage: docs/screenshots/take.sh W H NAME LANG(Ko|En) SCREEN(Start|Clients|Questions|Results|Catalogue) [steps]
# Steps: "click X Y", "key KEYS", "type TEXT", "sleep S", "scroll X Y N" (wheel down N).
set -eu
W=$1; H=$2; NAME=$3; LANG_=$4; SCREEN=$5; shift 5
D=:99
DATA=$(mktemp -d)
python3 "$(dirname "$0")/seed.py" "$DATA" "$LANG_" "$SCREEN"
Xvfb $D -screen 0 "${W}x${H}x24" >/dev/null 2>&1 &
XPID=$!
sleep 1
DISPLAY=$D GACHI_DATA_DIR="$DATA" target/release/gachi >/dev/null 2>&1 &
APID=$!
sleep 4
# No window manager: place the window over the whole screen.
WID=$(DISPLAY=$D xdotool search --pid $APID | tail -1)
DISPLAY=$D xdotool windowmove "$WID" 0 0 windowsize "$WID" "$W" "$H"
sleep 2
while [ $# -gt 0 ]; do
  case "$1" in
    click) DISPLAY=$D xdotool mousemove "$2" "$3" click 1; shift 3;;
    key) DISPLAY=$D xdotool key $2; shift 2;;
    scroll) DISPLAY=$D xdotool mousemove "$2" "$3" click --repeat "$4" 5; shift 4;;
    type) DISPLAY=$D xdotool type --delay 80 "$2"; shift 2;;
    sleep) sleep "$2"; shift 2;;
    *) echo "unknown step $1"; exit 2;;
  esac
  sleep 0.8
done
sleep 1
DISPLAY=$D import -window root "docs/screenshots/$NAME.png"
kill $APID $XPID 2>/dev/null || true
sleep 1
rm -rf "$DATA"
