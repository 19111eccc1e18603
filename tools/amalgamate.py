#!/usr/bin/env python3
"""Build the single-header distribution of xbl-model.

Starting at include/xbl/xbl.hpp, every project header (``#include "xbl/..."``
or ``#include <xbl/...>``) is inlined once, depth-first in include order.
``#pragma once`` is dropped from inlined files and a single one is emitted at
the top. Other includes (standard library, fmt, ...) are kept in place at
their first occurrence and dropped afterwards. The output is deterministic.

Usage:
    python3 tools/amalgamate.py              # write single_include/xbl/xbl.hpp
    python3 tools/amalgamate.py --output F   # write F instead
    python3 tools/amalgamate.py --check      # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDE_DIR = ROOT / "include"
ENTRY = INCLUDE_DIR / "xbl" / "xbl.hpp"
DEFAULT_OUTPUT = ROOT / "single_include" / "xbl" / "xbl.hpp"

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
PRAGMA_ONCE_RE = re.compile(r"^\s*#\s*pragma\s+once\b")
# Conditional blocks: an include inside one must not be deduplicated against
# (or stand in for) an unconditional one.
IF_RE = re.compile(r"^\s*#\s*if(n?def)?\b")
ENDIF_RE = re.compile(r"^\s*#\s*endif\b")


class AmalgamateError(Exception):
    pass


def project_version() -> str:
    meson_build = ROOT / "meson.build"
    try:
        text = meson_build.read_text(encoding="utf-8")
    except OSError:
        return ""
    m = re.search(r"\bversion\s*:\s*'([^']+)'", text)
    return m.group(1) if m else ""


def rel(path: Path) -> str:
    return path.relative_to(INCLUDE_DIR).as_posix()


class Amalgamator:
    def __init__(self) -> None:
        self.inlined: set[Path] = set()
        self.stack: list[Path] = []
        self.seen_external: set[str] = set()
        self.out: list[str] = []

    def resolve(self, delim: str, target: str, current: Path) -> Path | None:
        """Return the project header an include refers to, or None."""
        candidates = []
        if delim == '"':
            candidates.append(current.parent / target)
        candidates.append(INCLUDE_DIR / target)
        for cand in candidates:
            cand = cand.resolve()
            if cand.is_file() and INCLUDE_DIR in cand.parents:
                return cand
        if target.startswith("xbl/"):
            raise AmalgamateError(
                f"{rel(current)}: cannot find project header '{target}'")
        return None

    def process(self, path: Path, depth: int) -> None:
        if path in self.stack:
            cycle = " -> ".join(rel(p) for p in self.stack + [path])
            raise AmalgamateError(f"include cycle: {cycle}")
        self.inlined.add(path)
        self.stack.append(path)
        name = rel(path)
        self.out.append(f"// ---- begin {name} ----\n")
        local_depth = 0
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if PRAGMA_ONCE_RE.match(line):
                continue
            if IF_RE.match(line):
                local_depth += 1
            elif ENDIF_RE.match(line):
                local_depth -= 1
            m = INCLUDE_RE.match(line)
            if m:
                delim, target = m.group(1), m.group(2).strip()
                header = self.resolve(delim, target, path)
                if header is not None:
                    if header not in self.inlined:
                        self.process(header, depth + local_depth)
                    continue
                key = f"{delim}{target}"
                if depth + local_depth == 0:
                    if key in self.seen_external:
                        continue
                    self.seen_external.add(key)
            self.out.append(line.rstrip() + "\n")
        self.out.append(f"// ---- end {name} ----\n")
        self.stack.pop()

    def run(self) -> str:
        if not ENTRY.is_file():
            raise AmalgamateError(f"entry header {ENTRY.relative_to(ROOT)} not found")
        self.process(ENTRY.resolve(), 0)
        version = project_version()
        title = f"xbl-model {version}".rstrip()
        head = [
            f"// {title} - single-header distribution\n",
            "//\n",
            "// Generated from include/ by tools/amalgamate.py - do not edit.\n",
            "// Regenerate with: python3 tools/amalgamate.py\n",
            "#pragma once\n",
            "\n",
            "#define XBL_AMALGAMATED 1\n",
            "\n",
        ]
        return "".join(head + self.out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None,
                        help="output path (default: single_include/xbl/xbl.hpp)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file is out of date")
    args = parser.parse_args(argv)

    output = args.output if args.output is not None else DEFAULT_OUTPUT
    if not output.is_absolute():
        output = Path.cwd() / output

    try:
        text = Amalgamator().run()
    except AmalgamateError as exc:
        print(f"amalgamate: error: {exc}", file=sys.stderr)
        return 2

    shown = output.relative_to(ROOT) if ROOT in output.parents else output
    if args.check:
        try:
            current = output.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            state = "missing" if current is None else "out of date"
            print(f"amalgamate: {shown} is {state}; "
                  "run `python3 tools/amalgamate.py` and commit the result",
                  file=sys.stderr)
            return 1
        print(f"amalgamate: {shown} is up to date")
        return 0

    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"amalgamate: wrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
