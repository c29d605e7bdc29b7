"""With Redis down the console still answers: the page and its stream say the queue is unavailable, never a 500."""

from tests.conftest import configure
from tests.console.helpers import events, post_form
from tests.web.helpers import page_login

DEAD_REDIS = "redis://127.0.0.1:1/0"


def test_the_console_and_wallboard_answer_with_redis_down(client, monkeypatch):
    page_login(client, "supervisor")
    configure(monkeypatch, redis_url=DEAD_REDIS, redis_timeout_s=0.2)
    assert client.get("/console").status_code == 200
    [(_, snapshot)] = events(client, "/console/events")
    assert snapshot["queue_available"] is False and snapshot["presence"] == "offline"
    [(_, board)] = events(client, "/wallboard/events")
    assert board["queue_available"] is False and board["counselors"] == []
    assert post_form(client, "/console", "/console/presence", {"presence": "available"}).status_code == 503
    assert post_form(client, "/console", "/console/next").status_code == 503
