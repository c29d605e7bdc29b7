"""What the queue API returns and accepts."""

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from hotline.calls.models import Call
from hotline.queue.policy import ANSWER_TARGET_S, Waiting
from hotline.triage.scale import CATEGORIES, URGENCIES


class QueueItem(BaseModel):
    call_sid: str
    urgency: str | None = Field(description="null until triaged; served as medium meanwhile")
    category: str | None
    language: str | None
    line: str
    waiting_seconds: int
    target_seconds: int
    overdue: bool
    reasons: list[str]

    @classmethod
    def of(cls, entry: Waiting, call: Call | None, now: float) -> "QueueItem":
        waited, target = entry.waited(now), ANSWER_TARGET_S[entry.level]
        return cls(call_sid=entry.call_sid, urgency=entry.urgency, category=call.category if call else None,
                   language=entry.language, line=entry.line, waiting_seconds=int(waited), target_seconds=target,
                   overdue=waited > target, reasons=[str(r) for r in (call.reasons if call else None) or []])


class ClaimedCall(QueueItem):
    status: str


class OverrideIn(BaseModel):
    urgency: Literal[URGENCIES] | None = None
    category: Literal[CATEGORIES] | None = None
    reason: str = Field(..., min_length=1, max_length=500)

    @model_validator(mode="after")
    def _something_and_why(self) -> "OverrideIn":
        self.reason = self.reason.strip()
        if not self.reason:
            raise ValueError("reason must not be empty")
        if not self.urgency and not self.category:
            raise ValueError("give an urgency or a category to override")
        return self
