"""What the reports API accepts: a time range and the call-log filters; unknown values are refused (422)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from hotline.calls.schemas import (
    CategoryId,
    LanguageId,
    LineId,
    RegionId,
    StatusId,
    UrgencyId,
)
from hotline.cases.models import OUTCOMES
from hotline.reports.periods import utc

OutcomeId = Literal[OUTCOMES]


class ReportFilters(BaseModel):
    """Calls created in [from, to) matching every given field; a time without an offset is UTC."""

    model_config = ConfigDict(populate_by_name=True)

    from_: datetime | None = Field(None, alias="from", description="created at or after (ISO 8601)")
    to: datetime | None = Field(None, description="created before (ISO 8601)")
    line: LineId | None = None
    language: LanguageId | None = None
    region: RegionId | None = None
    urgency: UrgencyId | None = None
    category: CategoryId | None = None
    status: StatusId | None = None
    counselor_id: int | None = Field(None, alias="counselor", description="the counselor's user id")
    outcome: OutcomeId | None = Field(None, description="the contact record's outcome")

    @field_validator("from_")
    @classmethod
    def _from_utc(cls, value: datetime | None) -> datetime | None:
        return utc(value)

    @field_validator("to")
    @classmethod
    def _to_after_from(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        value, start = utc(value), info.data.get("from_")
        if value is not None and start is not None and value <= start:
            raise ValueError("'to' must be after 'from'")
        return value

    def query_string(self) -> str:
        """These filters as a URL query, for export links that hold what the page shows."""
        from urllib.parse import urlencode

        fields = self.model_dump(by_alias=True, exclude_none=True)
        return urlencode({key: value.isoformat() if isinstance(value, datetime) else value
                          for key, value in fields.items()})


class CallLogFilters(ReportFilters):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)


class CallLogItem(BaseModel):
    """A call in the managers' log: no number, no hash, no free text."""

    call_sid: str
    line: str
    language: str | None
    region: str | None
    status: str
    urgency: str | None
    category: str | None
    outcome: str | None
    counselor_id: int | None
    counselor: str | None
    created_at: datetime
    queued_at: datetime | None
    connected_at: datetime | None
    ended_at: datetime | None
    answer_s: float | None
    handle_s: float | None

    @classmethod
    def of(cls, row) -> "CallLogItem":
        return cls(**{name: getattr(row, name) for name in cls.model_fields})


class CallLogPage(BaseModel):
    items: list[CallLogItem]
    total: int
    limit: int
    offset: int
