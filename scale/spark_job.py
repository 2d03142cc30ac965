"""Run broadsheet on a Spark cluster: every partition is piped through the same native
binary (`broadsheet --stdin-jsonl --partial -`), the partial results come back to the
driver, and `broadsheet merge` writes the reports one run over all articles would write.

    spark-submit --master local[2] --files target/release/broadsheet \\
        scale/spark_job.py --jsonl articles.jsonl --out reports

Input is either JSON lines (`--jsonl`, any path Spark reads: local, HDFS, S3; one
{"id", "title", "text"} object per line) or a folder on a file system every executor
sees (`--folder`): the driver lists its .txt and .md files (hidden ones left out, as
broadsheet does) and the executors read them. Listing in the driver is deliberate: Spark's
own listing of many small files is slow without Hadoop's native library.

The binary comes from `--files` (found with SparkFiles.get) or `--binary PATH`. Partials
are small (about half the text or less), so they are collected to the driver.
"""

import argparse
import codecs
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession

ARTICLE_EXTENSIONS = (".txt", ".md")


def list_articles(folder):
    """(id, path) of every article file under folder, sorted by id: ids are paths relative
    to the folder with / separators, like broadsheet's `article` column."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_EXTENSIONS):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            found.append((rel, path))
    found.sort()
    return found


def _cp1252_undefined(err):
    # encoding_rs, which broadsheet uses, maps the five bytes Windows-1252 leaves undefined
    # to the C1 control characters of the same value; Python's codec refuses them.
    byte = err.object[err.start]
    return chr(byte), err.start + 1


codecs.register_error("broadsheet-c1", _cp1252_undefined)


def decode(data):
    """Bytes to (text, encoding name) as broadsheet decodes files: UTF-16 with a byte-order
    mark, UTF-8 (a byte-order mark removed), else Windows-1252."""
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace"), "utf-16le"
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace"), "utf-16be"
    name = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data, name = data[3:], "utf-8-bom"
    try:
        return data.decode("utf-8"), name
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="broadsheet-c1"), "windows-1252"


def file_record(item):
    article_id, path = item
    with open(path, "rb") as f:
        text, encoding = decode(f.read())
    record = {"id": article_id, "text": text}
    if encoding != "utf-8":
        record["encoding"] = encoding
    return json.dumps(record, ensure_ascii=False)


def binary_path(given):
    """The broadsheet binary: --binary, else the file shipped with --files."""
    path = given or SparkFiles.get("broadsheet")
    if not os.path.exists(path):
        raise SystemExit(
            f"spark_job: no broadsheet binary at {path}: ship it with "
            "--files target/release/broadsheet or give --binary"
        )
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def analyse_partition(binary, extra_args):
    """A function for mapPartitions: pipes the partition's JSON lines through broadsheet
    and yields its partial result (bytes), or nothing for an empty partition."""

    def run(lines):
        data = "".join(line.rstrip("\n") + "\n" for line in lines).encode("utf-8")
        if not data:
            return
        exe = binary_path(binary)
        cmd = [exe, "--stdin-jsonl", "--partial", "-", "--quiet", "--jobs", "1", *extra_args]
        done = subprocess.run(cmd, input=data, capture_output=True, check=False)
        # 0: every record read; 1: some skipped (listed in skipped.csv); else an error.
        if done.returncode not in (0, 1):
            raise RuntimeError(
                f"broadsheet failed ({done.returncode}): {done.stderr.decode(errors='replace')}"
            )
        yield done.stdout

    return run


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--jsonl", nargs="+", metavar="PATH", help="JSON-lines files")
    source.add_argument("--folder", metavar="DIR", help="a folder of article files")
    p.add_argument("--out", required=True, metavar="DIR", help="reports folder")
    p.add_argument("--partials", metavar="DIR", help="keep the partial results here")
    p.add_argument("--partitions", type=int, help="default: 2 per core")
    p.add_argument("--binary", help="broadsheet binary (default: the one from --files)")
    p.add_argument(
        "--shard-args", default="", help="extra broadsheet options for the analysis"
    )
    p.add_argument(
        "--merge-args", default="", help="extra broadsheet merge options (--top 30 ...)"
    )
    args = p.parse_args(argv)

    started = time.time()
    spark = SparkSession.builder.appName("broadsheet").getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or 2 * sc.defaultParallelism
    if args.jsonl:
        records = sc.textFile(",".join(args.jsonl)).filter(lambda l: l.strip())
        records = records.repartition(partitions)
        what = ", ".join(args.jsonl)
    else:
        files = list_articles(args.folder)
        records = sc.parallelize(files, max(1, min(partitions, len(files)))).map(file_record)
        what = f"{len(files)} files in {args.folder}"

    analysed = time.time()
    partials = records.mapPartitions(
        analyse_partition(args.binary, shlex.split(args.shard_args))
    ).collect()
    analysed = time.time() - analysed

    # Partials asked for with --partials are kept; otherwise they live only as long as the
    # merge needs them, so repeated runs do not fill the temporary folder.
    scratch = None if args.partials else tempfile.TemporaryDirectory(prefix="broadsheet-partials-")
    keep = args.partials or scratch.name
    try:
        os.makedirs(keep, exist_ok=True)
        names = []
        for i, data in enumerate(partials):
            name = os.path.join(keep, f"part-{i:05d}.part")
            with open(name, "wb") as f:
                f.write(data)
            names.append(name)
        merged = time.time()
        exe = binary_path(args.binary)
        cmd = [exe, "merge", *names, "--out", args.out, *shlex.split(args.merge_args)]
        done = subprocess.run(cmd, check=False)
        merged = time.time() - merged
    finally:
        if scratch is not None:
            scratch.cleanup()
    spark.stop()
    size = sum(len(d) for d in partials)
    print(
        f"spark_job: {what}: {len(partials)} partials, {size} bytes, analysed in "
        f"{analysed:.1f} s, merged in {merged:.1f} s, {time.time() - started:.1f} s in all; "
        f"reports in {args.out}",
        file=sys.stderr,
    )
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
