#!/usr/bin/env bash
# One corpus, four routes, one set of reports: a single run, shard-and-merge
# (--shard K/N --partial, then merge), and Spark local mode (local[2]) over JSON lines and
# over a folder must write byte-identical reports (diff -r).
#
# Needs Java (installed from Debian if absent and we are root) and pyspark (installed from
# PyPI into a venv, kept in $BROADSHEET_SPARK_VENV, default ~/.cache/broadsheet-spark-venv,
# so later runs reuse it: the download is about 450 MB). Skipped, saying why, only when one
# of them cannot be installed.
#
#   bash scale/test_spark.sh            # 3000 generated articles
#   SPARK_TEST_ARTICLES=500 bash scale/test_spark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BROADSHEET_BIN:-target/release/broadsheet}
N=${SPARK_TEST_ARTICLES:-3000}
VENV=${BROADSHEET_SPARK_VENV:-$HOME/.cache/broadsheet-spark-venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

skip() {
  echo "spark test SKIPPED: $*"
  echo "spark: 0 passed, 0 failed, 1 skipped"
  exit 0
}

[ -x "$BIN" ] || cargo build --release
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

apt_install() {
  command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] || return 1
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } \
    >>"$work/apt.log" 2>&1
}

if ! command -v java >/dev/null; then
  echo "spark test: no java; installing a JRE from Debian"
  apt_install default-jre-headless || apt_install openjdk-17-jre-headless || true
fi
command -v java >/dev/null ||
  skip "no Java, and it could not be installed (apt-get install default-jre-headless)"

if ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
  echo "spark test: installing pyspark into $VENV (about 450 MB, once)"
  if ! python3 -m venv "$VENV" 2>>"$work/venv.log"; then
    apt_install python3-venv || true
    python3 -m venv "$VENV" 2>>"$work/venv.log" || skip "python3 -m venv failed: $(tail -1 "$work/venv.log")"
  fi
  "$VENV/bin/pip" install -q pyspark >"$work/pip.log" 2>&1 ||
    skip "pyspark could not be installed from PyPI: $(tail -1 "$work/pip.log")"
fi

# Quiet Spark: loopback only, log4j at error.
export SPARK_LOCAL_IP=127.0.0.1 SPARK_CONF_DIR="$work/conf" PYSPARK_PYTHON="$VENV/bin/python"
export PATH="$VENV/bin:$PATH"
mkdir -p "$SPARK_CONF_DIR"
cat >"$SPARK_CONF_DIR/log4j2.properties" <<'EOF'
rootLogger.level = error
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c: %m%n
EOF

python3 scale/make_articles.py "$N" "$work/articles" "$work/articles.jsonl"

# broadsheet exits 1 when it skipped a file (the generated blank one); 2 is an error.
bs() {
  local rc=0
  "$BIN" "$@" || rc=$?
  [ "$rc" -le 1 ] || { echo "spark test: broadsheet $* failed ($rc)"; exit 1; }
}

passed=0
failed=0
check() {
  if diff -r "$work/single" "$work/$1" >"$work/$1.diff"; then
    echo "spark test: $1 == single run"
    passed=$((passed + 1))
  else
    echo "spark test: $1 differs from the single run:"
    head -20 "$work/$1.diff"
    failed=$((failed + 1))
  fi
}

bs "$work/articles" --out "$work/single" -q

for k in 1 2 3; do
  bs "$work/articles" --shard "$k/3" --partial "$work/shard$k.part" -q
done
bs merge "$work/shard3.part" "$work/shard1.part" "$work/shard2.part" --out "$work/sharded" -q
check sharded

# spark_job.py exits as broadsheet merge does: 1 when files were skipped.
# Python's temporary folder is the test's own, so a partials folder left behind shows.
mkdir -p "$work/tmp"
submit() {
  local started=$SECONDS rc=0
  TMPDIR="$work/tmp" spark-submit --master 'local[2]' --files "$BIN" scale/spark_job.py "$@" \
    2> >(grep -v -e 'incubator modules' -e '^\s*$' >&2) || rc=$?
  [ "$rc" -le 1 ] || { echo "spark test: spark_job.py $* failed ($rc)"; exit 1; }
  echo "spark test: spark-submit took $((SECONDS - started)) s"
}
submit --jsonl "$work/articles.jsonl" --out "$work/spark_jsonl"
check spark_jsonl
submit --folder "$work/articles" --out "$work/spark_folder" --partitions 3
check spark_folder

left=$(find "$work/tmp" -maxdepth 1 -name 'broadsheet-partials-*' | wc -l)
if [ "$left" -eq 0 ]; then
  echo "spark test: no partials folder left behind"
  passed=$((passed + 1))
else
  echo "spark test: spark_job.py left $left partials folder(s) in \$TMPDIR"
  failed=$((failed + 1))
fi

echo "spark: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
