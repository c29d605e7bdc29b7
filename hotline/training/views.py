"""`/training`: start a scripted call, take it on the console, and the debrief after recording it."""

from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from hotline.calls import service as calls
from hotline.console.web import CsrfField, FloorPage, PageProblem, check_csrf, render
from hotline.db import DbSession
from hotline.training import service
from hotline.training.scenarios import ScenarioError, load
from hotline.web.pages import PageUser

router = APIRouter(tags=["pages"], include_in_schema=False)
SEE_OTHER = status.HTTP_303_SEE_OTHER


@router.get("/training", response_class=HTMLResponse)
def training_page(request: Request, db_session: DbSession, page_user: FloorPage) -> HTMLResponse:
    """The scenarios to practise on, and this trainee's latest training calls."""
    try:
        scenarios = list(load().values())
    except ScenarioError as exc:
        raise PageProblem(status.HTTP_503_SERVICE_UNAVAILABLE, f"The training scenarios are unusable: {exc}",
                          page_user) from None
    return render(request, "training/index.html", page_user, scenarios=scenarios,
                  recent=service.recent(db_session=db_session, user=page_user.user))


@router.post("/training/start")
def start(db_session: DbSession, page_user: FloorPage, csrf_token: CsrfField = "",
          scenario: Annotated[str, Form(max_length=100)] = "") -> RedirectResponse:
    """A simulated call arrives in this trainee's console, apart from the real queue."""
    check_csrf(page_user, csrf_token)
    try:
        service.start(db_session=db_session, user=page_user.user, scenario_id=scenario)
    except (service.TrainingError, ScenarioError) as exc:
        raise PageProblem(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc), page_user) from None
    return RedirectResponse("/console", status_code=SEE_OTHER)


@router.post("/training/calls/{call_sid}/take")
def take(call_sid: str, db_session: DbSession, page_user: FloorPage, csrf_token: CsrfField = "") -> RedirectResponse:
    check_csrf(page_user, csrf_token)
    call = _training_call(db_session, call_sid, page_user)
    try:
        service.take(db_session=db_session, call=call, user=page_user.user)
    except service.TrainingError as exc:
        raise PageProblem(status.HTTP_409_CONFLICT, str(exc), page_user) from None
    return RedirectResponse(f"/console/calls/{call_sid}", status_code=SEE_OTHER)


@router.get("/training/calls/{call_sid}", response_class=HTMLResponse)
def debrief(call_sid: str, request: Request, db_session: DbSession, page_user: FloorPage) -> HTMLResponse:
    """How triage and an experienced counselor handled the call, beside what the trainee did."""
    call = _training_call(db_session, call_sid, page_user)
    try:
        found = service.debrief(db_session=db_session, call=call)
    except service.TrainingError as exc:
        raise PageProblem(status.HTTP_409_CONFLICT, str(exc), page_user) from None
    return render(request, "training/debrief.html", page_user, call=call, debrief=found)


def _training_call(db_session, call_sid: str, page_user: PageUser):
    """A training call of this trainee (a supervisor sees every trainee's)."""
    call = calls.get(db_session=db_session, call_sid=call_sid)
    if call is None or not call.training:
        raise PageProblem(status.HTTP_404_NOT_FOUND, "No such training call.", page_user)
    if call.counselor_id != page_user.user.id and page_user.user.role not in service.TRAINERS:
        raise PageProblem(status.HTTP_403_FORBIDDEN, "This is another trainee's call.", page_user)
    return call
