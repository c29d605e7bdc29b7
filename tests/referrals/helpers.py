"""Calls with a caller, the sample directory loaded, referrals and sent SMS as the tests read them."""

from itertools import count

from sqlalchemy import select

from hotline.calls import service as calls
from hotline.db import transaction
from hotline.referrals import partners as directory
from hotline.referrals.models import Partner, Referral, ReferralEvent
from hotline.settings import get_settings

_sids = count(1)
CALLER = "+992931112233"


def load_sample_directory() -> int:
    partners = directory.read_file(get_settings().partners_file)
    with transaction() as db_session:
        directory.load(db_session=db_session, partners=partners)
    return len(partners)


def make_call(*, region: str | None = "khatlon", urgency: str = "critical", category: str = "child_abuse",
              language: str = "tg", caller: str | None = CALLER, counselor_id: int | None = None,
              status: str = "connected") -> str:
    sid = f"CA{next(_sids):010d}{'f' * 22}"
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid=sid, line="123", caller=caller)
        call.region, call.urgency, call.category, call.language = region, urgency, category, language
        call.status, call.counselor_id = status, counselor_id
    return sid


def partner(key: str) -> Partner:
    with transaction() as db_session:
        return db_session.scalar(select(Partner).where(Partner.key == key))


def referrals_of(sid: str) -> list[Referral]:
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=sid)
        found = list(db_session.scalars(select(Referral).where(Referral.call_id == call.id).order_by(Referral.id)))
        for referral in found:
            _ = referral.partner
    return found


def referral_events(referral_id: int, kind: str | None = None) -> list[ReferralEvent]:
    with transaction() as db_session:
        found = list(db_session.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == referral_id)
                                        .order_by(ReferralEvent.id)))
    return [e for e in found if kind is None or e.kind == kind]


def sms_requests(fake) -> list[dict]:
    return [r["data"] for r in fake.requests if r["url"].endswith("/Messages.json")]
