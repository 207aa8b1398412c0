#!/usr/bin/env bash
# Throughput and peak memory of `assess count` on a corpus of ~10,000-word DOCX files,
# against two named baselines, with a check of assess's word counts against the corpus's
# expected.tsv. See Benchmarks/README.md.
#
# Usage: Benchmarks/count-throughput.sh [--count N] [--words W] [--runs R] [--no-build] [--no-baselines]
# Environment: ASSESS=/path/to/assess (use this binary, never build), N, WORDS, RUNS;
#              BENCH_TIMER=proc samples peak RSS from /proc instead of using GNU time.
# Exit status: 0 all counts as expected; 1 some file's count differs, errs or is missing;
#              2 the benchmark could not run (no binary, build failed, bad arguments...).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
WORK="$HERE/work"
N=${N:-200}
WORDS=${WORDS:-10000}
RUNS=${RUNS:-3}
BUILD=1
BASELINES=1

die() { printf 'count-throughput: %s\n' "$*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --count) N=${2:?--count needs a number}; shift 2 ;;
        --words) WORDS=${2:?--words needs a number}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-baselines) BASELINES=0; shift ;;
        -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
[[ $N =~ ^[1-9][0-9]*$ && $WORDS =~ ^[1-9][0-9]*$ && $RUNS =~ ^[1-9][0-9]*$ ]] ||
    die "--count, --words and --runs must be positive whole numbers"
command -v python3 >/dev/null || die "python3 is needed (corpus generator, baseline, report)"
mkdir -p "$WORK"

# ------------------------------------------------------------------ the assess binary
# shellcheck source=Benchmarks/find-assess.sh
source "$HERE/find-assess.sh"
find_assess

# ------------------------------------------------------------------ the corpus
CORPUS="$WORK/corpus-$N"
STAMP="count=$N words=$WORDS generator=$(cksum <"$HERE/make_corpus.py" | cut -d' ' -f1)"
if [[ ! -f $CORPUS/expected.tsv || "$(cat "$CORPUS/.params" 2>/dev/null)" != "$STAMP" ]]; then
    echo "generating the corpus: $N files of ~$WORDS words in ${CORPUS#"$ROOT"/}" >&2
    rm -rf "$CORPUS"
    python3 "$HERE/make_corpus.py" --count "$N" --words "$WORDS" --out "$CORPUS" --quiet
    printf '%s\n' "$STAMP" >"$CORPUS/.params"
fi
FILES=("$CORPUS"/submission-*.docx)
[[ ${#FILES[@]} -eq $N ]] || die "expected $N files in $CORPUS, found ${#FILES[@]}; delete the folder and run again"
QUARTER=$(( N / 4 > 0 ? N / 4 : 1 ))
SUBSET=("${FILES[@]:0:$QUARTER}")

# Does the binary know `count --json` at all? Fail clearly before timing anything.
if ! "$ASSESS" count --json "${FILES[0]}" >"$WORK/probe.json" 2>"$WORK/probe.err" ||
   ! python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and d' "$WORK/probe.json" 2>/dev/null; then
    echo "--- stderr of '$ASSESS count --json ${FILES[0]#"$ROOT"/}':" >&2
    head -n 20 "$WORK/probe.err" >&2
    die "'assess count --json FILE' did not print a JSON array (binary: $ASSESS)"
fi

# ------------------------------------------------------------------ measuring
# Peak RSS comes from GNU time -v (getrusage of the command and its children); install
# the `time` package when it is missing and we may, else sample VmHWM from /proc.
# Wall time is taken around the command with date +%s%N.
TIMER=""
if [[ ${BENCH_TIMER:-} != proc ]] && ! /usr/bin/time -v true >/dev/null 2>&1 && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing GNU time (apt-get install time)..." >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -q time ||
      { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time; }; } >"$WORK/apt.log" 2>&1 || true
fi
if [[ ${BENCH_TIMER:-} != proc ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    TIMER="gnu-time"
else
    TIMER="/proc polling"
    cat >"$WORK/proc_peak.py" <<'PY'
# Runs a command and samples VmHWM (peak RSS) of it and its descendants from /proc
# every 2 ms; the figure misses only growth in the last moments before an exit.
import subprocess, sys, time

def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def tree(pid):
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids

child = subprocess.Popen(sys.argv[2:])
peak = 0
while child.poll() is None:
    peak = max([peak] + [hwm(p) for p in tree(child.pid)])
    time.sleep(0.002)
with open(sys.argv[1], "w") as f:
    f.write(f"Maximum resident set size (kbytes): {peak}\n")
sys.exit(child.returncode if child.returncode >= 0 else 128 - child.returncode)
PY
fi

RESULTS="$WORK/results.tsv"
: >"$RESULTS"

# measure KEY LABEL NFILES OUTFILE -- COMMAND...: one untimed warm-up, then RUNS timed
# runs; records the median wall time and the largest peak RSS.
measure() {
    local key=$1 label=$2 nfiles=$3 out=$4; shift 5
    local rc=0 walls=() rss=0 r start end kb
    printf '  %-34s' "$label" >&2
    "$@" >"$out" 2>"$WORK/$key.stderr" || true
    for ((r = 1; r <= RUNS; r++)); do
        start=$(date +%s%N)
        if [[ $TIMER == gnu-time ]]; then
            /usr/bin/time -v -o "$WORK/$key.time" "$@" >"$out" 2>"$WORK/$key.stderr" && rc=0 || rc=$?
        else
            python3 "$WORK/proc_peak.py" "$WORK/$key.time" "$@" >"$out" 2>"$WORK/$key.stderr" && rc=0 || rc=$?
        fi
        end=$(date +%s%N)
        walls+=("$(( end - start ))")
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$WORK/$key.time")
        (( ${kb:-0} > rss )) && rss=$kb
        printf '.' >&2
    done
    local median
    median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    local bytes
    bytes=$(du -cb "${@: -$nfiles}" 2>/dev/null | tail -n 1 | cut -f1)
    printf ' %.2fs\n' "$(echo "$median" | awk '{print $1/1e9}')" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$label" "$nfiles" "$bytes" "$median" "$rss" "$rc" >>"$RESULTS"
}

echo "measuring ($RUNS timed runs each after a warm-up; peak RSS via $TIMER)..." >&2
measure assess_all "assess count --json ($N files)" "$N" "$WORK/assess-all.json" -- "$ASSESS" count --json "${FILES[@]}"
measure assess_quarter "assess count --json ($QUARTER files)" "$QUARTER" "$WORK/assess-quarter.json" -- "$ASSESS" count --json "${SUBSET[@]}"
measure assess_table "assess count, table ($N files)" "$N" "$WORK/assess-table.txt" -- "$ASSESS" count "${FILES[@]}"
if [[ $BASELINES == 1 ]]; then
    measure python "python3 baseline_count.py" "$N" "$WORK/python.tsv" -- python3 "$HERE/baseline_count.py" "${FILES[@]}"
    if command -v unzip >/dev/null; then
        # shellcheck disable=SC2016
        measure shell "unzip -p | sed | wc -w (per file)" "$N" "$WORK/shell.txt" -- bash -c \
            'for f; do printf "%s\t" "$f"; unzip -p "$f" word/document.xml | sed "s/<[^>]*>/ /g" | wc -w; done' _ "${FILES[@]}"
    else
        echo "  (unzip not found: shell baseline skipped; apt-get install unzip to add it)" >&2
    fi
fi

# ------------------------------------------------------------------ report
python3 - "$RESULTS" "$CORPUS" "$WORK" "$ASSESS" "$TIMER" "$RUNS" <<'PY'
import json, os, sys, zipfile
results, corpus, work, assess, timer, runs = sys.argv[1:7]

rows = {}
for line in open(results):
    key, label, nfiles, nbytes, wall_ns, rss_kb, rc = line.rstrip("\n").split("\t")
    rows[key] = dict(label=label, files=int(nfiles), mb=int(nbytes) / 1e6, wall=int(wall_ns) / 1e9,
                     rss=int(rss_kb) / 1024, rc=int(rc))
for r in rows.values():
    r["fps"] = r["files"] / r["wall"] if r["wall"] else float("inf")
    r["mbps"] = r["mb"] / r["wall"] if r["wall"] else float("inf")

expected = {}
with open(os.path.join(corpus, "expected.tsv")) as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        cells = line.rstrip("\n").split("\t")
        expected[cells[0]] = dict(zip(header[1:], map(int, cells[1:])))
docx = sorted(n for n in os.listdir(corpus) if n.endswith(".docx"))
xml_mb = 0
for name in docx:
    with zipfile.ZipFile(os.path.join(corpus, name)) as z:
        xml_mb += sum(i.file_size for i in z.infolist()) / 1e6
body_total = sum(e["words"] for e in expected.values())

print()
print(f"assess count throughput — corpus {os.path.relpath(corpus)}: {len(docx)} DOCX, "
      f"{rows['assess_all']['mb']:.1f} MB zipped, {xml_mb:.1f} MB of XML, {body_total:,} body words")
print(f"binary {assess}; median of {runs} runs after a warm-up; peak RSS by {timer}")
print()
print(f"  {'run':<36} {'files':>5} {'MB':>6} {'wall s':>7} {'files/s':>8} {'MB/s':>7} {'RSS MiB':>8} {'assess is':>10}")
base = rows["assess_all"]
for key in ("assess_all", "assess_quarter", "assess_table", "python", "shell"):
    if key not in rows:
        continue
    r = rows[key]
    ratio = ""
    if key in ("python", "shell") and r["fps"]:
        ratio = f"{base['fps'] / r['fps']:.1f}x"
    flag = f"  exit {r['rc']}" if r["rc"] else ""
    print(f"  {r['label']:<36} {r['files']:>5} {r['mb']:>6.1f} {r['wall']:>7.2f} {r['fps']:>8.1f} {r['mbps']:>7.2f} "
          f"{r['rss']:>8.1f} {ratio:>10}{flag}")
q = rows["assess_quarter"]
growth = base["rss"] - q["rss"]
verdict = "flat" if growth <= max(4.0, 0.1 * q["rss"]) else "GROWS with the number of files"
print()
print(f"peak memory: {base['rss']:.1f} MiB for {base['files']} files vs {q['rss']:.1f} MiB for {q['files']}: "
      f"{growth:+.1f} MiB, {verdict}")

# ---- sanity check: assess's words against expected.tsv
status = 0
try:
    entries = json.load(open(os.path.join(work, "assess-all.json")))
except (OSError, ValueError) as error:
    entries = []
    print(f"check: assess --json output did not parse: {error}")
    status = 1
got, errors, sections = {}, [], {}
for e in entries if isinstance(entries, list) else []:
    name = os.path.basename(str(e.get("file", "")))
    if e.get("error") is not None:
        errors.append(f"{name}: {e['error']}")
    if isinstance(e.get("words"), int):
        got[name] = e["words"]
    for k, v in (e.get("sections") or {}).items():
        if isinstance(v, int):
            sections[k] = sections.get(k, 0) + v
diffs = sorted(((got[n] - expected[n]["words"], n) for n in expected if n in got), key=lambda d: -abs(d[0]))
exact = sum(1 for d, _ in diffs if d == 0)
missing = [n for n in expected if n not in got]
max_abs = max((abs(d) for d, _ in diffs), default=0)
print(f"check: assess words = expected.tsv words for {exact}/{len(expected)} files; max |difference| {max_abs}"
      + (f"; {len(missing)} files missing from the output" if missing else "")
      + (f"; {len(errors)} errors" if errors else ""))
for d, n in [x for x in diffs if x[0]][:5]:
    print(f"   {n}: assess {got[n]}, expected {expected[n]['words']} ({d:+d})")
for line in errors[:3]:
    print(f"   error {line}")
if exact != len(expected) or errors:
    status = 1
if sections:
    totals = {c: sum(e[c] for e in expected.values()) for c in ("front_matter", "references", "appendix")}
    print("       assess sections, summed: " + ", ".join(f"{k} {v:,}" for k, v in sorted(sections.items())))
    print("       generator put: body (headings, paragraphs, lists) " + f"{body_total:,}, "
          + ", ".join(f"{k} {v:,}" for k, v in totals.items())
          + f", tables {sum(e['table_cells'] for e in expected.values()):,}, captions "
          + f"{sum(e['captions'] for e in expected.values()):,}, footnotes {sum(e['footnotes'] for e in expected.values()):,}")

if "python" in rows:
    py = {}
    for line in open(os.path.join(work, "python.tsv")):
        path, value = line.rstrip("\n").split("\t", 1)
        py[os.path.basename(path)] = int(value) if value.isdigit() else None
    same = sum(1 for n in expected if py.get(n) == expected[n]["words"])
    print(f"       python baseline = expected.tsv for {same}/{len(expected)} files (same body rules)")
if "shell" in rows:
    total = sum(int(line.rsplit("\t", 1)[1]) for line in open(os.path.join(work, "shell.txt")) if "\t" in line)
    print(f"       shell baseline counts {total:,} raw tokens (all of document.xml, split runs twice, no body rules)")
sys.exit(status)
PY
