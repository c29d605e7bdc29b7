"""The call screen's forms as posted by a browser (strings, lists of checkboxes), turned into the API's models."""

from datetime import datetime

from pydantic import BaseModel, ValidationError

from hotline.cases.schemas import OutcomeIn
from hotline.queue.schemas import OverrideIn
from hotline.reports import periods


class FormError(ValueError):
    """A form that cannot be accepted; the message names the fields."""


class OutcomeForm(BaseModel):
    """The contact form: the record, ticked referrals (types or partners) and an optional follow-up or call back."""

    csrf_token: str = ""
    category: str = ""
    region: str = ""
    notes: str = ""
    outcome: str = ""
    caller_type: str = ""
    sub_category: str = ""
    vulnerable_groups: list[str] = []
    partner_type: list[str] = []
    partner_id: list[str] = []
    follow_up_due: str = ""
    follow_up_note: str = ""
    follow_up_kind: str = "follow_up"

    def outcome_in(self) -> OutcomeIn:
        """The API's outcome; FormError naming every field that is wrong."""
        referrals = [{"partner_type": t} for t in dict.fromkeys(self.partner_type) if t]
        referrals += [{"partner_id": _int("partner_id", p)} for p in dict.fromkeys(self.partner_id) if p]
        data = {"category": self.category, "region": self.region, "notes": self.notes.strip(),
                "referrals": referrals, "outcome": self.outcome or None, "caller_type": self.caller_type or None,
                "sub_category": self.sub_category.strip() or None, "vulnerable_groups": self.vulnerable_groups,
                "follow_up": self._follow_up()}
        return _validated(OutcomeIn, data)

    def _follow_up(self) -> dict | None:
        if not self.follow_up_due:
            return None
        note = self.follow_up_note.strip()
        if self.follow_up_kind == "callback":
            note = f"Call back: {note}".strip(": ")
        return {"due_at": local_time("follow_up_due", self.follow_up_due), "note": note}


class OverrideForm(BaseModel):
    csrf_token: str = ""
    urgency: str = ""
    category: str = ""
    reason: str = ""

    def override_in(self) -> OverrideIn:
        return _validated(OverrideIn, {"urgency": self.urgency or None, "category": self.category or None,
                                       "reason": self.reason})


def local_time(field: str, text: str) -> datetime:
    """A browser's datetime-local value, read in the hotline's time zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise FormError(f"{field}: not a date and time ({text[:40]})") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=periods.zone())


def _int(field: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise FormError(f"{field}: not a number ({text[:20]})") from None


def _validated(model: type[BaseModel], data: dict):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FormError("; ".join(_describe(error) for error in exc.errors())) from None


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "form"
    return f"{where}: {error['msg']}"
