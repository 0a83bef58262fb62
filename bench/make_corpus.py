#!/usr/bin/env python3
"""Build Tessera's throughput-benchmark corpus (JSON Lines), standard library only.

The corpus cycles over a fixed, ordered list of base documents until the texts add up to at
least --mb megabytes (10^6 bytes of UTF-8 text; the file is a little larger because of the JSON
framing):

  (a) the dev sets in <shared>/eval/dev/:
        acled_pakistan_2015.csv             column NOTES (published = EVENT_DATE, source = SOURCE)
        isaf_press_releases.jsonl           field text
        re3d.jsonl                          field text (source = source)
        wikipedia_major_incidents_pk_af.csv column Description
        satp_pk_af.jsonl                    field text (other fields are split/labels)
        analysis_article.txt                whole file
  (b) the synthetic sample reports in <repo>/examples/reports/: the .txt and .md files (README.md
      excluded: it documents the folder) and the `text` of each record of the .jsonl there.
      HTML and feed files are not used (they are markup, not plain text).

Documents that are not mostly Latin-script (the Urdu sample) are left out, since the corpus is
meant to be English. Every emitted record gets a fresh id `bench-<n>` (n = 1, 2, ...), so a tool
that skips unchanged documents by id re-extracts every copy. Output is deterministic: same inputs,
same bytes.

Usage: python3 bench/make_corpus.py [--shared DIR] [--out PATH] [--mb N]
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared"))
DEFAULT_OUT = os.path.join(BENCH_DIR, "corpus.jsonl")
REPORTS_DIR = os.path.join(REPO_ROOT, "examples", "reports")

DEV_FILES = [
    "acled_pakistan_2015.csv",
    "isaf_press_releases.jsonl",
    "re3d.jsonl",
    "wikipedia_major_incidents_pk_af.csv",
    "satp_pk_af.jsonl",
    "analysis_article.txt",
]

csv.field_size_limit(sys.maxsize)


def die(msg):
    sys.exit(f"make_corpus.py: error: {msg}")


def doc(text, published=None, source=None):
    """Base document, or None when the text is empty."""
    if text is None:
        return None
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return None
    d = {"text": text}
    if published:
        d["published"] = published
    if source:
        d["source"] = source
    return d


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                die(f"{path}:{lineno}: bad JSON: {e}")


def read_csv(path, column):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if column not in (reader.fieldnames or []):
            die(f"{path}: no column {column!r} (columns: {reader.fieldnames})")
        yield from reader


def acled_date(s):
    try:
        return dt.datetime.strptime(s.strip(), "%d-%B-%Y").date().isoformat()
    except (ValueError, AttributeError):
        return None


def iso_date(s):
    if isinstance(s, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?", s.strip()):
        return s.strip()
    return None


def dev_docs(dev_dir):
    out = []
    for name in DEV_FILES:
        path = os.path.join(dev_dir, name)
        if not os.path.isfile(path):
            die(f"missing dev set {path}")
        docs = []
        if name == "acled_pakistan_2015.csv":
            for row in read_csv(path, "NOTES"):
                docs.append(doc(row["NOTES"], acled_date(row.get("EVENT_DATE")),
                                (row.get("SOURCE") or "").strip() or "ACLED"))
        elif name == "wikipedia_major_incidents_pk_af.csv":
            for row in read_csv(path, "Description"):
                docs.append(doc(row["Description"], source="Wikipedia"))
        elif name == "isaf_press_releases.jsonl":
            for rec in read_jsonl(path):
                docs.append(doc(rec.get("text"), source="ISAF"))
        elif name == "re3d.jsonl":
            for rec in read_jsonl(path):
                docs.append(doc(rec.get("text"), source=rec.get("source") or "re3d"))
        elif name == "satp_pk_af.jsonl":
            # fields: split, text, and 0/1 labels armed_assault, bombing_explosion, kidnapping, other
            for rec in read_jsonl(path):
                docs.append(doc(rec.get("text"), source="SATP"))
        elif name == "analysis_article.txt":
            with open(path, encoding="utf-8") as f:
                docs.append(doc(f.read()))
        docs = [d for d in docs if d]
        out.append((f"shared/eval/dev/{name}", docs))
    return out


def report_docs(reports_dir):
    if not os.path.isdir(reports_dir):
        die(f"missing {reports_dir}")
    out = []
    for name in sorted(os.listdir(reports_dir)):
        path = os.path.join(reports_dir, name)
        if not os.path.isfile(path) or name == "README.md":
            continue
        m = re.match(r"(\d{4}-\d{2}-\d{2})-", name)
        published = m.group(1) if m else None
        if name.endswith((".txt", ".md")):
            with open(path, encoding="utf-8") as f:
                docs = [doc(f.read(), published)]
        elif name.endswith(".jsonl"):
            docs = [doc(r.get("text"), iso_date(r.get("published")), r.get("source"))
                    for r in read_jsonl(path)]
        else:
            continue  # .html, .xml, .atom: markup, not plain text
        out.append((f"examples/reports/{name}", [d for d in docs if d]))
    return out


def mostly_latin(text):
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if c < "\u0250")  # Basic Latin .. Latin Extended-B
    return latin / len(letters) >= 0.8


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED,
                    help="the shared/ folder (default: ../shared beside the repo root: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output JSONL (default: %(default)s)")
    ap.add_argument("--mb", type=float, default=50,
                    help="minimum megabytes (10^6 bytes) of text (default: %(default)s)")
    args = ap.parse_args()
    if args.mb <= 0:
        die("--mb must be positive")

    shared = os.path.abspath(args.shared)
    if not os.path.isdir(shared):
        die(f"shared folder {shared} not found; it holds eval/dev/ with the dev sets. "
            "Pass --shared DIR if it lives elsewhere.")
    dev_dir = os.path.join(shared, "eval", "dev")
    if not os.path.isdir(dev_dir):
        die(f"{dev_dir} not found (expected the dev sets there)")

    groups = dev_docs(dev_dir) + report_docs(REPORTS_DIR)
    base, dropped, n_reports = [], [], 0
    for label, docs in groups:
        kept = [d for d in docs if mostly_latin(d["text"])]
        if len(kept) < len(docs):
            dropped.append(f"{label} ({len(docs) - len(kept)} non-English)")
        base.extend(kept)
        if label.startswith("examples/"):
            n_reports += len(kept)
        else:
            print(f"  {label}: {len(kept)} documents", file=sys.stderr)
    print(f"  examples/reports/ (.txt, .md, .jsonl): {n_reports} documents", file=sys.stderr)
    if dropped:
        print(f"  left out: {', '.join(dropped)}", file=sys.stderr)
    if not base:
        die("no source documents found")

    base_bytes = [len(d["text"].encode("utf-8")) for d in base]
    base_words = [len(d["text"].split()) for d in base]
    target = int(args.mb * 1_000_000)

    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    tmp = args.out + ".tmp"
    n = text_bytes = words = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        while text_bytes < target:
            for i, d in enumerate(base):
                n += 1
                rec = {"id": f"bench-{n}", "text": d["text"]}
                if "published" in d:
                    rec["published"] = d["published"]
                if "source" in d:
                    rec["source"] = d["source"]
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                text_bytes += base_bytes[i]
                words += base_words[i]
                if text_bytes >= target:
                    break
    os.replace(tmp, args.out)
    file_bytes = os.path.getsize(args.out)
    print(f"{args.out}: {n} documents ({len(base)} distinct, {n / len(base):.1f} cycles)")
    print(f"words: {words} (whitespace-split)")
    print(f"bytes: {text_bytes} of text, {file_bytes} on disk")


if __name__ == "__main__":
    main()
