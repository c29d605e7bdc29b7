"""`/login`, `/logout` and page sessions: CSRF, redirects to /login, expiry, revocation and role checks."""

from datetime import timedelta

from sqlalchemy import update

from hotline.auth.models import ApiToken
from hotline.db import transaction, utcnow
from hotline.web import session
from tests.auth.helpers import make_user
from tests.web.helpers import csrf_of, page_login, sign_in


def test_a_page_without_a_session_redirects_to_login_keeping_the_target(client):
    response = client.get("/reports?from=2025-03-01", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Freports%3Ffrom%3D2025-03-01"


def test_the_login_form_has_username_password_and_a_csrf_token(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="username"' in response.text and 'name="password"' in response.text
    assert csrf_of(response.text)
    assert session.LOGIN_CSRF_COOKIE in response.cookies


def test_a_manager_signs_in_and_lands_on_the_page_asked_for(client):
    user = make_user("manager")
    response = sign_in(client, user.username, next_url="/reports?from=2025-03-01")
    assert response.status_code == 303 and response.headers["location"] == "/reports?from=2025-03-01"
    cookie = client.cookies.get(session.SESSION_COOKIE)
    assert cookie and session.unsign(cookie)
    page = client.get("/reports")
    assert page.status_code == 200 and "Reports" in page.text
    assert client.get("/login", follow_redirects=False).headers["location"] == "/reports"


def test_login_without_the_csrf_token_is_refused(client):
    user = make_user("manager")
    client.get("/login")
    response = client.post("/login", data={"username": user.username, "password": "correct horse battery"},
                           follow_redirects=False)
    assert response.status_code == 403 and session.SESSION_COOKIE not in response.cookies


def test_a_wrong_password_shows_the_form_again(client):
    user = make_user("manager")
    response = sign_in(client, user.username, password="wrong password here")
    assert response.status_code == 401 and "Wrong username or password" in response.text
    assert client.get("/reports", follow_redirects=False).status_code == 303


def test_next_never_leaves_the_site(client):
    user = make_user("manager")
    response = sign_in(client, user.username, next_url="//evil.example/steal")
    assert response.headers["location"] == "/reports"


def test_a_tampered_session_cookie_is_no_session(client):
    page_login(client, "manager")
    value = client.cookies.get(session.SESSION_COOKIE)
    client.cookies.set(session.SESSION_COOKIE, value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert client.get("/reports", follow_redirects=False).status_code == 303


def test_an_expired_session_redirects_to_login(client):
    page_login(client, "manager")
    with transaction() as db_session:
        db_session.execute(update(ApiToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    response = client.get("/reports", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_logout_needs_the_csrf_token_and_ends_the_session(client):
    page_login(client, "manager")
    page = client.get("/reports")
    cookie = client.cookies.get(session.SESSION_COOKIE)
    assert client.post("/logout", data={}, follow_redirects=False).status_code == 403
    response = client.post("/logout", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    client.cookies.set(session.SESSION_COOKIE, cookie)  # replaying the old cookie does not bring it back
    assert client.get("/reports", follow_redirects=False).status_code == 303


def test_a_counselor_gets_403_on_the_reports_page(client):
    page_login(client, "counselor")
    response = client.get("/reports", follow_redirects=False)
    assert response.status_code == 403 and "Not allowed" in response.text


def test_static_files_are_served_by_the_app(client):
    response = client.get("/static/hotline.css")
    assert response.status_code == 200 and "text/css" in response.headers["content-type"]
