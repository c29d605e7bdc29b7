"""`/api/queue`, `/api/queue/next`, `/api/alerts` and `/api/calls/{call_sid}/override`: thin, errors named."""

import time
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import Response
from redis.exceptions import RedisError
from hotline.auth.dependencies import Counselor, CurrentUser, require_roles
from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.schemas import CallOut
from hotline.db import DbSession
from hotline.queue import claim, override, service
from hotline.queue.schemas import ClaimedCall, OverrideIn, QueueItem

router = APIRouter(prefix="/api", tags=["queue"])
TakesCalls = Annotated[User, Depends(require_roles("counselor", "supervisor"))]


@router.get("/queue")
def list_queue(db_session: DbSession, user: Counselor) -> list[QueueItem]:
    """The waiting calls in the order they will be served."""
    try:
        return service.waiting_items(db_session=db_session)
    except (RedisError, OSError):
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail="the queue (Redis) is unavailable") from None


@router.post("/queue/next", response_model=ClaimedCall, responses={204: {"description": "no call this counselor can take"}})
def claim_next(user: TakesCalls):
    try:
        claimed = claim.claim_next(user=user)
    except claim.Offline as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None
    except claim.BridgeFailed as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, detail=str(exc)) from None
    except (RedisError, OSError):
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail="the queue (Redis) is unavailable") from None
    if claimed is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    item = QueueItem.of(claimed.entry, claimed.call, time.time())
    return ClaimedCall(**item.model_dump(), status=claimed.call.status)


@router.get("/alerts")
def recent_alerts(user: Counselor, limit: int = Query(20, ge=1, le=50)) -> list[dict]:
    return service.recent_alerts(limit)


@router.post("/calls/{call_sid}/override")
def override_call(call_sid: str, body: OverrideIn, db_session: DbSession, user: CurrentUser) -> CallOut:
    call = calls.get(db_session=db_session, call_sid=call_sid)
    if call is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no call {call_sid}")
    try:
        override.override(db_session=db_session, call=call, user=user, urgency=body.urgency,
                          category=body.category, reason=body.reason)
    except override.NotAllowed as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=str(exc)) from None
    db_session.flush()
    return CallOut.of(call)
