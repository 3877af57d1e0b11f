#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench` run as the tables in docs/performance.md.

Usage: scripts/bench-summary.py [CRITERION_DIR]
(default: $CRITERION_HOME, else $CARGO_TARGET_DIR/criterion, else target/criterion)
"""
import json
import os
import sys
from pathlib import Path

SIZES = ["100", "1000", "10000"]
# In the order of benches/frames.rs.
SCREENS = ["practice", "practice_broken_bank", "quiz_list", "quiz_start_page", "quiz_running",
           "report", "progress", "problems"]


def criterion_dir():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    if "CRITERION_HOME" in os.environ:
        return Path(os.environ["CRITERION_HOME"])
    return Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "criterion"


def median(root, group, name, size):
    path = root / group / name / size / "new" / "estimates.json"
    try:
        return json.loads(path.read_text())["median"]["point_estimate"]
    except FileNotFoundError:
        return None


def fmt(ns):
    if ns is None:
        return "–"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.0f} µs"
    return f"{ns:.0f} ns"


def main():
    root = criterion_dir()
    print("Loading (median):\n")
    print("| scenarios | floor: read + `ron::from_str`, 1 thread | `Bank::load` | load / floor |")
    print("|---:|---:|---:|---:|")
    for n in SIZES:
        floor = median(root, "load", "floor_read_and_ron_from_str", n)
        load = median(root, "load", "bank_load", n)
        ratio = f"{load / floor:.2f}" if floor and load else "–"
        print(f"| {int(n):,} | {fmt(floor)} | {fmt(load)} | {ratio} |")

    print("\nQuiz draw (median):\n")
    print("| scenarios | draw 20 with filters | draw and start |")
    print("|---:|---:|---:|")
    for n in SIZES:
        print(f"| {int(n):,} | {fmt(median(root, 'quiz_draw', 'draw_20_filtered', n))} "
              f"| {fmt(median(root, 'quiz_draw', 'draw_and_start', n))} |")

    print("\nFrame cost (median, layout + tessellation):\n")
    print("| screen | 100 | 1,000 | 10,000 | 10,000 / 100 |")
    print("|---|---:|---:|---:|---:|")
    for screen in SCREENS:
        values = [median(root, "frame", screen, n) for n in SIZES]
        ratio = f"{values[2] / values[0]:.2f}" if values[0] and values[2] else "–"
        print(f"| {screen} | " + " | ".join(fmt(v) for v in values) + f" | {ratio} |")


main()
