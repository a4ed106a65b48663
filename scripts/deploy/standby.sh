#!/bin/sh
# scripts/deploy/standby.sh PRIMARY_HOST PRIMARY_PORT DATA_DIR PORT
#   Clones the primary into DATA_DIR (pg_basebackup) and starts it on PORT as a hot standby that streams the
#   primary's write-ahead log through a replication slot of its own, so the primary keeps what a standby has not yet
#   received. Read-only: NetGuard refuses to start on it; promote it (pg_ctl promote) when the primary is lost.
# Environment: REPLICATION_PASSWORD (required); SLOT, the replication slot's name (default: standby_<PORT>).
. "$(dirname "$0")/lib.sh"
[ $# = 4 ] || die "usage: standby.sh PRIMARY_HOST PRIMARY_PORT DATA_DIR PORT"
HOST=$1 PRIMARY_PORT=$2 DATA=$3 PORT=$4
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
[ ! -e "$DATA/PG_VERSION" ] || die "$DATA already holds a cluster"
# -R writes primary_conninfo and standby.signal; -C -S creates the slot on the primary.
PGPASSWORD=$REPLICATION_PASSWORD "$PGBIN/pg_basebackup" -h "$HOST" -p "$PRIMARY_PORT" -U replicator -D "$DATA" \
  -R -X stream -C -S "${SLOT:-standby_$PORT}" --checkpoint=fast
echo "port = $PORT" >> "$DATA/postgresql.conf"
"$PGBIN/pg_ctl" -D "$DATA" -l "$DATA.log" -w start >/dev/null || die "PostgreSQL did not start: $(tail -n 5 "$DATA.log")"
echo "standby of $HOST:$PRIMARY_PORT ready on port $PORT"
