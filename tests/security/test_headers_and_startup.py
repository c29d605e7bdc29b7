"""Security headers on every response, and no start in production with default or missing secrets."""

import pytest

from hotline.app import StartupError, check_startup
from tests.conftest import TEST_TOKEN, configure

STRONG_KEY = "k" * 16 + "-a-real-secret-key-for-tests-" + "x" * 8


@pytest.mark.parametrize("path", ["/healthz", "/login", "/api/auth/me", "/api/docs", "/metrics", "/nowhere"])
def test_every_response_has_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "strict-transport-security" not in headers  # the public URL is http here
    if path != "/api/docs":
        assert "http" not in csp  # no external source


def test_webhooks_get_them_too(twilio):
    response = twilio.post("/twilio/voice", {"CallSid": "CA" + "7" * 32, "From": "+992931112233", "To": "123"})
    assert response.status_code == 200 and response.headers["x-frame-options"] == "DENY"


def test_hsts_when_the_public_url_is_https(hotline_env, monkeypatch):
    from fastapi.testclient import TestClient

    from hotline.app import create_app

    configure(monkeypatch, public_base_url="https://hotline.example.tj")
    with TestClient(create_app(), base_url="https://hotline.example.tj") as client:
        assert client.get("/healthz").headers["strict-transport-security"].startswith("max-age=31536000")


def _production(monkeypatch, **values):
    configure(monkeypatch, **{"env": "production", "twilio_auth_token": TEST_TOKEN, "secret_key": STRONG_KEY, **values})


def test_production_starts_with_real_secrets(hotline_env, monkeypatch):
    _production(monkeypatch)
    check_startup()


@pytest.mark.parametrize(("values", "message"), [
    ({"secret_key": ""}, "HOTLINE_SECRET_KEY is not set"),
    ({"secret_key": "hotline-development-secret"}, "default"),
    ({"secret_key": "too-short"}, "default or shorter"),
    ({"twilio_auth_token": "hotline-development-token"}, "development token"),
    ({"twilio_auth_token": ""}, "HOTLINE_TWILIO_AUTH_TOKEN is not set (allowed only with HOTLINE_ENV=development)"),
])
def test_production_refuses_missing_or_default_secrets(hotline_env, monkeypatch, values, message):
    _production(monkeypatch, **values)
    with pytest.raises(StartupError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_startup()


def test_development_needs_neither(hotline_env, monkeypatch):
    configure(monkeypatch, env="development", twilio_auth_token="", secret_key="")
    check_startup()
