"""The signed /twilio/bridge webhooks: a claimed caller ringing a counselor, and the supervisor's escalation leg."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from twilio.twiml.voice_response import VoiceResponse

from hotline.calls import service as calls
from hotline.counselors import service as counselors
from hotline.db import transaction
from hotline.jobs import enqueue_after_commit
from hotline.queue import store
from hotline.queue.claim import put_back
from hotline.queue.service import loaded_redis
from hotline.telephony import bridge, twiml
from hotline.telephony.signature import signed_form
from hotline.telephony.views import respond

router = APIRouter(prefix="/twilio/bridge")
Form = Annotated[dict[str, str], Depends(signed_form)]
CALL = Query(..., max_length=64)
LINE = Query("123", max_length=8)
LANGUAGE = Query("tg", max_length=8)


@router.post("")
def ring_counselor(form: Form, call: str = CALL, counselor: int = Query(...), line: str = LINE,
                   lang: str = LANGUAGE) -> Response:
    def build() -> VoiceResponse:
        phone = counselors.get_presence(user_id=counselor).phone
        _log(call, "bridge", f"bridge:{counselor}", str(counselor))
        return bridge.dial_counselor(call_sid=call, counselor_id=counselor, phone=phone, line=line, language=lang)
    return respond(build, line, lang)


@router.post("/result")
def ring_result(form: Form, call: str = CALL, counselor: int = Query(...), line: str = LINE,
                lang: str = LANGUAGE) -> Response:
    def build() -> VoiceResponse:
        outcome = form.get("DialCallStatus", "")
        _log(call, "bridge-result", f"bridge-result:{counselor}:{outcome}", outcome)
        if outcome == "completed":
            counselors.set_presence(user_id=counselor, presence="wrap-up")
            return twiml.empty()
        put_back(call_sid=call, entry=None, counselor_id=counselor, why=f"counselor did not answer ({outcome})")
        return bridge.back_to_queue(line=line, language=lang)
    return respond(build, line, lang)


@router.post("/escalation")
def supervisor_answered(form: Form, call: str = CALL, line: str = LINE) -> Response:
    """The supervisor picked up: take the call for them unless a counselor got there first."""
    def build() -> VoiceResponse:
        if not store.remove(loaded_redis(), call):
            return bridge.already_answered()
        with transaction() as db_session:
            found = calls.get(db_session=db_session, call_sid=call)
            if found is None or found.status != "queued":
                return bridge.already_answered()
            calls.mark_connected(call=found)
            calls.log_event(db_session=db_session, call=found, kind="escalation", dedupe_key="escalation-answered",
                            input="supervisor answered")
            enqueue_after_commit(db_session, "default", "workers.escalation.join_supervisor", call,
                                 job_id=f"join-{call}")
        return bridge.supervisor_conference(call_sid=call, line=line)
    return respond(build, line)


@router.post("/join")
def caller_joins(form: Form, call: str = CALL) -> Response:
    return respond(lambda: bridge.caller_conference(call_sid=call))


def _log(call_sid: str, kind: str, key: str, value: str) -> None:
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        if call is not None:
            calls.log_event(db_session=db_session, call=call, kind=kind, dedupe_key=key, input=value)
