#!/bin/sh
# The filter's cost in one server (FilterOverheadBench): wrk against one servlet through SignOff's
# filter and on a path excluded from it, alternated, at staleness 1 s (default) and 0 (strict). Prints ratios.
# Usage: [PIN=true] sh src/bench/filter-overhead.sh [seconds per run, default 5]
#   PIN=true: the server on CPU 0, wrk on CPU 1 (taskset), instead of both sharing the two cores.
set -e
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null 2>&1; then
    apt-get install -y wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi
./mvnw -q package -DskipTests -DskipITs
status=0
for staleness in 1s 0; do
    ./mvnw -q failsafe:integration-test@default failsafe:verify@default -Dit.test=FilterOverheadBench \
        -Dsignoff.bench.seconds="${1:-5}" -Dsignoff.bench.staleness=$staleness -Dsignoff.bench.pin="${PIN:-false}" || status=$?
    grep -h 'FilterOverheadBench:' target/failsafe-reports/dev.signoff.it.FilterOverheadBench-output.txt || true
done
exit $status
