"""Driving a call through the webhooks as Twilio would, and reading the TwiML it gets back."""

from itertools import count
import xml.etree.ElementTree as ET

from sqlalchemy import select

from hotline.calls.models import Call, CallEvent
from hotline.calls.recorder import recorder
from hotline.db import transaction

_sids = count(1)


def new_sid() -> str:
    return f"CA{next(_sids):032d}"


def parse(response) -> ET.Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.text)
    assert root.tag == "Response"
    return root


def said(root: ET.Element) -> list[str]:
    return [el.text or "" for el in root.iter("Say")]


def gather_action(root: ET.Element) -> str:
    gather = root.find("Gather")
    assert gather is not None, ET.tostring(root, encoding="unicode")
    return gather.get("action")


class Caller:
    """One caller: dials a line and answers each gather in turn."""

    def __init__(self, twilio, line: str = "123", caller: str = "+992900000001"):
        self.twilio, self.sid, self.line, self.caller = twilio, new_sid(), line, caller
        self.root: ET.Element | None = None

    def params(self, **extra) -> dict[str, str]:
        return {"CallSid": self.sid, "From": self.caller, "To": self.line, "AccountSid": "AC" + "0" * 32, **extra}

    def dial(self) -> ET.Element:
        self.root = parse(self.twilio.post("/twilio/voice", self.params(CallStatus="ringing")))
        return self.root

    def press(self, digits: str = "", speech: str | None = None) -> ET.Element:
        extra = {"Digits": digits}
        if speech is not None:
            extra["SpeechResult"] = speech
        self.root = parse(self.twilio.post(gather_action(self.root), self.params(**extra)))
        return self.root

    def keys(self, *presses: str) -> ET.Element:
        for digits in presses:
            self.press(digits)
        return self.root

    def status(self, status: str, sequence: int | None = None):
        extra = {"CallStatus": status}
        if sequence is not None:
            extra["SequenceNumber"] = str(sequence)
        return self.twilio.post("/twilio/status", self.params(**extra))


def load_call(call_sid: str) -> Call | None:
    recorder.flush()
    with transaction() as db_session:
        return db_session.scalar(select(Call).where(Call.call_sid == call_sid))


def events(call_sid: str) -> list[CallEvent]:
    recorder.flush()
    with transaction() as db_session:
        return list(db_session.scalars(
            select(CallEvent).join(Call).where(Call.call_sid == call_sid).order_by(CallEvent.created_at, CallEvent.id)))
