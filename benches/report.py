#!/usr/bin/env python3
"""Report speed: `report` on the shipped data (the full report with its nine charts,
100,000 Monte Carlo draws and the claims re-checked), written to a temporary folder,
and `report --check` against the committed report. Best and median of several runs.

There is no peer tool that writes this report; the figure to watch is the absolute
time, which the issue asks to stay well under a second.

Usage: python3 benches/report.py [--runs 10]   (after `cargo build --release`)
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "insurgency-metrics")


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return min(times), statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: cargo build --release")
    with tempfile.TemporaryDirectory() as out:
        write = timed([BINARY, "report", "--out", os.path.join(out, "jnim-peers.md")], args.runs)
    check = timed([BINARY, "report", "--check"], args.runs)
    print(f"machine: {os.cpu_count()} cores; {args.runs} runs each")
    print(f"report --out (write report and 9 charts): best {write[0]:.3f} s, median {write[1]:.3f} s")
    print(f"report --check (regenerate and compare):  best {check[0]:.3f} s, median {check[1]:.3f} s")


if __name__ == "__main__":
    main()
