"""What the calls API returns and accepts; nothing here can identify a caller."""

from datetime import UTC, datetime
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hotline.calls.models import CALL_STATUSES, LANGUAGES, LINES, REGIONS, Call, CallEvent
from hotline.triage.scale import CATEGORIES, URGENCIES

LineId = Literal[LINES]
LanguageId = Literal[LANGUAGES]
RegionId = Literal[REGIONS]
StatusId = Literal[CALL_STATUSES]
UrgencyId = Literal[URGENCIES]
CategoryId = Literal[CATEGORIES]

# Answer keys that could name or reach a caller; free text keeps its words but loses any number in it.
IDENTIFYING_KEY = re.compile(r"caller|phone|number|from|name|address|email|contact", re.IGNORECASE)
PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]{4,}\d")
REDACTED = "[number removed]"


def redact(value: Any) -> Any:
    """A value with anything that looks like a phone number taken out."""
    if isinstance(value, str):
        return PHONE_LIKE.sub(REDACTED, value)
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, dict):
        return public_answers(value)
    return value


def public_answers(answers: dict[str, Any] | None) -> dict[str, Any]:
    """The IVR answers without caller identifiers: identifying keys dropped, phone numbers redacted."""
    return {key: redact(value) for key, value in (answers or {}).items() if not IDENTIFYING_KEY.search(key)}


class CallEventOut(BaseModel):
    kind: str
    node: str | None
    input: str | None
    at: datetime

    @classmethod
    def of(cls, event: CallEvent) -> "CallEventOut":
        return cls(kind=event.kind, node=event.node, input=redact(event.input), at=event.created_at)


class CallOut(BaseModel):
    """A call as staff see it; the caller's number, its hash and its ciphertext never leave the database."""

    call_sid: str
    line: str
    language: str | None
    region: str | None
    status: str
    urgency: str | None
    category: str | None
    reasons: list[str]
    answers: dict[str, Any]
    counselor_id: int | None
    created_at: datetime
    queued_at: datetime | None
    connected_at: datetime | None
    ended_at: datetime | None
    triaged_at: datetime | None

    @classmethod
    def of(cls, call: Call) -> "CallOut":
        return cls(**_call_fields(call))


class CallDetail(CallOut):
    events: list[CallEventOut]

    @classmethod
    def of(cls, call: Call) -> "CallDetail":
        return cls(**_call_fields(call), events=[CallEventOut.of(event) for event in call.events])


def _call_fields(call: Call) -> dict[str, Any]:
    return {
        "call_sid": call.call_sid, "line": call.line, "language": call.language, "region": call.region,
        "status": call.status, "urgency": call.urgency, "category": call.category,
        "reasons": [str(reason) for reason in call.reasons or []], "answers": public_answers(call.answers),
        "counselor_id": call.counselor_id, "created_at": call.created_at, "queued_at": call.queued_at,
        "connected_at": call.connected_at, "ended_at": call.ended_at, "triaged_at": call.triaged_at,
    }


class CallPage(BaseModel):
    items: list[CallOut]
    total: int
    limit: int
    offset: int


class CallFilters(BaseModel):
    """The query of `GET /api/calls`: unknown values are refused (422) rather than matching nothing."""

    model_config = ConfigDict(populate_by_name=True)

    line: LineId | None = None
    urgency: UrgencyId | None = None
    category: CategoryId | None = None
    status: StatusId | None = None
    language: LanguageId | None = None
    region: RegionId | None = None
    from_: datetime | None = Field(None, alias="from", description="created at or after (ISO 8601)")
    to: datetime | None = Field(None, description="created before (ISO 8601)")
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)

    @field_validator("from_", "to")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        """A time without an offset is read as UTC."""
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value
