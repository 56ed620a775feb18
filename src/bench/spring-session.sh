#!/bin/sh
# What one authenticated request costs in database statements with Spring Session JDBC, beside SignOff's
# StatementsIT. A Spring Boot app (src/bench/spring-session: form login, CSRF on, Spring Session's
# defaults) on this machine's PostgreSQL (127.0.0.1:5432, user postgres, database springsession) counts
# every prepareStatement/prepareCall/createStatement on its DataSource, SignOff's rule; one signed-in
# client sends N GET /api/me one after the other on one connection. Then (unless SIGNOFF_SIDE=skip)
# SignOff's own StatementsIT on PostgreSQL, and the ratio of the two per-request figures.
# Usage: [SIGNOFF_SIDE=skip] [BENCH_LOG_SQL=true] sh src/bench/spring-session.sh [N, default 1000]
#   BENCH_LOG_SQL=true: the app logs each counted statement; the SQL of one more request is printed.
set -e
cd "$(dirname "$0")/../.."
n="${1:-1000}"
port=18090
base="http://127.0.0.1:$port"
app=src/bench/spring-session
log="$app/target/app.log"

if [ "$(psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'springsession'")" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE springsession'
fi

./mvnw -q -f "$app/pom.xml" package -DskipTests

if curl -s -o /dev/null "$base/statements"; then
    echo "port $port is already answering: stop what runs there first" >&2
    exit 1
fi
work=$(mktemp -d)
pid=
stop() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=
    fi
    rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM
java -jar "$app/target/spring-session-bench.jar" --bench.log-sql="${BENCH_LOG_SQL:-false}" >"$log" 2>&1 &
pid=$!

waited=0
until curl -sf -o /dev/null "$base/statements"; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the app stopped: see $log" >&2
        tail -n 30 "$log" >&2
        exit 1
    fi
    if [ "$waited" -ge 90 ]; then
        echo "the app did not answer $base/statements within 90 s: see $log" >&2
        exit 1
    fi
    sleep 1
    waited=$((waited + 1))
done

# Sign in as a browser does: the login page gives the session its CSRF token, the form posts it back.
jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)
if [ -z "$csrf" ]; then
    echo "no _csrf token in $base/login" >&2
    exit 1
fi
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode username=alice --data-urlencode password=alice-bench-password \
    --data-urlencode "_csrf=$csrf" "$base/login")
case "$location" in
    *error*|"") echo "sign-in failed: $location" >&2; exit 1 ;;
esac

# requests COUNT: COUNT GET /api/me one after the other on one connection with the session cookie;
# fails unless every one answered 200 with alice's name.
requests() {
    i=0
    : >"$work/urls"
    while [ "$i" -lt "$1" ]; do
        echo "url = \"$base/api/me\"" >>"$work/urls"
        i=$((i + 1))
    done
    curl -s -b "$jar" -H 'Accept: application/json' -w ' %{http_code}\n' -K "$work/urls" >"$work/answers"
    ok=$(grep -cx '{"user":"alice"} 200' "$work/answers" || true)
    if [ "$ok" != "$1" ]; then
        echo "$ok of $1 GET /api/me answered 200 {\"user\":\"alice\"}; first other answers:" >&2
        grep -vx '{"user":"alice"} 200' "$work/answers" | head -n 5 >&2
        exit 1
    fi
}
statements() {
    curl -sf "$base/statements"
}

requests 100
before=$(statements)
start=$(date +%s)
requests "$n"
after=$(statements)
seconds=$(($(date +%s) - start))
spent=$((after - before))
printf 'SpringSessionJdbc: %s requests cost %s statements (%s per request)\n' "$n" "$spent" \
    "$(awk -v s="$spent" -v n="$n" 'BEGIN { printf "%.4f", s / n }')"
echo "($seconds s for the $n requests; log $log)"

if [ "${BENCH_LOG_SQL:-false}" = true ]; then
    lines=$(wc -l <"$log")
    requests 1
    sleep 1
    echo "SQL of one GET /api/me:"
    tail -n +"$((lines + 1))" "$log" | grep 'dev.signoff.bench.spring.sql' | sed "s/^[^[]*\[ *\([^]]*\)\].*dev\.signoff\.bench\.spring\.sql *: /  [\1] /"
fi
stop

if [ "${SIGNOFF_SIDE:-run}" = skip ]; then
    exit 0
fi
./mvnw -q package -DskipTests -DskipITs
./mvnw -q exec:java@reset-glassfish-databases failsafe:integration-test@it-postgresql -Dit.test=StatementsIT
line=$(grep -h 'StatementsIT:' target/failsafe-reports-postgresql/dev.signoff.it.StatementsIT-output.txt | tail -n 1)
echo "$line"
signoff=$(echo "$line" | sed -n 's/.*cost \([0-9]*\) statements.*/\1/p')
signoff_requests=$(echo "$line" | sed -n 's/.*StatementsIT: \([0-9]*\) requests.*/\1/p')
if [ -z "$signoff" ] || [ -z "$signoff_requests" ]; then
    echo "no StatementsIT: line in target/failsafe-reports-postgresql/dev.signoff.it.StatementsIT-output.txt" >&2
    exit 1
fi
awk -v s="$spent" -v n="$n" -v o="$signoff" -v m="$signoff_requests" 'BEGIN {
    spring = s / n; signoff = o / m
    if (o == 0) printf "Spring Session JDBC / SignOff per request: SignOff spent 0 statements (Spring %.4f per request)\n", spring
    else printf "Spring Session JDBC / SignOff per request: %.4f / %.4f = %.1f\n", spring, signoff, spring / signoff
}'
