#!/bin/sh
# scripts/deploy/base-backup.sh PRIMARY_HOST PRIMARY_PORT BACKUP_ROOT
#   Takes a base backup of the primary into a new folder BACKUP_ROOT/base-<UTC time> (compressed tar files with the
#   write-ahead log needed to make it consistent) and prints the folder. With the WAL archive of primary.sh it
#   restores the database to any moment after it (restore.sh). Run it daily (cron); keep two at least, and the
#   archived segments since the older one.
# Environment: REPLICATION_PASSWORD (required).
. "$(dirname "$0")/lib.sh"
[ $# = 3 ] || die "usage: base-backup.sh PRIMARY_HOST PRIMARY_PORT BACKUP_ROOT"
HOST=$1 PRIMARY_PORT=$2 ROOT=$3
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
TARGET="$ROOT/base-$(date -u +%Y%m%dT%H%M%SZ)"
PGPASSWORD=$REPLICATION_PASSWORD "$PGBIN/pg_basebackup" -h "$HOST" -p "$PRIMARY_PORT" -U replicator -D "$TARGET" \
  -Ft -z -X fetch --checkpoint=fast
echo "$TARGET"
