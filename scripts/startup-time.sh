#!/usr/bin/env bash
# Start-up at any bank size, under Xvfb: the app with the bundled bank and with generated banks
# of 10,000 and 50,000 scenarios, beside a bare eframe window built from the same crate
# (examples/bare_window.rs). For each it prints the median of RUNS runs (default 5) of:
#   first frame   the process's own clock, from main() to the first frame's pixels being read
#   ready         from main() to the bank being loaded and handed to the window (the app keeps
#                 the window open until then under --screenshot)
#   peak RSS      the process's maximum resident memory (/usr/bin/time), window and bank
# and, for each generated bank, the time `salgstrener check` takes to load it (outside clock).
# The configurations take turns, one run each per round.
#
# Usage: scripts/startup-time.sh [RUNS]      (DISPLAY_NUMBER=95 by default, one of 91-97)
# SIZES="10000 50000" picks the generated banks; they are written once to $BANKS
# (default /tmp/salgstrener-startup-banks) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
display="${DISPLAY_NUMBER:-95}"
sizes="${SIZES:-10000 50000}"
banks="${BANKS:-/tmp/salgstrener-startup-banks}"

if ! command -v Xvfb >/dev/null; then
    echo "Xvfb is missing; installing it (needs root)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --bin salgstrener --example bare_window --example generate_bank
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
# Copies, so another build into a shared target folder cannot swap a binary mid-run.
cp "$target/release/salgstrener" "$target/release/examples/bare_window" \
    "$target/release/examples/generate_bank" "$work/"

mkdir -p "$banks"
for n in $sizes; do
    [ -d "$banks/$n" ] || "$work/generate_bank" "$banks/$n" "$n" >/dev/null
done

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

# run_once NAME COMMAND...: one --screenshot start-up; appends its first frame, ready and peak
# RSS to $work/NAME.frame, .ready and .rss (ready is absent for the bare window).
run_once() {
    local name="$1"
    shift
    DISPLAY=":$display" WAYLAND_DISPLAY='' HOME="$work" XDG_DATA_HOME="$work/xdg" \
        /usr/bin/time -f "rss %M" "$@" --screenshot "$work/frame.png" 2>"$work/stderr" >/dev/null
    local f r m
    f=$(sed -n 's/^first frame drawn \([0-9]*\) ms.*/\1/p' "$work/stderr")
    r=$(sed -n 's/^ready \([0-9]*\) ms.*/\1/p' "$work/stderr")
    m=$(sed -n 's/^rss \([0-9]*\)$/\1/p' "$work/stderr")
    [ -n "$f" ] && [ -n "$m" ] || { cat "$work/stderr" >&2; exit 1; }
    echo "$f" >>"$work/$name.frame"
    echo "$m" >>"$work/$name.rss"
    [ -z "$r" ] || echo "$r" >>"$work/$name.ready"
}

# report NAME LABEL: prints the medians of NAME's runs; sets frame, ready and rss.
report() {
    frame=$(median <"$work/$1.frame")
    rss=$(( $(median <"$work/$1.rss" | cut -d. -f1) / 1024 ))
    ready=""
    [ -s "$work/$1.ready" ] && ready=$(median <"$work/$1.ready")
    printf '%-22s first frame %7s ms   ready %7s ms   peak RSS %4s MB\n' \
        "$2" "$frame" "${ready:--}" "$rss"
}

# check_time DIR: median wall time of `salgstrener check DIR` in ms.
check_time() {
    local times=()
    for i in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$work/salgstrener" check "$1" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | median
}

cd "$work" # no ./scenarios here: the bundled bank opens
echo "median of $runs runs each, under Xvfb :$display"
# Round by round, so that a machine growing busier or quieter meanwhile weighs on every
# configuration alike.
for i in $(seq "$runs"); do
    run_once bare ./bare_window
    run_once bundled ./salgstrener --data-dir "$work/data"
    for n in $sizes; do
        run_once "bank$n" ./salgstrener --data-dir "$work/data" --scenarios "$banks/$n"
    done
done
report bare "bare eframe window"
bare_frame=$frame bare_rss=$rss
report bundled "bundled bank"
echo "    first frame $(awk -v a="$frame" -v b="$bare_frame" 'BEGIN { printf "%+.1f", a - b }') ms and peak RSS $(( rss - bare_rss )) MB against the bare window"
for n in $sizes; do
    report "bank$n" "$n scenarios"
    check=$(check_time "$banks/$n")
    echo "    first frame $(awk -v a="$frame" -v b="$bare_frame" 'BEGIN { printf "%+.1f", a - b }') ms and peak RSS $(( rss - bare_rss )) MB against the bare window; ready $(awk -v a="$ready" -v b="$check" 'BEGIN { printf "%.2f", a / b }') × the $check ms \`check\` takes"
done
