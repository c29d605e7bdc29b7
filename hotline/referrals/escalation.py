"""Critical calls alert the emergency partner of their region at once; unanswered referrals escalate.

A critical call's alert goes to the first partner the rules name for its region, or to the on-call
dispatcher while the region is not known. A referral still unanswered when its timer fires (critical after
5 minutes, high after 2 hours), declined, or undeliverable goes to the next partner of the rule's list, and
the supervisor is told by SMS. Each step happens once: referrals and messages carry dedupe keys.
"""

import logging

from sqlalchemy.orm import Session

from hotline.calls import service as calls
from hotline.calls.models import REGIONS, Call
from hotline.db import transaction
from hotline.jobs import enqueue
from hotline.referrals import messages, service
from hotline.referrals import partners as directory
from hotline.referrals.models import Referral
from hotline.referrals.rules import load_rules, partner_types
from hotline.settings import get_settings
from hotline.telephony import client

log = logging.getLogger(__name__)
ALERT_JOB = "workers.referrals.alert_emergency"
DISPATCHER = "mobile_team"  # what the on-call dispatcher is asked for


def on_critical_triage(call_sid: str) -> bool:
    """The hook for a call just triaged critical: the alert job, by id, so it runs once per call."""
    return enqueue("dispatch", ALERT_JOB, call_sid, job_id=f"referral-alert-{call_sid}")


def alert_emergency(*, call_sid: str) -> int | None:
    """Refer a critical call to its region's emergency partner (or the dispatcher); the referral's id."""
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=call_sid)
        if call is None or call.urgency != "critical":
            return None
        partner, types = _emergency_partner(db_session, call)
        if partner is None:
            number = get_settings().dispatcher_number or get_settings().on_call_number
            referral = service.create(db_session=db_session, call=call, partner_type=types[0] if types else DISPATCHER,
                                      partner=None, phone=number, source="alert", dedupe_key=f"alert:{call.id}")
        else:
            referral = service.create(db_session=db_session, call=call, partner_type=partner.type, partner=partner,
                                      source="alert", dedupe_key=f"alert:{call.id}")
        calls.log_event(db_session=db_session, call=call, kind="referral", input="alert", dedupe_key="referral-alert",
                        detail={"code": referral.code, "partner_id": referral.partner_id})
        return referral.id


def _emergency_partner(db_session: Session, call: Call):
    """The first partner the rules name for a critical call of this category and region (None if no region)."""
    if call.region not in REGIONS:
        return None, ()
    types = partner_types(load_rules(), category=call.category, urgency="critical", region=call.region)
    found = directory.candidates(db_session=db_session, types=types, region=call.region, language=call.language)
    return (found[0] if found else None), types


def escalate(*, referral_id: int) -> int | None:
    """Move an unanswered, declined or failed referral on, once; the id of the next referral, if any."""
    with transaction() as db_session:
        referral = service.get(db_session=db_session, referral_id=referral_id)
        if referral is None or referral.status not in ("pending", "sent", "failed", "declined"):
            return None  # the partner answered in time
        why = {"declined": "declined", "failed": "failed"}.get(referral.status, "unanswered")
        if not service.log(db_session=db_session, referral=referral, kind="escalated", dedupe_key="escalated",
                           detail={"why": why}):
            return None
        if referral.status != "declined":
            service.mark(referral=referral, status="escalated")
        call = db_session.get(Call, referral.call_id)
        following = _next_referral(db_session, call, referral)
        _tell_supervisor(db_session, call, referral, following, why)
        calls.log_event(db_session=db_session, call=call, kind="referral", input="escalated",
                        dedupe_key=f"referral-escalated-{referral.id}",
                        detail={"code": referral.code, "next": following.code if following else None})
        return following.id if following else None


def _next_referral(db_session: Session, call: Call, referral: Referral) -> Referral | None:
    """The next partner of the rule's list for this call, skipping every partner already asked."""
    if call.region not in REGIONS:
        return None
    asked = {r.partner_id for r in service.for_call(db_session=db_session, call_id=call.id) if r.partner_id}
    types = partner_types(load_rules(), category=call.category, urgency=call.urgency or "medium", region=call.region)
    types = _from(types, referral.partner_type)
    found = directory.candidates(db_session=db_session, types=types, region=call.region, language=call.language,
                                 exclude=asked)
    if not found:
        return None
    return service.create(db_session=db_session, call=call, partner_type=found[0].type, partner=found[0],
                          source="escalation", escalated_from=referral, dedupe_key=f"escalation:{referral.id}")


def _from(types: tuple[str, ...], current: str) -> tuple[str, ...]:
    """The list from the current type on (another partner of the same type first, then the next types)."""
    return types[types.index(current):] if current in types else types


def _tell_supervisor(db_session: Session, call: Call, referral: Referral, following: Referral | None,
                     why: str) -> None:
    settings = get_settings()
    number = settings.supervisor_number or settings.on_call_number
    if not number:
        log.error("referral %s escalated (%s) and no supervisor or on-call number is set", referral.code, why)
        return
    facts = messages.ReferralFacts(line=call.line, code=referral.code, urgency=referral.urgency,
                                   category=referral.category, region=call.region, caller_language=call.language)
    partner = referral.partner.name if referral.partner else "dispatcher"
    minutes = (service.escalation_delay_s(referral.urgency) or 0) // 60
    body = messages.supervisor_sms(facts, partner=partner, why=why, minutes=minutes,
                                   language=settings.staff_sms_language,
                                   next_name=following.partner.name if following and following.partner else None,
                                   next_code=following.code if following else None)
    client.send_sms(to=number, body=body, dedupe_key=f"referral-{referral.id}-supervisor", db_session=db_session)
