#!/usr/bin/env python3
"""Event aggregation speed and memory: `insurgency-metrics events` against DuckDB and
Python polars doing the same aggregation on the same generated ACLED file.

The aggregation, for JNIM: per country and year, events involving it alone (as actor1,
actor2 or an associated actor), events it initiated (actor1), joint attributions,
fatalities, large-scale attacks (initiated, 20 or more fatalities) and events targeting
civilians. Each tool runs as its own process, the tools taking turns run after run so
that a busy spell of the machine falls on all of them; wall time and peak memory (the
process's maximum resident set size) are the medians of the runs, with the fastest and
slowest run beside them. The results are compared.
insurgency-metrics runs twice: as by default (taking the SHA-256 of the file that every
output names it by, as the other tools do not) and with --no-hash (the same work as
the others).

Usage: python3 benches/events.py [--rows 2000000] [--runs 5] [--file /tmp/acled-2m.csv] [--gzip]

With --gzip the same file is compressed (gzip -1, once, beside it) and read as .csv.gz
by insurgency-metrics and DuckDB; Python polars cannot stream a gzip file and is left out.
Needs: `cargo build --release`, and `pip install duckdb polars`.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "insurgency-metrics")
JNIM = "JNIM: Group for Support of Islam and Muslims"

DUCKDB = r"""
import duckdb, json, sys
jnim = sys.argv[2]
con = duckdb.connect()
con.execute("SET threads TO 2")
con.execute("SET enable_progress_bar = false")
rows = con.execute('''
    WITH e AS (
        SELECT country, year, fatalities, civilian_targeting, actor1,
               actor1 = ? AS initiated,
               (actor1 = ? OR actor2 = ?
                OR list_contains(list_transform(string_split(coalesce(assoc_actor_1, ''), ';'), lambda x: trim(x)), ?)
                OR list_contains(list_transform(string_split(coalesce(assoc_actor_2, ''), ';'), lambda x: trim(x)), ?)) AS alone,
               ((actor1 LIKE '%' || ? || ' and/or %' OR actor1 LIKE '% and/or ' || ?)
                OR (actor2 LIKE '%' || ? || ' and/or %' OR actor2 LIKE '% and/or ' || ?)) AS joint
        FROM read_csv(?, header = true, all_varchar = true, parallel = true)
    )
    SELECT country, year,
           count(*) FILTER (WHERE alone) AS events,
           count(*) FILTER (WHERE alone AND initiated) AS initiated,
           count(*) FILTER (WHERE joint AND NOT alone) AS joint,
           sum(CAST(fatalities AS BIGINT)) FILTER (WHERE alone) AS fatalities,
           count(*) FILTER (WHERE alone AND initiated AND CAST(fatalities AS BIGINT) >= 20) AS large,
           count(*) FILTER (WHERE alone AND civilian_targeting IS NOT NULL AND civilian_targeting <> '') AS civilians
    FROM e GROUP BY country, year HAVING events > 0 OR joint > 0 ORDER BY country, year
''', [jnim] * 9 + [sys.argv[1]]).fetchall()
json.dump([[r[0], int(r[1]), *[int(x or 0) for x in r[2:]]] for r in rows], sys.stdout)
"""

POLARS = r"""
import json, sys
import polars as pl
jnim = sys.argv[2]
def named(col):
    return pl.col(col).fill_null("").str.split(";").list.eval(pl.element().str.strip_chars()).list.contains(jnim)
def joint(col):
    c = pl.col(col).fill_null("")
    return c.str.contains(" and/or ", literal=True) & (c.str.starts_with(jnim + " and/or ") | c.str.ends_with(" and/or " + jnim))
lf = pl.scan_csv(sys.argv[1], infer_schema=False).select(
    "country", "year", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "fatalities", "civilian_targeting")
lf = lf.with_columns(
    alone=(pl.col("actor1") == jnim) | (pl.col("actor2") == jnim) | named("assoc_actor_1") | named("assoc_actor_2"),
    initiated=pl.col("actor1") == jnim,
    joint=joint("actor1") | joint("actor2"),
    deaths=pl.col("fatalities").cast(pl.Int64),
    civ=pl.col("civilian_targeting").fill_null("") != "",
)
out = lf.group_by("country", "year").agg(
    events=pl.col("alone").sum(),
    initiated=(pl.col("alone") & pl.col("initiated")).sum(),
    joint=(pl.col("joint") & ~pl.col("alone")).sum(),
    fatalities=pl.when(pl.col("alone")).then(pl.col("deaths")).otherwise(0).sum(),
    large=(pl.col("alone") & pl.col("initiated") & (pl.col("deaths") >= 20)).sum(),
    civilians=(pl.col("alone") & pl.col("civ")).sum(),
).filter((pl.col("events") > 0) | (pl.col("joint") > 0)).sort("country", "year").collect(engine="streaming")
json.dump([[r[0], int(r[1]), *[int(x) for x in r[2:]]] for r in out.rows()], sys.stdout)
"""


def once(command):
    """Wall time, peak RSS (MB) and stdout of one run under /usr/bin/time."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stderr}")
    rss = int(result.stderr.strip().splitlines()[-1]) / 1024
    return elapsed, rss, result.stdout


def run_all(commands, runs):
    """Each command `runs` times, taking turns: name -> (median time, median RSS, stdout,
    fastest, slowest)."""
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(once(command))
    results = {}
    for name, got in times.items():
        seconds = sorted(t for t, _, _ in got)
        rss = sorted(r for _, r, _ in got)
        results[name] = (statistics.median(seconds), statistics.median(rss), got[0][2], seconds[0], seconds[-1])
    return results


def ours_rows(stdout):
    rows = []
    for line in stdout.strip().splitlines()[1:]:
        c = line.split(",")
        rows.append([c[1], int(c[2]), int(c[3]), int(c[4]), int(c[5]), int(float(c[6])), int(c[9]), int(c[10])])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", default="/tmp/acled-2m.csv")
    parser.add_argument("--gzip", action="store_true", help="read the file gzip-compressed")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: cargo build --release")
    if not os.path.exists(args.file):
        subprocess.run([sys.executable, os.path.join(ROOT, "benches", "generate_acled.py"), args.file, "--rows", str(args.rows)], check=True)
    size_mb = os.path.getsize(args.file) / 1e6
    file = args.file
    if args.gzip:
        file = args.file + ".gz"
        if not os.path.exists(file):
            with open(file, "wb") as out:
                subprocess.run(["gzip", "-1", "-c", args.file], stdout=out, check=True)
        print(f"gzip: {os.path.getsize(file) / 1e6:,.0f} MB compressed")
    commands = {
        "insurgency-metrics": [BINARY, "events", file, "--group", "jnim", "--format", "csv"],
        "insurgency-metrics --no-hash": [BINARY, "events", file, "--group", "jnim", "--format", "csv", "--no-hash"],
        "duckdb": [sys.executable, "-c", DUCKDB, file, JNIM],
    }
    if not args.gzip:
        commands["polars (python, streaming)"] = [sys.executable, "-c", POLARS, file, JNIM]
    results = run_all(commands, args.runs)
    ours = ours_rows(results["insurgency-metrics"][2])
    agree = all(ours_rows(r[2]) == ours if name.startswith("insurgency-metrics") else json.loads(r[2]) == ours
                for name, r in results.items())
    print(f"machine: {os.cpu_count()} cores; file: {size_mb:,.0f} MB, {args.rows:,} events")
    base = results["insurgency-metrics"][0]
    print(f"medians of {args.runs} runs (fastest-slowest)")
    for name, (seconds, rss, _, fastest, slowest) in results.items():
        print(f"{name:28s} {seconds:6.2f} s ({fastest:.2f}-{slowest:.2f})  {size_mb / seconds:7.0f} MB/s  "
              f"peak {rss:6.0f} MB  (insurgency-metrics takes {base / seconds:.2f}x its time)")
    print(f"the {len(results)} aggregations agree: {agree}")


if __name__ == "__main__":
    main()
