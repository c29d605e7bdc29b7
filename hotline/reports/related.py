"""Figures kept beside the calls: triage overrides, callbacks, repeat callers, referrals, follow-ups."""

from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from hotline.calls.models import Call, Callback, CallEvent
from hotline.cases.models import CallbackAttempt, ContactRecord, FollowUp
from hotline.referrals.models import Referral
from hotline.reports.kpis import average, share
from hotline.reports.rows import CallRow
from hotline.triage.scale import rank

ACKNOWLEDGED = ("acknowledged", "on_scene", "completed")


def overrides(*, db_session: Session, call_ids: Select) -> dict:
    """Triage overrides (call events of kind `override`): how many, on how many calls, up or down."""
    details = list(db_session.scalars(select(CallEvent.detail).where(
        CallEvent.kind == "override", CallEvent.call_id.in_(call_ids))))
    ids = set(db_session.scalars(select(CallEvent.call_id).where(
        CallEvent.kind == "override", CallEvent.call_id.in_(call_ids))))
    moves = Counter(_direction(detail or {}) for detail in details)
    return {"overrides": len(details), "calls_overridden": len(ids), "urgency_raised": moves["raised"],
            "urgency_lowered": moves["lowered"], "category_only": moves["same"]}


def _direction(detail: dict) -> str:
    before = (detail.get("before") or {}).get("urgency")
    after = (detail.get("after") or {}).get("urgency")
    if before == after or after is None:
        return "same"
    return "raised" if rank(after) > rank(before) else "lowered"


def callbacks(*, db_session: Session, call_ids: Select) -> dict:
    """Callers owed a call back, and the calls back made to them."""
    found = list(db_session.execute(select(Callback.reason, Callback.status).where(Callback.call_id.in_(call_ids))))
    attempts = list(db_session.scalars(select(CallbackAttempt.result).join(
        Callback, Callback.id == CallbackAttempt.callback_id).where(Callback.call_id.in_(call_ids))))
    return {"owed": len(found), "by_reason": dict(sorted(Counter(r for r, _ in found).items())),
            "by_status": dict(sorted(Counter(s for _, s in found).items())),
            "attempts": len(attempts), "reached": sum(1 for result in attempts if result == "reached")}


def repeat_callers(*, db_session: Session, rows: list[CallRow]) -> dict:
    """Calls from a caller (same number hash) who had called within 24 h / 7 days before, earlier calls included."""
    known = [row for row in rows if row.caller_hash]
    if not known:
        return {"callers": 0, "repeat_calls_24h": 0, "repeat_calls_7d": 0, "repeat_callers_7d": 0}
    hashes = {row.caller_hash for row in known}
    since = min(row.created_at for row in known) - timedelta(days=7)
    history: dict[str, list] = defaultdict(list)
    for caller, created in db_session.execute(select(Call.caller_hash, Call.created_at).where(
            Call.caller_hash.in_(hashes), Call.created_at >= since)):
        history[caller].append(created)
    within_24h = [row for row in known if _called_before(history[row.caller_hash], row.created_at, 1)]
    within_7d = [row for row in known if _called_before(history[row.caller_hash], row.created_at, 7)]
    return {"callers": len(hashes), "repeat_calls_24h": len(within_24h), "repeat_calls_7d": len(within_7d),
            "repeat_callers_7d": len({row.caller_hash for row in within_7d})}


def _called_before(times: list, moment, days: int) -> bool:
    return any(moment - timedelta(days=days) <= earlier < moment for earlier in times)


def referrals(*, db_session: Session, call_ids: Select) -> dict:
    """Referrals of these calls: sent, acknowledged, completed, and the time partners took to acknowledge."""
    found = list(db_session.scalars(select(Referral).where(Referral.call_id.in_(call_ids))))
    acknowledged = [r for r in found if r.status in ACKNOWLEDGED]
    waits = [(r.answered_at - r.sent_at).total_seconds() for r in acknowledged if r.answered_at and r.sent_at]
    return {"referrals": len(found), "sent": sum(1 for r in found if r.sent_at is not None),
            "acknowledged": len(acknowledged), "completed": sum(1 for r in found if r.status == "completed"),
            "declined": sum(1 for r in found if r.status == "declined"),
            "escalated": sum(1 for r in found if r.status == "escalated"),
            "acknowledged_rate": share(len(acknowledged), len(found)),
            "average_time_to_acknowledge_s": average(waits),
            "by_status": dict(sorted(Counter(r.status for r in found).items())),
            "by_partner_type": dict(sorted(Counter(r.partner_type for r in found).items()))}


def follow_ups(*, db_session: Session, call_ids: Select) -> dict:
    """Follow-ups planned on the contacts of these calls, and the share done (the follow-up rate)."""
    case_ids = select(ContactRecord.case_id).where(ContactRecord.call_id.in_(call_ids))
    statuses = list(db_session.scalars(select(FollowUp.status).where(
        (FollowUp.call_id.in_(call_ids)) | (FollowUp.call_id.is_(None) & FollowUp.case_id.in_(case_ids)))))
    done = sum(1 for status in statuses if status == "done")
    return {"planned": len(statuses), "done": done, "open": sum(1 for s in statuses if s == "open"),
            "follow_up_rate": share(done, len(statuses))}
