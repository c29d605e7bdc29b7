"""`/api/calls`: one call with its IVR steps, and the filtered call log."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from hotline.auth.dependencies import CallReviewer, CurrentUser
from hotline.auth.models import User
from hotline.calls import queries
from hotline.calls.schemas import CallDetail, CallFilters, CallOut, CallPage
from hotline.db import DbSession

router = APIRouter(prefix="/api/calls", tags=["calls"])
REVIEWERS = ("supervisor", "manager", "admin")


@router.get("")
def list_calls(db_session: DbSession, user: CallReviewer,
               filters: Annotated[CallFilters, Query()]) -> CallPage:
    calls, total = queries.list_calls(db_session=db_session, filters=filters)
    return CallPage(items=[CallOut.of(call) for call in calls], total=total,
                    limit=filters.limit, offset=filters.offset)


@router.get("/{call_sid}")
def get_call(call_sid: str, db_session: DbSession, user: CurrentUser) -> CallDetail:
    call = queries.get_call(db_session=db_session, call_sid=call_sid)
    if call is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no call {call_sid}")
    if not _may_see(user, call.counselor_id):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="a counselor sees only the calls they took")
    return CallDetail.of(call)


def _may_see(user: User, counselor_id: int | None) -> bool:
    return user.role in REVIEWERS or (user.role == "counselor" and counselor_id == user.id)
