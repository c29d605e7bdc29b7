"""Drill: PostgreSQL restarted in the middle of a call. The next webhook still gets TwiML, the call completes,
and its record is whole. It restarts the shared server, so it runs only when asked: HOTLINE_TEST_PG_RESTART=1."""

import gc
import glob
import os
import shutil
import subprocess

import pytest
from sqlalchemy.engine import Engine

from tests.telephony.helpers import Caller, events, load_call

pytestmark = pytest.mark.skipif(
    os.environ.get("HOTLINE_TEST_PG_RESTART") != "1" or not shutil.which("pg_ctlcluster"),
    reason="restarts the shared PostgreSQL: set HOTLINE_TEST_PG_RESTART=1 (needs pg_ctlcluster, run as root)")


def restart_postgresql() -> None:
    [version] = [os.path.basename(path) for path in glob.glob("/etc/postgresql/*")]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True,
                   timeout=60)


def drop_dead_connections() -> None:
    """Every engine of this process forgets its pooled connections, which the restart closed (the app's engine
    checks them before use; the test fixtures' own engines do not)."""
    for engine in [obj for obj in gc.get_objects() if isinstance(obj, Engine)]:
        engine.dispose()


def test_a_call_survives_a_postgresql_restart(twilio, hotline_env):
    if not hotline_env.database_url.startswith("postgresql"):
        pytest.skip("a PostgreSQL drill")
    caller = Caller(twilio)
    caller.dial()
    caller.keys("2", "3")
    load_call(caller.sid)  # the first steps are written
    restart_postgresql()
    try:
        caller.keys("2", "2", "2", "3")
        assert caller.root.find("Enqueue") is not None
        assert caller.status("completed", 5).status_code == 200
    finally:
        drop_dead_connections()
    call = load_call(caller.sid)
    assert call.status == "abandoned" and call.ended_at and call.urgency and call.region == "khatlon"
    kinds = [event.kind for event in events(caller.sid)]
    assert kinds.count("status") >= 1 and len([k for k in kinds if k == "ivr"]) >= 6
