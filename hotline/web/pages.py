"""What every staff page shares: the templates, who is signed in, and the role check that sends others to /login."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from fastapi.templating import Jinja2Templates

from hotline.auth import service as auth
from hotline.auth.dependencies import unauthorized
from hotline.auth.models import ApiToken, User
from hotline.db import DbSession
from hotline.web import i18n, session

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
i18n.install(templates.env)
ADMIN = "admin"


class PageRedirect(Exception):
    """Send the browser elsewhere (no session: to /login, keeping where it was going)."""

    def __init__(self, location: str):
        self.location = location


class PageForbidden(Exception):
    """Signed in, but this page is not for this role: a 403 page."""

    def __init__(self, page_user: "PageUser", roles: frozenset[str]):
        # plain values: the request's database session is closed by the time the 403 page is drawn
        self.who = {"username": page_user.user.username, "role": page_user.user.role,
                    "ui_language": page_user.user.ui_language}
        self.csrf_token, self.roles = page_user.csrf_token, roles


@dataclass(frozen=True)
class PageUser:
    """The signed-in staff member, their session and the CSRF token their forms carry."""

    user: User
    token: ApiToken
    csrf_token: str


def session_user(request: Request, db_session: DbSession) -> PageUser | None:
    """The user of the request's session cookie, or None without a live session."""
    secret = session.unsign(request.cookies.get(session.SESSION_COOKIE))
    if not secret:
        return None
    token = auth.token_for_secret(db_session=db_session, secret=secret)
    if token is None:
        return None
    return PageUser(user=token.user, token=token, csrf_token=session.csrf_for_session(secret))


OptionalPageUser = Annotated[PageUser | None, Depends(session_user)]


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='')}"


def require_page_role(*roles: str) -> Callable[..., PageUser]:
    """A dependency for pages: no session redirects to /login, another role gets 403; admins pass everywhere."""
    allowed = frozenset(roles) | {ADMIN}

    def check(request: Request, page_user: OptionalPageUser) -> PageUser:
        if page_user is None:
            raise PageRedirect(login_url(request))
        if page_user.user.role not in allowed:
            raise PageForbidden(page_user, allowed)
        return page_user

    return check


def redirect_handler(request: Request, exc: PageRedirect):
    from fastapi.responses import RedirectResponse

    return RedirectResponse(exc.location, status_code=status.HTTP_303_SEE_OTHER)


def forbidden_handler(request: Request, exc: PageForbidden):
    with i18n.active(exc.who["ui_language"]):
        return templates.TemplateResponse(request, "forbidden.html", {"user": exc.who, "csrf_token": exc.csrf_token,
                                                                    "roles": sorted(exc.roles)},
                                          status_code=status.HTTP_403_FORBIDDEN)


_bearer = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def require_user_role(*roles: str) -> Callable[..., User]:
    """For API routes a browser also opens (exports): a bearer token or a page session; 401 without, 403 for others."""
    allowed = frozenset(roles) | {ADMIN}

    def check(request: Request, db_session: DbSession,
              secret: Annotated[str | None, Depends(_bearer)]) -> User:
        if secret:
            token = auth.token_for_secret(db_session=db_session, secret=secret)
            user = token.user if token else None
        else:
            page_user = session_user(request, db_session)
            user = page_user.user if page_user else None
        if user is None:
            raise unauthorized("not authenticated")
        if user.role not in allowed:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"this needs the role {' or '.join(sorted(allowed))}")
        return user

    return check
