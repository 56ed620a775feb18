#!/usr/bin/env bash
# Runs post-boot-commands.asadmin on a fresh Payara Server 6 domain and checks that the demo's
# registry lands in PostgreSQL: unpacks Payara Server into target/, moves every port of the domain
# into PORT_BASE..PORT_BASE+9, starts it with --postbootcommandfile, deploys the demo WAR, logs in,
# and looks for the session row in the database. Then stops the domain.
#
#   ./mvnw package -DskipTests -DskipITs       # builds target/signoff-demo.war
#   server-config/payara/try-payara-server.sh
#
# Environment: PORT_BASE (8680), SIGNOFF_DB_HOST (127.0.0.1), SIGNOFF_DB_PORT (5432),
# SIGNOFF_DB_NAME (signoff_payara_server, dropped and created fresh), SIGNOFF_DB_USER (postgres),
# SIGNOFF_DB_PASSWORD, MAVEN_REPO (~/.m2/repository); needs psql, curl, unzip and Maven's copy of
# fish.payara.distributions:payara:6.2025.10:zip (fetched with ./mvnw dependency:get if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=server-config/payara
version=6.2025.10
base=${PORT_BASE:-8680}
export SIGNOFF_DB_HOST=${SIGNOFF_DB_HOST:-127.0.0.1} SIGNOFF_DB_PORT=${SIGNOFF_DB_PORT:-5432}
export SIGNOFF_DB_NAME=${SIGNOFF_DB_NAME:-signoff_payara_server} SIGNOFF_DB_USER=${SIGNOFF_DB_USER:-postgres}
export SIGNOFF_DB_PASSWORD=${SIGNOFF_DB_PASSWORD:-unused-with-trust-auth}
repo=${MAVEN_REPO:-$HOME/.m2/repository}
zip=$repo/fish/payara/distributions/payara/$version/payara-$version.zip
[ -f "$zip" ] || ./mvnw -q dependency:get -Dartifact=fish.payara.distributions:payara:$version:zip -Dtransitive=false
driver=$(ls "$repo"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)

rm -rf target/payara-server && mkdir -p target/payara-server && unzip -q "$zip" -d target/payara-server
home=$PWD/target/payara-server/payara6
domain=$home/glassfish/domains/domain1
cp "$driver" "$domain/lib/"
# Every port this domain could open, inside base..base+9 (iiop and JMS start lazily, if at all).
sed -i -e "s/port=\"8080\"/port=\"$base\"/" -e "s/port=\"8181\"/port=\"$((base + 1))\"/" \
       -e "s/port=\"4848\"/port=\"$((base + 2))\"/" -e "s/port=\"8686\"/port=\"$((base + 3))\"/" \
       -e "s/port=\"3700\"/port=\"$((base + 4))\"/" -e "s/port=\"3820\"/port=\"$((base + 5))\"/" \
       -e "s/port=\"3920\"/port=\"$((base + 6))\"/" \
       -e "s/start-port=\"5900\" das-port=\"4900\"/start-port=\"$((base + 8))\" das-port=\"$((base + 7))\"/" \
       -e "s/osgi.shell.telnet.port=6666/osgi.shell.telnet.port=$((base + 9))/" "$domain/config/domain.xml"

psql -q -h "$SIGNOFF_DB_HOST" -p "$SIGNOFF_DB_PORT" -U "$SIGNOFF_DB_USER" -d postgres \
     -c "DROP DATABASE IF EXISTS $SIGNOFF_DB_NAME WITH (FORCE)" -c "CREATE DATABASE $SIGNOFF_DB_NAME"

asadmin() { "$home/bin/asadmin" --port $((base + 2)) "$@"; }
trap 'asadmin stop-domain domain1 >/dev/null 2>&1 || true' EXIT
asadmin start-domain --postbootcommandfile "$PWD/$here/post-boot-commands.asadmin" domain1
asadmin deploy --contextroot /signoff-demo --name signoff-demo target/signoff-demo.war

url=http://localhost:$base/signoff-demo
jar=$(mktemp)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -d 'username=alice&password=alice-pw' "$url/login")
me=$(curl -s -c "$jar" -b "$jar" -H 'Accept: application/json' "$url/api/me")
rows=$(psql -tA -h "$SIGNOFF_DB_HOST" -p "$SIGNOFF_DB_PORT" -U "$SIGNOFF_DB_USER" -d "$SIGNOFF_DB_NAME" \
       -c "SELECT count(*) FROM signoff_session WHERE user_name = 'alice' AND revoked_at IS NULL")
rm -f "$jar"
echo "login: $code, /api/me: $me, live sessions of alice in $SIGNOFF_DB_NAME: $rows"
grep -h 'Attempting to ping' "$domain/logs/server.log" | tail -1 || true
[ "$code" = 303 ] && [ "$me" = '{"user":"alice"}' ] && [ "$rows" = 1 ] && echo "OK: Payara Server keeps the registry in PostgreSQL"
