#!/usr/bin/env bash
# Load benchmark: generates courses of 200, 2,000 and 20,000 candidates (each submitting
# to every assessment kind on this branch) and runs `assess run --jobs 2` on each,
# printing submissions, wall time and peak memory (max RSS), so growth can be read.
# Goal: 2,000 candidates under 1 GiB on 2 cores.
#
#   Benchmarks/load.sh [SIZES...]        default: 200 2000 20000
#   ASSESS=.build/debug/assess Benchmarks/load.sh 200   # use a given binary (no build)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 2000 20000)
if [ -z "${ASSESS:-}" ]; then
    swift build -c release --product assess >&2
    ASSESS=$(swift build -c release --show-bin-path)/assess
fi
work=${LOAD_WORK:-Benchmarks/work/load}
mkdir -p "$work"
printf '%-10s %-12s %-10s %-12s %s\n' candidates submissions seconds peak_MiB exit
for size in "${sizes[@]}"; do
    course=$work/course-$size
    [ -f "$course/roster.csv" ] || python3 Benchmarks/make_load_course.py "$size" "$course"
    rm -rf "$course/out"
    set +e
    /usr/bin/time -f '%M %e' -o "$work/time-$size" "$ASSESS" run "$course" --jobs 2 --quiet >/dev/null 2>"$work/stderr-$size"
    status=$?
    set -e
    read -r peak seconds < <(tail -1 "$work/time-$size")
    submissions=$(find "$course/assessments" -mindepth 3 -maxdepth 3 -type d -path '*/submissions/*' | wc -l)
    printf '%-10s %-12s %-10s %-12s %s\n' "$size" "$submissions" "$seconds" "$((peak / 1024))" "$status"
done
