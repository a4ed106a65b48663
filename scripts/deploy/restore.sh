#!/bin/sh
# scripts/deploy/restore.sh BACKUP_DIR ARCHIVE_DIR DATA_DIR PORT TARGET_TIME
#   Point-in-time recovery: unpacks the base backup BACKUP_DIR (base-backup.sh) into the new DATA_DIR, replays the
#   archived write-ahead log from ARCHIVE_DIR up to TARGET_TIME (e.g. '2026-12-02 03:15:00+07'), and starts it on
#   PORT as a primary once recovery has reached that moment. It does not archive into ARCHIVE_DIR, which still
#   belongs to the old timeline's primary; run primary.sh's archive settings on it once it replaces that primary.
. "$(dirname "$0")/lib.sh"
[ $# = 5 ] || die "usage: restore.sh BACKUP_DIR ARCHIVE_DIR DATA_DIR PORT TARGET_TIME"
BACKUP=$1 ARCHIVE=$2 DATA=$3 PORT=$4 TARGET=$5
[ -f "$BACKUP/base.tar.gz" ] || die "$BACKUP is not a base backup (no base.tar.gz)"
[ ! -e "$DATA" ] || die "$DATA exists: restore into a new folder"
mkdir -m 700 "$DATA"
# base-backup.sh takes the log it needs into base.tar.gz itself (-X fetch).
tar -xzf "$BACKUP/base.tar.gz" -C "$DATA"
rm -f "$DATA/standby.signal"
cat >> "$DATA/postgresql.conf" <<CONF
# Restored by scripts/deploy/restore.sh to $TARGET
port = $PORT
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
touch "$DATA/recovery.signal"
"$PGBIN/pg_ctl" -D "$DATA" -l "$DATA.log" -w -t 600 start >/dev/null || die "PostgreSQL did not start: $(tail -n 5 "$DATA.log")"
# pg_ctl returns once connections are accepted, which a hot standby does while it still replays.
tries=0
until [ "$("$PGBIN/psql" -X -At -p "$PORT" -d postgres -c 'SELECT pg_is_in_recovery()')" = f ]; do
  tries=$((tries + 1))
  [ $tries -lt 600 ] || die "recovery did not reach $TARGET within 10 minutes (see $DATA.log)"
  sleep 1
done
echo "restored to $TARGET, serving on port $PORT"
