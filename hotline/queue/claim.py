"""Claiming the next call: the most urgent one this counselor can take, removed atomically, connected, bridged."""

from dataclasses import dataclass
import logging

from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.counselors import service as counselors
from hotline.counselors.skills import skills_of
from hotline.db import transaction
from hotline.queue import service as waiting
from hotline.queue import store
from hotline.queue.policy import Waiting
from hotline.telephony import bridge, client
from hotline.telephony.models import OutboundAction

log = logging.getLogger(__name__)


class Offline(Exception):
    """An offline counselor asked for a call."""


class BridgeFailed(Exception):
    """Twilio refused to move the caller; the call is back in the queue."""


@dataclass(frozen=True)
class Claimed:
    call: Call
    entry: Waiting
    action: OutboundAction


def claim_next(*, user: User, now: float | None = None) -> Claimed | None:
    """The call this counselor should take next, or None; two claimers never get the same call."""
    if counselors.get_presence(user_id=user.id).presence == "offline":
        raise Offline("you are offline: set your presence to available to take calls")
    skills = skills_of(user)
    redis = waiting.loaded_redis()
    for entry in store.waiting(redis, now):
        if not skills.can_take(entry) or not store.remove(redis, entry.call_sid):
            continue  # not theirs, or another counselor removed it first
        call = _connect(entry, user)
        if call is not None:
            return Claimed(call, entry, _bridge(call, entry, user))
    return None


def _connect(entry: Waiting, user: User) -> Call | None:
    """Mark the removed call connected to this counselor; None when its caller has already gone."""
    try:
        with transaction() as db_session:
            call = calls.get(db_session=db_session, call_sid=entry.call_sid)
            if call is None or call.status != "queued":
                log.info("claim skipped %s: %s", entry.call_sid, call.status if call else "unknown call")
                return None
            calls.mark_connected(call=call, counselor_id=user.id)
            calls.log_event(db_session=db_session, call=call, kind="claim", input=user.username,
                            dedupe_key=f"claim:{user.id}:{entry.enqueued_at}", detail={"counselor_id": user.id})
    except Exception:
        store.add(waiting.loaded_redis(), entry)  # the database failed: the caller keeps their place
        raise
    counselors.set_presence(user_id=user.id, presence="busy")
    return call


def _bridge(call: Call, entry: Waiting, user: User) -> OutboundAction:
    """Move that one caller out of Twilio's queue to TwiML that dials the counselor."""
    url = bridge.bridge_url(call_sid=call.call_sid, counselor_id=user.id, line=call.line, language=call.language)
    action = client.redirect_call(call_sid=call.call_sid, line=call.line, url=url)
    if action.status == "failed":
        put_back(call_sid=call.call_sid, entry=entry, counselor_id=user.id, why="bridge failed")
        raise BridgeFailed("could not connect the caller through Twilio; the call is back in the queue")
    return action


def put_back(*, call_sid: str, entry: Waiting | None, counselor_id: int | None, why: str) -> bool:
    """Return a claimed call to the queue in its old place, and the counselor to available."""
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        if call is None or call.status != "connected":
            return False
        call.status, call.counselor_id, call.connected_at = "queued", None, None
        calls.log_event(db_session=db_session, call=call, kind="requeue", input=why,
                        detail={"counselor_id": counselor_id})
        entry = entry or store.entry_for(call)
    if counselor_id is not None:
        counselors.set_presence(user_id=counselor_id, presence="available")
    return waiting.put_waiting(entry)
