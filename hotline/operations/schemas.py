"""What the flags and blocks API accepts and returns: callers only by their keyed hash."""

from datetime import datetime

from pydantic import BaseModel, Field, model_validator

from hotline.operations.blocks import MAX_DAYS, MIN_DAYS
from hotline.operations.models import CallerBlock, CallerFlag

HASH_PATTERN = r"^[0-9a-f]{64}$"


class FlagIn(BaseModel):
    reason: str = Field(min_length=3, max_length=1000)


class FlagOut(BaseModel):
    id: int
    caller_hash: str
    call_sid: str | None
    reason: str
    flagged_by: str | None
    created_at: datetime
    flags_for_caller: int = 0

    @classmethod
    def of(cls, flag: CallerFlag, call_sid: str | None = None, count: int = 0) -> "FlagOut":
        return cls(id=flag.id, caller_hash=flag.caller_hash, call_sid=call_sid, reason=flag.reason,
                   flagged_by=flag.flagger.username if flag.flagger else None, created_at=flag.created_at,
                   flags_for_caller=count)


class BlockIn(BaseModel):
    call_sid: str | None = Field(default=None, max_length=64)
    caller_hash: str | None = Field(default=None, pattern=HASH_PATTERN)
    days: int = Field(ge=MIN_DAYS, le=MAX_DAYS, description="a week to a year")
    reason: str = Field(min_length=3, max_length=1000)

    @model_validator(mode="after")
    def one_caller(self) -> "BlockIn":
        if bool(self.call_sid) == bool(self.caller_hash):
            raise ValueError("give either call_sid or caller_hash")
        return self


class BlockOut(BaseModel):
    id: int
    caller_hash: str
    reason: str
    days: int
    created_by: str | None
    created_at: datetime
    expires_at: datetime
    lifted_at: datetime | None
    active: bool

    @classmethod
    def of(cls, block: CallerBlock, now: datetime) -> "BlockOut":
        return cls(id=block.id, caller_hash=block.caller_hash, reason=block.reason, days=block.days,
                   created_by=block.creator.username if block.creator else None, created_at=block.created_at,
                   expires_at=block.expires_at, lifted_at=block.lifted_at, active=block.active(now))
