"""`POST /twilio/sms`: OK/ARRIVED/DONE/NO <code> move a referral on, once, and only from the partner's phone;
every SMS is answered with a <Message>, an unknown one with a short help text."""

import xml.etree.ElementTree as ET

import pytest

from hotline.db import transaction
from hotline.referrals import escalation
from hotline.referrals.acknowledgments import parse
from hotline.referrals.models import Referral
from tests.queue.helpers import run_worker
from tests.referrals.helpers import load_sample_directory, make_call, referral_events, referrals_of


@pytest.fixture
def referral(hotline_env):
    load_sample_directory()
    sid = make_call()
    escalation.alert_emergency(call_sid=sid)
    run_worker()
    return referrals_of(sid)[0]


def reply_text(response) -> str:
    assert response.status_code == 200
    [message] = ET.fromstring(response.text).findall("Message")
    return message.text


def sms(twilio, body: str, sender: str, sid: str = "SM100"):
    return twilio.post("/twilio/sms", {"MessageSid": sid, "From": sender, "To": "+992372000123", "Body": body})


def status(referral) -> str:
    with transaction() as db_session:
        return db_session.get(Referral, referral.id).status


@pytest.mark.parametrize("body", ["OK {code}", "ok {lower}", "  Ok   {spaced} ", "OK:{code}.", "ОК {code}", "ok-{code}"])
def test_ok_is_read_whatever_the_case_and_spacing(twilio, referral, body):
    text = body.format(code=referral.code, lower=referral.code.lower(),
                       spaced=f"{referral.code[:3]} {referral.code[3:]}")
    assert referral.code in reply_text(sms(twilio, text, referral.phone))
    assert status(referral) == "acknowledged"


def test_the_statuses_follow_and_only_move_forward(twilio, referral):
    sms(twilio, f"ARRIVED {referral.code}", referral.phone, "SM1")
    assert status(referral) == "on_scene"
    sms(twilio, f"OK {referral.code}", referral.phone, "SM2")
    assert status(referral) == "on_scene", "a late OK does not move it back"
    sms(twilio, f"DONE {referral.code}", referral.phone, "SM3")
    assert status(referral) == "completed"
    assert "иҷро шуд" in reply_text(sms(twilio, f"NO {referral.code}", referral.phone, "SM4")), \
        "the reply, in the partner's language, says it is completed"
    assert status(referral) == "completed"


def test_a_repeated_sms_changes_nothing_twice(twilio, referral):
    first = reply_text(sms(twilio, f"OK {referral.code}", referral.phone, "SM7"))
    again = reply_text(sms(twilio, f"OK {referral.code}", referral.phone, "SM7"))
    assert first == again
    assert len(referral_events(referral.id, "acknowledged")) == 1


def test_an_unknown_code_gets_a_clear_reply(twilio, referral):
    text = reply_text(sms(twilio, "OK XXXXXX", referral.phone))
    assert "OK <" in text and "ARRIVED" in text and "DONE" in text and "NO" in text
    assert status(referral) == "sent"


def test_anything_else_gets_the_help_text(twilio, referral):
    assert "OK <" in reply_text(sms(twilio, "hello, who is this?", "+992900000001"))


def test_only_the_partners_phone_may_answer_its_referral(twilio, referral):
    text = reply_text(sms(twilio, f"OK {referral.code}", "+992900000001"))
    assert "OK <" in text and status(referral) == "sent"


def test_an_unsigned_sms_is_refused_and_changes_nothing(twilio, referral):
    response = twilio.post("/twilio/sms", {"MessageSid": "SM9", "From": referral.phone, "Body": f"OK {referral.code}"},
                           signature="forged")
    assert response.status_code == 403 and status(referral) == "sent"


def test_parse_refuses_what_is_not_a_command():
    assert parse("OK") is None and parse("OKAY ACDEFH") is None and parse("OK ACDEF") is None
    assert parse("done acdefh").status == "completed" and parse("NO ACDEFH").code == "ACDEFH"
