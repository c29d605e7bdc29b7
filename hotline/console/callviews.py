"""`/console/calls/{call_sid}`: the call screen, its contact form (with referrals and follow-up) and the override."""

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from hotline.calls.models import REGIONS, Call
from hotline.cases import outcome
from hotline.console import callscreen
from hotline.console.forms import FormError, OutcomeForm, OverrideForm
from hotline.console.web import FloorPage, PageProblem, check_csrf, refused_as, render
from hotline.db import DbSession
from hotline.queue import override
from hotline.referrals.models import PARTNER_TYPES
from hotline.training import service as training
from hotline.web.pages import PageUser

router = APIRouter(tags=["pages"], include_in_schema=False)
SEARCH = Query("", max_length=100)


def _call(db_session, call_sid: str, page_user: PageUser, *, work: bool = False) -> Call:
    """The call, if this user may open it (and work on it, when asked); a page saying why not otherwise."""
    call = callscreen.load(db_session=db_session, call_sid=call_sid)
    if call is None:
        raise PageProblem(status.HTTP_404_NOT_FOUND, "No such call.", page_user)
    try:
        allowed = callscreen.access(page_user.user, call)
    except callscreen.NotYours:
        raise PageProblem(status.HTTP_403_FORBIDDEN, "A counselor opens only the calls they took.", page_user) from None
    if work and not allowed.can_work:
        raise PageProblem(status.HTTP_403_FORBIDDEN, "This call screen is read-only for you.", page_user)
    return call


@router.get("/console/calls/{call_sid}", response_class=HTMLResponse)
def call_screen(call_sid: str, request: Request, db_session: DbSession, page_user: FloorPage, q: str = SEARCH,
                type: str = Query("", max_length=24), region: str = Query("", max_length=16),
                note: str = Query("", max_length=40)) -> HTMLResponse:
    if type and type not in PARTNER_TYPES or region and region not in REGIONS:
        raise PageProblem(status.HTTP_422_UNPROCESSABLE_CONTENT, "Choose a partner type and region from the lists.",
                          page_user)
    call = _call(db_session, call_sid, page_user)
    found = callscreen.screen(db_session=db_session, call=call, user=page_user.user,
                              search={"q": q.strip(), "type": type, "region": region})
    return render(request, "console/call.html", page_user, note=note, **found)


@router.post("/console/calls/{call_sid}/outcome")
def record_outcome(call_sid: str, db_session: DbSession, page_user: FloorPage,
                   form: Annotated[OutcomeForm, Form()]) -> RedirectResponse:
    """Record the contact and make its referrals; a training call's answer goes to its debrief instead."""
    check_csrf(page_user, form.csrf_token)
    call = _call(db_session, call_sid, page_user, work=True)
    with refused_as(page_user, status.HTTP_422_UNPROCESSABLE_CONTENT, FormError):
        given = form.outcome_in()
    if call.training:
        training.record_attempt(db_session=db_session, call=call, outcome=given, user=page_user.user)
        return RedirectResponse(f"/training/calls/{call_sid}", status_code=status.HTTP_303_SEE_OTHER)
    try:
        outcome.record(db_session=db_session, call=call, outcome=given, counselor_id=page_user.user.id)
    except outcome.OutcomeError as exc:
        raise PageProblem(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{exc.field}: {exc}", page_user) from None
    return RedirectResponse(f"/console/calls/{call_sid}?note=saved", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/console/calls/{call_sid}/override")
def override_call(call_sid: str, db_session: DbSession, page_user: FloorPage,
                  form: Annotated[OverrideForm, Form()]) -> RedirectResponse:
    """Change the urgency or category, with the reason logged."""
    check_csrf(page_user, form.csrf_token)
    call = _call(db_session, call_sid, page_user, work=True)
    with refused_as(page_user, status.HTTP_422_UNPROCESSABLE_CONTENT, FormError):
        changes = form.override_in().model_dump()
    with refused_as(page_user, status.HTTP_403_FORBIDDEN, override.NotAllowed):
        override.override(db_session=db_session, call=call, user=page_user.user, **changes)
    return RedirectResponse(f"/console/calls/{call_sid}?note=overridden", status_code=status.HTTP_303_SEE_OTHER)
