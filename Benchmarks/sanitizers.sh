#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and under
# ThreadSanitizer, each in its own build folder. Too slow for CI's budget next to the
# plain run (a clean sanitized build and run take ~8-10 minutes each on 2 cores), so it
# is a script: run it before a release or after touching C wrappers or the runner.
#
#   Benchmarks/sanitizers.sh [address|thread]...     default: address thread
#
# Leak reports of allocations that live until exit by design (runtime one-time
# initialisers, Regex caches, the test runners, FoundationXML) are suppressed by
# Benchmarks/sanitizers/lsan.supp; anything else fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
status=0
for kind in "${kinds[@]}"; do
    log=Benchmarks/work/sanitize-$kind.log
    mkdir -p Benchmarks/work
    echo "sanitizers: swift test --sanitize=$kind (log: $log)"
    set +e
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(pwd)/Benchmarks/sanitizers/lsan.supp:print_suppressions=0 \
    TSAN_OPTIONS=halt_on_error=0 \
        swift test --sanitize="$kind" --build-path ".build-$kind" >"$log" 2>&1
    code=$?
    set -e
    reports=$(grep -cE '^(==[0-9]+==)?(ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer)' "$log" || true)
    summary=$(grep -E 'Test run with .* (passed|failed)' "$log" | tail -1)
    echo "sanitizers: $kind: exit $code, $reports sanitizer reports; $summary"
    if [ "$code" -ne 0 ] || [ "$reports" -ne 0 ]; then status=1; fi
done
exit $status
