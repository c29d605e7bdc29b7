"""`/api/partners` (the directory), `/api/referrals` and `/api/calls/{call_sid}/referral-suggestions`: thin."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy import select

from hotline.auth.dependencies import CallReviewer, Counselor, CurrentUser, require_roles
from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.calls.schemas import CategoryId
from hotline.db import DbSession
from hotline.referrals import partners as directory
from hotline.referrals import service
from hotline.referrals.models import REFERRAL_STATUSES, Referral
from hotline.referrals.rules import RulesError
from hotline.referrals.schemas import (PartnerBrief, PartnerIn, PartnerOut, PartnerType, PartnerUpdate, ReferralOut,
                                       RegionId, Suggestion)

router = APIRouter(prefix="/api", tags=["referrals"])
ManagesPartners = Annotated[User, Depends(require_roles("supervisor"))]
REVIEWERS = ("supervisor", "manager", "admin")


@router.get("/partners")
def list_partners(db_session: DbSession, user: Counselor, type: PartnerType | None = None,
                  region: RegionId | None = None, active: bool | None = True) -> list[PartnerOut]:
    found = directory.list_partners(db_session=db_session, type=type, region=region, active=active)
    return [PartnerOut.of(partner) for partner in found]


@router.get("/partners/{partner_id}")
def get_partner(partner_id: int, db_session: DbSession, user: Counselor) -> PartnerOut:
    return PartnerOut.of(_partner(db_session, partner_id))


@router.post("/partners", status_code=status.HTTP_201_CREATED)
def create_partner(body: PartnerIn, db_session: DbSession, user: ManagesPartners) -> PartnerOut:
    if body.key and directory.by_key(db_session=db_session, key=body.key):
        raise HTTPException(status.HTTP_409_CONFLICT, detail=f"a partner with key {body.key} exists")
    return PartnerOut.of(directory.create(db_session=db_session, partner_in=body))


@router.patch("/partners/{partner_id}")
def update_partner(partner_id: int, body: PartnerUpdate, db_session: DbSession, user: ManagesPartners) -> PartnerOut:
    partner = _partner(db_session, partner_id)
    return PartnerOut.of(directory.update(db_session=db_session, partner=partner, changes=body))


@router.delete("/partners/{partner_id}")
def deactivate_partner(partner_id: int, db_session: DbSession, user: ManagesPartners) -> PartnerOut:
    """Partners are deactivated, never deleted: their referrals keep pointing at them."""
    partner = _partner(db_session, partner_id)
    return PartnerOut.of(directory.update(db_session=db_session, partner=partner,
                                          changes=PartnerUpdate(active=False)))


def _partner(db_session, partner_id: int):
    partner = directory.get(db_session=db_session, partner_id=partner_id)
    if partner is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no partner {partner_id}")
    return partner


@router.get("/referrals")
def list_referrals(db_session: DbSession, user: CallReviewer, call_sid: str | None = Query(None, max_length=64),
                   status_: Annotated[str | None, Query(alias="status")] = None,
                   limit: int = Query(100, ge=1, le=500)) -> list[ReferralOut]:
    """The referrals of a call (or the latest ones), oldest first for a call."""
    if status_ is not None and status_ not in REFERRAL_STATUSES:
        raise HTTPException(422, detail=[{"field": "status", "message": f"one of {', '.join(REFERRAL_STATUSES)}"}])
    if call_sid is not None:
        call = _call(db_session, call_sid)
        found = [r for r in service.for_call(db_session=db_session, call_id=call.id) if status_ in (None, r.status)]
        return [ReferralOut.of(referral) for referral in found]
    query = select(Referral).order_by(Referral.id.desc()).limit(limit)
    if status_:
        query = query.where(Referral.status == status_)
    return [ReferralOut.of(referral) for referral in db_session.scalars(query)]


@router.get("/calls/{call_sid}/referral-suggestions")
def suggestions(call_sid: str, db_session: DbSession, user: CurrentUser, category: CategoryId | None = None,
                region: RegionId | None = None) -> list[Suggestion]:
    """What the dispatch rules propose for this call, for the counselor's form."""
    call = _call(db_session, call_sid)
    if user.role not in REVIEWERS and call.counselor_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="a counselor sees only the calls they took")
    try:
        found = service.suggest(db_session=db_session, call=call, category=category, region=region)
    except RulesError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=f"dispatch rules unusable: {exc}") from None
    return [Suggestion(partner_type=partner_type, rule=rule,
                       partner=PartnerBrief(id=p.id, name=p.name, type=p.type, region=p.region, phone=p.phone)
                       if p else None) for partner_type, p, rule in found]


def _call(db_session, call_sid: str) -> Call:
    call = calls.get(db_session=db_session, call_sid=call_sid)
    if call is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no call {call_sid}")
    return call
