"""Staff accounts and bearer tokens for API tests."""

from itertools import count

from fastapi.testclient import TestClient

from hotline.auth import service as users
from hotline.auth.models import User
from hotline.db import transaction

PASSWORD = "correct horse battery"
_names = count(1)


def make_user(role: str, *, password: str = PASSWORD, active: bool = True, **skills) -> User:
    with transaction() as db_session:
        user = users.create_user(db_session=db_session, username=f"{role}{next(_names)}", password=password,
                                 role=role, **skills)
        user.active = active
    return user


def token_for(client: TestClient, user: User, password: str = PASSWORD) -> str:
    response = client.post("/api/auth/token", data={"username": user.username, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login(client: TestClient, role: str, **skills) -> tuple[User, dict[str, str]]:
    """A new user of this role and the headers that authenticate as them."""
    user = make_user(role, **skills)
    return user, bearer(token_for(client, user))

