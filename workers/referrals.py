"""Referral jobs: alert the emergency partner of a critical call, send a referral, escalate an unanswered one.

Plain functions taking ids; every one is idempotent (deterministic job ids, dedupe keys on what they make).
"""

from hotline.referrals import escalation, sending


def alert_emergency(call_sid: str) -> int | None:
    return escalation.alert_emergency(call_sid=call_sid)


def send_referral(referral_id: int, attempt: int = 1) -> str | None:
    return sending.send(referral_id=referral_id, attempt=attempt)


def escalate_referral(referral_id: int) -> int | None:
    return escalation.escalate(referral_id=referral_id)
