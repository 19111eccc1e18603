# Sourced by tools/run-tests and tools/cross-test: the counting both do. The sourcing script sets
# `counter` (its name, for messages) and keeps the totals in `passed` and `failed`.

fail() { # message
    echo "$counter: FAILED: $*" >&2
    failed=$((failed + 1))
}

# Minutes since start-seconds, to one decimal.
minutes() { # start-seconds
    local elapsed=$((SECONDS - $1))
    printf '%d.%d' $((elapsed / 60)) $((elapsed % 60 * 10 / 60))
}

# Runs `meson test` in dir with the given arguments and adds what it ran to the totals: each
# doctest test case one test, each other meson test one (tools/count_tests.py). A non-zero exit
# with no failed test counts as one failure.
meson_test_counts() { # name dir meson-test-args...
    local name="$1" dir="$2" log="$2/meson-logs/testlog.json" status counts p f
    shift 2
    rm -f "$log"
    meson test -C "$dir" --print-errorlogs "$@"
    status=$?
    if [ ! -s "$log" ]; then
        fail "$name: meson test produced no test log (exit $status)"
        return
    fi
    if ! counts="$(python3 tools/count_tests.py "$log")"; then
        fail "$name: could not count test results"
        return
    fi
    # All lines but the last are per-test details; the last is "P F".
    sed '$d' <<<"$counts"
    read -r p f <<<"$(tail -n 1 <<<"$counts")"
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "$counter: FAILED: $name: meson test exited with $status" >&2
    fi
    echo "    $name: $p passed, $f failed"
    passed=$((passed + p))
    failed=$((failed + f))
}
