"""A call on either line, each step it took, and the callers owed a call back."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotline.db import Base, utcnow

CALL_STATUSES = ("ivr", "queued", "connected", "completed", "abandoned")
LANGUAGES = ("tg", "ru", "uz", "fa", "en")
LINES = ("123", "1480")
REGIONS = ("dushanbe", "sughd", "khatlon", "gbao", "drs")


class Call(Base):
    __tablename__ = "calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sid: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    line: Mapped[str] = mapped_column(String(8), index=True)
    language: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="ivr", index=True)
    urgency: Mapped[str | None] = mapped_column(String(16), index=True)
    category: Mapped[str | None] = mapped_column(String(32), index=True)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    transcript: Mapped[str | None] = mapped_column(Text)
    caller_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    caller_encrypted: Mapped[str | None] = mapped_column(Text)
    status_sequence: Mapped[int] = mapped_column(Integer, default=-1)
    counselor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    training: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)
    triaged_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    queued_at: Mapped[datetime | None]
    connected_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]

    events: Mapped[list["CallEvent"]] = relationship(
        back_populates="call", order_by="(CallEvent.created_at, CallEvent.id)", cascade="all, delete-orphan"
    )


class CallEvent(Base):
    """One logged step of a call: an IVR input, a status callback, a triage or an override."""

    __tablename__ = "call_events"
    __table_args__ = (UniqueConstraint("call_id", "dedupe_key", name="uq_call_events_dedupe"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    node: Mapped[str | None] = mapped_column(String(64))
    input: Mapped[str | None] = mapped_column(String(256))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    call: Mapped[Call] = relationship(back_populates="events")


class Callback(Base):
    """A caller owed a call back: hung up while waiting, asked for one on hold, or left a voicemail."""

    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), unique=True)
    reason: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    recording_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    call: Mapped[Call] = relationship()
