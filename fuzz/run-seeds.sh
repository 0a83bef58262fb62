#!/usr/bin/env bash
# Build every fuzz target and run each once over its seeds: the files in seeds/<target>/ plus
# the matching sample reports of examples/reports/ (used in place, not copied).
# For real fuzzing: `RUSTC_BOOTSTRAP=1 cargo fuzz run <target>` (cargo-fuzz needs nightly flags).
set -euo pipefail
cd "$(dirname "$0")"
cargo build --release --bins
reports=../examples/reports
declare -A extra=(
    [ingest_html]="$reports/*.html"
    [ingest_feed]="$reports/*.xml $reports/*.atom"
    [ingest_text]="$reports/*.txt"
    [ingest_jsonl]="$reports/*.jsonl"
    [extract]="$reports/*.txt $reports/*.md"
    [resolve_tables]="../crates/resolve/data/actors.tsv"
)
for dir in seeds/*/; do
    target=$(basename "$dir")
    # shellcheck disable=SC2086 # the globs above are meant to expand here
    inputs=("$dir"* ${extra[$target]:-})
    echo "fuzz seed run: $target (${#inputs[@]} inputs)"
    "target/release/$target" -runs=0 "${inputs[@]}" >/dev/null 2>target/"$target".log || { cat target/"$target".log; exit 1; }
done
