"""Partner services, the referrals sent to them, each referral's log, and the partners' inbound SMS."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotline.db import Base, utcnow

PARTNER_TYPES = ("mobile_team", "police", "ambulance", "hospital", "rehabilitation", "cbr", "shelter",
                 "psychologist", "legal_aid", "child_rights", "hiv_centre", "elderly_care")
EMERGENCY_TYPES = ("mobile_team", "police", "ambulance")
REFERRAL_STATUSES = ("pending", "sent", "acknowledged", "on_scene", "completed", "declined", "escalated", "failed")
# Still waiting for the partner: an escalation timer may move such a referral on.
UNANSWERED = ("pending", "sent", "failed")


class Partner(Base):
    """A partner service: who it is, where it works, how to reach it by SMS (and webhook), what it can take."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(24), index=True)
    region: Mapped[str] = mapped_column(String(16), index=True)
    district: Mapped[str | None] = mapped_column(String(100))
    national: Mapped[bool] = mapped_column(Boolean, default=False)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    hours: Mapped[str] = mapped_column(String(64), default="24/7")
    phone: Mapped[str] = mapped_column(String(32))
    webhook_url: Mapped[str | None] = mapped_column(Text)
    capacity: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Referral(Base):
    """One partner (or the on-call dispatcher) asked to act on one call, known to them by a short code."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True, index=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    partner_type: Mapped[str] = mapped_column(String(24))
    region: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(32))  # the number notified and allowed to answer
    urgency: Mapped[str | None] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    source: Mapped[str] = mapped_column(String(16))  # counselor, alert, escalation
    dedupe_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    escalated_from_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    sent_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    partner: Mapped[Partner | None] = relationship()
    events: Mapped[list["ReferralEvent"]] = relationship(back_populates="referral", order_by="ReferralEvent.id",
                                                         cascade="all, delete-orphan")


class ReferralEvent(Base):
    """One logged step of a referral: sent, a delivery attempt, a partner's reply, an escalation."""

    __tablename__ = "referral_events"
    __table_args__ = (UniqueConstraint("referral_id", "dedupe_key", name="uq_referral_events_dedupe"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    referral: Mapped[Referral] = relationship(back_populates="events")


class InboundSms(Base):
    """An SMS to the hotline, once per MessageSid, with the answer it got; the sender is kept only hashed."""

    __tablename__ = "inbound_sms"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_sid: Mapped[str] = mapped_column(String(64), unique=True)
    sender_hash: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(String(320))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id", ondelete="SET NULL"))
    reply: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
