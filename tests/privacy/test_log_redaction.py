"""No phone number, name or note text reaches a log line: real log calls, caught with caplog."""

import logging

from sqlalchemy.exc import IntegrityError

from hotline.calls import service as calls
from hotline.db import transaction
from hotline.privacy.redaction import install, redact

NOTE = "my name is Zarina and my stepfather hurts me"


def test_numbers_and_sensitive_fields_are_redacted_in_any_logger(caplog):
    install()
    with caplog.at_level(logging.INFO):
        logging.getLogger("hotline.telephony").warning("call from %s to %s", "+992 93 123 45 67", "992931234567")
        logging.getLogger("some.library").info("form: %s", {"From": "+992931234567", "notes": NOTE})
        logging.getLogger("hotline.cases").info("saved notes=%r transcript: %s", NOTE, "help me")
    text = caplog.text + " ".join(r.getMessage() for r in caplog.records)
    for secret in ("931234567", "93 123 45 67", "Zarina", "stepfather", "help me"):
        assert secret not in text
    assert "[phone]" in text and "call from" in text


def test_dates_times_addresses_and_counts_stay_readable():
    line = "at 2026-11-23 18:47:48 from 192.168.100.200:8000 job CA0123 calls.transcript=3 took 1500 ms"
    assert redact(line) == line


def test_a_database_error_logged_with_its_traceback_keeps_the_note_out(hotline_env, caplog):
    install()
    log = logging.getLogger("hotline.jobs")
    with transaction() as db_session:
        call = calls.get_or_create(db_session=db_session, call_sid="CA" + "5" * 32, line="123", caller="+992931234567")
    try:
        with transaction() as db_session:
            from hotline.calls.models import Call

            db_session.add(Call(call_sid=call.call_sid, line="123", transcript=NOTE, status="ivr"))
            db_session.flush()
    except IntegrityError:
        with caplog.at_level(logging.ERROR):
            log.exception("could not save the call")
    assert "could not save the call" in caplog.text and "IntegrityError" in caplog.text
    assert "Zarina" not in caplog.text and "stepfather" not in caplog.text
    assert "Zarina" not in caplog.records[0].exc_text


def test_uvicorns_access_log_still_formats_and_keeps_its_arguments(caplog):
    from uvicorn.logging import AccessFormatter

    install()
    formatter = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False)
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        access = logging.getLogger("uvicorn.access")
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "POST", "/twilio/voice", "1.1", 200)
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", "/api/calls?phone=+992931234567", "1.1", 200)
    plain, with_phone = (formatter.format(record) for record in caplog.records)
    assert plain == '127.0.0.1:5000 - "POST /twilio/voice HTTP/1.1" 200 OK'
    assert "931234567" not in with_phone and with_phone.endswith(" 200 OK")
