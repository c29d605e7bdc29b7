"""`/api/calls/{call_sid}/outcome`, `/api/cases`, `/api/follow-ups` and `/api/callbacks`: thin, roles checked."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status

from hotline.auth.dependencies import CallReviewer, Counselor, CurrentUser, require_roles
from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.schemas import CallOut
from hotline.cases import callbacks, outcome, service
from hotline.cases.models import CASE_STATUSES, CaseFile, FollowUp
from hotline.cases.schemas import (CallbackAttemptOut, CallbackOut, CallbackResultIn, CaseDetail, CaseEventOut,
                                   CaseOut, ContactOut, FollowUpDone, FollowUpIn, FollowUpOut, OutcomeIn, OutcomeOut,
                                   StatusIn)
from hotline.db import DbSession
from hotline.referrals import service as referrals
from hotline.referrals.schemas import ReferralOut

router = APIRouter(prefix="/api", tags=["cases"])
CaseWorker = Annotated[User, Depends(require_roles("counselor", "supervisor"))]
OVERSEERS = ("supervisor", "manager", "admin")


def unprocessable(field: str, message: str) -> HTTPException:
    """The app's 422 shape, for a field that is well-formed but cannot be acted on."""
    return HTTPException(422, detail=[{"field": field, "message": message}])


@router.post("/calls/{call_sid}/outcome")
def record_outcome(call_sid: str, body: OutcomeIn, db_session: DbSession, user: CurrentUser) -> OutcomeOut:
    """The counselor who took the call records it (a supervisor may on their behalf)."""
    call = calls.get(db_session=db_session, call_sid=call_sid)
    if call is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no call {call_sid}")
    if call.counselor_id != user.id and user.role not in ("supervisor", "admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="only the counselor who took the call records its outcome")
    try:
        done = outcome.record(db_session=db_session, call=call, outcome=body, counselor_id=user.id)
    except outcome.OutcomeError as exc:
        raise unprocessable(exc.field, str(exc)) from None
    return OutcomeOut(**CallOut.of(done.call).model_dump(), contact=ContactOut.of(done.contact),
                      referrals=[ReferralOut.of(r) for r in done.referrals],
                      follow_up=FollowUpOut.of(done.follow_up) if done.follow_up else None)


@router.get("/cases")
def list_cases(db_session: DbSession, user: CallReviewer, status_: Annotated[str | None, Query(alias="status")] = None,
               limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> list[CaseOut]:
    if status_ is not None and status_ not in CASE_STATUSES:
        raise unprocessable("status", f"one of {', '.join(CASE_STATUSES)}")
    return [CaseOut.of(c) for c in service.list_cases(db_session=db_session, status=status_, limit=limit, offset=offset)]


@router.get("/cases/{case_id}")
def get_case(case_id: int, db_session: DbSession, user: Counselor) -> CaseDetail:
    case = _case(db_session, case_id, user)
    found = referrals.for_calls(db_session=db_session, call_ids=service.call_ids(db_session=db_session, case=case))
    return CaseDetail(**CaseOut.of(case).model_dump(), contacts=[ContactOut.of(c) for c in case.contacts],
                      referrals=[ReferralOut.of(r) for r in found],
                      follow_ups=[FollowUpOut.of(f) for f in case.follow_ups],
                      events=[CaseEventOut.of(e) for e in case.events])


@router.post("/cases/{case_id}/status")
def change_status(case_id: int, body: StatusIn, db_session: DbSession, user: CaseWorker) -> CaseOut:
    case = _case(db_session, case_id, user)
    try:
        service.change_status(db_session=db_session, case=case, status=body.status, user_id=user.id, note=body.note)
    except service.TransitionError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None
    return CaseOut.of(case)


@router.post("/cases/{case_id}/follow-ups", status_code=status.HTTP_201_CREATED)
def add_follow_up(case_id: int, body: FollowUpIn, db_session: DbSession, user: CaseWorker) -> FollowUpOut:
    case = _case(db_session, case_id, user)
    return FollowUpOut.of(service.add_follow_up(db_session=db_session, case=case, due_at=body.due_at, note=body.note,
                                                user_id=user.id, assigned_to=body.assigned_to))


@router.get("/follow-ups")
def list_follow_ups(db_session: DbSession, user: Counselor, due_before: datetime | None = None,
                    follow_up_status: Annotated[str, Query(alias="status", pattern="^(open|done|cancelled)$")] = "open",
                    mine: bool = False) -> list[FollowUpOut]:
    """Follow-ups by due date; a counselor sees those assigned to them."""
    assigned = user.id if mine or user.role == "counselor" else None
    found = service.follow_ups(db_session=db_session, status=follow_up_status, due_before=due_before,
                               assigned_to=assigned)
    return [FollowUpOut.of(f) for f in found]


@router.post("/follow-ups/{follow_up_id}/done")
def finish_follow_up(follow_up_id: int, body: FollowUpDone, db_session: DbSession, user: CaseWorker) -> FollowUpOut:
    follow_up = db_session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no follow-up {follow_up_id}")
    _case(db_session, follow_up.case_id, user)
    try:
        service.complete_follow_up(db_session=db_session, follow_up=follow_up, status=body.status,
                                   result=body.result, user_id=user.id)
    except service.TransitionError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None
    return FollowUpOut.of(follow_up)


def _case(db_session, case_id: int, user: User) -> CaseFile:
    """The case, if this user may see it: supervisors and managers all, a counselor those they worked on."""
    case = service.get(db_session=db_session, case_id=case_id)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no case {case_id}")
    if user.role not in OVERSEERS and user.id not in service.counselor_ids(case=case):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="a counselor sees only the cases they worked on")
    return case


@router.get("/callbacks")
def callback_list(db_session: DbSession, user: Counselor, limit: int = Query(100, ge=1, le=500)) -> list[CallbackOut]:
    """Callers owed a call back: abandoned calls first, then by urgency, then the longest waiting."""
    found = callbacks.waiting_list(db_session=db_session, limit=limit)
    tried = callbacks.attempts(db_session=db_session, callback_ids=[c.id for c in found])
    return [CallbackOut.of(c, tried.get(c.id, 0)) for c in found]


@router.post("/callbacks/{callback_id}/call")
def place_callback(callback_id: int, db_session: DbSession, user: CaseWorker) -> CallbackAttemptOut:
    callback = _callback(db_session, callback_id)
    try:
        attempt = callbacks.place(db_session=db_session, callback=callback, user=user)
    except callbacks.CallbackError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None
    return _attempt_out(attempt, callback)


@router.post("/callbacks/{callback_id}/result")
def callback_result(callback_id: int, body: CallbackResultIn, db_session: DbSession,
                    user: CaseWorker) -> CallbackAttemptOut:
    callback = _callback(db_session, callback_id)
    try:
        attempt = callbacks.log_result(db_session=db_session, callback=callback, result=body.result,
                                       note=body.note, user=user)
    except callbacks.CallbackError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from None
    return _attempt_out(attempt, callback)


def _attempt_out(attempt, callback) -> CallbackAttemptOut:
    return CallbackAttemptOut(id=attempt.id, callback_id=callback.id, status=callback.status,
                              action_id=attempt.action_id, result=attempt.result, note=attempt.note)


def _callback(db_session, callback_id: int):
    callback = callbacks.get(db_session=db_session, callback_id=callback_id)
    if callback is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no callback {callback_id}")
    return callback
