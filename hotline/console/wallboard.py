"""`/wallboard`: the supervisor's live view of the floor (figures arrive by server-sent events)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hotline.console import snapshots
from hotline.console.web import SupervisorPage, render
from hotline.db import DbSession

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/wallboard", response_class=HTMLResponse)
def wallboard_page(request: Request, db_session: DbSession, page_user: SupervisorPage) -> HTMLResponse:
    """Drawn with the current figures; the page's script keeps them live."""
    return render(request, "console/wallboard.html", page_user,
                  board=snapshots.wallboard_snapshot(db_session=db_session))
