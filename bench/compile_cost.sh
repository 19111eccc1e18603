#!/usr/bin/env bash
# What it costs to compile code that uses the library: CPU time and peak memory (GNU time's -v) of
# one translation unit, side by side with nlohmann/json for the same types:
#   xbl_headers_only / nlohmann_headers_only   the headers included, nothing instantiated;
#   xbl_models / nlohmann_models               every model type read and written;
#   xbl_user_structs / nlohmann_user_structs   nine plain structs (compile_cost/user_structs.hpp)
#                                              described and read and written, as a user starts;
# with g++ and clang++-16, at -O0 (debug), -O2 (meson's release) and the benchmark's -O3 build.
#
#   bench/compile_cost.sh [OUT.json]        (bench/run calls it; needs the `time` package)
#   COMPILE_COST_RUNS=1 bench/compile_cost.sh   one compile of each, not the best of three
#
# Prints one line per unit and compiler flags and writes the figures as a JSON array to OUT.json (default
# bench/compile_cost.json).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/compile_cost.json}"
time_bin=/usr/bin/time
[ -x "$time_bin" ] || { echo "compile_cost: $time_bin is missing (apt-get install time)" >&2; exit 1; }

# Each unit is compiled COMPILE_COST_RUNS times (default 3) and the run with the least CPU time is
# kept, with its peak memory: on a shared machine a compile is only ever slowed down by the others.
runs="${COMPILE_COST_RUNS:-3}"
compilers=(g++ clang++-16)
units=(xbl_headers_only nlohmann_headers_only xbl_models nlohmann_models xbl_user_structs nlohmann_user_structs)
configs=("-O0" "-O2" "-O3 -march=native -DNDEBUG")

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

first=1
echo "[" >"$out"
printf '%-12s %-18s %-28s %9s %9s\n' compiler unit flags cpu_s peak_MiB
for cxx in "${compilers[@]}"; do
  command -v "$cxx" >/dev/null || { echo "compile_cost: $cxx not found" >&2; exit 1; }
  for config in "${configs[@]}"; do
    for unit in "${units[@]}"; do
      cpu="" rss=""
      for ((run = 0; run < runs; run++)); do
        # shellcheck disable=SC2086  # the flags are words
        "$time_bin" -v "$cxx" -std=c++20 $config -I"$root/include" -c "$root/bench/compile_cost/$unit.cpp" \
          -o "$tmp/$unit.o" 2>"$tmp/time.txt" || { cat "$tmp/time.txt" >&2; exit 1; }
        user=$(sed -n 's/^\s*User time (seconds): //p' "$tmp/time.txt")
        sys=$(sed -n 's/^\s*System time (seconds): //p' "$tmp/time.txt")
        this_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        this_rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
        if [ -z "$cpu" ] || awk -v a="$this_cpu" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then
          cpu=$this_cpu
          rss=$this_rss
        fi
      done
      mib=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
      printf '%-12s %-18s %-28s %9s %9s\n' "$cxx" "$unit" "$config" "$cpu" "$mib"
      [ "$first" = 1 ] || echo "," >>"$out"
      first=0
      printf '  {"compiler": "%s", "version": "%s", "unit": "%s", "flags": "%s", "cpu_seconds": %s, "peak_kib": %s}' \
        "$cxx" "$("$cxx" -dumpversion)" "$unit" "$config" "$cpu" "$rss" >>"$out"
    done
  done
done
printf '\n]\n' >>"$out"
