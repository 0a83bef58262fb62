#!/usr/bin/env bash
# Compare Tessera's throughput with spaCy's on the same corpus.
#
#   bash bench/compare.sh CORPUS TESSERA [spacy_bench.py options...]
#
#   CORPUS   the JSONL corpus from make_corpus.py (e.g. bench/corpus.jsonl)
#   TESSERA  Tessera's words/second per core on that corpus: a number (e.g. 250000), or the path
#            of a JSON file holding it under one of the keys words_per_sec_per_core,
#            words_per_sec, words_per_second (a Tessera bench output, once there is one).
#            Count words the way make_corpus.py does (whitespace-split text), so the two rates
#            divide the same number of words.
#   options  passed on to spacy_bench.py, e.g. --limit-mb 5 --model en_core_web_md
#            (default --n-process 1, so both figures are per core).
#
# Runs spacy_bench.py in bench/.venv (make it with bench/setup_spacy.sh) and prints
# tessera/spaCy for the full spaCy pipeline and for spaCy with only its ner component.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="$BENCH_DIR/.venv/bin/python"

if [ $# -lt 2 ]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
corpus=$1 tessera=$2
shift 2
[ -f "$corpus" ] || { echo "compare.sh: corpus $corpus not found (python3 bench/make_corpus.py)" >&2; exit 2; }
[ -x "$PY" ] || { echo "compare.sh: $PY missing; run bash bench/setup_spacy.sh first" >&2; exit 2; }

# Tessera's figure: a positive number, or read from a JSON file.
tessera_wps="$(python3 - "$tessera" <<'EOF'
import json, os, sys
arg = sys.argv[1]
def bad(msg):
    sys.exit(f"compare.sh: {msg}")
try:
    v = float(arg)
except ValueError:
    if not os.path.isfile(arg):
        bad(f"TESSERA must be a words/second number or a JSON file, got {arg!r}")
    with open(arg) as f:
        text = f.read().strip()
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:  # a log that ends in a JSON summary line
        try:
            obj = json.loads(text.splitlines()[-1]) if text else None
        except json.JSONDecodeError:
            bad(f"{arg}: neither JSON nor a log ending in a JSON line")
    for key in ("words_per_sec_per_core", "words_per_sec", "words_per_second"):
        if isinstance(obj, dict) and isinstance(obj.get(key), (int, float)):
            v = float(obj[key])
            break
    else:
        bad(f"{arg}: no words_per_sec_per_core / words_per_sec / words_per_second number")
if not (v > 0 and v != float("inf")):
    bad(f"Tessera words/second must be positive, got {v}")
print(v)
EOF
)"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "running spaCy on $corpus ..." >&2
"$PY" "$BENCH_DIR/spacy_bench.py" --corpus "$corpus" "$@" | tee "$log" >&2
python3 - "$tessera_wps" "$log" <<'EOF'
import json, sys
tessera = float(sys.argv[1])
with open(sys.argv[2]) as f:
    r = json.loads(f.read().strip().splitlines()[-1])
n = r.get("n_process", 1)
full = r["words_per_sec"] / n
scope = " (subset of the corpus)" if r.get("subset") else ""
print()
print(f"spaCy {r['spacy']}, model {r['model']}, {r['words']} words{scope}, n_process={n}")
print(f"Tessera:                {tessera:>14,.0f} words/s per core")
print(f"spaCy, full pipeline:   {full:>14,.0f} words/s per core   tessera/spaCy = {tessera / full:,.2f}x")
if "words_per_sec_ner_only" in r:
    ner = r["words_per_sec_ner_only"] / n
    print(f"spaCy, ner only:        {ner:>14,.0f} words/s per core   tessera/spaCy = {tessera / ner:,.2f}x")
EOF
