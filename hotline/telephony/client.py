"""The one place that talks to Twilio's REST API; every action is recorded, and no Twilio error escapes."""

from collections.abc import Callable
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session
from twilio.http import HttpClient
from twilio.rest import Client

from hotline.db import add_unique, after_commit, transaction
from hotline.settings import get_settings
from hotline.telephony.models import OutboundAction
from hotline.telephony.twiml import queue_name

log = logging.getLogger(__name__)
Send = Callable[[Client], str | None]
_http_client: HttpClient | None = None
_queue_sids: dict[tuple[str, str], str] = {}


def use_http_client(http_client: HttpClient | None) -> None:
    """Swap Twilio's HTTP layer (tests); None restores the default."""
    global _http_client
    _http_client = http_client
    _queue_sids.clear()


def rest_client() -> Client:
    settings = get_settings()
    return Client(settings.twilio_account_sid, settings.twilio_auth_token, http_client=_http_client)


def redirect_call(*, call_sid: str, line: str, url: str, db_session: Session | None = None) -> OutboundAction:
    """Take one waiting caller out of the line's queue, by CallSid, to the TwiML at url."""
    def send(client: Client) -> str | None:
        queue_sid = _queue_sid(client, line)
        if queue_sid:
            return client.queues(queue_sid).members(call_sid).update(url=url, method="POST").call_sid
        return client.calls(call_sid).update(url=url, method="POST").sid  # not in a Twilio queue: redirect the call
    detail = {"call_sid": call_sid, "line": line, "queue": queue_name(line), "url": url}
    return _act("redirect", None, None, detail, None, send, db_session)


def place_call(*, to: str, url: str, dedupe_key: str | None = None,
               db_session: Session | None = None) -> OutboundAction:
    """Ring a phone; when it answers, Twilio fetches the TwiML at url."""
    def send(client: Client) -> str | None:
        return client.calls.create(to=to, from_=_require(_from_number()), url=url, method="POST").sid
    return _act("call", to, None, {"url": url}, dedupe_key, send, db_session)


def send_sms(*, to: str, body: str, dedupe_key: str | None = None,
             db_session: Session | None = None) -> OutboundAction:
    def send(client: Client) -> str | None:
        return client.messages.create(to=to, from_=_require(get_settings().hotline_sms_number), body=body).sid
    return _act("sms", to, body, {}, dedupe_key, send, db_session)


def _act(kind: str, to: str | None, body: str | None, detail: dict, dedupe_key: str | None, send: Send,
         db_session: Session | None) -> OutboundAction:
    """Record, then send: after the caller's commit when given its session, at once otherwise."""
    if db_session is not None:
        action, new = _record(db_session, kind, to, body, detail, dedupe_key)
        if new:
            db_session.flush()
            after_commit(db_session, lambda: _deliver(action.id, send))
        return action
    with transaction() as own_session:
        action, new = _record(own_session, kind, to, body, detail, dedupe_key)
        own_session.flush()
        action_id = action.id
    if new:
        _deliver(action_id, send)
    with transaction() as own_session:
        return own_session.get(OutboundAction, action_id)


def _record(db_session: Session, kind: str, to: str | None, body: str | None, detail: dict,
            dedupe_key: str | None) -> tuple[OutboundAction, bool]:
    """The action, and whether it is new: the same dedupe key is never sent twice."""
    if dedupe_key:
        existing = db_session.scalar(select(OutboundAction).where(OutboundAction.dedupe_key == dedupe_key))
        if existing:
            return existing, False
    action = OutboundAction(kind=kind, to=to, body=body, detail=detail, status="recorded", dedupe_key=dedupe_key)
    if not add_unique(db_session, action):  # the same key recorded at the same moment elsewhere
        return db_session.scalar(select(OutboundAction).where(OutboundAction.dedupe_key == dedupe_key)), False
    return action, True


def _deliver(action_id: int, send: Send) -> None:
    """Send through Twilio with an account; without one the action stays recorded."""
    if not get_settings().twilio_enabled:
        return
    try:
        status, sid, error = "sent", send(rest_client()), None
    except Exception as exc:  # a Twilio or network failure is recorded, never raised into a webhook
        log.warning("Twilio action %s failed: %s", action_id, exc)
        status, sid, error = "failed", None, str(exc)[:500]
    with transaction() as db_session:
        action = db_session.get(OutboundAction, action_id)
        action.status, action.provider_sid = status, sid
        if error:
            action.detail = {**action.detail, "error": error}


def _queue_sid(client: Client, line: str) -> str | None:
    """The QueueSid of `hotline-<line>`: Twilio creates the queue on the first <Enqueue>, so look it up by name."""
    key = (get_settings().twilio_account_sid or "", line)
    if key not in _queue_sids:
        name = queue_name(line)
        found = next((q.sid for q in client.queues.list(page_size=1000) if q.friendly_name == name), None)
        if not found:
            return None
        _queue_sids[key] = found
    return _queue_sids[key]


def _from_number() -> str | None:
    """Outbound calls show the hotline's own number."""
    settings = get_settings()
    numbers = [n for n in (*settings.numbers_123, *settings.numbers_1480) if n.startswith("+")]
    return settings.hotline_sms_number or next(iter(numbers), None)


def _require(number: str | None) -> str:
    if not number:
        raise ValueError("no hotline number to send from (set HOTLINE_HOTLINE_SMS_NUMBER)")
    return number
