"""One call's whole record for a manager: IVR steps, triage and reasons, overrides, contact, referrals, callback."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.calls import queries
from hotline.calls.models import Callback
from hotline.calls.schemas import CallDetail, redact
from hotline.cases.models import ContactRecord
from hotline.referrals.models import Referral


def _contact(contact: ContactRecord | None) -> dict | None:
    if contact is None:
        return None
    return {"caller_type": contact.caller_type, "category": contact.category,
            "sub_category": contact.sub_category, "vulnerable_groups": list(contact.vulnerable_groups or []),
            "region": contact.region, "outcome": contact.outcome, "notes": redact(contact.notes or ""),
            "case_id": contact.case_id, "created_at": contact.created_at}


def _referral(referral: Referral) -> dict:
    partner = referral.partner
    return {"id": referral.id, "code": referral.code, "status": referral.status,
            "partner_type": referral.partner_type, "partner": partner.name if partner else None,
            "region": referral.region, "urgency": referral.urgency, "source": referral.source,
            "created_at": referral.created_at, "sent_at": referral.sent_at, "answered_at": referral.answered_at}


def call_record(*, db_session: Session, call_sid: str) -> dict | None:
    """The whole record of a call, with no phone number (caller's or partner's)."""
    call = queries.get_call(db_session=db_session, call_sid=call_sid)
    if call is None or call.training:
        return None  # a training call is no part of the reports
    detail = CallDetail.of(call).model_dump()
    contact = db_session.scalar(select(ContactRecord).where(ContactRecord.call_id == call.id))
    referrals = db_session.scalars(select(Referral).where(Referral.call_id == call.id).order_by(Referral.id))
    callback = db_session.scalar(select(Callback).where(Callback.call_id == call.id))
    return {**detail, "overrides": [event for event in detail["events"] if event["kind"] == "override"],
            "contact": _contact(contact), "referrals": [_referral(r) for r in referrals],
            "callback": {"reason": callback.reason, "status": callback.status} if callback else None}
