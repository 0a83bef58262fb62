#!/usr/bin/env python3
"""Build a synthetic corpus of distinct incidents for the API load test (bench/load.sh).

Each record is one short, invented report ([SYNTHETIC]) of a different incident: a town from
Tessera's own gazetteer (crates/resolve/data/places.tsv, populated places of 20,000 or more),
a day between 2010 and 2025, an event kind, an actor and a toll, all drawn from a seeded random
generator, so the corpus is the same on every machine. Ingested, it gives a store of about as
many fused events as records (reports of the same town, day and kind would fuse).

Usage: python3 bench/make_events_corpus.py [--n 110000] [--out bench/corpus-events.jsonl]
"""
import argparse
import csv
import datetime
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

KINDS = [
    ("{n} soldiers were killed when militants attacked a security post in {town}", "militants"),
    ("{n} people were killed in a bomb blast at a market in {town}", None),
    ("A suicide bomber killed {n} people near a police station in {town}", None),
    ("Security forces killed {n} militants in an operation near {town}", "security forces"),
    ("Police arrested {n} suspects in a raid in {town}", "police"),
    ("{n} protesters were injured when police fired tear gas at a rally in {town}", "police"),
    ("Gunmen shot dead {n} civilians in {town}", "gunmen"),
    ("A roadside bomb killed {n} policemen in {town}", None),
]
ACTORS = ["Tehrik-i-Taliban Pakistan", "the Baloch Liberation Army", "Lashkar-e-Jhangvi",
          "Islamic State Khorasan Province", "the Taliban", "unidentified gunmen"]
SOURCES = ["Synthetic Wire", "Synthetic Daily", "Synthetic Frontier Post", "Synthetic Radio",
           "Synthetic Monitor"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def towns():
    with open(ROOT / "crates/resolve/data/places.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["kind"] not in ("admin1", "admin2", "country") and row["population"] \
                    and int(row["population"]) >= 20000 and row["country"] in ("PK", "AF"):
                yield row["name"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=110_000)
    ap.add_argument("--out", default=str(ROOT / "bench/corpus-events.jsonl"))
    a = ap.parse_args()
    rng = random.Random(20251128)
    names = sorted(set(towns()))
    start = datetime.date(2010, 1, 1)
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.n):
            town = rng.choice(names)
            day = start + datetime.timedelta(days=rng.randrange(16 * 365))
            kind, _ = rng.choice(KINDS)
            n = rng.randint(2, 30)
            sentence = kind.format(n=n, town=town)
            claim = rng.choice(ACTORS)
            text = (f"[SYNTHETIC] {town.upper()} — {sentence} on {WEEKDAYS[day.weekday()]}, "
                    f"officials said. {claim[0].upper() + claim[1:]} allegedly claimed responsibility, "
                    f"according to local sources. (item {i})")
            out.write(json.dumps({
                "id": f"load-{i}", "text": text, "title": f"{sentence} (synthetic {i})",
                "published": day.isoformat(), "source": rng.choice(SOURCES),
            }) + "\n")
    print(f"{a.n} reports from {len(names)} towns -> {a.out}")


if __name__ == "__main__":
    main()
