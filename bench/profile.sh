#!/bin/bash
# Profile one benchmark case for this project ("ours"), the classic XS binding
# and virsh, and print where the instructions (or samples) go.
#
#   bench/profile.sh CASE [--full] [more bench/run options]
#   bench/profile.sh --report      (summarize the last profiles again)
#
# CASE is what bench/run --only takes (1-6 or download, upload, recv, sparse,
# events, memory). Sizes are --quick ones unless --full is given.
# PROFILER=callgrind (default: instruction counts, exact and repeatable, works
# in VMs without hardware counters) or PROFILER=perf (sampled, cpu-clock).
# Raw profiles stay in bench/results/profile/ for callgrind_annotate,
# kcachegrind or perf report.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { sed -n '2,14p' "$0"; exit 2; }
which_case=$1; shift
tool=${PROFILER:-callgrind}
size=--quick
if [ "${1:-}" = --full ]; then size=; shift; fi

need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    [ "$(id -u)" = 0 ] || { echo "$1 missing: install $2" >&2; exit 1; }
    apt-get install -y --no-install-recommends "$2" >/dev/null
}
case $tool in
    callgrind) need valgrind valgrind; need callgrind_annotate valgrind ;;
    perf)      need perf linux-perf ;;
    *) echo "PROFILER must be callgrind or perf" >&2; exit 2 ;;
esac

out=$here/results/profile
mkdir -p "$out"
if [ "$which_case" != --report ]; then    # --report: summarize the last run again
    rm -f "$out"/*."$tool" "$out"/runs.tsv
    "$here/run" $size --reps 1 --only "$which_case" --profile "$tool" "$@" >/dev/null
fi

top=${TOP:-25}
irs() { [ -e "$1" ] && sed -n 's/^\(summary\|totals\): *\([0-9]*\).*/\2/p' "$1" | tail -1; }
for f in "$out"/*."$tool"; do
    [ -e "$f" ] || continue
    base=$(basename "$f" ."$tool")
    key=${base%.*}; binding=${base##*.}
    # calls= from the script's BENCH line (recv/handler calls, callbacks).
    calls=$(awk -F'\t' -v k="$key" -v b="$binding" '$1==k && $2==b {
                if (match($9, /(calls|callbacks|cycles)=[0-9]+/)) {
                    s = substr($9, RSTART, RLENGTH); sub(/.*=/, "", s); print s }
            }' "$out/runs.tsv" | head -1)
    err=$(awk -F'\t' -v k="$key" -v b="$binding" '$1==k && $2==b { print $8 }' "$out/runs.tsv" | head -1)
    echo "=================================================================="
    echo "$key / $binding${calls:+  ($calls calls)}${err:+  ERROR: $err}"
    if [ "$tool" = callgrind ]; then
        total=$(irs "$f")
        start=$(irs "$out/startup.$binding.callgrind")
        if [ -n "$calls" ] && [ "$calls" -gt 0 ] && [ -n "$start" ]; then
            echo "instructions: $total total, $start of them start-up;" \
                 "$(( (total - start) / calls )) per call after start-up"
        else
            echo "instructions: $total total"
        fi
        # The classic .so is stripped: only ours shows its XSUBs here.
        xs=$(callgrind_annotate --auto=no --inclusive=yes "$f" 2>/dev/null \
            | grep -E '^ *[0-9,]+ .*(XS_Sys__Virt|svr_)' | head -8 || true)
        [ -z "$xs" ] || printf -- '-- inclusive, Sys::Virt XSUBs and svr_ calls:\n%s\n' "$xs"
        echo "-- top $top functions, exclusive:"
        callgrind_annotate --auto=no --inclusive=no "$f" 2>/dev/null \
            | grep -E '^ *[0-9,]+ ' | grep -v 'PROGRAM TOTALS' | head -"$top" || true
    else
        perf report -i "$f" --stdio --no-children --sort dso,symbol 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | grep '%' | head -"$top" || true
    fi
done
echo "=================================================================="
echo "raw profiles: $out"
