"""Twilio's webhooks: signed, always answered 200 with TwiML that leads to a human, whatever fails inside."""

from collections.abc import Callable
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from twilio.twiml.voice_response import VoiceResponse

from hotline.ivr.engine import Position
from hotline.ivr.service import get_flows
from hotline.referrals import acknowledgments, messages
from hotline.telephony import hold, status, twiml, voice
from hotline.telephony.signature import signed_form

log = logging.getLogger(__name__)
router = APIRouter(prefix="/twilio")
Form = Annotated[dict[str, str], Depends(signed_form)]
LANGUAGE = Query("tg", max_length=8)
LINE = Query("123", max_length=8)


def respond(build: Callable[[], VoiceResponse | str], line: str = "123", language: str = "tg") -> Response:
    """Run the handler; on any failure, log it and send the caller to a human instead."""
    try:
        response = build()
    except Exception:
        log.exception("webhook failed; routing the caller to a human")
        try:
            flows = get_flows()
        except Exception:
            flows = None
        response = twiml.to_a_human(flows, line, language)
    return Response(content=str(response), media_type="application/xml")


@router.post("/voice")
async def incoming_call(form: Form) -> Response:
    """Async: the hottest webhook never waits for a thread or the disk (see hotline.calls.recorder)."""
    return respond(lambda: voice.incoming_call(form), voice.line_of(form))


@router.post("/ivr")
def gather(form: Form, line: str = LINE, node: str = Query("", max_length=64), lang: str = LANGUAGE,
           inv: int = Query(0, ge=0, le=9), sil: int = Query(0, ge=0, le=9)) -> Response:
    position = Position(line=line, node=node, language=lang, invalid=inv, silence=sil)
    return respond(lambda: voice.gather_input(form, position), line, lang)


@router.post("/ivr/dial-result")
def dial_result(form: Form, line: str = LINE, lang: str = LANGUAGE, node: str | None = None) -> Response:
    return respond(lambda: voice.dial_result(form, line, node, lang), line, lang)


@router.post("/ivr/voicemail")
def voicemail(form: Form, line: str = LINE, lang: str = LANGUAGE) -> Response:
    return respond(lambda: voice.voicemail(form, line, lang), line, lang)


@router.post("/hold")
def hold_music(form: Form, line: str = LINE, lang: str = LANGUAGE) -> Response:
    return respond(lambda: hold.hold(form, line, lang), line, lang)


@router.post("/hold/input")
def hold_input(form: Form, line: str = LINE, lang: str = LANGUAGE) -> Response:
    return respond(lambda: hold.hold_input(form, line, lang), line, lang)


@router.post("/queue-exit")
def queue_exit(form: Form, line: str = LINE, lang: str = LANGUAGE) -> Response:
    return respond(lambda: hold.queue_exit(form, line, lang), line, lang)


@router.post("/status")
def call_status(form: Form) -> Response:
    def build() -> VoiceResponse:
        status.call_status(form)
        return twiml.empty()
    return respond(build, voice.line_of(form))


@router.post("/sms")
def incoming_sms(form: Form) -> Response:
    """A partner's SMS (OK/ARRIVED/DONE/NO <code>): always answered with a <Message>."""
    try:
        text = acknowledgments.handle(message_sid=form.get("MessageSid") or form.get("SmsSid", ""),
                                      sender=form.get("From"), body=form.get("Body", ""))
    except Exception:
        log.exception("inbound SMS failed")
        text = messages.help_text("ru")
    return Response(content=str(twiml.sms_reply(text)), media_type="application/xml")
