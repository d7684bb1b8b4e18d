#!/bin/sh
# Peak memory of `table --samples` at 10,000,000 draws over every comparison and metric
# of the shipped data (22 inputs, 50 metrics), measured with /usr/bin/time -v, next to
# the same `table` without --samples. The samples file (about 12 GB) is written to a
# temporary folder and removed afterwards.
#
# Usage: sh benches/samples_memory.sh [DRAWS]   (after `cargo build --release`)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/insurgency-metrics"
draws=${1:-10000000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM

measure() {
    label=$1
    shift
    /usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || {
        cat "$out/time.txt"
        exit 1
    }
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
    printf '%-34s peak %6d MB  wall %s\n' "$label" $((rss / 1024)) "$wall"
}

cd "$root"
measure "table (no samples)" "$bin" table --draws "$draws" --format csv
measure "table --samples FILE" "$bin" table --draws "$draws" --format csv --samples "$out/draws.csv"
printf '%-34s %s bytes, %s lines\n' "samples file" "$(stat -c %s "$out/draws.csv")" "$(wc -l <"$out/draws.csv")"
