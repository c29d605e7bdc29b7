"""What the outcome, cases, follow-ups and callbacks API accepts and returns."""

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hotline.calls.models import REGIONS, Callback
from hotline.calls.schemas import CallOut
from hotline.cases.models import (CALLBACK_RESULTS, CALLER_TYPES, CASE_STATUSES, OUTCOMES, VULNERABLE_GROUPS,
                                  CaseEvent, CaseFile, ContactRecord, FollowUp)
from hotline.referrals.schemas import ReferralOut, ReferralRequest
from hotline.triage.scale import CATEGORIES


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class FollowUpIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    due_at: datetime
    note: str = Field("", max_length=2000)
    assigned_to: int | None = Field(None, ge=1)

    _due = field_validator("due_at")(lambda cls, value: _utc(value))


class OutcomeIn(BaseModel):
    """The contact record of a call and the referrals it asks for (the contract's fields and ours)."""

    model_config = ConfigDict(extra="forbid")

    category: Literal[CATEGORIES]
    region: Literal[REGIONS]
    notes: str = Field(max_length=10000)
    referrals: list[ReferralRequest] = Field(max_length=12)
    sub_category: str | None = Field(None, max_length=64)
    caller_type: Literal[CALLER_TYPES] | None = None
    vulnerable_groups: list[Literal[VULNERABLE_GROUPS]] = Field(default_factory=list)
    outcome: Literal[OUTCOMES] | None = None
    follow_up: FollowUpIn | None = None


class ContactOut(BaseModel):
    id: int
    call_id: int
    case_id: int
    counselor_id: int | None
    caller_type: str | None
    category: str
    sub_category: str | None
    vulnerable_groups: list[str]
    region: str | None
    notes: str
    outcome: str | None
    created_at: datetime

    @classmethod
    def of(cls, contact: ContactRecord) -> "ContactOut":
        return cls(**{name: getattr(contact, name) for name in cls.model_fields})


class FollowUpOut(BaseModel):
    id: int
    case_id: int
    call_id: int | None
    due_at: datetime
    note: str
    status: str
    assigned_to: int | None
    result: str | None
    done_at: datetime | None

    @classmethod
    def of(cls, follow_up: FollowUp) -> "FollowUpOut":
        return cls(**{name: getattr(follow_up, name) for name in cls.model_fields})


class OutcomeOut(CallOut):
    """The call, as `GET /api/calls/{call_sid}` shows it, with its contact record and referrals."""

    referrals: list[ReferralOut]
    contact: ContactOut
    follow_up: FollowUpOut | None = None


class CaseEventOut(BaseModel):
    kind: str
    from_status: str | None
    to_status: str | None
    user_id: int | None
    note: str | None
    at: datetime

    @classmethod
    def of(cls, event: CaseEvent) -> "CaseEventOut":
        return cls(kind=event.kind, from_status=event.from_status, to_status=event.to_status,
                   user_id=event.user_id, note=event.note, at=event.created_at)


class CaseOut(BaseModel):
    id: int
    status: str
    category: str | None
    region: str | None
    opened_at: datetime
    closed_at: datetime | None
    updated_at: datetime

    @classmethod
    def of(cls, case: CaseFile) -> "CaseOut":
        return cls(**{name: getattr(case, name) for name in cls.model_fields})


class CaseDetail(CaseOut):
    contacts: list[ContactOut]
    referrals: list[ReferralOut]
    follow_ups: list[FollowUpOut]
    events: list[CaseEventOut]


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal[CASE_STATUSES]
    note: str | None = Field(None, max_length=2000)


class FollowUpDone(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["done", "cancelled"] = "done"
    result: str | None = Field(None, max_length=2000)


class CallbackOut(BaseModel):
    id: int
    call_sid: str
    line: str
    language: str | None
    urgency: str | None
    category: str | None
    reason: str
    status: str
    attempts: int
    created_at: datetime

    @classmethod
    def of(cls, callback: Callback, attempts: int) -> "CallbackOut":
        call = callback.call
        return cls(id=callback.id, call_sid=call.call_sid, line=call.line, language=call.language,
                   urgency=call.urgency, category=call.category, reason=callback.reason, status=callback.status,
                   attempts=attempts, created_at=callback.created_at)


class CallbackResultIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    result: Literal[CALLBACK_RESULTS]
    note: str | None = Field(None, max_length=2000)


class CallbackAttemptOut(BaseModel):
    """One call back: the callback's status after it, the recorded outbound call, and its result once logged."""

    id: int
    callback_id: int
    status: str
    action_id: int | None
    result: str | None
    note: str | None
