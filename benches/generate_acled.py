#!/usr/bin/env python3
"""Writes a deterministic ACLED-format export (the current 31-column layout) of
synthetic events for benchmarks: real actor spellings (JNIM, its joint attributions
with IS Sahel, state forces with dated names, associated actors), heavy-tailed
fatalities (most events kill nobody, a few kill hundreds), and notes with commas,
quotes and line breaks inside quoted fields. No ACLED row is copied.

With --monadic, the 28-column actor-based layout: each event written once per actor
(no actor2, assoc_actor_2 or inter2), its rows shuffled within blocks of 1,000 as a
re-sorted file would have them, so an event's rows are not always adjacent.

Usage: python3 benches/generate_acled.py OUT.csv [--rows 2000000] [--seed 7] [--monadic]
"""

import argparse
import csv
import random

COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
           "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
           "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
           "tags,timestamp").split(",")

JNIM = "JNIM: Group for Support of Islam and Muslims"
IS_SAHEL = "Islamic State Sahel Province"
COUNTRIES = [
    ("Mali", "MLI", 466, "Military Forces of Mali (2021-)", ["Mopti", "Segou", "Kayes", "Timbuktu", "Gao"]),
    ("Burkina Faso", "BFA", 854, "Military Forces of Burkina Faso (2022-)", ["Sahel", "Est", "Boucle du Mouhoun", "Centre-Nord", "Nord"]),
    ("Niger", "NER", 562, "Military Forces of Niger (2023-)", ["Tillaberi", "Tahoua", "Diffa", "Dosso", "Maradi"]),
]
SOURCES = ["Le Monde", "AFP", "Studio Tamani", "Lefaso.net", "ActuNiger", "Menastream", "Local sources"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def fatalities(rng):
    """Heavy-tailed: about 60% zero, then a Pareto tail (a few events over 100)."""
    if rng.random() < 0.6:
        return 0
    return min(int(rng.paretovariate(1.2)), 600)


def actors(rng, state):
    roll = rng.random()
    if roll < 0.30:
        return JNIM, "", "Rebel group", state, "", "State forces"
    if roll < 0.36:
        return f"{JNIM} and/or {IS_SAHEL}", "", "Rebel group", state, "Dozo Communal Militia", "State forces"
    if roll < 0.46:
        return state, "Africa Corps", "State forces", JNIM, "", "Rebel group"
    if roll < 0.56:
        return IS_SAHEL, "", "Rebel group", "Civilians (International)", "", "Civilians"
    if roll < 0.66:
        return "Unidentified Armed Group", "", "Political militia", "Civilians", f"{JNIM}; Katiba Macina", "Civilians"
    return state, "Dan Na Ambassagou", "State forces", "Unidentified Armed Group", "", "Political militia"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--monadic", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if args.monadic:
            write_monadic(writer, rng, args.rows)
            return
        writer.writerow(COLUMNS)
        for i in range(args.rows):
            writer.writerow(event(rng, i))


def event(rng, i):
    """Event `i` as a row of the 31-column layout."""
    country, iso3, iso, state, regions = COUNTRIES[i % 3]
    year = 2018 + (i * 7 // 3) % 8
    month = rng.randrange(12)
    day = rng.randrange(1, 29)
    a1, s1, i1, a2, s2, i2 = actors(rng, state)
    deaths = fatalities(rng)
    region = rng.choice(regions)
    civilians = "Civilian targeting" if "Civilians" in a2 else ""
    note = (f'On {day} {MONTHS[month]} {year}, {a1} clashed with {a2} near {region}, "{rng.choice(SOURCES)}" reported; '
            f"{deaths} fatalities, {rng.randrange(50)} displaced.")
    if i % 50 == 0:
        note += "\nA second paragraph, with a comma."
    return [
        f"{iso3}{i + 1}", f"{year}-{month + 1:02d}-{day:02d}", year, 1, "Political violence", "Battles",
        "Armed clash", a1, s1, i1, a2, s2, i2, f"{i1}-{i2}", civilians, iso, "Western Africa", country,
        region, f"{region} district", "", f"{region} town {i % 97}", f"{14 + rng.random():.4f}",
        f"{-4 + rng.random():.4f}", 1, rng.choice(SOURCES), "National", note, deaths, "", 1_700_000_000 + i,
    ]


MONADIC_DROPPED = ("actor2", "assoc_actor_2", "inter2")


def write_monadic(writer, rng, rows):
    """About `rows` rows: event by event, one row per side (the other side's three
    columns dropped), shuffled within blocks of 1,000."""
    keep = [n for n, c in enumerate(COLUMNS) if c not in MONADIC_DROPPED]
    side = {c: COLUMNS.index(c) for c in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2")}
    writer.writerow([COLUMNS[n] for n in keep])
    block = []
    i = 0
    written = 0
    while written < rows:
        row = event(rng, i)
        for actor, assoc, inter in (("actor1", "assoc_actor_1", "inter1"), ("actor2", "assoc_actor_2", "inter2")):
            one = list(row)
            one[side["actor1"]], one[side["assoc_actor_1"]], one[side["inter1"]] = (
                row[side[actor]], row[side[assoc]], row[side[inter]])
            block.append([one[n] for n in keep])
        i += 1
        if len(block) >= 1000:
            rng.shuffle(block)
            writer.writerows(block)
            written += len(block)
            block = []
    rng.shuffle(block)
    writer.writerows(block)


if __name__ == "__main__":
    main()
