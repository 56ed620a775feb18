#!/bin/sh
# One node of a Payara Micro cluster whose nodes share one SignOff registry (PostgreSQL) and
# replicate HttpSessions in Payara's Hazelcast data grid, so a load balancer needs no sticky
# sessions. ClusterIT starts its two nodes with this file.
#
#   NODE_NAME=a HTTP_PORT=8081 CLUSTER_PORT=5901 CLUSTER_MEMBERS=10.0.0.1:5901,10.0.0.2:5901 \
#   SIGNOFF_DB_HOST=... SIGNOFF_DB_PORT=5432 SIGNOFF_DB_NAME=signoff SIGNOFF_DB_USER=... SIGNOFF_DB_PASSWORD=... \
#   sh cluster-node.sh app.war [more.war ...]
#
# Required: NODE_NAME, HTTP_PORT, CLUSTER_PORT (this node's data-grid port), CLUSTER_MEMBERS (every
# node's host:port, this one's included: TCP/IP discovery, no multicast), and the SIGNOFF_DB_*
# variables of post-boot-commands.asadmin. Optional: CLUSTER_NAME (default signoff; nodes with
# another name never join), CLUSTER_INTERFACE (the address the data grid binds, default 127.0.0.1:
# set it to this host's address on a real network), PAYARA_MICRO_JAR, JDBC_DRIVER, WORK_DIR (where
# Payara unpacks itself), JAVA_OPTS.
#
# The app's web.xml must say <distributable/> (SignOff's web fragment does), and what the app keeps
# in its HttpSession must be Serializable; else Payara keeps sessions in each node's memory and
# logs "Invalid Session Management Configuration for non-distributable app".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${NODE_NAME:?}" "${HTTP_PORT:?}" "${CLUSTER_PORT:?}" "${CLUSTER_MEMBERS:?}"
work=${WORK_DIR:-${TMPDIR:-/tmp}/payara-$NODE_NAME}
# A fresh runtime every start: Payara Micro would otherwise boot the last run's deployments and
# configuration from the unpack directory before this command line's. (SignOff's own files,
# signoff.pending-ends, belong elsewhere: they must outlive a restart.)
rm -rf "$work/unpack" "$work/tmp"
mkdir -p "$work/tmp"
deploy=""
for war in "$@"; do deploy="$deploy --deploy $war"; done
# exec: the server is this process, so a signal to it (kill -9 included) reaches the server.
# -Dproduct.name=Payara: no version in the Server header. --nohostaware: keep session backups even
# on nodes that share an address (a test on one machine; harmless on separate hosts).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Dproduct.name=Payara -Djava.io.tmpdir="$work/tmp" \
    -jar "${PAYARA_MICRO_JAR:-payara-micro.jar}" \
    --name "$NODE_NAME" --port "$HTTP_PORT" \
    --clustername "${CLUSTER_NAME:-signoff}" --clustermode "tcpip:$CLUSTER_MEMBERS" \
    --startport "$CLUSTER_PORT" --interfaces "${CLUSTER_INTERFACE:-127.0.0.1}" --nohostaware \
    --unpackdir "$work/unpack" \
    --postbootcommandfile "$here/post-boot-commands.asadmin" \
    --addlibs "${JDBC_DRIVER:-postgresql.jar}" \
    $deploy
