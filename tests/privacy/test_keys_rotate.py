"""`hotline keys rotate`: numbers re-encrypted, hashes re-keyed everywhere, repeat callers still matched."""

from sqlalchemy import select

from hotline import keys
from hotline.calls.models import Call
from hotline.calls.phone import decrypt_phone, hash_phone
from hotline.cases.models import CaseFile
from hotline.cli import main
from hotline.db import transaction
from tests.audit.helpers import make_call
from tests.conftest import configure

OLD_KEY, NEW_KEY = "old-key-" + "o" * 40, "new-key-" + "n" * 40
NUMBER, OTHER = "+992931234567", "+992901112233"


def use_keys(monkeypatch, current: str, previous: list[str] | None = None) -> None:
    configure(monkeypatch, secret_key=current, previous_secret_keys=f'{previous or []}'.replace("'", '"'))
    keys.secret_key.cache_clear()


def _rows():
    with transaction() as db_session:
        return list(db_session.scalars(select(Call).order_by(Call.id))), list(db_session.scalars(select(CaseFile)))


def test_rotation_rekeys_every_row_and_keeps_repeat_callers_together(hotline_env, monkeypatch, capsys):
    use_keys(monkeypatch, OLD_KEY)
    first = make_call(caller=NUMBER)
    make_call(caller=NUMBER), make_call(caller=OTHER)
    with transaction() as db_session:
        db_session.add(CaseFile(caller_hash=first.caller_hash, status="open"))
    old_hash = first.caller_hash

    use_keys(monkeypatch, NEW_KEY, [OLD_KEY])
    assert decrypt_phone(first.caller_encrypted) == NUMBER  # still readable before the rotation
    assert main(["keys", "rotate"]) == 0
    assert "calls.caller_encrypted=3" in capsys.readouterr().out

    calls, [case] = _rows()
    assert [c.caller_hash for c in calls] == [hash_phone(NUMBER)] * 2 + [hash_phone(OTHER)]
    assert hash_phone(NUMBER) != old_hash and case.caller_hash == hash_phone(NUMBER)
    use_keys(monkeypatch, NEW_KEY)  # the old key retired: everything reads with the new one alone
    assert [decrypt_phone(c.caller_encrypted) for c in calls] == [NUMBER, NUMBER, OTHER]


def test_rotation_is_safe_to_run_again(hotline_env, monkeypatch, capsys):
    use_keys(monkeypatch, OLD_KEY)
    make_call(caller=NUMBER)
    use_keys(monkeypatch, NEW_KEY, [OLD_KEY])
    assert main(["keys", "rotate"]) == 0
    capsys.readouterr()
    assert main(["keys", "rotate"]) == 0
    out = capsys.readouterr().out
    assert "caller_encrypted" not in out
    [call], _ = _rows()
    assert call.caller_hash == hash_phone(NUMBER)


def teardown_function():
    keys.secret_key.cache_clear()
