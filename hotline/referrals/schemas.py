"""What the partners and referrals API accepts and returns."""

from datetime import datetime
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hotline.calls.models import LANGUAGES, REGIONS
from hotline.referrals.hours import parse_hours
from hotline.referrals.models import PARTNER_TYPES, REFERRAL_STATUSES, Partner, Referral

PartnerType = Literal[PARTNER_TYPES]
RegionId = Literal[REGIONS]
LanguageId = Literal[LANGUAGES]
E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def clean_phone(value: str | None) -> str | None:
    if value is None:
        return None
    phone = re.sub(r"[\s().-]", "", value)
    if not E164.match(phone):
        raise ValueError("must be a phone number in international form, e.g. +992901234567")
    return phone


def clean_hours(value: str | None) -> str | None:
    if value is None:
        return None
    parse_hours(value)  # raises ValueError naming the fault
    return value.strip().lower()


def clean_webhook(value: str | None) -> str | None:
    if value and not re.match(r"^https?://[^\s/]+", value):
        raise ValueError("must be an http(s) URL")
    return value or None


class CheckedContact(BaseModel):
    """The checks a partner's phone, hours and webhook get, on creation and on every change."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("phone", check_fields=False)
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return clean_phone(value)

    @field_validator("hours", check_fields=False)
    @classmethod
    def _hours(cls, value: str | None) -> str | None:
        return clean_hours(value)

    @field_validator("webhook_url", check_fields=False)
    @classmethod
    def _webhook(cls, value: str | None) -> str | None:
        return clean_webhook(value)


class PartnerFields(CheckedContact):
    name: str = Field(min_length=2, max_length=200)
    type: PartnerType
    region: RegionId
    district: str | None = Field(None, max_length=100)
    national: bool = False
    languages: list[LanguageId] = Field(min_length=1)
    hours: str = Field("24/7", max_length=64)
    phone: str
    webhook_url: str | None = Field(None, max_length=500)
    capacity: int | None = Field(None, ge=1, le=10000)
    active: bool = True


class PartnerIn(PartnerFields):
    key: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9_-]{1,63}$")


class PartnerUpdate(CheckedContact):
    """A partial change: only the fields given are changed, each checked as on creation."""

    name: str | None = Field(None, min_length=2, max_length=200)
    type: PartnerType | None = None
    region: RegionId | None = None
    district: str | None = Field(None, max_length=100)
    national: bool | None = None
    languages: list[LanguageId] | None = Field(None, min_length=1)
    hours: str | None = Field(None, max_length=64)
    phone: str | None = None
    webhook_url: str | None = Field(None, max_length=500)
    capacity: int | None = Field(None, ge=1, le=10000)
    active: bool | None = None


class PartnerOut(BaseModel):
    id: int
    key: str
    name: str
    type: str
    region: str
    district: str | None
    national: bool
    languages: list[str]
    hours: str
    phone: str
    webhook_url: str | None
    capacity: int | None
    active: bool

    @classmethod
    def of(cls, partner: Partner) -> "PartnerOut":
        return cls(**{name: getattr(partner, name) for name in cls.model_fields})


class PartnerBrief(BaseModel):
    id: int | None
    name: str
    type: str
    region: str | None
    phone: str | None


class ReferralRequest(BaseModel):
    """One referral asked for in an outcome: a partner type (in the call's region) or one partner."""

    model_config = ConfigDict(extra="forbid")

    partner_type: PartnerType | None = None
    partner_id: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _one_of(self) -> "ReferralRequest":
        if (self.partner_type is None) == (self.partner_id is None):
            raise ValueError("give exactly one of partner_type or partner_id")
        return self


class ReferralOut(BaseModel):
    id: int
    code: str
    status: Literal[REFERRAL_STATUSES]
    partner_type: str
    urgency: str | None
    source: str
    partner: PartnerBrief
    escalated_from_id: int | None
    created_at: datetime
    sent_at: datetime | None
    answered_at: datetime | None

    @classmethod
    def of(cls, referral: Referral) -> "ReferralOut":
        partner = referral.partner
        brief = (PartnerBrief(id=partner.id, name=partner.name, type=partner.type, region=partner.region,
                              phone=partner.phone) if partner else
                 PartnerBrief(id=None, name="on-call dispatcher", type=referral.partner_type,
                              region=referral.region, phone=referral.phone))
        return cls(id=referral.id, code=referral.code, status=referral.status, partner_type=referral.partner_type,
                   urgency=referral.urgency, source=referral.source, partner=brief,
                   escalated_from_id=referral.escalated_from_id, created_at=referral.created_at,
                   sent_at=referral.sent_at, answered_at=referral.answered_at)


class Suggestion(BaseModel):
    partner_type: str
    partner: PartnerBrief | None
    rule: str | None
