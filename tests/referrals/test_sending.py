"""Sending: retries with backoff when Twilio fails, never the same message twice, a webhook where the partner
has one, nothing but what the partner needs, and recorded only without an account."""

import json

import httpx
import pytest
from rq.registry import ScheduledJobRegistry

from hotline.calls import service as calls
from hotline.db import transaction
from hotline.redis_conn import get_redis
from hotline.referrals import sending, service
from hotline.referrals.models import Partner
from tests.conftest import configure
from tests.queue.helpers import actions, run_worker
from tests.referrals.helpers import CALLER, load_sample_directory, make_call, partner, referrals_of, sms_requests
from workers.referrals import send_referral

NOTES = "the father drinks; neighbour Rustam at house 5"


def refer(sid: str, partner_key: str) -> int:
    with transaction() as db_session:
        call = calls.get(db_session=db_session, call_sid=sid)
        found = db_session.query(Partner).filter_by(key=partner_key).one()
        return service.create(db_session=db_session, call=call, partner_type=found.type, partner=found,
                              source="counselor").id


@pytest.fixture(autouse=True)
def no_webhooks():
    yield
    sending.use_webhook_transport(None)


def test_a_failed_send_is_retried_with_backoff_and_never_sent_twice(fake_twilio):
    load_sample_directory()
    sid = make_call(urgency="high", category="domestic_violence")
    fake_twilio.fail = True
    referral_id = refer(sid, "sample-khatlon-shelter")
    assert send_referral(referral_id, 1) == "pending"
    registry = ScheduledJobRegistry("dispatch", connection=get_redis())
    assert f"referral-send-{referral_id}-2" in registry.get_job_ids()
    fake_twilio.fail = False
    assert send_referral(referral_id, 2) == "sent"
    assert send_referral(referral_id, 2) == "sent" and send_referral(referral_id, 3) == "sent"
    assert len(sms_requests(fake_twilio)) == 2, "one failed attempt, one delivery, nothing more"
    assert [a.status for a in actions("sms")] == ["failed", "sent"]


def test_after_the_last_attempt_the_referral_fails_and_escalates(fake_twilio, monkeypatch):
    configure(monkeypatch, referral_retry_s="[1]", supervisor_number="+992900000999")
    load_sample_directory()
    sid = make_call(urgency="high", category="domestic_violence")
    fake_twilio.fail = True
    referral_id = refer(sid, "sample-khatlon-shelter")
    assert send_referral(referral_id, 1) == "pending"
    assert send_referral(referral_id, 2) == "failed"
    fake_twilio.fail = False
    run_worker()
    found = referrals_of(sid)
    assert found[0].status == "escalated" and found[1].escalated_from_id == referral_id
    assert any(s["To"] == "+992900000999" for s in sms_requests(fake_twilio))


def test_the_message_carries_only_what_the_partner_needs(fake_twilio):
    load_sample_directory()
    sid = make_call(urgency="high", category="domestic_violence", language="ru")
    referral_id = refer(sid, "sample-sughd-shelter")
    send_referral(referral_id, 1)
    [sms] = sms_requests(fake_twilio)
    assert CALLER not in sms["Body"], "no caller number for a non-emergency referral"
    assert "Rustam" not in sms["Body"]
    assert "yo'llanma" not in sms["Body"] and "равонакунӣ" in sms["Body"], "Sughd shelter reads Tajik first"


def test_without_an_account_the_sms_is_recorded_not_sent(hotline_env):
    load_sample_directory()
    sid = make_call()
    referral_id = refer(sid, "sample-khatlon-police")
    assert send_referral(referral_id, 1) == "sent"
    [action] = actions("sms")
    assert action.status == "recorded" and action.to == partner("sample-khatlon-police").phone
    assert action.dedupe_key == f"referral-{referral_id}-sms-1"


def test_a_partner_with_a_webhook_gets_the_referral_posted_once_signed(fake_twilio):
    posted = []

    def handler(request: httpx.Request) -> httpx.Response:
        posted.append(request)
        return httpx.Response(200 if len(posted) > 1 else 503)

    sending.use_webhook_transport(httpx.MockTransport(handler))
    load_sample_directory()
    hiv = partner("sample-khatlon-hiv-centre")
    assert hiv.webhook_url
    sid = make_call(urgency="medium", category="health")
    referral_id = refer(sid, "sample-khatlon-hiv-centre")
    assert send_referral(referral_id, 1) == "sent", "the SMS went; the webhook will be retried"
    send_referral(referral_id, 2)
    send_referral(referral_id, 3)
    assert len(posted) == 2 and len(sms_requests(fake_twilio)) == 1
    body = json.loads(posted[-1].content)
    assert body["code"] == referrals_of(sid)[0].code and body["caller_phone"] is None
    assert "notes" not in body and posted[-1].headers["X-Hotline-Signature"].startswith("sha256=")
