"""Shared fixtures: the real Redis and both real databases, cleaned between tests, and signed Twilio requests."""

import os
from urllib.parse import urlencode

import pytest
from redis import Redis
from sqlalchemy import create_engine, text
from twilio.request_validator import RequestValidator

TEST_TOKEN = "test-twilio-token"
BASE_URL = "http://testserver"
PG_ADMIN_URL = os.environ.get("HOTLINE_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_BASE = os.environ.get("HOTLINE_TEST_REDIS", "redis://127.0.0.1:6379")
DATABASES = [name for name in os.environ.get("HOTLINE_TEST_DATABASES", "sqlite,postgresql").split(",") if name]


WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
# Redis databases 1-15 are shared by every test run on a machine: runs side by side set different offsets.
REDIS_DB_OFFSET = int(os.environ.get("HOTLINE_TEST_REDIS_DB_OFFSET", "0"))


def _worker_number(worker: str) -> int:
    return int(worker[2:]) if worker.startswith("gw") else 0


@pytest.fixture(scope="session")
def redis_url() -> str:
    return f"{REDIS_BASE}/{1 + (REDIS_DB_OFFSET + _worker_number(WORKER)) % 15}"


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'hotline.db'}"


@pytest.fixture(scope="session")
def postgresql_url():
    name = f"hotline_test_{WORKER}_{os.getpid()}".replace("-", "_")
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    from hotline.db import get_engine

    get_engine(url).dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_migrated: set[str] = set()


def configure(monkeypatch, **values) -> None:
    """Set HOTLINE_* variables and drop every cached object built from the old ones."""
    from hotline.settings import get_settings

    for key, value in values.items():
        monkeypatch.setenv(f"HOTLINE_{key.upper()}", str(value))
    get_settings.cache_clear()


@pytest.fixture(params=DATABASES)
def database_url(request) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def hotline_env(monkeypatch, database_url, redis_url):
    """A configured hotline on a migrated, empty database and an empty Redis database."""
    from hotline.migrate import upgrade
    from hotline.schema import metadata

    configure(monkeypatch, env="development", twilio_auth_token=TEST_TOKEN, public_base_url=BASE_URL,
              database_url=database_url, redis_url=redis_url, twilio_account_sid="")
    monkeypatch.delenv("HOTLINE_TWILIO_ACCOUNT_SID")
    from hotline.settings import get_settings
    get_settings.cache_clear()
    if database_url not in _migrated:
        upgrade(database_url)
        _migrated.add(database_url)
    redis = Redis.from_url(redis_url)
    redis.flushdb()
    from hotline.operations.blocklist import forget_snapshot
    forget_snapshot()  # this process's copy of the emptied block set
    yield get_settings()
    from hotline.calls.recorder import recorder

    recorder.flush()
    _empty_tables(database_url, metadata)
    redis.flushdb()


def _empty_tables(url: str, metadata) -> None:
    from hotline.db import get_engine

    with get_engine(url).begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def client(hotline_env):
    from fastapi.testclient import TestClient

    from hotline.app import create_app

    with TestClient(create_app(), base_url=BASE_URL) as test_client:
        yield test_client


class Twilio:
    """Posts webhooks exactly as Twilio does: form-encoded, signed for the public URL."""

    def __init__(self, client, token: str = TEST_TOKEN):
        self.client, self.validator = client, RequestValidator(token)

    def post(self, url: str, params: dict[str, str], signature: str | None = None):
        path = url.removeprefix(BASE_URL)
        full = BASE_URL + path
        signature = self.validator.compute_signature(full, params) if signature is None else signature
        return self.client.post(path, content=urlencode(params), headers={
            "X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"})


@pytest.fixture
def twilio(client) -> Twilio:
    return Twilio(client)


@pytest.fixture
def api(client):
    """The full app, as the API's callers reach it."""
    return client


@pytest.fixture
def fake_twilio(hotline_env, monkeypatch):
    """A Twilio account configured, with every REST request going to a fake at Twilio's HTTP layer."""
    from hotline.telephony import client as twilio_client
    from tests.queue.helpers import FakeTwilio

    configure(monkeypatch, twilio_account_sid="AC" + "0" * 32, hotline_sms_number="+992372000123")
    fake = FakeTwilio()
    twilio_client.use_http_client(fake)
    yield fake
    twilio_client.use_http_client(None)
