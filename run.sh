#!/usr/bin/env bash
# Set up and run the hotline on its embedded defaults (SQLite, the local Redis or an embedded Valkey),
# then place one simulated call so you can see it work. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e . >/dev/null 2>&1 || .venv/bin/pip install -e .
export PATH="$PWD/.venv/bin:$PATH" HOTLINE_ENV="${HOTLINE_ENV:-development}"
python -m hotline.devredis
hotline db upgrade
for who in counselor supervisor manager; do
  hotline users create --username "$who" --password "$who-pass-1" --role "$who" 2>/dev/null \
    && echo "user $who created (password $who-pass-1)" || true
done
honcho start --port 8000 &
trap 'kill %1 2>/dev/null; wait' EXIT INT TERM
for _ in $(seq 150); do curl -fs http://127.0.0.1:8000/healthz >/dev/null 2>&1 && break; sleep 0.2; done
echo; echo "A simulated call to 123: Russian, violence in the family, someone is hurt now"
hotline simulate --line 123 --digits 2,3,1 || true
echo; echo "The hotline runs at http://127.0.0.1:8000 (API docs at /api/docs). Ctrl-C to stop."
wait
