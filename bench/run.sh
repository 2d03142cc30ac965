#!/usr/bin/env bash
# Throughput benchmark: broadsheet's full analysis against the floor (read + tokenize +
# count, examples/floor.rs), on a corpus built from ../shared/corpora.
#
#   bash bench/run.sh [COPIES] [REPEATS]     (defaults: 20 copies, 3 repeats)
#   SHAPES=small bash bench/run.sh 20 1      (one shape only: small, large or records)
#   bash bench/run.sh 20 0                   (only build the corpora)
#   BROADSHEET_BIN=/path/to/old/broadsheet bash bench/run.sh   (measure another build,
#                                            e.g. an older commit's, for before/after)
#
# COPIES copies of the BBC and Reuters corpora make the "many small files" shape (20 copies
# ~ 440 MB, 425k files); the same bytes concatenated into ~300 files make the "few large
# files" shape, and the same articles as JSON Lines records with a date and an outlet make
# the "records" shape (one file per copy folder; the dates are made up, spread over two
# years, since the corpora have none: they exercise the record reader and the breakdowns
# by date and outlet). Runs alternate (floor, --jobs 1, --jobs 2) so drift hits all alike.
# Prints median wall time, MB/s, articles/s and peak resident memory (GNU time) per
# configuration, and two ratios measured pair by pair (each repeat's run against the same
# repeat's floor or --jobs 1 run, then the median): broadsheet / floor, and the --jobs 1 /
# --jobs 2 speed-up.
# The machine's load changes over a session; pairs run back to back share it. Before each
# measured run the corpus is read once, unmeasured (see warm), and each repeat's line on
# stderr gives CPU time (user + system) beside wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
repeats=${2:-3}
shared=../shared/corpora
work=${BENCH_DIR:-/tmp/broadsheet-bench}
[ -d "$shared" ] || { echo "bench: $shared not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 2; }

cargo build --release --quiet --bin broadsheet --example floor
bin=${BROADSHEET_BIN:-target/release/broadsheet}
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

records=$work/records-$copies
if [ ! -d "$records" ]; then
  echo "bench: building $records" >&2
  python3 - "$small" "$records.tmp" <<'PY'
import json, os, sys
small, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for n, d in enumerate(sorted(os.listdir(small))):
    with open(os.path.join(out, d + ".jsonl"), "w", encoding="utf-8") as f:
        for i, name in enumerate(sorted(os.listdir(os.path.join(small, d)))):
            raw = open(os.path.join(small, d, name), "rb").read().decode("utf-8", "replace")
            title, _, body = raw.partition("\n")
            # A made-up but fixed date: 2019 or 2020, months 1-12, days 1-28.
            k = (n * 7919 + i * 37) % 730
            year, month, day = 2019 + k // 365, k % 365 // 31 + 1, k % 28 + 1
            f.write(json.dumps({
                "id": d + "/" + name,
                "title": title.strip(),
                "text": body.strip(),
                "date": "%d-%02d-%02d" % (year, month, day),
                "outlet": "BBC" if d.startswith("bbc") else "Reuters",
            }) + "\n")
PY
  mv "$records.tmp" "$records"
fi

if [ "$repeats" -eq 0 ]; then
  echo "bench: corpora ready in $small, $large and $records (0 repeats: nothing measured)" >&2
  exit 0
fi

# Reads every file of the corpus once, unmeasured, before each measured run. This machine
# pages out memory left untouched for about a minute (DAMON's proactive reclaim, up to
# 128 MB/s), page cache included, so a corpus read by the previous run, a minute or more
# earlier, is partly back on disk; the targets are for a corpus in the page cache.
warm() { find "$1" -type f -print0 | xargs -0 -P 2 -n 2000 cat > /dev/null; }

measure() {  # label, corpus, command...: prints "seconds peak_kb cpu_seconds"
  local log
  log=$(mktemp)
  warm "$2"
  /usr/bin/time -v "${@:3}" > /dev/null 2> "$log" || true
  local wall peak cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log")
  rm -f "$log"
  echo "$wall $peak $cpu"
}

# The middle value, or the mean of the two middle values of an even count.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

shapes=${SHAPES:-small large records}
echo "bench: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| shape | program | median s | MB/s | articles/s | peak MB | vs floor (pairwise) | jobs 1 / jobs 2 (pairwise) |\n|---|---|---|---|---|---|---|---|\n'
for shape in $shapes; do
  case $shape in small) corpus=$small ;; large) corpus=$large ;; records) corpus=$records ;; *) echo "bench: unknown shape $shape" >&2; exit 2 ;; esac
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  files=$(find "$corpus" -type f | wc -l)
  # Articles/s counts the articles the bytes hold (the small shape's files) for every shape.
  articles=$(find "$small" -type f | wc -l)
  # Warm-up, not measured: the first pass over 400k files after building them reads inodes
  # and pages from disk; the targets are for a corpus in the page cache.
  "$floor" "$corpus" 2 > /dev/null
  declare -A walls=() peaks=()
  rfloor1=() rfloor2=() speedup=()
  for r in $(seq 1 "$repeats"); do
    read -r wf p cf < <(measure floor "$corpus" "$floor" "$corpus" 2); walls[floor]+="$wf "; peaks[floor]=$(( p > ${peaks[floor]:-0} ? p : ${peaks[floor]:-0} ))
    read -r w1 p c1 < <(measure j1 "$corpus" "$bin" "$corpus" --out "$work/out-j1" --jobs 1 --quiet); walls[j1]+="$w1 "; peaks[j1]=$(( p > ${peaks[j1]:-0} ? p : ${peaks[j1]:-0} ))
    read -r w2 p c2 < <(measure j2 "$corpus" "$bin" "$corpus" --out "$work/out-j2" --jobs 2 --quiet); walls[j2]+="$w2 "; peaks[j2]=$(( p > ${peaks[j2]:-0} ? p : ${peaks[j2]:-0} ))
    # CPU time (user + system) beside the wall time: a wall time well above the CPU time
    # at --jobs 1 means the run waited (for the disk, or for the host).
    echo "bench: $shape-$copies repeat $r: floor ${wf}s (cpu ${cf}s), jobs 1 ${w1}s (cpu ${c1}s), jobs 2 ${w2}s (cpu ${c2}s)" >&2
    rfloor1+=("$(awk -v a="$w1" -v b="$wf" 'BEGIN {print a/b}')")
    rfloor2+=("$(awk -v a="$w2" -v b="$wf" 'BEGIN {print a/b}')")
    speedup+=("$(awk -v a="$w1" -v b="$w2" 'BEGIN {print a/b}')")
  done
  ratio_floor=1; ratio_j1=$(printf '%s\n' "${rfloor1[@]}" | median); ratio_j2=$(printf '%s\n' "${rfloor2[@]}" | median)
  sp=$(printf '%s\n' "${speedup[@]}" | median)
  for k in floor j1 j2; do
    m=$(echo ${walls[$k]} | tr ' ' '\n' | median)
    case $k in
      floor) label="floor (jobs 2)"; ratio=$ratio_floor; s2="" ;;
      j1) label="broadsheet --jobs 1"; ratio=$ratio_j1; s2="" ;;
      j2) label="broadsheet --jobs 2"; ratio=$ratio_j2; s2=$(printf '%.2fx' "$sp") ;;
    esac
    awk -v s="$shape-$copies ($files files)" -v l="$label" -v m="$m" -v b="$bytes" -v n="$articles" -v p="${peaks[$k]}" -v r="$ratio" -v s2="$s2" \
      'BEGIN { printf "| %s | %s | %.2f | %.1f | %.0f | %.0f | %.2fx | %s |\n", s, l, m, b/1e6/m, n/m, p/1024, r, s2 }'
  done
  unset walls peaks
done
