"""Sending a referral: SMS through the telephony client and, where the partner has one, a webhook.

Each channel is tried until it succeeds, with backoff (settings.referral_retry_s); a channel that succeeded
is never tried again, and each attempt has its own dedupe key, so no message goes out twice.
"""

from dataclasses import dataclass
import hashlib
import hmac
import json
import logging

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.calls.phone import decrypt_phone
from hotline.db import transaction
from hotline.jobs import enqueue
from hotline.keys import derived_key
from hotline.referrals import messages, service
from hotline.referrals.models import EMERGENCY_TYPES, Referral, ReferralEvent
from hotline.settings import get_settings
from hotline.telephony import client
from hotline.telephony.models import OutboundAction

log = logging.getLogger(__name__)
DELIVERED = ("sent", "recorded")
_transport: httpx.BaseTransport | None = None


def use_webhook_transport(transport: httpx.BaseTransport | None) -> None:
    """Swap the HTTP layer of partner webhooks (tests); None restores the default."""
    global _transport
    _transport = transport


@dataclass(frozen=True)
class Outgoing:
    referral_id: int
    code: str
    phone: str | None
    webhook_url: str | None
    sms: str
    payload: dict


def sms_key(referral_id: int, attempt: int) -> str:
    return f"referral-{referral_id}-sms-{attempt}"


def send(*, referral_id: int, attempt: int = 1) -> str | None:
    """One attempt at every channel not yet delivered; returns the referral's status afterwards."""
    with transaction() as db_session:
        outgoing = _outgoing(db_session, referral_id)
        if outgoing is None:
            referral = service.get(db_session=db_session, referral_id=referral_id)
            return referral.status if referral else None
        sms_done = _sms_delivered(db_session, referral_id)
        hook_done = not outgoing.webhook_url or _webhook_delivered(db_session, referral_id)
    if not outgoing.phone and not outgoing.webhook_url:  # nowhere to send it: fail and escalate now
        return _after_attempt(referral_id, len(get_settings().referral_retry_s) + 1, False, False)
    if not sms_done and outgoing.phone:
        sms_done = client.send_sms(to=outgoing.phone, body=outgoing.sms,
                                   dedupe_key=sms_key(referral_id, attempt)).status in DELIVERED
    if not hook_done:
        hook_done = _post_webhook(outgoing, attempt)
    delivered = bool(outgoing.phone and sms_done) or bool(outgoing.webhook_url and hook_done)
    return _after_attempt(referral_id, attempt, delivered, (sms_done or not outgoing.phone) and hook_done)


def _outgoing(db_session: Session, referral_id: int) -> Outgoing | None:
    """What to send, or None when the referral is no longer waiting to be sent."""
    referral = service.get(db_session=db_session, referral_id=referral_id)
    if referral is None or referral.status not in ("pending", "sent"):
        return None
    call = db_session.get(Call, referral.call_id)
    partner = referral.partner
    facts = messages.ReferralFacts(line=call.line, code=referral.code, urgency=referral.urgency,
                                   category=referral.category, region=call.region or referral.region,
                                   caller_language=call.language, caller_phone=_caller_phone(referral, call))
    language = messages.language_of(partner.languages if partner else None, get_settings().staff_sms_language)
    payload = {"code": referral.code, "urgency": facts.urgency, "category": facts.category,
               "region": facts.region, "caller_language": facts.caller_language, "line": call.line,
               "partner_type": referral.partner_type, "caller_phone": facts.caller_phone}
    return Outgoing(referral.id, referral.code, referral.phone, partner.webhook_url if partner else None,
                    messages.referral_sms(facts, language), payload)


def _caller_phone(referral: Referral, call: Call) -> str | None:
    """Only an emergency partner sent to a critical call gets the caller's number: they must reach them."""
    if not get_settings().referral_share_caller_phone:
        return None
    if referral.urgency != "critical" or referral.partner_type not in EMERGENCY_TYPES:
        return None
    return decrypt_phone(call.caller_encrypted)


def _sms_delivered(db_session: Session, referral_id: int) -> bool:
    return bool(db_session.scalar(select(OutboundAction.id).where(
        OutboundAction.dedupe_key.like(f"referral-{referral_id}-sms-%"), OutboundAction.status.in_(DELIVERED))))


def _webhook_delivered(db_session: Session, referral_id: int) -> bool:
    events = db_session.scalars(select(ReferralEvent).where(
        ReferralEvent.referral_id == referral_id, ReferralEvent.kind == "webhook"))
    return any(event.detail.get("ok") for event in events)


def _post_webhook(outgoing: Outgoing, attempt: int) -> bool:
    """POST the referral as JSON, signed with an HMAC of the body; the attempt is logged once."""
    body = json.dumps(outgoing.payload, sort_keys=True).encode()
    signature = hmac.new(derived_key("partner-webhooks"), body, hashlib.sha256).hexdigest()
    try:
        with httpx.Client(transport=_transport, timeout=10) as http:
            response = http.post(outgoing.webhook_url, content=body, headers={
                "Content-Type": "application/json", "X-Hotline-Signature": f"sha256={signature}",
                "Idempotency-Key": f"referral-{outgoing.referral_id}"})
        ok, detail = response.is_success, {"status_code": response.status_code}
    except httpx.HTTPError as exc:
        ok, detail = False, {"error": str(exc)[:300]}
    with transaction() as db_session:
        referral = service.get(db_session=db_session, referral_id=outgoing.referral_id)
        service.log(db_session=db_session, referral=referral, kind="webhook", dedupe_key=f"webhook:{attempt}",
                    detail={"ok": ok, "attempt": attempt, **detail})
    return ok


def _after_attempt(referral_id: int, attempt: int, delivered: bool, complete: bool) -> str:
    """Mark it sent once any channel delivered; retry what failed; give up (and escalate) after the last try."""
    retries = get_settings().referral_retry_s
    with transaction() as db_session:
        referral = service.get(db_session=db_session, referral_id=referral_id)
        if referral.status not in ("pending", "sent"):
            return referral.status
        if delivered:
            if referral.status == "pending":
                service.mark(referral=referral, status="sent")
                service.log(db_session=db_session, referral=referral, kind="sent", dedupe_key="sent",
                            detail={"attempt": attempt})
        if complete:
            return referral.status
        if attempt <= len(retries):
            service.log(db_session=db_session, referral=referral, kind="retry", dedupe_key=f"retry:{attempt}",
                        detail={"attempt": attempt + 1, "in_s": retries[attempt - 1]})
            status = referral.status
        else:
            status = _give_up(db_session, referral)
    if attempt <= len(retries):
        enqueue("dispatch", service.SEND_JOB, referral_id, attempt + 1,
                job_id=f"referral-send-{referral_id}-{attempt + 1}", delay_s=retries[attempt - 1])
    elif status == "failed":
        enqueue("dispatch", service.ESCALATE_JOB, referral_id, job_id=f"referral-escalate-now-{referral_id}")
    return status


def _give_up(db_session: Session, referral: Referral) -> str:
    """Every attempt failed: a referral nobody received fails and escalates at once."""
    if referral.status == "pending":
        service.mark(referral=referral, status="failed")
        service.log(db_session=db_session, referral=referral, kind="failed", dedupe_key="failed")
        call = db_session.get(Call, referral.call_id)
        calls.log_event(db_session=db_session, call=call, kind="referral", input="failed",
                        dedupe_key=f"referral-failed-{referral.id}", detail={"code": referral.code})
    return referral.status
