#!/usr/bin/env bash
# Puts every corpus file through `assess count --json` (one process per file, with a
# time limit and its peak memory measured) and then through `assess run` as the
# submissions of a generated course: one candidate folder per adversarial file, plus a
# Moodle-style "download all" zip holding every adversarial file as an entry under
# hostile names (`..`, absolute paths). Prints one line per file and fails when any file
# crashes, hangs (60 s), passes 1 GiB, or when the run writes outside its out folder.
#
#   Benchmarks/adversarial.sh [ASSESS_BINARY] [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
assess=${1:-.build/debug/assess}
corpus=${2:-../shared/corpus}
limit_kb=$((1024 * 1024))
[ -x "$assess" ] || { echo "adversarial: build first (swift build), no $assess" >&2; exit 2; }
[ -d "$corpus" ] || { echo "adversarial: no corpus at $corpus; skipped"; exit 0; }
assess=$(cd "$(dirname "$assess")" && pwd)/$(basename "$assess")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

echo "== assess count --json, one file at a time"
printf '%-70s %5s %8s  %s\n' file exit peak_kb result
total=0
while IFS= read -r -d '' file; do
    total=$((total + 1))
    set +e
    /usr/bin/time -f '%M' -o "$work/time" timeout 60 "$assess" count --json "$file" >"$work/out" 2>"$work/err"
    status=$?
    set -e
    peak=$(tail -1 "$work/time" | tr -dc '0-9')
    result=$(python3 -c '
import json, sys
try:
    entry = json.load(open(sys.argv[1]))[0]
except Exception as error:
    print("NO JSON: %s" % error); sys.exit()
if entry.get("error"):
    print("error: " + entry["error"][:110])
else:
    print("words=%s" % entry.get("words"))
' "$work/out")
    short=${file#"$corpus"/}
    case "$short" in adversarial/*) printf '%-70s %5s %8s  %s\n' "$short" "$status" "$peak" "$result" ;; esac
    if [ "$status" -gt 1 ] || [ "${peak:-0}" -gt "$limit_kb" ] || [[ "$result" == NO\ JSON* ]]; then
        echo "FAIL $short: exit $status, peak ${peak} KB, $result" >&2
        sed -n 1,5p "$work/err" >&2
        failures=$((failures + 1))
    fi
done < <(find "$corpus" -type f ! -name '*.tsv' ! -name '*.md' -print0 | sort -z)
echo "count: $total corpus files, $failures failures"

echo "== assess run over a course whose submissions are the adversarial files"
course=$work/sandbox/course
mkdir -p "$course/assessments/essay/submissions"
printf 'programme: Adversarial\ncohort: "2026-27"\nanonymous: true\n' >"$course/course.yaml"
printf 'title: Essay\nmodule: M\nkind: written\nword_limit: 2000\nprocessors:\n  wordcount: {}\n' >"$course/assessments/essay/assessment.yaml"
python3 - "$corpus/adversarial" "$course" <<'EOF'
import os, sys, zipfile
source, course = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(source))
rows = ["candidate_id,name,email,group,lms_id"]
download = zipfile.ZipFile(os.path.join(course, "assessments/essay/submissions/moodle-download.zip"), "w")
hostile = ["", "../../", "/tmp/", "..\\..\\", "./../"]
for number, name in enumerate(names, start=1):
    candidate = "A%03d" % number
    rows.append('%s,"Person %03d",p%03d@example.ac.uk,G1,%d' % (candidate, number, number, 90000 + number))
    folder = os.path.join(course, "assessments/essay/submissions", candidate)
    os.makedirs(folder)
    data = open(os.path.join(source, name), "rb").read()
    open(os.path.join(folder, name), "wb").write(data)
    # The same file again inside the Moodle download, for the same candidate, under a hostile name.
    prefix = hostile[number % len(hostile)]
    download.writestr("Person %03d_%d_assignsubmission_file_/%s%s" % (number, 90000 + number, prefix, name), data)
download.close()
open(os.path.join(course, "roster.csv"), "w").write("\n".join(rows) + "\n")
EOF
(cd "$work/sandbox" && find . -print | sort) >"$work/before"
set +e
/usr/bin/time -f '%M %e' -o "$work/time" timeout 600 "$assess" run "$course" --jobs 2 >"$work/run.out" 2>"$work/run.err"
status=$?
set -e
read -r peak seconds < <(tail -1 "$work/time") || true
(cd "$work/sandbox" && find . -print | sort) >"$work/after"
outside=$(comm -13 "$work/before" "$work/after" | grep -v '^\./course/out' || true)
candidates=$(ls "$course/assessments/essay/submissions" | grep -c '^A' || true)
echo "run: $candidates candidates, exit $status, ${seconds}s, peak ${peak} KB"
if [ "$status" -gt 1 ] || [ "${peak:-0}" -gt "$limit_kb" ]; then
    echo "FAIL run: exit $status, peak $peak KB" >&2; tail -5 "$work/run.err" >&2; failures=$((failures + 1))
fi
if [ -n "$outside" ]; then
    echo "FAIL run wrote outside out/:" >&2; echo "$outside" >&2; failures=$((failures + 1))
fi
python3 - "$course/out/run.json" <<'EOF' || failures=$((failures + 1))
import json, sys
run = json.load(open(sys.argv[1]))
text = json.dumps(run)
assert "Person " not in text, "run.json names a candidate"
print("run.json: ids only, %d bytes" % len(text))
EOF
echo "adversarial: $failures failures"
[ "$failures" -eq 0 ]
