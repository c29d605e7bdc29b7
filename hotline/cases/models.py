"""The contact record of each call, the case file of one person, its log, follow-ups and call-back attempts."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotline.db import Base, utcnow

CASE_STATUSES = ("open", "in_progress", "referred", "closed")
TRANSITIONS = {
    "open": ("in_progress", "referred", "closed"),
    "in_progress": ("referred", "closed"),
    "referred": ("in_progress", "closed"),
    "closed": ("open",),  # reopen
}
CALLER_TYPES = ("self", "third_party", "child")
VULNERABLE_GROUPS = ("disability", "child_without_care", "orphan", "older_person", "living_with_hiv",
                     "pregnant", "migrant", "refugee", "homeless", "substance_use")
OUTCOMES = ("counseled", "referred", "information_given", "callback_planned", "emergency_dispatched",
            "silent", "hung_up", "hoax", "wrong_number")
FOLLOW_UP_STATUSES = ("open", "done", "cancelled")
CALLBACK_RESULTS = ("reached", "no_answer", "busy", "voicemail", "wrong_number", "failed")


class CaseFile(Base):
    """The file of one person (by the caller's hashed number): their contacts and referrals, with a status."""

    __tablename__ = "case_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    caller_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    category: Mapped[str | None] = mapped_column(String(32))
    region: Mapped[str | None] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contacts: Mapped[list["ContactRecord"]] = relationship(back_populates="case", order_by="ContactRecord.id")
    events: Mapped[list["CaseEvent"]] = relationship(order_by="CaseEvent.id", cascade="all, delete-orphan")
    follow_ups: Mapped[list["FollowUp"]] = relationship(order_by="FollowUp.due_at", cascade="all, delete-orphan")


class ContactRecord(Base):
    """What the counselor recorded about one call: who called, about what, for whom, and what came of it."""

    __tablename__ = "contact_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id"), index=True)
    counselor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    caller_type: Mapped[str | None] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32))
    sub_category: Mapped[str | None] = mapped_column(String(64))
    vulnerable_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    region: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    case: Mapped[CaseFile] = relationship(back_populates="contacts")


class CaseEvent(Base):
    """A step in a case's life: a contact added, a status change (with who and why), a follow-up done."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FollowUp(Base):
    """Something to do for a case by a date: call the person again, check a referral was acted on."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    due_at: Mapped[datetime] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    result: Mapped[str | None] = mapped_column(Text)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CallbackAttempt(Base):
    """One call back placed to a caller on the callback list, and what came of it."""

    __tablename__ = "callback_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    callback_id: Mapped[int] = mapped_column(ForeignKey("callbacks.id", ondelete="CASCADE"), index=True)
    counselor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("outbound_actions.id"))
    result: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    result_at: Mapped[datetime | None]
