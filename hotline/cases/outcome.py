"""`POST /api/calls/{call_sid}/outcome`: the counselor's contact record, its referrals and follow-up, at once."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.cases import service as cases
from hotline.cases.models import ContactRecord, FollowUp
from hotline.cases.schemas import OutcomeIn
from hotline.referrals import service as referrals
from hotline.referrals.models import Referral

CONTACT_FIELDS = ("category", "region", "notes", "sub_category", "caller_type", "vulnerable_groups", "outcome")


class OutcomeError(ValueError):
    """A field of the outcome that cannot be acted on (e.g. no partner of a type serves the region)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Recorded:
    call: Call
    contact: ContactRecord
    referrals: list[Referral]
    follow_up: FollowUp | None


def record(*, db_session: Session, call: Call, outcome: OutcomeIn, counselor_id: int) -> Recorded:
    """Record the contact (in the caller's case file), make the referrals, and plan the follow-up."""
    if call.training:
        raise OutcomeError("call_sid", "a training call: its answer is kept for the debrief, nothing is sent")
    call.region = outcome.region
    if not call.category:
        call.category = outcome.category
    contact = cases.record_contact(db_session=db_session, call=call, counselor_id=counselor_id,
                                   fields=outcome.model_dump(include=set(CONTACT_FIELDS)))
    made = _refer(db_session, call, outcome, counselor_id)
    case = db_session.get(cases.CaseFile, contact.case_id)
    if made and case.status in ("open", "in_progress"):
        cases.change_status(db_session=db_session, case=case, status="referred", user_id=counselor_id,
                            note=f"{len(made)} referral(s) made")
    follow_up = None
    if outcome.follow_up:
        follow_up = cases.add_follow_up(db_session=db_session, case=case, due_at=outcome.follow_up.due_at,
                                        note=outcome.follow_up.note, user_id=counselor_id, call_id=call.id,
                                        assigned_to=outcome.follow_up.assigned_to)
    calls.log_event(db_session=db_session, call=call, kind="outcome", input=outcome.outcome or outcome.category,
                    detail={"referrals": [r.code for r in made], "case_id": case.id})
    db_session.flush()
    return Recorded(call, contact, referrals.for_call(db_session=db_session, call_id=call.id), follow_up)


def _refer(db_session: Session, call: Call, outcome: OutcomeIn, counselor_id: int) -> list[Referral]:
    made = []
    for index, asked in enumerate(outcome.referrals):
        field = f"referrals.{index}.{'partner_id' if asked.partner_id else 'partner_type'}"
        try:
            made.append(referrals.refer(db_session=db_session, call=call, partner_type=asked.partner_type,
                                        partner_id=asked.partner_id, created_by=counselor_id))
        except referrals.ReferralError as exc:
            raise OutcomeError(field, str(exc)) from None
    return made
