# Shared by the PostgreSQL deployment scripts (sourced, not run). PostgreSQL refuses to run as root, so a script
# started as root runs itself again as the `postgres` user Debian's packages create.
set -eu
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ "$(id -u)" = 0 ]; then
  exec runuser -u postgres -- env PGBIN="$PGBIN" "$0" "$@"
fi
die() { echo "$(basename "$0"): $*" >&2; exit 1; }
