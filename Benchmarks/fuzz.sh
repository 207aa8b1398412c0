#!/usr/bin/env bash
# Builds the libFuzzer targets in Benchmarks/fuzz (a package of its own, so the main
# build never needs the fuzzer flags) and runs each for a bounded time, seeded from the
# shared corpus. A crash leaves crash-* in Benchmarks/work/fuzz/<target>/ and fails.
#
#   Benchmarks/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60, all targets
#
# Targets: FuzzZip (ZipArchive over bytes), FuzzDocument (DocumentReader: DOCX, ODT,
# PPTX, PDF, RTF, text), FuzzCSV (CSVTable), FuzzQuizKey (Moodle XML and QTI keys). Swift's -sanitize=fuzzer links libFuzzer's
# own main, which clashes with the entry symbol SwiftPM gives each executable, so the
# targets are built with coverage (-sanitize-coverage) and AddressSanitizer, link
# libFuzzer without its main, and call LLVMFuzzerRunDriver themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzZip FuzzDocument FuzzCSV FuzzQuizKey)
corpus=${ASSESS_CORPUS:-../shared/corpus}
root=$(pwd)
work=$root/Benchmarks/work/fuzz
build=${FUZZ_BUILD_PATH:-$work/.build}
resource=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/clang
runtime=$(find "$resource" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
[ -n "$runtime" ] || { echo "fuzz: libclang_rt.fuzzer_no_main not found under $resource" >&2; exit 2; }
swift build --package-path Benchmarks/fuzz --build-path "$build" \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xswiftc -parse-as-library -Xlinker "$runtime" -Xlinker -lstdc++ 2>&1 | { grep -v 'Cannot export local symbol' || true; } >&2
bin=$build/debug

seed() {  # target -> seed folder, filled from the corpus (and small generated cases)
    local target=$1 dir=$work/$1/seeds
    mkdir -p "$dir"
    case $target in
        FuzzZip) [ -d "$corpus" ] && find "$corpus/adversarial" "$corpus/docx" "$corpus/odt" "$corpus/pptx" -type f \( -name '*.zip' -o -name '*.docx' -o -name '*.odt' -o -name '*.pptx' \) -size -200k -exec cp {} "$dir/" \; ;;
        FuzzDocument) [ -d "$corpus" ] && find "$corpus/docx" "$corpus/odt" "$corpus/pptx" "$corpus/rtf" "$corpus/adversarial" -type f -size -200k ! -name '*.tsv' -exec cp {} "$dir/" \; ;;
        FuzzCSV)
            [ -d "$corpus" ] && find "$corpus" -type f \( -name '*.csv' -o -name '*.tsv' \) -size -200k -exec cp {} "$dir/" \;
            find samples -name '*.csv' -exec sh -c 'cp "$1" "$2/sample-$(echo "$1" | tr / _)"' _ {} "$dir" \;
            printf 'a,b\n"x ""q"" y",2\r\n3;4\n"open\n' >"$dir/quotes.csv" ;;
        FuzzQuizKey) [ -d "$corpus" ] && find "$corpus/mcq" "$corpus/adversarial" -type f \( -name '*.xml' -o -name '*.zip' \) -size -200k -exec cp {} "$dir/" \; ;;
    esac
    echo "$dir"
}

failed=0
for target in "${targets[@]}"; do
    seeds=$(seed "$target")
    mkdir -p "$work/$target/grown"
    cd "$work/$target"
    set +e
    ASAN_OPTIONS=detect_leaks=0 "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -print_final_stats=1 "$work/$target/grown" "$seeds" >"$work/$target/log" 2>&1
    status=$?
    set -e
    cd "$root"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target/log" | grep -o '[0-9]*$' || echo "?")
    crashes=$(ls "$work/$target" | grep -cE '^(crash|timeout|oom|leak)-' || true)
    echo "fuzz: $target: $runs executions in ${seconds}s, exit $status, $crashes crash files"
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        failed=1
        grep -E 'ERROR|SUMMARY|Fatal|panic' "$work/$target/log" | head -5 >&2
    fi
done
exit $failed
