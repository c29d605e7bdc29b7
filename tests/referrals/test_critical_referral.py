"""A critical call in Khatlon: the region's emergency partner gets an SMS, `OK <code>` acknowledges it, and
with no reply the referral escalates at its time to the next partner and the supervisor, once."""

import time

from rq.registry import ScheduledJobRegistry

from hotline.redis_conn import get_redis
from hotline.referrals import escalation
from tests.conftest import configure
from tests.queue.helpers import run_worker, staff
from tests.referrals.helpers import (CALLER, load_sample_directory, make_call, partner, referral_events,
                                     referrals_of, sms_requests)
from workers.referrals import escalate_referral

SUPERVISOR = "+992900000999"


def alert(sid: str) -> None:
    assert escalation.on_critical_triage(sid)
    run_worker()


def test_the_khatlon_mobile_team_gets_the_sms_and_ok_acknowledges_it(fake_twilio, twilio, monkeypatch):
    load_sample_directory()
    sid = make_call(region="khatlon", urgency="critical", category="child_abuse", language="tg")
    alert(sid)
    [referral] = referrals_of(sid)
    team = partner("sample-khatlon-mobile-team")
    assert referral.partner_id == team.id and referral.status == "sent" and referral.source == "alert"
    [sms] = sms_requests(fake_twilio)
    assert sms["To"] == team.phone and sms["From"] == "+992372000123"
    assert referral.code in sms["Body"] and "равонакунӣ" in sms["Body"], "in the partner's language (Tajik)"
    assert CALLER in sms["Body"], "an emergency team on a critical call gets the number to reach the caller"

    reply = twilio.post("/twilio/sms", {"MessageSid": "SM1", "From": team.phone, "To": "+992372000123",
                                        "Body": f"  ok {referral.code.lower()} "})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/xml")
    assert "<Message>" in reply.text and referral.code in reply.text
    assert referrals_of(sid)[0].status == "acknowledged"

    _, headers = staff("supervisor")
    [listed] = twilio.client.get(f"/api/referrals?call_sid={sid}", headers=headers).json()
    assert listed["code"] == referral.code and listed["status"] == "acknowledged"
    assert listed["partner"] == {"id": team.id, "name": team.name, "type": "mobile_team", "region": "khatlon",
                                 "phone": team.phone}
    assert escalate_referral(referral.id) is None, "acknowledged in time: no escalation"
    assert len(sms_requests(fake_twilio)) == 1


def test_alerting_twice_refers_and_sends_once(fake_twilio):
    load_sample_directory()
    sid = make_call()
    alert(sid)
    alert(sid)
    assert escalation.alert_emergency(call_sid=sid) == referrals_of(sid)[0].id
    assert len(referrals_of(sid)) == 1 and len(sms_requests(fake_twilio)) == 1


def test_the_escalation_timer_is_scheduled_for_the_setting(hotline_env):
    load_sample_directory()
    sid = make_call()
    alert(sid)
    [referral] = referrals_of(sid)
    registry = ScheduledJobRegistry("dispatch", connection=get_redis())
    job_id = f"referral-escalate-{referral.id}"
    assert job_id in registry.get_job_ids()
    due = registry.get_scheduled_time(job_id).timestamp()
    assert abs(due - (time.time() + hotline_env.referral_escalation_critical_s)) < 5


def test_no_reply_escalates_at_its_time_to_the_next_partner_and_the_supervisor(fake_twilio, monkeypatch):
    configure(monkeypatch, referral_escalation_critical_s=3, supervisor_number=SUPERVISOR)
    load_sample_directory()
    sid = make_call()
    started = time.time()
    alert(sid)
    assert [r.status for r in referrals_of(sid)] == ["sent"], "not before its time"
    while len(referrals_of(sid)) < 2 and time.time() - started < 20:
        time.sleep(0.3)
        run_worker()
    first, second = referrals_of(sid)[:2]
    assert time.time() - started >= 1.9, "not before its time (RQ schedules to the whole second)"
    assert first.status == "escalated" and second.escalated_from_id == first.id
    assert second.partner.key == "sample-khatlon-mobile-team-kulob", "the next partner of the rule's list"
    to_supervisor = [s for s in sms_requests(fake_twilio) if s["To"] == SUPERVISOR]
    assert len(to_supervisor) == 1 and first.code in to_supervisor[0]["Body"]
    assert second.code in to_supervisor[0]["Body"]
    assert escalate_referral(first.id) is None, "escalates once"
    assert len([s for s in sms_requests(fake_twilio) if s["To"] == SUPERVISOR]) == 1
    assert len(referral_events(first.id, "escalated")) == 1


def test_a_declined_referral_moves_on_at_once(fake_twilio, twilio, monkeypatch):
    configure(monkeypatch, supervisor_number=SUPERVISOR)
    load_sample_directory()
    sid = make_call()
    alert(sid)
    first = referrals_of(sid)[0]
    reply = twilio.post("/twilio/sms", {"MessageSid": "SM2", "From": first.phone, "Body": f"NO {first.code}"})
    assert "<Message>" in reply.text
    run_worker()
    found = referrals_of(sid)
    assert found[0].status == "declined" and len(found) == 2 and found[1].status == "sent"


def test_an_unknown_region_alerts_the_on_call_dispatcher(fake_twilio, monkeypatch):
    configure(monkeypatch, dispatcher_number="+992900000111")
    load_sample_directory()
    sid = make_call(region=None)
    alert(sid)
    [referral] = referrals_of(sid)
    assert referral.partner_id is None and referral.phone == "+992900000111" and referral.status == "sent"
    [sms] = sms_requests(fake_twilio)
    assert sms["To"] == "+992900000111" and referral.code in sms["Body"]


def test_a_call_that_is_not_critical_alerts_nobody(hotline_env):
    load_sample_directory()
    sid = make_call(urgency="high")
    assert escalation.alert_emergency(call_sid=sid) is None and referrals_of(sid) == []


def test_the_triage_job_alerts_the_emergency_partner_of_a_critical_call(fake_twilio):
    from workers.triage import triage_call

    load_sample_directory()
    sid = make_call(region="khatlon", urgency="critical", category="domestic_violence", status="connected")
    assert triage_call(sid) == "critical"
    run_worker()
    [referral] = referrals_of(sid)
    assert referral.source == "alert" and referral.partner.region == "khatlon" and referral.status == "sent"
