#!/usr/bin/env python3
"""Writes a synthetic dataset with N comparisons (one group against one country each,
every quantity with a low and a high), to time `validate` as the number of comparisons
grows: it should grow linearly.

Usage: python3 benches/generate_comparisons.py OUT_DIR [--comparisons 10000]
Then:  insurgency-metrics --data OUT_DIR validate
"""

import argparse
import os


def iso3(i):
    """Three upper-case letters (codes repeat past 17,576 countries, which is allowed)."""
    return "".join(chr(65 + (i // 26**k) % 26) for k in (2, 1, 0))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--comparisons", type=int, default=10000)
    args = parser.parse_args()
    n = args.comparisons
    os.makedirs(args.out, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(header + "\n")
            for row in rows:
                f.write(row + "\n")

    write("sources.csv", "id,title,publisher,published,url,accessed,note",
          ["src-1,Synthetic figures,Bench,2025-01-01,https://example.org,,generated"])
    write("groups.csv", "id,name,aliases,parent,note",
          [f"g{i},Group {i},,,generated" for i in range(n)])
    write("countries.csv", "id,name,iso3", [f"c{i},Country {i},{iso3(i)}" for i in range(n)])
    write("fighters.csv", "group,year,central,low,high,source,preferred,note",
          [f"g{i},2025,{1000 + i},{800 + i},{1200 + i},src-1,," for i in range(n)])
    write("soldiers.csv", "country,year,component,central,low,high,source,preferred,note",
          [f"c{i},2025,army,{9000 + i},{8000 + i},{10000 + i},src-1,," for i in range(n)])
    write("population.csv", "country,year,central,low,high,source,preferred,note",
          [f"c{i},2025,{1000000 + i},{900000 + i},{1100000 + i},src-1,," for i in range(n)])
    write("area.csv", "country,km2,source,preferred,note", [f"c{i},{50000 + i},src-1,," for i in range(n)])
    with open(os.path.join(args.out, "comparisons.toml"), "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(f'[[comparison]]\nid = "k{i}"\nlabel = "Group {i} in Country {i}"\n'
                    f'group = "g{i}"\ncountries = ["c{i}"]\nyear = 2025\nsoldiers = ["army"]\n\n')


if __name__ == "__main__":
    main()
