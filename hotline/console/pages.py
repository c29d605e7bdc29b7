"""`/console`: the counselor's page (presence, live queue, take next call, work lists) and its small actions."""

from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from redis.exceptions import RedisError

from hotline.cases import callbacks
from hotline.cases import service as cases
from hotline.cases.models import FollowUp
from hotline.console import lists, snapshots
from hotline.console.web import CsrfField, FloorPage, PageProblem, StaffPage, check_csrf, refused_as, render
from hotline.counselors import service as counselors
from hotline.counselors.presence import PRESENCES
from hotline.db import DbSession
from hotline.queue import claim
from hotline.web.i18n import UI_LANGUAGES
from hotline.web.views import safe_next

router = APIRouter(tags=["pages"], include_in_schema=False)
SEE_OTHER = status.HTTP_303_SEE_OTHER


def back(location: str) -> RedirectResponse:
    return RedirectResponse(location, status_code=SEE_OTHER)


@router.get("/console", response_class=HTMLResponse)
def console_page(request: Request, db_session: DbSession, page_user: FloorPage, note: str = "") -> HTMLResponse:
    user = page_user.user
    return render(request, "console/index.html", page_user, note=note[:40], presences=PRESENCES,
                  presence=snapshots.presence_of(user),
                  callbacks=lists.callbacks_due(db_session=db_session),
                  cases=lists.my_cases(db_session=db_session, user=user),
                  follow_ups=lists.follow_ups_due(db_session=db_session, user=user))


@router.post("/console/presence")
def set_presence(page_user: FloorPage, csrf_token: CsrfField = "",
                 presence: Annotated[str, Form()] = "") -> RedirectResponse:
    check_csrf(page_user, csrf_token)
    if presence not in PRESENCES:
        raise PageProblem(status.HTTP_422_UNPROCESSABLE_CONTENT, "Choose a presence from the list.", page_user)
    try:
        counselors.set_presence(user_id=page_user.user.id, presence=presence)
    except (RedisError, OSError):
        raise PageProblem(status.HTTP_503_SERVICE_UNAVAILABLE, "The queue is unavailable right now.",
                          page_user) from None
    return back("/console")


@router.post("/console/next")
def take_next_call(page_user: FloorPage, csrf_token: CsrfField = "") -> RedirectResponse:
    """Claim the next call this counselor should take and open its call screen."""
    check_csrf(page_user, csrf_token)
    try:
        claimed = claim.claim_next(user=page_user.user)
    except claim.Offline:
        raise PageProblem(status.HTTP_409_CONFLICT, "You are offline: set your presence to available to take calls.",
                          page_user) from None
    except claim.BridgeFailed:
        raise PageProblem(status.HTTP_502_BAD_GATEWAY,
                          "The caller could not be connected; the call is back in the queue.", page_user) from None
    except (RedisError, OSError):
        raise PageProblem(status.HTTP_503_SERVICE_UNAVAILABLE, "The queue is unavailable right now.",
                          page_user) from None
    if claimed is None:
        return back("/console?note=no-call")
    return back(f"/console/calls/{claimed.call.call_sid}")


@router.post("/console/language")
def set_language(db_session: DbSession, page_user: StaffPage, csrf_token: CsrfField = "",
                 language: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "") -> RedirectResponse:
    """Each user's interface language (Tajik, Russian, English), kept on their account."""
    check_csrf(page_user, csrf_token)
    if language not in UI_LANGUAGES:
        raise PageProblem(status.HTTP_422_UNPROCESSABLE_CONTENT, "Choose a language from the list.", page_user)
    page_user.user.ui_language = language
    return back(safe_next(next, page_user.user.role))


@router.post("/console/follow-ups/{follow_up_id}/done")
def follow_up_done(follow_up_id: int, db_session: DbSession, page_user: FloorPage, csrf_token: CsrfField = "",
                   result: Annotated[str, Form(max_length=2000)] = "") -> RedirectResponse:
    check_csrf(page_user, csrf_token)
    follow_up = db_session.get(FollowUp, follow_up_id)
    if follow_up is None or follow_up.assigned_to not in (page_user.user.id, None):
        raise PageProblem(status.HTTP_404_NOT_FOUND, "No such follow-up of yours.", page_user)
    try:
        cases.complete_follow_up(db_session=db_session, follow_up=follow_up, status="done", result=result or None,
                                 user_id=page_user.user.id)
    except cases.TransitionError:
        raise PageProblem(status.HTTP_409_CONFLICT, "This follow-up is closed already.", page_user) from None
    return back("/console")


@router.post("/console/callbacks/{callback_id}/call")
def call_back(callback_id: int, db_session: DbSession, page_user: FloorPage,
              csrf_token: CsrfField = "") -> RedirectResponse:
    """Ring a caller on the callback list back; their call screen opens for the contact record."""
    check_csrf(page_user, csrf_token)
    callback = callbacks.get(db_session=db_session, callback_id=callback_id)
    if callback is None:
        raise PageProblem(status.HTTP_404_NOT_FOUND, "No such callback.", page_user)
    with refused_as(page_user, status.HTTP_409_CONFLICT, callbacks.CallbackError):
        callbacks.place(db_session=db_session, callback=callback, user=page_user.user)
    call = callback.call
    call.counselor_id = call.counselor_id or page_user.user.id  # the caller is now this counselor's to record
    return back(f"/console/calls/{call.call_sid}")
