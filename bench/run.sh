#!/usr/bin/env bash
# Throughput benchmark: broadsheet's full analysis against the floor (read + tokenize +
# count, examples/floor.rs), on a corpus built from ../shared/corpora.
#
#   bash bench/run.sh [COPIES] [REPEATS]     (defaults: 20 copies, 3 repeats)
#
# COPIES copies of the BBC and Reuters corpora make the "many small files" shape (20 copies
# ~ 440 MB, 425k files); the same bytes concatenated into ~300 files make the "few large
# files" shape. Runs alternate (floor, --jobs 1, --jobs 2) so drift hits all alike. Prints
# median wall time, MB/s, articles/s and peak resident memory (GNU time) per configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
repeats=${2:-3}
shared=../shared/corpora
work=${BENCH_DIR:-/tmp/broadsheet-bench}
[ -d "$shared" ] || { echo "bench: $shared not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 2; }

cargo build --release --quiet --bin broadsheet --example floor
bin=target/release/broadsheet
floor=target/release/examples/floor

small=$work/small-$copies
large=$work/large-$copies
if [ ! -d "$small" ]; then
  echo "bench: building $small ($copies copies)" >&2
  src=$work/src
  mkdir -p "$src"
  [ -d "$src/bbc" ] || tar -xzf "$shared/bbc.tar.gz" -C "$src"
  [ -d "$src/reuters21578" ] || tar -xzf "$shared/reuters21578.tar.gz" -C "$src"
  mkdir -p "$small.tmp"
  for i in $(seq 1 "$copies"); do
    cp -r "$src/bbc" "$small.tmp/bbc-$i"
    cp -r "$src/reuters21578" "$small.tmp/reuters-$i"
  done
  mv "$small.tmp" "$small"
fi
if [ ! -d "$large" ]; then
  echo "bench: building $large" >&2
  mkdir -p "$large.tmp"
  # ~300 files: every file of one copy folder concatenated, paragraphs kept apart.
  find "$small" -mindepth 1 -maxdepth 1 -type d | sort | while read -r d; do
    name=$(basename "$d")
    find "$d" -type f -name '*.txt' | sort > "$large.tmp/$name.all"
    split -n l/7 -d "$large.tmp/$name.all" "$large.tmp/$name.list."
    rm "$large.tmp/$name.all"
  done
  for list in "$large.tmp"/*.list.*; do
    xargs -d '\n' awk 'FNR==1 && NR>1 {print ""} {print}' < "$list" > "${list/.list./-}.txt"
    rm "$list"
  done
  mv "$large.tmp" "$large"
fi

measure() {  # label, corpus, command...: prints "seconds peak_kb"
  local log
  log=$(mktemp)
  /usr/bin/time -v "${@:3}" > /dev/null 2> "$log" || true
  local wall peak
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  echo "$wall $peak"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| shape | program | median s | MB/s | articles/s | peak MB | vs floor |\n|---|---|---|---|---|---|---|\n'
for corpus in "$small" "$large"; do
  bytes=$(du -sb "$corpus" | cut -f1)
  files=$(find "$corpus" -type f | wc -l)
  declare -A walls=() peaks=()
  for r in $(seq 1 "$repeats"); do
    read -r w p < <(measure floor "$corpus" "$floor" "$corpus" 2); walls[floor]+="$w "; peaks[floor]=$p
    read -r w p < <(measure j1 "$corpus" "$bin" "$corpus" --out "$work/out-j1" --jobs 1 --quiet); walls[j1]+="$w "; peaks[j1]=$p
    read -r w p < <(measure j2 "$corpus" "$bin" "$corpus" --out "$work/out-j2" --jobs 2 --quiet); walls[j2]+="$w "; peaks[j2]=$p
  done
  f=$(echo ${walls[floor]} | tr ' ' '\n' | median)
  for k in floor j1 j2; do
    m=$(echo ${walls[$k]} | tr ' ' '\n' | median)
    label=$k; [ "$k" = j1 ] && label="broadsheet --jobs 1"; [ "$k" = j2 ] && label="broadsheet --jobs 2"; [ "$k" = floor ] && label="floor (jobs 2)"
    awk -v s="$(basename "$corpus") ($files files)" -v l="$label" -v m="$m" -v b="$bytes" -v n="$files" -v p="${peaks[$k]}" -v f="$f" \
      'BEGIN { printf "| %s | %s | %.2f | %.1f | %.0f | %.0f | %.2fx |\n", s, l, m, b/1e6/m, n/m, p/1024, m/f }'
  done
  unset walls peaks
done
