#!/bin/sh
# scripts/deploy/primary.sh DATA_DIR PORT ARCHIVE_DIR
#   Creates and starts the PostgreSQL primary NetGuard's application servers write to: a cluster in DATA_DIR on PORT
#   that streams its write-ahead log to standbys and archives every segment to ARCHIVE_DIR (at least once a minute,
#   archive_timeout), so a base backup plus the archive restores the database to any moment (restore.sh).
#   It makes the role `netguard` owning the database `netguard` with PostGIS, unaccent and pg_trgm installed (which
#   only a superuser may create), and the role `replicator` standbys and backups connect as.
# Environment: NETGUARD_DB_PASSWORD and REPLICATION_PASSWORD (required); ALLOW_FROM, the network the application
#   servers and standbys connect from (default 127.0.0.1/32); LISTEN, the addresses to listen on (default '*').
. "$(dirname "$0")/lib.sh"
[ $# = 3 ] || die "usage: primary.sh DATA_DIR PORT ARCHIVE_DIR"
DATA=$1 PORT=$2 ARCHIVE=$3
: "${NETGUARD_DB_PASSWORD:?set NETGUARD_DB_PASSWORD}" "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
[ ! -e "$DATA/PG_VERSION" ] || die "$DATA already holds a cluster"
mkdir -p "$ARCHIVE"
"$PGBIN/initdb" -D "$DATA" -E UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 --data-checksums >/dev/null
cat >> "$DATA/postgresql.conf" <<CONF
# NetGuard primary (scripts/deploy/primary.sh)
listen_addresses = '${LISTEN:-*}'
port = $PORT
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
archive_timeout = 60
CONF
cat >> "$DATA/pg_hba.conf" <<HBA
host netguard    netguard   ${ALLOW_FROM:-127.0.0.1/32} scram-sha-256
host replication replicator ${ALLOW_FROM:-127.0.0.1/32} scram-sha-256
HBA
"$PGBIN/pg_ctl" -D "$DATA" -l "$DATA.log" -w start >/dev/null || die "PostgreSQL did not start: $(tail -n 5 "$DATA.log")"
# Passwords go in as psql variables, never into a command line other users can read.
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres -v app="$NETGUARD_DB_PASSWORD" -v repl="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE netguard LOGIN PASSWORD :'app';
CREATE ROLE replicator REPLICATION LOGIN PASSWORD :'repl';
CREATE DATABASE netguard OWNER netguard;
\connect netguard
CREATE EXTENSION postgis;
CREATE EXTENSION unaccent;
CREATE EXTENSION pg_trgm;
SQL
echo "primary ready on port $PORT: NETGUARD_DATABASE_URL=postgres://netguard:…@<this host>:$PORT/netguard"
