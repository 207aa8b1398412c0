#!/usr/bin/env bash
# How close `assess count` comes to the C libraries underneath it, on a mixed corpus of
# dissertations, assignments and slide decks: assess on one core against the project's
# own C floor (wt_floor.c: libzip + libxml2 and nothing else) on one core, assess on all
# cores, peak memory as the number of files grows, and pandoc and python-docx when they
# are installed. Checks every count before it times anything. See Benchmarks/README.md.
#
# Usage: Benchmarks/speed.sh [--count N] [--runs R] [--sizes "50 200 800"]
#                            [--baseline-count B] [--no-baselines] [--no-build]
# Environment: ASSESS=/path/to/assess (use this binary, never build); CC (default cc).
# Exit status: 0 every count as expected; 1 a count of assess or of the floor differs
#              from expected.tsv, or a file errs; 2 the benchmark could not run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
WORK="$HERE/work"
N=200
RUNS=5
SIZES="50 200 800"
BASE_N=40
BASELINES=1
BUILD=1

die() { printf 'speed: %s\n' "$*" >&2; exit 2; }
note() { printf '%s\n' "$*" >&2; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --count) N=${2:?--count needs a number}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --sizes) SIZES=${2:?--sizes needs a list of numbers}; shift 2 ;;
        --baseline-count) BASE_N=${2:?--baseline-count needs a number}; shift 2 ;;
        --no-baselines) BASELINES=0; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
for value in "$N" "$RUNS" "$BASE_N" $SIZES; do
    [[ $value =~ ^[1-9][0-9]*$ ]] || die "--count, --runs, --sizes and --baseline-count take positive whole numbers ('$value' is not one)"
done
command -v python3 >/dev/null || die "python3 is needed (corpus generator and report)"
OUT="$WORK/speed"   # this script's outputs of the last run
mkdir -p "$WORK" "$OUT"
CORES=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)

# ------------------------------------------------------------------ the assess binary
# shellcheck source=Benchmarks/find-assess.sh
source "$HERE/find-assess.sh"
find_assess

# ------------------------------------------------------------------ the C floor
FLOOR="$WORK/wt_floor"
if [[ ! -x $FLOOR || $HERE/wt_floor.c -nt $FLOOR ]]; then
    pkg-config --exists libxml-2.0 libzip 2>/dev/null ||
        die "pkg-config cannot find libxml-2.0 and libzip; apt-get install pkg-config libxml2-dev libzip-dev"
    # shellcheck disable=SC2046
    "${CC:-cc}" -O2 -o "$FLOOR" "$HERE/wt_floor.c" $(pkg-config --cflags --libs libxml-2.0 libzip) ||
        die "could not compile wt_floor.c"
fi

# ------------------------------------------------------------------ the corpus
MAX=$N
for size in $SIZES; do (( size > MAX )) && MAX=$size; done
# A corpus's first files are the files of a smaller one, so any corpus made by this
# generator with at least $MAX files will do.
GENERATOR=$(cat "$HERE/make_mixed_corpus.py" "$HERE/make_corpus.py" | cksum | cut -d' ' -f1)
CORPUS=""
for dir in "$WORK"/mixed-*; do
    read -r count generator <"$dir/.params" 2>/dev/null || continue
    if [[ $generator == "generator=$GENERATOR" && ${count#count=} -ge $MAX && -f $dir/expected.tsv ]]; then
        CORPUS=$dir
        break
    fi
done
if [[ -z $CORPUS ]]; then
    CORPUS="$WORK/mixed-$MAX"
    note "generating the corpus: $MAX files (dissertations, assignments, decks) in ${CORPUS#"$ROOT"/}"
    rm -rf "$CORPUS"
    python3 "$HERE/make_mixed_corpus.py" --count "$MAX" --out "$CORPUS" --quiet
    printf 'count=%s generator=%s\n' "$MAX" "$GENERATOR" >"$CORPUS/.params"
fi
mapfile -t ALL < <(tail -n +2 "$CORPUS/expected.tsv" | head -n "$MAX" | cut -f1 | sed "s|^|$CORPUS/|")
[[ ${#ALL[@]} -eq $MAX ]] || die "expected $MAX files in $CORPUS, found ${#ALL[@]}; delete the folder and run again"
FILES=("${ALL[@]:0:$N}")
# The baselines read DOCX only (pandoc 2 and python-docx have no PPTX reader).
BASE_FILES=()
for f in "${ALL[@]:0:$BASE_N}"; do [[ $f == *.docx ]] && BASE_FILES+=("$f"); done

# ------------------------------------------------------------------ measuring
# Each run is timed by a small Python wrapper: wall time with perf_counter_ns around the
# command, and its CPU time (user + system, itself and the processes it waits for) from
# getrusage, in microseconds where GNU time prints hundredths of a second. Peak RSS comes
# from GNU time, which runs inside the wrapper: getrusage's figure for the wrapper's
# child would count the Python process it was forked from. Without GNU time (apt-get
# install time) the RSS column is left empty.
if ! /usr/bin/time -f %M true >/dev/null 2>&1 && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    note "installing GNU time (apt-get install time)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >"$OUT/apt.log" 2>&1 || true
fi
GNU_TIME=()
/usr/bin/time -f %M true >/dev/null 2>&1 && GNU_TIME=(/usr/bin/time -f %M -o)
cat >"$OUT/measure.py" <<'PY'
import resource, subprocess, sys, time
out, err, rss_file, *command = sys.argv[1:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.perf_counter_ns()
with open(out, "wb") as stdout, open(err, "wb") as stderr:
    status = subprocess.call(command, stdout=stdout, stderr=stderr)
wall = time.perf_counter_ns() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
try:
    rss = open(rss_file).read().split()[-1]  # GNU time's last line; "Command exited..." may come first
except (OSError, IndexError):
    rss = "0"
print(f"{wall}\t{cpu:.6f}\t{rss}\t{status}")
PY
PIN=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
    PIN=(taskset -c 0)
else
    note "taskset is missing: the one-core runs are not pinned (apt-get install util-linux)"
fi

RESULTS="$OUT/runs.tsv"
: >"$RESULTS"
# run KEY LABEL -- COMMAND...: one timed run; appends KEY, LABEL, wall ns, CPU seconds,
# peak RSS in KiB and the exit status to runs.tsv.
run() {
    local key=$1 label=$2; shift 3
    rm -f "$OUT/$key.rss"
    local timer=()
    [[ ${#GNU_TIME[@]} -gt 0 ]] && timer=("${GNU_TIME[@]}" "$OUT/$key.rss")
    printf '%s\t%s\t%s\n' "$key" "$label" "$(python3 "$OUT/measure.py" "$OUT/$key.out" "$OUT/$key.err" "$OUT/$key.rss" "${timer[@]}" "$@")" >>"$RESULTS"
    printf '.' >&2
}
sizes_file="$OUT/files.tsv"   # key -> number of files and their bytes
: >"$sizes_file"
files_of() { local key=$1; shift; printf '%s\t%s\t%s\n' "$key" "$#" "$(du -cb "$@" | tail -n 1 | cut -f1)" >>"$sizes_file"; }

# 1. The counts, before any timing: assess and the floor against expected.tsv.
note "checking the counts of ${#FILES[@]} files..."
"$ASSESS" count --json "${FILES[@]}" >"$OUT/check-assess.json" 2>"$OUT/check-assess.err" || true
"$FLOOR" "${FILES[@]}" >"$OUT/check-floor.tsv" 2>"$OUT/check-floor.err" || true

# 2. One core: the floor and assess --jobs 1, interleaved so that a busy neighbour
#    slows both alike; one untimed warm-up each first.
note "timing on one core (${PIN[*]:-unpinned}), $RUNS runs each, interleaved"
"${PIN[@]}" "$FLOOR" "${FILES[@]}" >/dev/null 2>&1 || true
"${PIN[@]}" "$ASSESS" count --json --jobs 1 "${FILES[@]}" >/dev/null 2>&1 || true
files_of floor1 "${FILES[@]}"; files_of assess1 "${FILES[@]}"
for ((r = 1; r <= RUNS; r++)); do
    run floor1 "wt_floor (C), 1 core" -- "${PIN[@]}" "$FLOOR" "${FILES[@]}"
    run assess1 "assess count --jobs 1, 1 core" -- "${PIN[@]}" "$ASSESS" count --json --jobs 1 "${FILES[@]}"
done
note ""

# 3. All cores: assess as it runs by default, and the floor split over the cores.
note "timing on all $CORES cores, $RUNS runs each, interleaved"
chunk=$(( (${#FILES[@]} + CORES - 1) / CORES ))
files_of floorN "${FILES[@]}"; files_of assessN "${FILES[@]}"
for ((r = 1; r <= RUNS; r++)); do
    run floorN "wt_floor (C), $CORES processes" -- bash -c 'printf "%s\0" "${@:3}" | xargs -0 -P "$1" -n "$2" "$0"' "$FLOOR" "$CORES" "$chunk" "${FILES[@]}"
    run assessN "assess count, all cores" -- "$ASSESS" count --json "${FILES[@]}"
done
note ""

# 4. Peak memory as the corpus grows (all cores, the default).
note "peak memory at ${SIZES// /, } files"
for size in $SIZES; do
    subset=("${ALL[@]:0:$size}")
    files_of "mem$size" "${subset[@]}"
    run "mem$size" "assess count, all cores, $size files" -- "$ASSESS" count --json "${subset[@]}"
done
note ""

# 5. Other tools, on the DOCX among the first $BASE_N files, one core.
if [[ $BASELINES == 1 && ${#BASE_FILES[@]} -gt 0 ]]; then
    base_runs=$(( RUNS < 3 ? RUNS : 3 ))
    HAVE_PANDOC=0; command -v pandoc >/dev/null && HAVE_PANDOC=1
    HAVE_DOCX=0; python3 -c 'import docx' 2>/dev/null && HAVE_DOCX=1
    note "baselines on ${#BASE_FILES[@]} DOCX, one core, $base_runs runs each"
    [[ $HAVE_PANDOC == 1 ]] || note "  (pandoc not found: skipped; apt-get install pandoc to add it)"
    [[ $HAVE_DOCX == 1 ]] || note "  (python-docx not found: skipped; pip install python-docx to add it)"
    files_of assessB "${BASE_FILES[@]}"
    for ((r = 1; r <= base_runs; r++)); do
        run assessB "assess count --jobs 1, 1 core" -- "${PIN[@]}" "$ASSESS" count --json --jobs 1 "${BASE_FILES[@]}"
    done
    if [[ $HAVE_PANDOC == 1 ]]; then
        files_of pandoc "${BASE_FILES[@]}"
        for ((r = 1; r <= base_runs; r++)); do
            # shellcheck disable=SC2016
            run pandoc "pandoc -t plain | wc -w, per file" -- "${PIN[@]}" bash -c \
                'for f; do printf "%s\t" "$f"; pandoc -t plain "$f" | wc -w; done' _ "${BASE_FILES[@]}"
        done
    fi
    if [[ $HAVE_DOCX == 1 ]]; then
        files_of pydocx "${BASE_FILES[@]}"
        for ((r = 1; r <= base_runs; r++)); do
            run pydocx "python-docx (python_docx_count.py)" -- "${PIN[@]}" python3 "$HERE/python_docx_count.py" "${BASE_FILES[@]}"
        done
    fi
    files_of pystd "${BASE_FILES[@]}"
    for ((r = 1; r <= base_runs; r++)); do
        run pystd "python3 stdlib (baseline_count.py)" -- "${PIN[@]}" python3 "$HERE/baseline_count.py" "${BASE_FILES[@]}"
    done
    note ""
fi

# ------------------------------------------------------------------ report
python3 - "$RESULTS" "$sizes_file" "$CORPUS" "$OUT" "$ASSESS" "$N" "$CORES" "${PIN[*]:-unpinned}" "$SIZES" <<'PY'
import json, os, statistics, sys
results, sizes_file, corpus, work, assess, n, cores, pin, sizes = sys.argv[1:10]
n, cores = int(n), int(cores)

files = {}
for line in open(sizes_file):
    key, count, nbytes = line.rstrip("\n").split("\t")
    files[key] = (int(count), int(nbytes) / 1e6)
runs = {}
for line in open(results):
    key, label, wall, cpu, rss, rc = line.rstrip("\n").split("\t")
    runs.setdefault(key, dict(label=label, wall=[], cpu=[], rss=0, rc=0))
    r = runs[key]
    r["wall"].append(int(wall) / 1e9)
    r["cpu"].append(float(cpu))
    r["rss"] = max(r["rss"], int(rss) / 1024)
    r["rc"] = max(r["rc"], int(rc))
for key, r in runs.items():
    r["files"], r["mb"] = files[key]
    r["wall_m"], r["cpu_m"] = statistics.median(r["wall"]), statistics.median(r["cpu"])
    r["fps"] = r["files"] / r["wall_m"]
    r["mbps"] = r["mb"] / r["wall_m"]
    r["fps_cpu"] = r["files"] / r["cpu_m"] if r["cpu_m"] else float("inf")

expected = {}
with open(os.path.join(corpus, "expected.tsv")) as f:
    next(f)
    for line in f:
        name, kind, words, tokens = line.rstrip("\n").split("\t")
        expected[name] = (kind, int(words), int(tokens))
kinds = {}
for name, _ in zip(expected, range(n)):
    kinds[expected[name][0]] = kinds.get(expected[name][0], 0) + 1

print()
print(f"assess count speed — {n} files of {os.path.relpath(corpus)}: "
      + ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in sorted(kinds.items()))
      + f"; {files['assess1'][1]:.1f} MB zipped")
print(f"binary {assess}; {cores} cores; one-core runs pinned with '{pin}'; median of the runs "
      "(wall time; CPU time: user + system of the command and its children)")
print()
print(f"  {'run':<40} {'files':>5} {'MB':>5} {'wall s':>7} {'CPU s':>6} {'files/s':>8} {'MB/s':>6} {'RSS MiB':>8}")
order = ["floor1", "assess1", "floorN", "assessN"] + [f"mem{s}" for s in sizes.split()] + ["assessB", "pandoc", "pydocx", "pystd"]
for key in order:
    if key not in runs:
        continue
    r = runs[key]
    if key == "assessB":
        print(f"  -- the DOCX among the first files, one core:")
    flag = f"  exit {r['rc']}" if r["rc"] else ""
    rss = f"{r['rss']:>8.1f}" if r["rss"] else f"{'-':>8}"
    print(f"  {r['label']:<40} {r['files']:>5} {r['mb']:>5.1f} {r['wall_m']:>7.2f} {r['cpu_m']:>6.2f} {r['fps']:>8.1f} "
          f"{r['mbps']:>6.2f} {rss}{flag}")

a1, f1, aN, fN = runs["assess1"], runs["floor1"], runs["assessN"], runs["floorN"]
wall_ratio = a1["fps"] / f1["fps"]
cpu_ratio = f1["cpu_m"] / a1["cpu_m"]
# Per-run ratios of interleaved pairs: each pair saw much the same load from neighbours.
pairs = sorted(fc / ac for fc, ac in zip(f1["cpu"], a1["cpu"]) if ac)
print()
met = {"both": wall_ratio >= 0.7 and cpu_ratio >= 0.7, "wall": wall_ratio >= 0.7, "cpu": cpu_ratio >= 0.7}
print(f"one core: assess / C floor = {wall_ratio:.2f}x by wall time, {cpu_ratio:.2f}x by CPU time "
      f"(runs paired: {pairs[0]:.2f}-{pairs[-1]:.2f}x by CPU); goal 0.70x: "
      + ("met" if met["both"] else "met by wall time only" if met["wall"] else "met by CPU time only" if met["cpu"] else "NOT met"))
print(f"all {cores} cores: assess {aN['fps']:.1f} files/s = {aN['fps'] / a1['fps']:.2f}x its one-core rate "
      f"(CPU {aN['cpu_m']:.2f} s vs {a1['cpu_m']:.2f} s on one core); {aN['fps'] / fN['fps']:.2f}x the floor on {cores} processes")
mem = [(int(s), runs[f"mem{s}"]["rss"]) for s in sizes.split() if f"mem{s}" in runs]
if len(mem) > 1 and all(m for _, m in mem):
    low, high = min(m for _, m in mem), max(m for _, m in mem)
    verdict = "flat" if high - low <= max(4.0, 0.1 * low) else "GROWS with the number of files"
    print("peak memory: " + ", ".join(f"{s} files {m:.1f} MiB" for s, m in mem) + f": {verdict} ({high - low:+.1f} MiB)")
if "assessB" in runs:
    b = runs["assessB"]
    others = [k for k in ("pandoc", "pydocx", "pystd") if k in runs]
    if others:
        print("other tools, one core, same DOCX: assess is "
              + ", ".join(f"{b['fps'] / runs[k]['fps']:.1f}x {runs[k]['label'].split(' (')[0].split(',')[0]}" for k in others))

# ---- the counts
status = 0
try:
    entries = json.load(open(os.path.join(work, "check-assess.json")))
except (OSError, ValueError) as error:
    entries = []
    print(f"check: assess --json output did not parse: {error}")
    status = 1
got = {os.path.basename(str(e.get("file"))): e for e in entries if isinstance(e, dict)}
names = list(expected)[:n]
same = [x for x in names if x in got and got[x].get("error") is None and got[x].get("words") == expected[x][1]]
errors = [f"{x}: {got[x]['error']}" for x in names if x in got and got[x].get("error") is not None]
print()
print(f"check: assess words = expected.tsv for {len(same)}/{len(names)} files" + (f"; {len(errors)} errors" if errors else ""))
for x in [x for x in names if x not in same][:5]:
    print(f"   {x}: assess {got.get(x, {}).get('words')}, expected {expected[x][1]}")
for line in errors[:3]:
    print(f"   error {line}")
floor = {}
for line in open(os.path.join(work, "check-floor.tsv")):
    path, value = line.rstrip("\n").split("\t", 1)
    floor[os.path.basename(path)] = int(value) if value.isdigit() else value
floor_same = [x for x in names if floor.get(x) == expected[x][2]]
print(f"       wt_floor tokens = expected.tsv for {len(floor_same)}/{len(names)} files (runs joined in a paragraph)")
for x in [x for x in names if x not in floor_same][:5]:
    print(f"   {x}: wt_floor {floor.get(x)}, expected {expected[x][2]}")
if len(same) != len(names) or len(floor_same) != len(names) or errors:
    status = 1
sys.exit(status)
PY
