#!/usr/bin/env python3
"""Monte Carlo speed: insurgency-metrics against a vectorised NumPy implementation of
the same computation (same inputs, distributions, formulas and draw count).

The formulas come from the tool itself (`sensitivity --format json` lists every input
of every metric: side, factor, low, central, high, distribution), so both sides sample
the same thing. Both are timed end to end as processes, best of several runs; NumPy's
in-process compute time is printed too. The percentiles of both are compared as a
correctness cross-check (they differ only by Monte Carlo noise).

Usage: python3 benches/monte_carlo.py [--draws 1000000] [--runs 5]
Needs: a release build (`cargo build --release`) and numpy (`pip install numpy`).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "insurgency-metrics")

NUMPY_PROGRAM = r"""
import json, sys, time
import numpy as np

start = time.perf_counter()
rows = json.load(open(sys.argv[1]))
draws = int(sys.argv[2])
rng = np.random.default_rng(20260101)

formulas = {}
inputs = {}
for r in rows:
    key = (r["comparison"], r["versus"], r["metric"])
    f = formulas.setdefault(key, {"scale": r["scale"], "numerator": [], "denominator": []})
    f[r["side"]].append((r["input"], r["factor"]))
    inputs[r["input"]] = (r["dist"], r["input_low"], r["input_central"], r["input_high"], r.get("pool", []))


def draw(dist, low, mode, high, n):
    if dist == "point" or low >= high:
        return np.full(n, mode)
    if dist == "pert":
        width = high - low
        a = 1 + 4 * (mode - low) / width
        b = 1 + 4 * (high - mode) / width
        return low + width * rng.beta(a, b, n)
    if dist == "triangular":
        return rng.triangular(low, mode, high, n)
    if dist == "uniform":
        return rng.uniform(low, high, n)
    if dist == "lognormal":
        mu = (np.log(low) + np.log(high)) / 2
        sigma = (np.log(high) - np.log(low)) / (2 * 1.6448536269514722)
        return rng.lognormal(mu, sigma, n)
    raise SystemExit(f"unknown distribution {dist}")


samples = {}
for name, (dist, low, mode, high, pool) in inputs.items():
    if dist == "pool":
        # A linear opinion pool: each draw picks a source's row by weight, then draws
        # within that row's range by its own distribution.
        weights = np.array([m["weight"] for m in pool], dtype=float)
        picks = rng.choice(len(pool), size=draws, p=weights / weights.sum())
        values = np.empty(draws)
        for i, m in enumerate(pool):
            chosen = picks == i
            values[chosen] = draw(m["dist"], m["low"], m["central"], m["high"], int(chosen.sum()))
        samples[name] = values
    else:
        samples[name] = draw(dist, low, mode, high, draws)

out = {}
for key, f in formulas.items():
    num = sum(factor * samples[name] for name, factor in f["numerator"])
    den = sum(factor * samples[name] for name, factor in f["denominator"])
    values = f["scale"] * num / den
    out["|".join(str(k) for k in key)] = list(np.percentile(values, [5, 50, 95], method="inverted_cdf"))
elapsed = time.perf_counter() - start
json.dump({"seconds": elapsed, "percentiles": out}, sys.stdout)
"""


def best_of(runs, command):
    """The fastest of `runs` runs, with that run's output."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
        if best is None or elapsed < best[0]:
            best = (elapsed, result.stdout)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: cargo build --release")

    formulas = subprocess.run([BINARY, "sensitivity", "--format", "json"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(formulas)
        formulas_path = handle.name
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(NUMPY_PROGRAM)
        numpy_path = handle.name

    ours, our_json = best_of(args.runs, [BINARY, "table", "--format", "json", "--draws", str(args.draws)])
    theirs, numpy_out = best_of(args.runs, [sys.executable, numpy_path, formulas_path, str(args.draws)])
    numpy_result = json.loads(numpy_out)

    rows = json.loads(our_json)
    # A pool of sources that give point values is a discrete distribution: its
    # percentiles jump from one source's figure to another's with the sampling noise,
    # so those formulas are compared apart.
    discrete = {
        f"{r['comparison']}|{r['versus']}|{r['metric']}"
        for r in json.loads(formulas)
        if r["dist"] == "pool" and any(m["low"] == m["high"] for m in r.get("pool", []))
    }
    worst, worst_key = 0.0, ""
    for row in rows:
        key = f"{row['comparison']}|{row['versus']}|{row['metric']}"
        if key in discrete:
            continue
        theirs_p = numpy_result["percentiles"][key]
        for ours_v, theirs_v in zip((row["p05"], row["p50"], row["p95"]), theirs_p):
            gap = abs(ours_v - theirs_v) / abs(theirs_v) if theirs_v else 0.0
            if gap > worst:
                worst, worst_key = gap, key

    metrics = len(rows)
    inputs = len({r["input"] for r in json.loads(formulas)})
    print(f"machine: {os.cpu_count()} cores; {args.draws:,} draws; {inputs} inputs; {metrics} metrics")
    print(f"insurgency-metrics table (whole process): {ours:.3f} s")
    print(f"numpy (whole process):                    {theirs:.3f} s  (compute only {numpy_result['seconds']:.3f} s)")
    print(f"ratio numpy / insurgency-metrics:         {theirs / ours:.2f}x")
    print(f"largest relative gap between their p05/p50/p95: {worst:.2%} ({worst_key}; Monte Carlo noise)")
    print(f"  over {metrics - len(discrete)} metrics; {len(discrete)} drawn from pools of point figures compared apart (their percentiles jump between sources)")
    os.unlink(formulas_path)
    os.unlink(numpy_path)


if __name__ == "__main__":
    main()
