#!/usr/bin/env bash
# Build every fuzz target and run each once over its seed corpus (seeds/<target>/).
# For real fuzzing: `RUSTC_BOOTSTRAP=1 cargo fuzz run <target>` (cargo-fuzz needs nightly flags).
set -euo pipefail
cd "$(dirname "$0")"
cargo build --release --bins
for dir in seeds/*/; do
    target=$(basename "$dir")
    echo "fuzz seed run: $target ($(ls "$dir" | wc -l) inputs)"
    "target/release/$target" -runs=0 "$dir"/* >/dev/null 2>target/"$target".log || { cat target/"$target".log; exit 1; }
done
