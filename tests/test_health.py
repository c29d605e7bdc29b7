"""Operations: the process answers, and readiness names what is down."""

from redis import Redis
from rq import Worker


def test_healthz_answers(client):
    assert client.get("/healthz").status_code == 200


def test_readyz_names_the_missing_worker_then_is_ready(client, hotline_env):
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["down"] == ["worker"]
    connection = Redis.from_url(hotline_env.redis_url)
    worker = Worker(["triage"], connection=connection, name="readyz-test")
    worker.register_birth()
    try:
        response = client.get("/readyz")
        assert response.status_code == 200 and response.json()["down"] == []
    finally:
        worker.register_death()


def test_metrics_count_calls_and_waiting_calls(client, twilio):
    from tests.telephony.helpers import Caller

    caller = Caller(twilio)
    caller.dial()
    caller.keys("2", "1", "")  # Russian, danger, nothing said
    text = client.get("/metrics").text
    assert 'hotline_calls{line="123",status="queued"} 1.0' in text
    assert 'hotline_waiting_calls{urgency="critical"} 1.0' in text
    assert "hotline_webhook_seconds_count" in text
