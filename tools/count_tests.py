#!/usr/bin/env python3
"""Count test cases from meson's testlog.json files.

For every meson test, the doctest summary line
    [doctest] test cases: N | P passed | F failed | S skipped
gives the counts. A meson test without such a line (e.g. a compile check that
is expected to fail) counts as one test case, passed or failed by its meson
result. A meson test whose result is bad is never counted as all-passed.

Prints one line per log file and, last, "P F" (passed failed) summed.
"""

from __future__ import annotations

import json
import re
import sys

DOCTEST_RE = re.compile(
    r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
OK_RESULTS = {"OK", "EXPECTEDFAIL"}
SKIP_RESULTS = {"SKIP"}


def count_log(path: str) -> tuple[int, int, list[str]]:
    passed = failed = 0
    notes: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            entry = json.loads(line)
            name = entry.get("name", "?")
            result = entry.get("result", "ERROR")
            output = (entry.get("stdout") or "") + (entry.get("stderr") or "")
            matches = DOCTEST_RE.findall(output)
            if matches:
                _, p, f = (int(x) for x in matches[-1])
                if result not in OK_RESULTS and result not in SKIP_RESULTS and f == 0:
                    # Crashed or timed out after printing a clean summary.
                    f = 1
                passed += p
                failed += f
                notes.append(f"{name}: {p} passed, {f} failed ({result})")
            elif result in OK_RESULTS:
                passed += 1
                notes.append(f"{name}: 1 passed ({result})")
            elif result in SKIP_RESULTS:
                notes.append(f"{name}: skipped")
            else:
                failed += 1
                notes.append(f"{name}: 1 failed ({result})")
    return passed, failed, notes


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: count_tests.py TESTLOG.json...", file=sys.stderr)
        return 2
    total_p = total_f = 0
    for path in argv[1:]:
        try:
            p, f, notes = count_log(path)
        except (OSError, ValueError) as exc:
            print(f"count_tests: cannot read {path}: {exc}", file=sys.stderr)
            p, f, notes = 0, 1, []
        for note in notes:
            print(f"  {note}")
        total_p += p
        total_f += f
    print(f"{total_p} {total_f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
