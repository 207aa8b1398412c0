#!/usr/bin/env bash
# Throughput and peak memory of `assess mcq mark` on 200,000 answer sheets of 60 items
# (marking, item analysis and every output file), against a pandas script that does the
# same marking and analysis, with a check that both give the same scores. See
# Benchmarks/README.md.
#
# Usage: Benchmarks/mcq-throughput.sh [--sheets N] [--items M] [--runs R] [--no-build] [--no-pandas]
# Environment: ASSESS=/path/to/assess (use this binary, never build), SHEETS, ITEMS, RUNS.
# Exit status: 0 done and the scores agree; 1 a score differs or a run failed;
#              2 the benchmark could not run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
WORK="$HERE/work"
SHEETS=${SHEETS:-200000}
ITEMS=${ITEMS:-60}
RUNS=${RUNS:-3}
BUILD=1
PANDAS=1

die() { printf 'mcq-throughput: %s\n' "$*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --sheets) SHEETS=${2:?--sheets needs a number}; shift 2 ;;
        --items) ITEMS=${2:?--items needs a number}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-pandas) PANDAS=0; shift ;;
        -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
[[ $SHEETS =~ ^[1-9][0-9]*$ && $ITEMS =~ ^[1-9][0-9]*$ && $RUNS =~ ^[1-9][0-9]*$ ]] ||
    die "--sheets, --items and --runs must be positive whole numbers"
(( SHEETS >= 8 )) || die "--sheets must be at least 8"
command -v python3 >/dev/null || die "python3 is needed (data generator, report)"
mkdir -p "$WORK"

# ------------------------------------------------------------------ the assess binary
# shellcheck source=Benchmarks/find-assess.sh
source "$HERE/find-assess.sh"
find_assess

# ------------------------------------------------------------------ the data
DATA="$WORK/mcq-$SHEETS-$ITEMS"
STAMP="sheets=$SHEETS items=$ITEMS generator=$(cksum <"$HERE/make_mcq.py" | cut -d' ' -f1)"
if [[ ! -f $DATA/responses.csv || "$(cat "$DATA/.params" 2>/dev/null)" != "$STAMP" ]]; then
    echo "generating $SHEETS answer sheets of $ITEMS items in ${DATA#"$ROOT"/} (takes a while once)" >&2
    rm -rf "$DATA"
    python3 "$HERE/make_mcq.py" --sheets "$SHEETS" --items "$ITEMS" --out "$DATA"
    printf '%s\n' "$STAMP" >"$DATA/.params"
fi
QUARTER_SHEETS=$(( SHEETS / 4 ))
if [[ ! -f $DATA/quarter.csv ]]; then head -n $(( QUARTER_SHEETS + 1 )) "$DATA/responses.csv" >"$DATA/quarter.csv"; fi

"$ASSESS" mcq mark --help >/dev/null 2>&1 || die "'$ASSESS' has no 'mcq mark' command"

# ------------------------------------------------------------------ measuring
if ! /usr/bin/time -v true >/dev/null 2>&1 && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing GNU time (apt-get install time)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >"$WORK/apt.log" 2>&1 || true
fi
/usr/bin/time -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time -v) is needed for peak memory; apt-get install time"

RESULTS="$WORK/mcq-results.tsv"
: >"$RESULTS"

# measure KEY LABEL SHEETS RUNS -- COMMAND...: one untimed warm-up when RUNS > 1, then
# RUNS timed runs; records the median wall time, the largest peak RSS and the exit status.
measure() {
    local key=$1 label=$2 sheets=$3 runs=$4; shift 5
    local walls=() rss=0 rc=0 start end kb r
    printf '  %-40s' "$label" >&2
    if (( runs > 1 )); then "$@" >"$WORK/$key.out" 2>"$WORK/$key.err" || true; fi
    for ((r = 1; r <= runs; r++)); do
        start=$(date +%s%N)
        /usr/bin/time -v -o "$WORK/$key.time" "$@" >"$WORK/$key.out" 2>"$WORK/$key.err" && rc=0 || rc=$?
        end=$(date +%s%N)
        walls+=("$(( end - start ))")
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$WORK/$key.time")
        (( ${kb:-0} > rss )) && rss=$kb
        printf '.' >&2
    done
    local median
    median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    printf ' %.2fs\n' "$(echo "$median" | awk '{print $1/1e9}')" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$key" "$label" "$sheets" "$median" "$rss" "$rc" >>"$RESULTS"
}

echo "measuring ($RUNS timed runs of assess after a warm-up; pandas once; peak RSS by GNU time)..." >&2
rm -rf "$WORK/mcq-assess" "$WORK/mcq-assess-quarter" "$WORK/mcq-pandas"
measure assess "assess mcq mark --json ($SHEETS sheets)" "$SHEETS" "$RUNS" -- \
    "$ASSESS" mcq mark --key "$DATA/key.csv" --responses "$DATA/responses.csv" --out "$WORK/mcq-assess" --json --quiet
measure assess_quarter "assess mcq mark --json ($QUARTER_SHEETS sheets)" "$QUARTER_SHEETS" "$RUNS" -- \
    "$ASSESS" mcq mark --key "$DATA/key.csv" --responses "$DATA/quarter.csv" --out "$WORK/mcq-assess-quarter" --json --quiet
if [[ $PANDAS == 1 ]]; then
    if python3 -c 'import pandas, numpy' 2>/dev/null; then
        measure pandas "python3 baseline_mcq.py (pandas)" "$SHEETS" 1 -- \
            python3 "$HERE/baseline_mcq.py" "$DATA/key.csv" "$DATA/responses.csv" "$WORK/mcq-pandas"
    else
        echo "  (pandas is not installed: the baseline is skipped; pip install pandas to add it)" >&2
    fi
fi

# ------------------------------------------------------------------ report
python3 - "$RESULTS" "$WORK" "$DATA" "$ASSESS" "$RUNS" "$ITEMS" <<'PY'
import csv, json, os, sys
results, work, data, assess, runs, items = sys.argv[1:7]
items = int(items)
rows = {}
for line in open(results):
    key, label, sheets, wall, rss, rc = line.rstrip("\n").split("\t")
    rows[key] = dict(label=label, sheets=int(sheets), wall=int(wall) / 1e9, rss=int(rss) / 1024, rc=int(rc))
size = os.path.getsize(os.path.join(data, "responses.csv")) / 1e6
base = rows["assess"]
print()
print(f"assess mcq mark throughput: {base['sheets']:,} sheets of {items} items ({size:.1f} MB of CSV), "
      f"marking + item analysis + results.csv, item-analysis.csv, report.html and LMS files")
print(f"binary {assess}; assess: median of {runs} runs after a warm-up; pandas: one run; peak RSS by GNU time")
print()
print(f"  {'run':<44} {'sheets':>8} {'wall s':>8} {'sheets/s':>10} {'RSS MiB':>8} {'assess is':>10}")
for key in ("assess", "assess_quarter", "pandas"):
    if key not in rows:
        continue
    r = rows[key]
    rate = r["sheets"] / r["wall"] if r["wall"] else float("inf")
    r["rate"] = rate
    ratio = ""
    if key == "pandas":
        ratio = f"{base['sheets'] / base['wall'] / rate:.1f}x" if rate else ""
    flag = f"  exit {r['rc']}" if r["rc"] not in (0, 1) else ""
    print(f"  {r['label']:<44} {r['sheets']:>8,} {r['wall']:>8.2f} {rate:>10,.0f} {r['rss']:>8.1f} {ratio:>10}{flag}")
q = rows["assess_quarter"]
extra = base["sheets"] - q["sheets"]
per_sheet = (base["rss"] - q["rss"]) * 1024 * 1024 / extra if extra else 0
print()
print(f"peak memory: {base['rss']:.1f} MiB for {base['sheets']:,} sheets vs {q['rss']:.1f} MiB for {q['sheets']:,}: "
      f"{per_sheet:.0f} bytes per extra sheet; the item analysis keeps {2 * items} (2 per answer) and the duplicate "
      f"check each candidate id; the sheets themselves ({size * 1e6 / base['sheets']:.0f} bytes each as CSV text) are never held")

status = 0
if base["rc"] not in (0, 1):
    print(f"assess failed with exit status {base['rc']}; see {work}/assess.err")
    status = 1
try:
    summary = json.load(open(os.path.join(work, "assess.out")))
    print("assess --json: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.items())))
except (OSError, ValueError) as error:
    print(f"assess --json did not parse: {error}")
    status = 1
if "pandas" in rows:
    try:
        lines = open(os.path.join(work, "pandas.out")).read().strip().splitlines()
        theirs = json.loads(lines[-1])
        print("pandas:        " + ", ".join(f"{k} {round(v, 4) if isinstance(v, float) else v}" for k, v in sorted(theirs.items())))
    except (OSError, ValueError, IndexError) as error:
        print(f"pandas output did not parse: {error}")
        status = 1
    mine = csv.reader(open(os.path.join(work, "mcq-assess", "results.csv")))
    other = csv.reader(open(os.path.join(work, "mcq-pandas", "results.csv")))
    next(mine), next(other)
    compared = differ = 0
    for a, b in zip(mine, other):
        compared += 1
        if a[0] != b[0] or abs(float(a[1]) - float(b[1])) > 1e-3:
            differ += 1
            if differ <= 3:
                print(f"   differs: {a[0]} assess {a[1]}, pandas {b[1]}")
    print(f"check: {compared - differ:,}/{compared:,} scores agree with pandas (to 0.001)")
    if differ or compared != base["sheets"]:
        status = 1
sys.exit(status)
PY
