# Sourced by the benchmark scripts: sets ASSESS to the release binary to time.
# ASSESS from the environment wins and is never rebuilt; otherwise .build/release/assess,
# built when missing or older than Sources/ or Package.swift (unless BUILD=0).
# Needs ROOT, WORK, BUILD and a die function from the calling script.
find_assess() {
    if [[ -n ${ASSESS:-} ]]; then
        [[ -f $ASSESS && -x $ASSESS ]] || die "ASSESS=$ASSESS is not an executable file"
        return
    fi
    ASSESS="$ROOT/.build/release/assess"
    local reason="" newer
    if [[ ! -x $ASSESS ]]; then
        reason="it does not exist"
    else
        newer=$(find "$ROOT/Sources" "$ROOT/Package.swift" -newer "$ASSESS" -type f -print -quit 2>/dev/null || true)
        [[ -n $newer ]] && reason="${newer#"$ROOT"/} is newer than it"
    fi
    [[ -n $reason ]] || return 0
    [[ $BUILD == 1 ]] || die "no usable release binary at $ASSESS ($reason) and --no-build was given; build it with 'swift build -c release --product assess' or set ASSESS=/path/to/assess"
    command -v swift >/dev/null || die "cannot build $ASSESS ($reason): swift is not on PATH; set ASSESS=/path/to/assess"
    echo "building the release binary ($reason): swift build -c release --product assess  (log: Benchmarks/work/build.log)" >&2
    if ! (cd "$ROOT" && swift build -c release --product assess) >"$WORK/build.log" 2>&1; then
        tail -n 25 "$WORK/build.log" >&2
        die "the release build failed (full log: $WORK/build.log); fix it or set ASSESS=/path/to/assess"
    fi
    [[ -x $ASSESS ]] || die "the build succeeded but $ASSESS is not there; set ASSESS=/path/to/assess"
}
