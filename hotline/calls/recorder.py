"""New calls recorded by a writer process in batches, so the first webhook answers without waiting on the disk.

The web process only hands the call start down a pipe; hashing, encryption and the database write happen in
the writer, off the web process's GIL. A call start is written within milliseconds; if the writer is gone,
the web process writes the call itself, and any later webhook of the call records it too (get_or_create).
"""

import atexit
from dataclasses import dataclass, field
from datetime import datetime
import logging
import multiprocessing
import threading

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from hotline.calls.models import Call, CallEvent
from hotline.calls.phone import encrypt_phone, hash_phone
from hotline.db import get_engine, utcnow
from hotline.settings import get_settings

log = logging.getLogger(__name__)
BATCH = 500


@dataclass(frozen=True)
class CallStart:
    call_sid: str
    line: str
    caller: str | None
    to: str | None
    start_node: str
    at: datetime = field(default_factory=utcnow)  # when Twilio asked, not when the writer got to it


class CallStartRecorder:
    """The web process's end of the pipe to the writer process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pipe = None
        self._process = None
        self._flushes = 0

    def start(self) -> None:
        with self._lock:
            if self._process is not None and self._process.is_alive():
                return
            context = multiprocessing.get_context("spawn")
            self._pipe, child_end = context.Pipe()
            self._process = context.Process(target=serve, args=(child_end,), name="hotline-call-writer", daemon=True)
            self._process.start()
            child_end.close()
            atexit.register(self.stop)  # after multiprocessing's own exit hook, so it runs before it

    def record(self, start: CallStart) -> None:
        if not self._send(("start", get_settings().database_url, start)):
            write_batch(get_settings().database_url, [start])

    def flush(self) -> None:
        """Wait until every call start handed in so far is written."""
        with self._lock:
            if self._pipe is None:
                return
            self._flushes += 1
            token = self._flushes
            try:
                self._pipe.send(("flush", None, token))
                while self._pipe.recv() != token:
                    pass
            except (OSError, EOFError):
                self._pipe = None

    def stop(self) -> None:
        """Drain and end the writer (at process exit)."""
        self.flush()
        with self._lock:
            if self._pipe is not None:
                try:
                    self._pipe.send(("stop", None, None))
                except OSError:
                    pass
                self._process.join(timeout=10)
            self._pipe = self._process = None

    def _send(self, message) -> bool:
        if self._pipe is None:
            self.start()
        with self._lock:
            try:
                self._pipe.send(message)
                return True
            except (OSError, AttributeError):
                log.warning("the call writer is gone; writing this call start in the web process")
                self._pipe = None
                return False


def serve(pipe) -> None:
    """The writer process: gather whatever has arrived, write it per database, answer flushes, repeat."""
    running = True
    while running:
        try:
            messages = [pipe.recv()]
        except EOFError:  # the web process is gone: nothing more will come
            return
        while len(messages) < BATCH and pipe.poll():
            messages.append(pipe.recv())
        by_url: dict[str, list[CallStart]] = {}
        for kind, url, payload in messages:
            if kind == "start":
                by_url.setdefault(url, []).append(payload)
        for url, starts in by_url.items():
            try:
                write_batch(url, starts)
            except Exception:  # each call's next webhook records it
                log.exception("could not record %d call starts", len(starts))
        for kind, _url, payload in messages:
            if kind == "flush":
                pipe.send(payload)
            running = running and kind != "stop"


def _insert(engine, table):
    dialect = sqlite if engine.dialect.name == "sqlite" else postgresql
    return dialect.insert(table)


def write_batch(database_url: str, batch: list[CallStart]) -> None:
    """Insert the calls and their first step, skipping any a retried delivery or a later webhook wrote first."""
    engine = get_engine(database_url)
    calls = [{"call_sid": s.call_sid, "line": s.line, "status": "ivr", "answers": {}, "reasons": [],
              "caller_hash": hash_phone(s.caller), "caller_encrypted": encrypt_phone(s.caller),
              "status_sequence": -1, "created_at": s.at} for s in batch]
    with engine.begin() as connection:
        connection.execute(_insert(engine, Call.__table__).on_conflict_do_nothing(index_elements=["call_sid"]), calls)
        ids = dict(connection.execute(select(Call.call_sid, Call.id).where(
            Call.call_sid.in_([s.call_sid for s in batch]))).all())
        events = [{"call_id": ids[s.call_sid], "kind": "ivr", "node": s.start_node, "input": "call",
                   "detail": {"to": s.to}, "dedupe_key": "start", "created_at": s.at} for s in batch if s.call_sid in ids]
        connection.execute(_insert(engine, CallEvent.__table__).on_conflict_do_nothing(
            index_elements=["call_id", "dedupe_key"]), events)


recorder = CallStartRecorder()
