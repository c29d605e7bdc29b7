"""Escalation jobs: ring the on-call supervisor for a critical call nobody took in time, and join them to it."""

import logging

from hotline.calls import service as calls
from hotline.db import transaction
from hotline.settings import get_settings
from hotline.telephony import bridge, client

log = logging.getLogger(__name__)


def escalate_critical(call_sid: str) -> bool:
    """Dial the supervisor if the call still waits; never twice for the same call (logged once, deduped send)."""
    settings = get_settings()
    number = settings.supervisor_number or settings.on_call_number
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        if call is None or call.status != "queued":
            return False  # taken, or the caller hung up: nobody to escalate
        if not calls.log_event(db_session=db_session, call=call, kind="escalation", dedupe_key="escalation",
                               input="supervisor" if number else "no number",
                               detail={"after_s": settings.critical_escalation_s, "to": number}):
            return False
        if not number:
            log.error("critical call %s waited %ss and no supervisor or on-call number is set",
                      call_sid, settings.critical_escalation_s)
            return False
        client.place_call(to=number, url=bridge.escalation_url(call_sid=call_sid, line=call.line),
                          dedupe_key=f"escalate-{call_sid}", db_session=db_session)
    return True


def join_supervisor(call_sid: str) -> bool:
    """The supervisor answered: move the caller out of Twilio's queue into the supervisor's conference."""
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        line = call.line if call else "123"
    action = client.redirect_call(call_sid=call_sid, line=line, url=bridge.join_url(call_sid=call_sid))
    return action.status != "failed"
