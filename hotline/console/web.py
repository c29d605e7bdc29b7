"""What the console's pages share: the roles, drawing a page in the user's language, CSRF and page errors."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Form, Request, status
from fastapi.responses import HTMLResponse

from hotline.console import words
from hotline.web import i18n, session
from hotline.web.pages import PageUser, require_page_role, templates

templates.env.globals.update(all_words=words.ALL, language_name=words.language_name)

FloorPage = Annotated[PageUser, Depends(require_page_role("counselor", "supervisor"))]
SupervisorPage = Annotated[PageUser, Depends(require_page_role("supervisor"))]
StaffPage = Annotated[PageUser, Depends(require_page_role("counselor", "supervisor", "manager"))]
CsrfField = Annotated[str, Form()]


class PageProblem(Exception):
    """A request a page cannot act on: drawn as a page with the status and a message saying why."""

    def __init__(self, status_code: int, message: str, page_user: PageUser | None = None):
        super().__init__(message)
        self.status_code, self.message = status_code, message
        # plain values: the request's database session is rolled back and closed before the page is drawn
        user = page_user.user if page_user else None
        self.who = {"username": user.username, "role": user.role, "ui_language": user.ui_language} if user else None
        self.csrf_token = page_user.csrf_token if page_user else ""


@contextmanager
def refused_as(page_user: PageUser, status_code: int, *errors: type[Exception]) -> Iterator[None]:
    """Any of these errors, raised inside, becomes a page with the status and the error's message."""
    try:
        yield
    except errors as exc:
        raise PageProblem(status_code, str(exc), page_user) from None


def render(request: Request, name: str, page_user: PageUser, status_code: int = status.HTTP_200_OK,
           **context) -> HTMLResponse:
    """A template drawn in the user's interface language."""
    with i18n.active(page_user.user.ui_language):
        return templates.TemplateResponse(request, name, {
            "user": page_user.user, "csrf_token": page_user.csrf_token, **context}, status_code=status_code)


def check_csrf(page_user: PageUser, token: str | None) -> None:
    """A form posted without this session's CSRF token is refused (403)."""
    if not session.tokens_match(page_user.csrf_token, token):
        raise PageProblem(status.HTTP_403_FORBIDDEN, "The form expired or came from elsewhere: reload the page.",
                          page_user)


def problem_handler(request: Request, exc: PageProblem) -> HTMLResponse:
    with i18n.active(exc.who["ui_language"] if exc.who else None):
        return templates.TemplateResponse(request, "console/problem.html", {
            "user": exc.who, "csrf_token": exc.csrf_token, "message": exc.message, "status_code": exc.status_code},
            status_code=exc.status_code)
