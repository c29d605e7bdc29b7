"""`/login` and `/logout`: the staff session for pages, with a CSRF token on every form."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from hotline.auth import service as auth
from hotline.db import DbSession, utcnow
from hotline.settings import get_settings
from hotline.web import i18n, session
from hotline.web.i18n import N_
from hotline.web.pages import (
    STATIC_DIR,
    OptionalPageUser,
    PageForbidden,
    PageRedirect,
    forbidden_handler,
    redirect_handler,
    templates,
)

router = APIRouter(tags=["pages"], include_in_schema=False)
HOME_BY_ROLE = {"counselor": "/console", "supervisor": "/wallboard", "manager": "/reports", "admin": "/reports"}


def install(app: FastAPI) -> None:
    """Add the login pages, the page error handlers and the static files to the app."""
    app.include_router(router)
    app.add_exception_handler(PageRedirect, redirect_handler)
    app.add_exception_handler(PageForbidden, forbidden_handler)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")


def safe_next(target: str | None, role: str) -> str:
    """Where to go after login: a path on this site only, else the role's home page."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return HOME_BY_ROLE.get(role, "/reports")


def _login_form(request: Request, *, next_url: str, error: str | None = None,
                status_code: int = status.HTTP_200_OK, lang: str | None = None) -> HTMLResponse:
    """The form in the language asked for (`lang`) or the browser's, with a fresh CSRF nonce."""
    nonce = session.new_login_nonce()
    language = i18n.pick(lang, request.headers.get("accept-language"))
    with i18n.active(language):
        response = templates.TemplateResponse(request, "login.html", {
            "csrf_token": nonce, "next": next_url, "error": error, "user": None, "lang": language,
            "languages": i18n.LANGUAGE_NAMES}, status_code=status_code)
    response.set_cookie(session.LOGIN_CSRF_COOKIE, session.sign(nonce, purpose="web-login"),
                        **session.cookie_options(max_age=3600))
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, page_user: OptionalPageUser, next: str = "", lang: str = "") -> Response:
    if page_user is not None:
        return RedirectResponse(safe_next(next, page_user.user.role), status_code=status.HTTP_303_SEE_OTHER)
    return _login_form(request, next_url=next, lang=lang)


@router.post("/login")
def login(request: Request, db_session: DbSession, username: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "", lang: Annotated[str, Form()] = "") -> Response:
    expected = session.unsign(request.cookies.get(session.LOGIN_CSRF_COOKIE), purpose="web-login")
    if not session.tokens_match(expected, csrf_token):
        return _login_form(request, next_url=next, error=N_("The form expired. Please sign in again."),
                           status_code=status.HTTP_403_FORBIDDEN, lang=lang)
    address = request.client.host if request.client else None
    user = auth.authenticate(db_session=db_session, username=username, password=password, address=address)
    if user is None:
        if auth.login_locked_for(username=username, address=address):
            return _login_form(request, next_url=next, status_code=status.HTTP_429_TOO_MANY_REQUESTS, lang=lang,
                               error=N_("Too many failed sign-ins. Please wait a few minutes and try again."))
        return _login_form(request, next_url=next, error=N_("Wrong username or password."),
                           status_code=status.HTTP_401_UNAUTHORIZED, lang=lang)
    secret, token = auth.issue_token(db_session=db_session, user=user)
    ttl = get_settings().web_session_ttl_s
    token.expires_at = utcnow() + timedelta(seconds=ttl)
    response = RedirectResponse(safe_next(next, user.role), status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(session.SESSION_COOKIE, session.sign(secret), **session.cookie_options(max_age=ttl))
    response.delete_cookie(session.LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(page_user: OptionalPageUser, csrf_token: Annotated[str, Form()] = "") -> Response:
    if page_user is not None:
        if not session.tokens_match(page_user.csrf_token, csrf_token):
            return Response("CSRF token missing or wrong", status_code=status.HTTP_403_FORBIDDEN)
        auth.revoke_token(token=page_user.token)
    response = RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(session.SESSION_COOKIE, path="/")
    return response
