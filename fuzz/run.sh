#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), on stable Rust without sanitizers
# (`-s none`). Needs `cargo install cargo-fuzz`. Crashes land in fuzz/artifacts/<target>/;
# turn each into a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
for target in $(cargo fuzz list); do
  echo "fuzz: $target for ${seconds}s"
  cargo fuzz run -s none "$target" -- -max_total_time="$seconds" -max_len=20000 -timeout=10
done
