"""The sweep: calls never triaged get their job, and a lost Redis queue is rebuilt from the database."""

from redis import Redis
from rq import Queue

from hotline.queue import service as waiting
from hotline.queue import store
from tests.queue.helpers import load_call, queued_call, run_worker
from workers.sweep import sweep


def test_untriaged_calls_older_than_ten_seconds_are_triaged(hotline_env):
    old = queued_call(waited_s=30, language="en", transcript="he has a knife and says he will kill me right now")
    fresh = queued_call(waited_s=1)
    assert sweep()["retriaged"] == 1
    jobs = Queue("triage", connection=Redis.from_url(hotline_env.redis_url)).get_job_ids()
    assert jobs == [f"triage-{old}"]
    assert sweep()["retriaged"] == 0, "a job still waiting is not enqueued twice"
    run_worker()
    assert load_call(old).urgency == "critical" and load_call(fresh).triaged_at is None
    assert sweep()["retriaged"] == 0


def test_a_lost_queue_is_rebuilt_and_stale_entries_dropped(hotline_env):
    first = queued_call(urgency="high", waited_s=20)
    second = queued_call(urgency="critical", waited_s=5)
    gone = queued_call(urgency="low", status="completed")
    redis = Redis.from_url(hotline_env.redis_url)
    redis.delete(store.QUEUE_KEY)
    store.add(redis, store.Waiting(gone, "low", "tg", "123", 1.0))
    result = sweep()
    assert result["added"] == 2 and result["dropped"] == 1
    assert [e.call_sid for e in waiting.waiting_calls()] == [second, first]
