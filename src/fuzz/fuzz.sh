#!/usr/bin/env bash
# The fuzz campaign (SECURITY.md), bounded in count (FUZZ_REQUESTS, default 100000 per app) and in
# time (FUZZ_MINUTES per app, default 30); FUZZ_ONLY=riding (or anonymous) sends only that kind:
#   src/fuzz/fuzz.sh [glassfish|wildfly|liberty|payara ...]
#       deploys the demo and the two FORM-login test apps on each server named (all four without
#       one) and sends the requests to each; fails on any 5xx (two 500s of Open Liberty's own
#       that no error page can answer apart, SECURITY.md), any answer showing the signed-in victim's
#       data to a request without its credential, and any change to the victim's state.
#   src/fuzz/fuzz.sh --url http://localhost:8080/ [--requests N] [--seed S] [--threads T]
#                    [--minutes M] [--only riding|anonymous] [--tolerate-container-uri-errors]
#                    [--tolerate-liberty-own-errors]
#       the same against a demo that runs already (the README's run command); the two options
#       count apart GlassFish's own 500 to a malformed path (an app without SignOff's error page)
#       and those two of Open Liberty's.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${FUZZ_REQUESTS:-100000}
seed=${FUZZ_SEED:-1}
minutes=${FUZZ_MINUTES:-30}
only=${FUZZ_ONLY:-}

if [[ "${1:-}" == --url ]]; then
    ./mvnw -q test-compile
    ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test
    exec java -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" dev.signoff.fuzz.Fuzz "$@"
fi

servers=("$@")
if [[ ${#servers[@]} -eq 0 ]]; then
    servers=(glassfish wildfly liberty payara)
fi
campaign=(-Dsignoff.test-output-to-files=false -Dit.test='Fuzz*IT' -Dfuzz.requests="$requests" -Dfuzz.seed="$seed" -Dfuzz.minutes="$minutes" -Dfuzz.only="$only")
for server in "${servers[@]}"; do
    echo "=== fuzz campaign on $server: $requests requests per app, seed $seed"
    case "$server" in
        glassfish)
            ./mvnw -q package -DskipTests -DskipITs
            ./mvnw failsafe:integration-test@default failsafe:verify@default "${campaign[@]}" ;;
        liberty)
            # Liberty keeps a Jakarta Security login only while its authentication cache holds it, and
            # each authenticated request adds an entry: with the default timeout (600s) a campaign
            # fills the 25 000 entries within a minute and the victim's login is evicted (SECURITY.md).
            ./mvnw verify -Pliberty "${campaign[@]}" -Dliberty.authcache.timeout=15s -Dtest='dev/signoff/it/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false ;;
        wildfly|payara)
            ./mvnw verify -P"$server" "${campaign[@]}" -Dtest='dev/signoff/it/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false ;;
        *)
            echo "unknown server: $server (glassfish, wildfly, liberty or payara)" >&2
            exit 2 ;;
    esac
done
