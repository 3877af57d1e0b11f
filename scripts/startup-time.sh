#!/usr/bin/env bash
# Start-up time: from launching the release binary to its first frame on screen, with the
# bundled bank, under Xvfb. Prints the median of RUNS runs (default 10) of two figures:
#   launch to first frame  the app's own clock, from main() to the frame's pixels being read
#   launch to exit         measured outside: process start to exit, which adds writing the
#                          PNG and closing the window, so it is an upper bound
#
# Usage: scripts/startup-time.sh [RUNS]        (DISPLAY_NUMBER=95 by default, one of 91-97)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
display="${DISPLAY_NUMBER:-95}"

if ! command -v Xvfb >/dev/null; then
    echo "Xvfb is missing; installing it (needs root)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi

cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
# A copy, so another build into a shared target folder cannot swap the binary mid-run.
cp "$target/release/salgstrener" "$work/salgstrener"

lock="/tmp/.X$display-lock"
socket="/tmp/.X11-unix/X$display"
if [ -e "$lock" ]; then
    owner=$(tr -d ' ' <"$lock")
    if [ -e "/proc/$owner" ]; then
        echo "display :$display is in use; pick another with DISPLAY_NUMBER (91-97)" >&2
        exit 1
    fi
    rm -f "$lock" "$socket" # left by a server that was killed
fi
Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 200); do
    [ -S "$socket" ] && [ "$(tr -d ' ' <"$lock" 2>/dev/null)" = "$xvfb" ] && break
    sleep 0.05
done
[ -S "$socket" ] || { echo "Xvfb did not start on :$display" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

frame_ms=()
exit_ms=()
cd "$work" # no ./scenarios here: the bundled bank opens
for i in $(seq "$runs"); do
    start=$(date +%s%N)
    DISPLAY=":$display" WAYLAND_DISPLAY='' HOME="$work" XDG_DATA_HOME="$work/xdg" \
        ./salgstrener --data-dir "$work/data" --screenshot "$work/frame.png" 2>"$work/stderr"
    end=$(date +%s%N)
    drawn=$(sed -n 's/^first frame drawn \([0-9]*\) ms.*/\1/p' "$work/stderr")
    [ -n "$drawn" ] || { cat "$work/stderr" >&2; exit 1; }
    frame_ms+=("$drawn")
    exit_ms+=($(( (end - start) / 1000000 )))
    echo "run $i: first frame after ${drawn} ms, exited after ${exit_ms[-1]} ms"
done
echo "median of $runs runs: launch to first frame $(printf '%s\n' "${frame_ms[@]}" | median) ms, launch to exit $(printf '%s\n' "${exit_ms[@]}" | median) ms"
