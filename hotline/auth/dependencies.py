"""Who is asking: the bearer token's user (401 without a live token) and the roles a route allows (403)."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from hotline.auth import service
from hotline.auth.models import ApiToken, User
from hotline.db import DbSession

ADMIN = "admin"
_bearer = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"})


def current_token(db_session: DbSession, secret: Annotated[str | None, Depends(_bearer)]) -> ApiToken:
    if not secret:
        raise unauthorized("not authenticated")
    token = service.token_for_secret(db_session=db_session, secret=secret)
    if token is None:
        raise unauthorized("invalid, expired or revoked token")
    return token


CurrentToken = Annotated[ApiToken, Depends(current_token)]


def current_user(token: CurrentToken) -> User:
    return token.user


CurrentUser = Annotated[User, Depends(current_user)]


def require_roles(*roles: str) -> Callable[[User], User]:
    """A dependency that lets through the given roles, and admins everywhere."""
    allowed = frozenset(roles) | {ADMIN}

    def check(user: CurrentUser) -> User:
        if user.role not in allowed:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"this needs the role {' or '.join(sorted(allowed))}")
        return user

    return check


Counselor = Annotated[User, Depends(require_roles("counselor", "supervisor", "manager"))]
Supervisor = Annotated[User, Depends(require_roles("supervisor"))]
Manager = Annotated[User, Depends(require_roles("manager"))]
CallReviewer = Annotated[User, Depends(require_roles("supervisor", "manager"))]
