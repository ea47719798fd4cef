#!/usr/bin/env bash
# Stops the server started by start-test-postgres.sh and removes its directory.
set -u
[ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ] || exit 0
PG_CTL=$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_CTL" -D "$PG_TEST_DIR/data" -m fast stop >/dev/null 2>&1
else "$PG_CTL" -D "$PG_TEST_DIR/data" -m fast stop >/dev/null 2>&1; fi
rm -rf "$PG_TEST_DIR"
