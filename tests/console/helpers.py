"""Signed-in pages as a browser uses them: forms with their CSRF token, and server-sent events read off a stream."""

import json
import re

from fastapi.testclient import TestClient

from tests.web.helpers import csrf_of

EVENT = re.compile(r"event: (\S+)\ndata: (.*)\n")


def post_form(client: TestClient, page: str, action: str, data: dict | None = None, **options):
    """Post a form of this page with the page's CSRF token; the response is not followed."""
    token = csrf_of(client.get(page).text)
    return client.post(action, data={"csrf_token": token, **(data or {})}, follow_redirects=False, **options)


def events(client: TestClient, path: str, count: int = 1) -> list[tuple[str, dict]]:
    """The first `count` server-sent events of a stream."""
    with client.stream("GET", f"{path}?limit={count}") as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    return [(kind, json.loads(data)) for kind, data in EVENT.findall(body)]
