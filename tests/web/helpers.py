"""Signing in to the staff pages as a browser does: the login form, its CSRF token and the session cookie."""

import re

from fastapi.testclient import TestClient

from tests.auth.helpers import PASSWORD, make_user

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD, next_url: str = ""):
    """Open the login form and post it, with its CSRF token; the response is not followed."""
    form = client.get("/login")
    assert form.status_code == 200, form.text
    return client.post("/login", data={"username": username, "password": password, "csrf_token": csrf_of(form.text),
                                       "next": next_url}, follow_redirects=False)


def page_login(client: TestClient, role: str):
    """A new user of this role, signed in on the client's cookie jar."""
    user = make_user(role)
    response = sign_in(client, user.username)
    assert response.status_code == 303, response.text
    return user
