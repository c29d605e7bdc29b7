"""A known simulated day on both lines, written to the database with exact timestamps.

Monday 3 March 2025, Dushanbe time (UTC+5). Each call: (local hh:mm, line, language, region, urgency,
category, seconds waiting in the queue or None, handle seconds or None, counselor key, caller key, status).
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hotline.calls import service as calls
from hotline.calls.models import Call, Callback, CallEvent
from hotline.cases.models import CaseFile, ContactRecord
from hotline.db import transaction
from hotline.referrals.models import Referral
from tests.auth.helpers import make_user

DUSHANBE = ZoneInfo("Asia/Dushanbe")
DAY = datetime(2025, 3, 3, tzinfo=DUSHANBE)
DAY_RANGE = {"from": DAY.isoformat(), "to": DAY.replace(day=4).isoformat()}
IVR_S = 40  # every call spends 40 s in the menus before it queues
PHONES = {"X": "+992901111111", "Y": "+992902222222"}

#        time     line    lang  region      urgency     category                wait  handle  who  caller status
DAY_CALLS = [
    ("08:05", "123", "tg", "dushanbe", "critical", "child_abuse", 5, 600, "A", "X", "completed"),
    ("08:20", "123", "ru", "khatlon", "high", "domestic_violence", 12, 300, "A", "Y", "completed"),
    ("09:10", "1480", "ru", "dushanbe", "medium", "mental_health", 18, 900, "B", "X", "completed"),
    ("09:40", "1480", "tg", "sughd", "medium", "mental_health", 25, 1200, "B", "4", "completed"),
    ("10:00", "123", "uz", "sughd", "high", "elder", 30, None, None, "5", "abandoned"),
    ("10:30", "123", "tg", None, "low", "information", 15, 120, "A", "6", "completed"),
    ("13:15", "1480", "en", "dushanbe", "medium", "family_relationships", 70, 600, "B", "7", "completed"),
    ("13:50", "123", "fa", "gbao", "critical", "suicide_self_harm", 3, 1500, "A", "8", "completed"),
    ("18:00", "123", "tg", "drs", "medium", "basic_needs", 45, None, None, "9", "abandoned"),
    ("22:30", "123", None, None, None, None, None, None, None, None, "completed"),  # hung up in the menus
]


@dataclass
class SimulatedDay:
    sids: list[str]
    counselors: dict[str, object]


def at(hhmm: str, day: datetime = DAY) -> datetime:
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return (day + timedelta(hours=hours, minutes=minutes)).astimezone(UTC)


def phone(key: str | None) -> str | None:
    return PHONES.get(key, f"+99290000000{key}") if key else None


def add_call(db_session, sid: str, created: datetime, *, line: str, caller: str | None, wait: int | None,
             handle: int | None, status: str, counselor_id: int | None = None, **fields) -> Call:
    call = calls.get_or_create(db_session=db_session, call_sid=sid, line=line, caller=caller)
    call.created_at, call.status, call.counselor_id = created, status, counselor_id
    for name, value in fields.items():
        setattr(call, name, value)
    if wait is not None:
        call.queued_at = created + timedelta(seconds=IVR_S)
        if handle is not None:
            call.connected_at = call.queued_at + timedelta(seconds=wait)
            call.ended_at = call.connected_at + timedelta(seconds=handle)
        else:
            call.ended_at = call.queued_at + timedelta(seconds=wait)
    else:
        call.ended_at = created + timedelta(seconds=IVR_S)
    db_session.flush()
    return call


def simulate_day() -> SimulatedDay:
    """The day's ten calls, one earlier call from caller Y, an override, a callback, a contact and referrals."""
    counselors = {"A": make_user("counselor"), "B": make_user("counselor")}
    sids = []
    with transaction() as db_session:
        add_call(db_session, "CAearlier", at("12:00", DAY - timedelta(days=3)), line="123", caller=phone("Y"),
                 wait=4, handle=200, status="completed", counselor_id=counselors["A"].id, urgency="high",
                 category="domestic_violence", region="khatlon", language="ru")
        for number, (hhmm, line, language, region, urgency, category, wait, handle, who, caller, status) in \
                enumerate(DAY_CALLS, start=1):
            sid = f"CAday{number:02d}"
            sids.append(sid)
            call = add_call(db_session, sid, at(hhmm), line=line, caller=phone(caller), wait=wait, handle=handle,
                            status=status, counselor_id=counselors[who].id if who else None, language=language,
                            region=region, urgency=urgency, category=category)
            _extras(db_session, number, call)
    return SimulatedDay(sids=sids, counselors=counselors)


def _extras(db_session, number: int, call: Call) -> None:
    if number == 1:
        db_session.add(Referral(code="R1", call_id=call.id, partner_type="mobile_team", region="dushanbe",
                                phone="+992371111111", urgency="critical", category="child_abuse", status="completed",
                                source="counselor", sent_at=call.connected_at + timedelta(minutes=10),
                                answered_at=call.connected_at + timedelta(minutes=12)))
    if number == 4:
        case = CaseFile(caller_hash=call.caller_hash, status="open", category="mental_health", region="sughd")
        db_session.add(case)
        db_session.flush()
        db_session.add(ContactRecord(call_id=call.id, case_id=case.id, counselor_id=call.counselor_id,
                                     caller_type="self", category="mental_health", vulnerable_groups=["disability"],
                                     region="sughd", notes="lives alone, call back on +992 90 123 4567",
                                     outcome="counseled"))
    if number == 8:
        db_session.add(CallEvent(call_id=call.id, kind="override", input="supervisor1",
                                 detail={"before": {"urgency": "high"}, "after": {"urgency": "critical"}}))
        db_session.add(Referral(code="R8", call_id=call.id, partner_type="psychologist", region="gbao",
                                urgency="critical", category="suicide_self_harm", status="sent", source="counselor",
                                sent_at=call.ended_at))
    if number == 9:
        db_session.add(Callback(call_id=call.id, reason="abandoned", status="pending"))
