"""The OAuth2 password flow, bearer tokens and roles, over HTTP on each database."""

from datetime import timedelta
import hashlib

import pytest
from sqlalchemy import select

from hotline.auth.models import ApiToken
from hotline.db import transaction, utcnow
from tests.auth.helpers import PASSWORD, bearer, login, make_user, token_for


def test_token_flow_returns_a_bearer_token_that_authenticates(client, hotline_env):
    user = make_user("counselor")
    response = client.post("/api/auth/token", data={"username": user.username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == hotline_env.token_ttl_s
    assert len(body["access_token"]) >= 40
    me = client.get("/api/auth/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["username"] == user.username and me.json()["role"] == "counselor"
    assert "password" not in me.text


def test_token_is_stored_only_as_its_sha256_hash_and_expires_after_the_ttl(client, hotline_env):
    user = make_user("manager")
    before = utcnow()
    secret = token_for(client, user)
    with transaction() as db_session:
        tokens = list(db_session.scalars(select(ApiToken)))
    assert len(tokens) == 1
    assert tokens[0].token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in tokens[0].token_hash and tokens[0].user_id == user.id
    ttl = timedelta(seconds=hotline_env.token_ttl_s)
    assert before + ttl - timedelta(seconds=5) <= tokens[0].expires_at <= utcnow() + ttl


def test_each_login_gets_a_new_token(client):
    user = make_user("counselor")
    assert token_for(client, user) != token_for(client, user)


@pytest.mark.parametrize("password", ["wrong password", "", PASSWORD.upper()])
def test_wrong_password_is_401_with_bearer_challenge(client, password):
    user = make_user("supervisor")
    response = client.post("/api/auth/token", data={"username": user.username, "password": password})
    assert response.status_code in (401, 422)
    if password:
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert "access_token" not in response.text


def test_unknown_user_and_inactive_user_get_401(client):
    inactive = make_user("admin", active=False)
    for username in ("nobody", inactive.username):
        response = client.post("/api/auth/token", data={"username": username, "password": PASSWORD})
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("missing", ["username", "password"])
def test_missing_form_field_is_422_naming_it(client, missing):
    data = {"username": "someone", "password": PASSWORD}
    del data[missing]
    response = client.post("/api/auth/token", data=data)
    assert response.status_code == 422
    assert missing in response.text


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}])
def test_no_or_invalid_token_is_401(client, headers):
    for path in ("/api/auth/me", "/api/calls", "/api/calls/CA1"):
        response = client.get(path, headers=headers)
        assert response.status_code == 401, path
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_expired_token_is_401(client):
    user, headers = login(client, "supervisor")
    assert client.get("/api/calls", headers=headers).status_code == 200
    with transaction() as db_session:
        token = db_session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
        token.expires_at = utcnow() - timedelta(seconds=1)
    assert client.get("/api/calls", headers=headers).status_code == 401


def test_logout_revokes_only_that_token(client):
    user = make_user("manager")
    first, second = bearer(token_for(client, user)), bearer(token_for(client, user))
    assert client.post("/api/auth/logout", headers=first).status_code == 204
    assert client.get("/api/auth/me", headers=first).status_code == 401
    assert client.post("/api/auth/logout", headers=first).status_code == 401
    assert client.get("/api/auth/me", headers=second).status_code == 200


def test_token_of_a_deactivated_user_stops_working(client):
    user, headers = login(client, "manager")
    with transaction() as db_session:
        db_session.get(type(user), user.id).active = False
    assert client.get("/api/auth/me", headers=headers).status_code == 401


@pytest.mark.parametrize(("role", "expected"), [
    ("counselor", 403), ("supervisor", 200), ("manager", 200), ("admin", 200),
])
def test_call_log_is_for_supervisors_managers_and_admins(client, role, expected):
    _, headers = login(client, role)
    response = client.get("/api/calls", headers=headers)
    assert response.status_code == expected, response.text
