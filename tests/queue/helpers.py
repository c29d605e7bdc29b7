"""Staff with tokens, waiting calls, the app with the queue's routers, and a fake Twilio at its HTTP layer."""

from datetime import timedelta
from itertools import count
import json
import re

from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import select
from twilio.http import HttpClient
from twilio.http.response import Response as TwilioResponse

from hotline.auth import service as auth
from hotline.calls.models import Call, CallEvent
from hotline.counselors import service as counselors
from hotline.db import transaction, utcnow
from hotline.jobs import QUEUES
from hotline.queue import service as waiting
from hotline.queue.store import entry_for
from hotline.settings import get_settings
from hotline.telephony.models import OutboundAction

_sids, _users = count(1), count(1)
QUEUE_SID = "QU" + "1" * 32


def new_sid() -> str:
    return f"CA{next(_sids):032d}"


def staff(role: str = "counselor", languages=None, lines=None, presence: str | None = "available"):
    """A user and a bearer header; presence set unless None."""
    with transaction() as db_session:
        user = auth.create_user(db_session=db_session, username=f"{role}{next(_users)}", password="password-123",
                                role=role, languages=languages, lines=lines)
        secret, _ = auth.issue_token(db_session=db_session, user=user)
    if presence:
        counselors.set_presence(user_id=user.id, presence=presence)
    return user, {"Authorization": f"Bearer {secret}"}


def queued_call(*, urgency: str | None = None, language: str = "tg", line: str = "123", waited_s: float = 0,
                transcript: str | None = None, category: str | None = None, status: str = "queued") -> str:
    """A call waiting in the database and in Redis, as the IVR leaves it."""
    sid = new_sid()
    with transaction() as db_session:
        call = Call(call_sid=sid, line=line, language=language, status=status, urgency=urgency, category=category,
                    reasons=[], answers={"skill": "general"}, transcript=transcript,
                    queued_at=utcnow() - timedelta(seconds=waited_s), created_at=utcnow() - timedelta(seconds=waited_s))
        db_session.add(call)
        db_session.flush()
        entry = entry_for(call)
    assert waiting.put_waiting(entry)
    return sid


def load_call(sid: str) -> Call | None:
    with transaction() as db_session:
        return db_session.scalar(select(Call).where(Call.call_sid == sid))


def events(sid: str, kind: str | None = None) -> list[CallEvent]:
    with transaction() as db_session:
        query = select(CallEvent).join(Call).where(Call.call_sid == sid).order_by(CallEvent.id)
        found = list(db_session.scalars(query))
    return [e for e in found if kind is None or e.kind == kind]


def actions(kind: str | None = None) -> list[OutboundAction]:
    with transaction() as db_session:
        found = list(db_session.scalars(select(OutboundAction).order_by(OutboundAction.id)))
    return [a for a in found if kind is None or a.kind == kind]


def run_worker() -> None:
    """Drain every queue in-process, with the scheduler moving due timed jobs first."""
    connection = Redis.from_url(get_settings().redis_url)
    SimpleWorker([Queue(name, connection=connection) for name in QUEUES], connection=connection).work(
        burst=True, with_scheduler=True)


class FakeTwilio(HttpClient):
    """Twilio's REST API at its HTTP layer: records each request and answers like Twilio (or fails)."""

    def __init__(self, fail: bool = False):
        super().__init__(logger=None, is_async=False)
        self.requests: list[dict] = []
        self.fail = fail

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False):
        self.requests.append({"method": method, "url": uri, "params": dict(params or {}), "data": dict(data or {})})
        if self.fail:
            return TwilioResponse(500, json.dumps({"code": 20500, "message": "Internal Server Error", "status": 500}))
        return TwilioResponse(200 if method == "GET" else 201, json.dumps(self._answer(method, uri, data or {})))

    def _answer(self, method: str, uri: str, data: dict) -> dict:
        if uri.endswith("/Queues.json"):
            return {"queues": [{"sid": QUEUE_SID, "friendly_name": "hotline-123", "current_size": 1}],
                    "next_page_uri": None, "page": 0, "page_size": 1000, "start": 0, "end": 0}
        member = re.search(r"/Members/(CA\w+)\.json$", uri)
        if member:
            return {"call_sid": member.group(1), "queue_sid": QUEUE_SID, "position": 0, "wait_time": 3}
        if uri.endswith("/Messages.json"):
            return {"sid": "SM" + "2" * 32, "to": data.get("To"), "body": data.get("Body"), "status": "queued"}
        if uri.endswith("/Calls.json"):
            return {"sid": "CA" + "3" * 32, "to": data.get("To"), "status": "queued"}
        return {"sid": re.findall(r"CA\w{32}", uri)[-1] if "CA" in uri else "XX"}
