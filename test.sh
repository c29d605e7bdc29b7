#!/usr/bin/env bash
# Set up and run the hotline's tests: against the Redis on 127.0.0.1:6379 and both SQLite and the
# PostgreSQL on 127.0.0.1:5432 (user postgres, database test).
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/pip install -q -e '.[test]' >/dev/null 2>&1 || .venv/bin/pip install -e '.[test]'
.venv/bin/hotline flows check >/dev/null
exec .venv/bin/pytest -n 2 -q "$@"
