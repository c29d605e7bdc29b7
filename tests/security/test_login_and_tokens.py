"""Login rate limiting and lockout, the password policy, token expiry and revocation."""

from datetime import timedelta

import pytest

from hotline.auth import service
from hotline.auth.models import ApiToken
from hotline.db import transaction, utcnow
from hotline.redis_conn import get_redis
from hotline.security.passwords import policy_fault
from tests.auth.helpers import PASSWORD, bearer, make_user, token_for


def _try(client, username: str, password: str = "wrong password!"):
    return client.post("/api/auth/token", data={"username": username, "password": password})


def test_five_failures_lock_the_username_for_fifteen_minutes(client):
    user = make_user("counselor")
    statuses = [_try(client, user.username).status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    locked = _try(client, user.username, PASSWORD)  # even the right password, while locked
    assert locked.status_code == 429
    assert 890 <= int(locked.headers["Retry-After"]) <= 900


def test_the_lockout_ends_and_a_good_login_clears_the_count(client):
    user = make_user("counselor")
    for _ in range(4):
        _try(client, user.username)
    assert _try(client, user.username, PASSWORD).status_code == 200
    assert [_try(client, user.username).status_code for _ in range(4)] == [401] * 4  # counting starts again
    for key in get_redis().scan_iter("hotline:login:lock:*"):
        get_redis().delete(key)  # fifteen minutes later
    assert _try(client, user.username, PASSWORD).status_code == 200


def test_many_usernames_from_one_address_lock_the_address(client, monkeypatch):
    from tests.conftest import configure

    configure(monkeypatch, login_max_failures_ip=6)
    statuses = [_try(client, f"guess{n}").status_code for n in range(6)]
    assert statuses[-1] == 429 and statuses[:-1] == [401] * 5
    user = make_user("manager")
    assert _try(client, user.username, PASSWORD).status_code == 429


def test_the_web_login_counts_towards_the_same_lockout(client):
    from tests.web.helpers import sign_in

    user = make_user("manager")
    for _ in range(5):
        sign_in(client, user.username, password="wrong password!")
    assert _try(client, user.username, PASSWORD).status_code == 429


@pytest.mark.parametrize(("password", "fault"), [
    ("short-one", "at least 10"), ("dilnoza123", None), ("password123", "too common"),
    ("1234567890", "too common"), ("aaaaaaaaaaaa", "too common"), ("zavon-fayz", "the username"),
])
def test_password_policy(password, fault):
    found = policy_fault(password, "zavon-fayz")
    assert (fault is None and found is None) or (fault and fault in found)


def test_create_user_applies_the_policy(hotline_env):
    with transaction() as db_session, pytest.raises(service.UserError, match="too common"):
        service.create_user(db_session=db_session, username="nigora", password="qwerty12345", role="manager")


def test_an_expired_token_is_401(client):
    user = make_user("supervisor")
    secret = token_for(client, user)
    with transaction() as db_session:
        for token in db_session.query(ApiToken).filter_by(user_id=user.id):
            token.expires_at = utcnow() - timedelta(seconds=1)
    assert client.get("/api/auth/me", headers=bearer(secret)).status_code == 401


def test_a_revoked_token_is_401_and_others_still_work(client):
    user = make_user("supervisor")
    first, second = token_for(client, user), token_for(client, user)
    assert client.post("/api/auth/logout", headers=bearer(first)).status_code == 204
    assert client.get("/api/auth/me", headers=bearer(first)).status_code == 401
    assert client.get("/api/auth/me", headers=bearer(second)).status_code == 200


def test_the_web_login_says_when_it_is_locked_and_locks_the_address_too(client, monkeypatch):
    from tests.conftest import configure
    from tests.web.helpers import sign_in

    configure(monkeypatch, login_max_failures_ip=6)
    pages = [sign_in(client, f"guess{n}", password="wrong password!") for n in range(6)]
    assert [page.status_code for page in pages] == [401] * 5 + [429]
    assert "Too many failed sign-ins" in pages[-1].text
    user = make_user("manager")
    assert _try(client, user.username, PASSWORD).status_code == 429, "the address is locked for the API too"
