"""The triage job end to end: a real RQ job on the real Redis, run by a burst worker, writes and reorders."""

from hotline.jobs import enqueue
from hotline.queue import service as waiting
from tests.queue.helpers import events, load_call, queued_call, run_worker


def test_the_worker_classifies_a_waiting_call_and_it_jumps_the_queue(hotline_env):
    earlier = queued_call(waited_s=60, language="en", transcript="i feel anxious and sad lately")
    sid = queued_call(waited_s=1, language="en", transcript="he has a knife and says he will kill me right now")
    assert [e.call_sid for e in waiting.waiting_calls()] == [earlier, sid]
    for call_sid in (earlier, sid):
        assert enqueue("triage", "workers.triage.triage_call", call_sid, job_id=f"triage-{call_sid}")
    run_worker()
    call = load_call(sid)
    assert call.urgency == "critical" and call.category == "domestic_violence" and call.triaged_at
    assert any("knife" in reason for reason in call.reasons)
    assert load_call(earlier).urgency == "medium" and load_call(earlier).category == "mental_health"
    order = waiting.waiting_calls()
    assert [e.call_sid for e in order] == [sid, earlier] and order[0].urgency == "critical"
    assert len(events(sid, "triage")) == 1 and len(events(sid, "alert")) == 1


def test_running_the_job_twice_changes_nothing_more(hotline_env):
    sid = queued_call(language="ru", transcript="я хочу узнать часы работы")
    for _ in range(2):
        enqueue("triage", "workers.triage.triage_call", sid, job_id=f"triage-{sid}")
        run_worker()
    call = load_call(sid)
    assert call.urgency == "low" and call.category == "information"
    assert len(call.reasons) == len(set(call.reasons))
