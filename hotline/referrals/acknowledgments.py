"""Partners' SMS replies: `OK`, `ARRIVED`, `DONE` or `NO` and the referral's code, in any case and spacing.

Only the phone a referral was sent to (or its partner's current phone) may answer it; a repeated delivery of
the same MessageSid gets the same reply and changes nothing; anything else gets a short help text.
"""

from dataclasses import dataclass
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.calls.phone import hash_phone
from hotline.db import add_unique, transaction
from hotline.jobs import enqueue_after_commit
from hotline.referrals import messages, service
from hotline.referrals.models import InboundSms, Referral
from hotline.settings import get_settings

COMMANDS = {"OK": "acknowledged", "ARRIVED": "on_scene", "DONE": "completed", "NO": "declined"}
PROGRESS = ("pending", "sent", "escalated", "failed", "acknowledged", "on_scene", "completed")
# Cyrillic letters that look like Latin ones, as phones set to Russian or Tajik type them ("ОК").
LOOKALIKES = str.maketrans("АВСЕНКМОРТХУ", "ABCEHKMOPTXY")
PATTERN = re.compile(r"^(OK|ARRIVED|DONE|NO)[\s:.,;#*\-]*([A-Z0-9][A-Z0-9\s\-]*)$")


@dataclass(frozen=True)
class Command:
    status: str
    code: str


def parse(body: str) -> Command | None:
    """The command in an SMS, or None: tolerant of case, spaces, punctuation and Cyrillic look-alikes."""
    text = (body or "").strip().upper().translate(LOOKALIKES)
    text = re.sub(r"[.!]+$", "", text).strip()
    match = PATTERN.match(text)
    if not match:
        return None
    code = re.sub(r"[\s\-]", "", match.group(2))
    return Command(COMMANDS[match.group(1)], code) if len(code) == service.CODE_LENGTH else None


def handle(*, message_sid: str, sender: str | None, body: str) -> str:
    """Apply one inbound SMS once and return the reply text."""
    with transaction() as db_session:
        seen = db_session.scalar(select(InboundSms).where(InboundSms.message_sid == message_sid))
        if seen is not None:
            return seen.reply or messages.help_text(get_settings().staff_sms_language)
        inbound = InboundSms(message_sid=message_sid, sender_hash=hash_phone(sender), body=(body or "")[:320])
        if not add_unique(db_session, inbound):  # the same SMS delivered twice at once: the other delivery answers it
            return messages.help_text(get_settings().staff_sms_language)
        inbound.reply, inbound.referral_id = _apply(db_session, parse(body), sender, message_sid)
        return inbound.reply


def _apply(db_session: Session, command: Command | None, sender: str | None,
           message_sid: str) -> tuple[str, int | None]:
    referral = service.by_code(db_session=db_session, code=command.code) if command else None
    if referral is None or not _from_partner(referral, sender):
        return messages.help_text(get_settings().staff_sms_language), None
    language = messages.language_of(referral.partner.languages if referral.partner else None,
                                    get_settings().staff_sms_language)
    if _moves_forward(referral.status, command.status):
        service.mark(referral=referral, status=command.status)
        service.log(db_session=db_session, referral=referral, kind=command.status, dedupe_key=f"sms:{message_sid}")
        if command.status == "declined" and referral.urgency in ("critical", "high"):  # to the next partner now
            enqueue_after_commit(db_session, "dispatch", service.ESCALATE_JOB, referral.id,
                                 job_id=f"referral-escalate-now-{referral.id}")
    return messages.status_reply(referral.code, referral.status, language), referral.id


def _moves_forward(current: str, new: str) -> bool:
    """Statuses only move on: a late OK after ARRIVED changes nothing; nothing follows DONE or NO."""
    if current in ("completed", "declined"):
        return False
    if new == "declined":
        return current not in ("on_scene",)
    return PROGRESS.index(new) > PROGRESS.index(current) if current in PROGRESS else True


def _from_partner(referral: Referral, sender: str | None) -> bool:
    allowed = {_digits(referral.phone), _digits(referral.partner.phone if referral.partner else None)} - {""}
    return bool(sender) and _digits(sender) in allowed


def _digits(number: str | None) -> str:
    return "".join(ch for ch in number or "" if ch.isdigit())
