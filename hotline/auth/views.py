"""`/api/auth`: the OAuth2 password flow (token) and logout."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import Response
from fastapi.security import OAuth2PasswordRequestForm

from hotline.auth import service
from hotline.auth.dependencies import CurrentToken, CurrentUser, unauthorized
from hotline.auth.schemas import TokenOut, UserOut
from hotline.db import DbSession
from hotline.settings import get_settings

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/token")
def issue_token(request: Request, db_session: DbSession,
                form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> TokenOut:
    address = request.client.host if request.client else None
    _refuse_if_locked(form.username, address)
    user = service.authenticate(db_session=db_session, username=form.username, password=form.password,
                                address=address)
    if user is None:
        _refuse_if_locked(form.username, address)  # this failure may have been the last one allowed
        raise unauthorized("wrong username or password")
    secret, _ = service.issue_token(db_session=db_session, user=user)
    return TokenOut(access_token=secret, expires_in=get_settings().token_ttl_s)


def _refuse_if_locked(username: str, address: str | None) -> None:
    retry_after = service.login_locked_for(username=username, address=address)
    if retry_after:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, detail="too many failed logins; try again later",
                            headers={"Retry-After": str(retry_after)})


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(token: CurrentToken) -> Response:
    service.revoke_token(token=token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me")
def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)
