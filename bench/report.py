#!/usr/bin/env python3
"""Turn the benchmark's JSON output into bench/results.md and bench/results.json.

    report.py --run gcc=FILE[,FILE...] --run clang=FILE[,FILE...] [--compile FILE] --md OUT.md --json OUT.json

Each --run names the JSON files that Google Benchmark wrote (--benchmark_out) for one compiler's
build, one per pass, each with every repetition in it; a benchmark's figures are those of its
median repetition over all passes. --compile is what compile_cost.sh wrote. Prints the headline
table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
from datetime import datetime, timezone
from pathlib import Path

CONTESTANTS = ["xbl", "simdjson", "rapidjson", "nlohmann"]
LABEL = {
    "xbl": "xbl",
    "simdjson": "simdjson On-Demand + hand mapping (write: fmt)",
    "rapidjson": "RapidJSON DOM + hand mapping (write: Writer)",
    "nlohmann": "nlohmann/json parse + get<T>() (write: dump)",
}
SHORT = {"xbl": "xbl", "simdjson": "simdjson", "rapidjson": "RapidJSON", "nlohmann": "nlohmann"}
DATASETS = ["presence", "presence_pretty", "permissions", "invites", "user_presence", "user_permissions"]
DATASET_LABEL = {
    "presence": "presence (1,000 records, 1 MB)",
    "presence_pretty": "presence, pretty (4 spaces)",
    "permissions": "permissions (100 x 16)",
    "invites": "invites (10,000 lines)",
    "user_presence": "presence, user model",
    "user_permissions": "permissions, user model",
}
# The data sets read into and written into a value or string a first pass filled (xbl only).
REUSE_DATASETS = ["presence", "presence_pretty", "permissions", "invites"]
RECORDS = {"presence": 1000, "presence_pretty": 1000}
UNKNOWN_COUNTS = ["1000", "10000", "100000"]
UNKNOWN_POLICIES = ["skip", "keep"]


def unknown_ns_per_member(run: dict, policy: str) -> list[float | None]:
    """Time per member of one object of 1,000, 10,000 and 100,000 unknown members."""
    out = []
    for n in UNKNOWN_COUNTS:
        f = run["figures"].get(("unknown", n, f"xbl-{policy}"))
        out.append(f["cpu_us"] * 1000 / int(n) if f else None)
    return out


def load_run(paths: list[Path]) -> dict:
    repetitions: dict = {}
    context = None
    for path in paths:
        data = json.loads(path.read_text())
        context = context or data["context"]
        for b in data["benchmarks"]:
            if b.get("run_type") == "aggregate":
                continue
            op, dataset, lib = b["run_name"].split("/")[:3]
            unit = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b.get("time_unit", "us")]
            repetitions.setdefault((op, dataset, lib), []).append(dict(
                cpu_us=b["cpu_time"] * unit,
                real_us=b["real_time"] * unit,
                mb_per_s=b.get("bytes_per_second", 0) / 1e6,
                docs_per_s=b.get("items_per_second", 0),
                allocs_per_doc=b.get("allocs_per_doc"),
                result_allocs_per_doc=b.get("result_allocs_per_doc"),
                peak_bytes=b.get("peak_bytes"),
            ))
    figures = {}
    for key, reps in repetitions.items():
        reps.sort(key=lambda r: r["cpu_us"])
        figures[key] = dict(reps[(len(reps) - 1) // 2], repetitions=len(reps))
    return {"context": context, "figures": figures}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fmt_num(x: float | None, digits: int = 0) -> str:
    if x is None:
        return "–"
    if digits == 0:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def figure_table(runs: dict, op: str, key: str, digits: int = 0, datasets=DATASETS) -> str:
    headers = ["data set", "compiler"] + [SHORT[c] for c in CONTESTANTS]
    rows = []
    for ds in datasets:
        for comp, run in runs.items():
            f = run["figures"]
            rows.append([DATASET_LABEL[ds], comp] + [fmt_num(f.get((op, ds, c), {}).get(key), digits) for c in CONTESTANTS])
    return table(headers, rows)


def ratio(runs, comp, op, ds, other) -> float | None:
    f = runs[comp]["figures"]
    a, b = f.get((op, ds, "xbl")), f.get((op, ds, other))
    if not a or not b:
        return None
    return b["cpu_us"] / a["cpu_us"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", action="append", required=True, help="COMPILER=benchmark.json")
    ap.add_argument("--compile")
    ap.add_argument("--md", required=True)
    ap.add_argument("--json", required=True)
    args = ap.parse_args()

    runs = {}
    for spec in args.run:
        name, path = spec.split("=", 1)
        runs[name] = load_run([Path(p) for p in path.split(",")])
    compile_cost = json.loads(Path(args.compile).read_text()) if args.compile else []

    # ---- targets -----------------------------------------------------------------------------
    targets = []

    def target(what: str, value: float | None, goal: float, higher_is_better: bool = True, unit: str = "x"):
        met = value is not None and (value >= goal if higher_is_better else value <= goal)
        targets.append({"target": what, "value": value, "goal": goal, "met": met, "unit": unit})

    for comp in runs:
        for ds in ["presence", "permissions"]:
            target(f"{comp}: read {ds}, xbl vs simdjson On-Demand", ratio(runs, comp, "read", ds, "simdjson"), 1.0)
            target(f"{comp}: read {ds}, xbl vs nlohmann/json", ratio(runs, comp, "read", ds, "nlohmann"), 8.0)
            target(f"{comp}: read {ds}, xbl vs RapidJSON", ratio(runs, comp, "read", ds, "rapidjson"), 1.5)
            target(f"{comp}: write {ds}, xbl vs nlohmann/json", ratio(runs, comp, "write", ds, "nlohmann"), 15.0)
            target(f"{comp}: write {ds}, xbl vs RapidJSON Writer", ratio(runs, comp, "write", ds, "rapidjson"), 1.7)
        f = runs[comp]["figures"]
        for op in ["read", "write"]:
            a, b = f.get((op, "presence", "xbl")), f.get((op, "presence_pretty", "xbl"))
            extra = (b["cpu_us"] / a["cpu_us"] - 1) * 100 if a and b else None
            target(f"{comp}: {op}, pretty document's extra time per record", extra, 15.0, False, "%")
        for policy in UNKNOWN_POLICIES:
            per_member = [x for x in unknown_ns_per_member(runs[comp], policy) if x is not None]
            spread = max(per_member) / min(per_member) if len(per_member) == len(UNKNOWN_COUNTS) else None
            target(f"{comp}: unknown members ({policy}), slowest time per member / fastest, 1,000 to 100,000",
                   spread, 1.5, False, "at most")
        for ds in ["presence", "permissions"]:
            r = f.get(("read", ds, "xbl"), {})
            if r.get("allocs_per_doc") is not None:
                beyond = r["allocs_per_doc"] - r["result_allocs_per_doc"]
                target(f"{comp}: read {ds}, allocations beyond the result's strings and vectors", beyond, 0.0,
                       False, "allocations")
            for op, what in [("read_into", "a second read into the value the first filled"),
                             ("write_into", "a write into the string a first write filled")]:
                r = f.get((op, ds, "xbl"), {})
                target(f"{comp}: {ds}, allocations of {what}", r.get("allocs_per_doc"), 0.0, False, "allocations")
        for ds in ["user_presence", "user_permissions"]:
            target(f"{comp}: read {ds}, xbl vs simdjson On-Demand", ratio(runs, comp, "read", ds, "simdjson"), 1.0)
            target(f"{comp}: write {ds}, xbl vs simdjson's writer", ratio(runs, comp, "write", ds, "simdjson"), 2.0)
        whole, one = f.get(("read", "presence", "xbl")), f.get(("read_at", "presence", "xbl"))
        target(f"{comp}: read_at of the last record's xuid against reading the whole presence document",
               whole["cpu_us"] / one["cpu_us"] if whole and one else None, 3.0)

    # ---- machine -----------------------------------------------------------------------------
    any_ctx = next(iter(runs.values()))["context"]
    try:
        kernel = subprocess.run(["uname", "-sr"], capture_output=True, text=True).stdout.strip()
    except OSError:
        kernel = platform.platform()
    machine = {
        "cpu": cpu_model(),
        "cpus": any_ctx.get("num_cpus"),
        "mhz_per_cpu": any_ctx.get("mhz_per_cpu"),
        "kernel": kernel,
        "load_avg": any_ctx.get("load_avg"),
        "date": any_ctx.get("date"),
        "simdjson_implementation": any_ctx.get("simdjson_implementation"),
    }
    compilers = {c: {"compiler": r["context"].get("compiler"), "flags": r["context"].get("flags")} for c, r in runs.items()}

    # ---- results.json ------------------------------------------------------------------------
    raw = {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "compilers": compilers,
        "benchmarks": [
            dict(compiler=comp, op=op, dataset=ds, library=lib, **vals)
            for comp, run in runs.items()
            for (op, ds, lib), vals in sorted(run["figures"].items())
        ],
        "compile_cost": compile_cost,
        "targets": targets,
    }
    Path(args.json).write_text(json.dumps(raw, indent=2) + "\n")

    # ---- results.md --------------------------------------------------------------------------
    md = []
    md.append("# Benchmark results\n")
    md.append("Written by `bench/run`; the raw figures are in `results.json`. Each figure is that of the median "
              "repetition, by CPU time, of all that Google Benchmark made in several passes of each binary, run in "
              "turn (see `bench/run` for how many); MB/s is the document's "
              "size over the time, for reading and for writing alike, so that every contestant is measured against "
              "the same bytes.\n")
    md.append(table(["", ""], [
        ["date", str(machine["date"])],
        ["CPU", f'{machine["cpu"]}, {machine["cpus"]} cores as seen, {machine["mhz_per_cpu"]} MHz'],
        ["kernel", machine["kernel"]],
        ["load average when the run started", ", ".join(f"{x:.2f}" for x in (machine["load_avg"] or []))],
        ["simdjson's kernel", str(machine["simdjson_implementation"])],
    ] + [[f"compiler ({c})", f'{v["compiler"]}; flags `{v["flags"]}`'] for c, v in compilers.items()]))
    md.append("")
    md.append("Contestants, each producing the same `xbl::` structs (checked by `bench/equivalence_test.cpp`):\n")
    for c in CONTESTANTS:
        md.append(f"- **{SHORT[c]}**: {LABEL[c]}")
    md.append("")

    md.append("## Targets\n")
    md.append(table(["target", "measured", "goal", "met"], [
        [t["target"],
         "–" if t["value"] is None else (f'{t["value"]:.2f}' + (" %" if t["unit"] == "%" else "x" if t["unit"] in ("x", "at most") else "")),
         (f'≥ {t["goal"]:g}x' if t["unit"] == "x" else f'< {t["goal"]:g} %' if t["unit"] == "%"
          else f'≤ {t["goal"]:g}x' if t["unit"] == "at most" else "0"),
         "yes" if t["met"] else "**no**"] for t in targets]))
    md.append("")

    md.append("## Speed ratios: other library's time / xbl's time\n")
    rows = []
    for op in ["read", "write"]:
        for ds in DATASETS:
            for comp in runs:
                rows.append([op, DATASET_LABEL[ds], comp] +
                            [fmt_num(ratio(runs, comp, op, ds, o), 2) for o in CONTESTANTS[1:]])
    md.append(table(["", "data set", "compiler"] + [f"xbl vs {SHORT[o]}" for o in CONTESTANTS[1:]], rows))
    md.append("")

    sections = [
        ("Read, MB/s", "read", "mb_per_s", 0),
        ("Read, documents/s", "read", "docs_per_s", 0),
        ("Read, CPU time per document (µs)", "read", "cpu_us", 2),
        ("Write, MB/s", "write", "mb_per_s", 0),
        ("Write, documents/s", "write", "docs_per_s", 0),
        ("Write, CPU time per document (µs)", "write", "cpu_us", 2),
        ("Read, heap allocations per document", "read", "allocs_per_doc", 1),
        ("Write, heap allocations per document", "write", "allocs_per_doc", 1),
    ]
    for title, op, key, digits in sections:
        md.append(f"## {title}\n")
        md.append(figure_table(runs, op, key, digits))
        md.append("")
    md.append("The result itself needs, per document (the allocations of a copy of it: one per vector and per string "
              "too long to be kept inline):\n")
    first = next(iter(runs.values()))["figures"]
    md.append(table(["data set", "allocations"], [
        [DATASET_LABEL[ds], fmt_num(first.get(("read", ds, "xbl"), {}).get("result_allocs_per_doc"), 1)]
        for ds in DATASETS]))
    md.append("")
    md.append("## Peak heap, one 1 MB document (KiB)\n")
    md.append("The most heap in use at once while one document is read or written from nothing (a new parser for "
              "simdjson): the result or output included, the input text not.\n")
    rows = []
    for op in ["read", "write"]:
        for ds in ["presence", "presence_pretty"]:
            for comp, run in runs.items():
                rows.append([op, DATASET_LABEL[ds], comp] + [
                    fmt_num((run["figures"].get((op, ds, c), {}).get("peak_bytes") or 0) / 1024) for c in CONTESTANTS])
    md.append(table(["", "data set", "compiler"] + [SHORT[c] for c in CONTESTANTS], rows))
    md.append("")

    md.append("## Reading into a value, writing into a string (xbl)\n")
    md.append("`from_json(text, value)` into the values a first read filled, and `to_json(value, text)` into the "
              "strings a first write filled, beside a read and a write from nothing: CPU time per document (µs) and "
              "heap allocations per document.\n")
    rows = []
    for ds in REUSE_DATASETS:
        for comp, run in runs.items():
            f = run["figures"]
            cell = lambda op, key, d=2: fmt_num(f.get((op, ds, "xbl"), {}).get(key), d)
            rows.append([DATASET_LABEL[ds], comp, cell("read", "cpu_us"), cell("read_into", "cpu_us"),
                         cell("read", "allocs_per_doc", 1), cell("read_into", "allocs_per_doc", 1),
                         cell("write", "cpu_us"), cell("write_into", "cpu_us"),
                         cell("write", "allocs_per_doc", 1), cell("write_into", "allocs_per_doc", 1)])
    md.append(table(["data set", "compiler", "read µs", "read into µs", "read allocs", "read into allocs",
                     "write µs", "write into µs", "write allocs", "write into allocs"], rows))
    md.append("")
    md.append("## One value by JSON Pointer (xbl)\n")
    md.append("`read_at<xbl::Xuid>(text, \"/999/xuid\")`: the last record's xuid, 99.9% of the way into the 1 MB "
              "presence document, against reading the whole document.\n")
    rows = []
    for comp, run in runs.items():
        f = run["figures"]
        whole, one = f.get(("read", "presence", "xbl")), f.get(("read_at", "presence", "xbl"))
        rows.append([comp, fmt_num(whole and whole["cpu_us"], 1), fmt_num(one and one["cpu_us"], 1),
                     fmt_num(whole["cpu_us"] / one["cpu_us"], 2) + "x" if whole and one else "–"])
    md.append(table(["compiler", "whole document µs", "read_at µs", "faster by"], rows))
    md.append("")

    md.append("## Pretty document: extra time per record (xbl)\n")
    rows = []
    for comp, run in runs.items():
        f = run["figures"]
        for op in ["read", "write"]:
            vals = []
            for c in CONTESTANTS:
                a, b = f.get((op, "presence", c)), f.get((op, "presence_pretty", c))
                vals.append(f'{(b["cpu_us"] / a["cpu_us"] - 1) * 100:+.0f} %' if a and b else "–")
            rows.append([op, comp] + vals)
    md.append(table(["", "compiler"] + [SHORT[c] for c in CONTESTANTS], rows))
    md.append("")

    md.append("## One object of many unknown members: time per member (ns, xbl)\n")
    md.append("`{\"id\":\"m\",\"k0\":0,\"k1\":1,…}` read as a `MediaRecord`, which describes only `id`: every other "
              "member is checked, looked up, checked for a repeat and skipped or kept. The time per member must not "
              "grow with their number.\n")
    rows = []
    for comp, run in runs.items():
        for policy in UNKNOWN_POLICIES:
            rows.append([comp, f"`{policy}`"] + [fmt_num(x, 1) for x in unknown_ns_per_member(run, policy)])
    md.append(table(["compiler", "policy"] + [f"{int(n):,} members" for n in UNKNOWN_COUNTS], rows))
    md.append("")

    if compile_cost:
        md.append("## Compile cost of one translation unit\n")
        md.append("CPU seconds (user + system) and peak memory of the compiler, from `/usr/bin/time -v` "
                  "(`bench/compile_cost.sh`), each xbl unit beside nlohmann/json's for the same types: "
                  "`*_headers_only` includes the library and instantiates nothing; `*_models` reads and writes "
                  "every model type (the nlohmann unit takes the types from the xbl headers); `*_user_structs` "
                  "describes, reads and writes nine plain structs (`compile_cost/user_structs.hpp`).\n")
        md.append(table(["compiler", "flags", "unit", "CPU s", "peak MiB"], [
            [f'{c["compiler"]} {c["version"]}', f'`{c["flags"]}`', c["unit"], f'{c["cpu_seconds"]:.2f}',
             f'{c["peak_kib"] / 1024:.0f}'] for c in compile_cost]))
        md.append("")
        # What the figures were before, the targets and the work that met them: history, kept by hand.
        history = Path(__file__).with_name("compile_cost_notes.md")
        if history.exists():
            md.append(history.read_text().rstrip() + "\n")

    notes = Path(__file__).with_name("results_notes.md")
    if notes.exists():
        md.append(notes.read_text().rstrip() + "\n")

    Path(args.md).write_text("\n".join(md) + "\n")

    # ---- headline ------------------------------------------------------------------------------
    print()
    print("Read / write, MB/s (median CPU time):")
    head = ["op", "data set", "compiler"] + [SHORT[c] for c in CONTESTANTS]
    rows = []
    for op in ["read", "write"]:
        for ds in DATASETS:
            for comp, run in runs.items():
                rows.append([op, ds, comp] + [fmt_num(run["figures"].get((op, ds, c), {}).get("mb_per_s")) for c in CONTESTANTS])
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    for r in [head] + rows:
        print("  ".join(str(x).rjust(w) for x, w in zip(r, widths)))
    print()
    for t in targets:
        v = "–" if t["value"] is None else f'{t["value"]:.2f}'
        print(f'{"met   " if t["met"] else "MISSED"}  {t["target"]}: {v}')
    print(f"\nwrote {args.md} and {args.json}")


if __name__ == "__main__":
    main()
