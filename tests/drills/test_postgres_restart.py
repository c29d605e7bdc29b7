"""Drill: PostgreSQL restarted in the middle of a call. The next webhook still gets TwiML, the call completes,
and its record is whole. The drill restarts a PostgreSQL server of its own, never the shared one."""

import gc

import pytest
from sqlalchemy.engine import Engine

from tests.drills.private_postgres import PrivatePostgres, available
from tests.telephony.helpers import Caller, events, load_call


@pytest.fixture(scope="module")
def private_postgres():
    assert available(), "the drill needs PostgreSQL's initdb and pg_ctl (.ci/run installs PostgreSQL)"
    server = PrivatePostgres()
    server.start()
    yield server
    drop_dead_connections()
    server.stop()


@pytest.fixture
def database_url(private_postgres) -> str:
    return private_postgres.url


def drop_dead_connections() -> None:
    """Every engine of this process forgets its pooled connections, which the restart closed (the app's engine
    checks them before use; the test fixtures' own engines do not)."""
    for engine in [obj for obj in gc.get_objects() if isinstance(obj, Engine)]:
        engine.dispose()


def test_a_call_survives_a_postgresql_restart(twilio, hotline_env, private_postgres):
    caller = Caller(twilio)
    caller.dial()
    caller.keys("2", "3")
    load_call(caller.sid)  # the first steps are written
    private_postgres.restart()
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
