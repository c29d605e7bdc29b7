"""`hotline users create|list`, run in-process against each configured database."""

import pytest
from sqlalchemy import func, select

from hotline import cli
from hotline.auth import security
from hotline.auth.models import User
from hotline.db import transaction


@pytest.fixture
def hotline_cmd(hotline_env):
    """`hotline ...` run in-process against the test database."""
    return cli.main


def load_user(username: str) -> User | None:
    with transaction() as db_session:
        return db_session.scalar(select(User).where(User.username == username))


def user_count() -> int:
    with transaction() as db_session:
        return db_session.scalar(select(func.count()).select_from(User))


def test_create_user_hashes_the_password_with_argon2_and_gives_all_skills_by_default(hotline_cmd, capsys):
    code = hotline_cmd(["users", "create", "--username", "dilnoza", "--password", "s3cret-pass", "--role", "supervisor"])
    assert code == 0
    assert "dilnoza" in capsys.readouterr().out
    user = load_user("dilnoza")
    assert user.role == "supervisor" and user.active
    assert user.password_hash.startswith("$argon2id$") and "s3cret-pass" not in user.password_hash
    assert security.verify_password(user.password_hash, "s3cret-pass")
    assert not security.verify_password(user.password_hash, "s3cret-pasS")
    assert user.languages == ["tg", "ru", "uz", "fa", "en"]
    assert user.lines == ["123", "1480"]


def test_create_counselor_with_languages_and_lines(hotline_cmd):
    code = hotline_cmd(["users", "create", "--username", "farrukh", "--password", "longenough",
                        "--role", "counselor", "--languages", "ru,tg", "--lines", "1480"])
    assert code == 0
    user = load_user("farrukh")
    assert user.role == "counselor"
    assert user.languages == ["tg", "ru"] and user.lines == ["1480"]


@pytest.mark.parametrize(("extra", "message"), [
    (["--role", "boss"], "unknown role 'boss'"),
    (["--role", "counselor", "--languages", "tg,de"], "unknown language 'de'"),
    (["--role", "counselor", "--lines", "123,911"], "unknown line '911'"),
    (["--role", "counselor", "--languages", ""], "at least one language"),
])
def test_create_rejects_bad_role_language_or_line(hotline_cmd, capsys, extra, message):
    code = hotline_cmd(["users", "create", "--username", "someone", "--password", "longenough", *extra])
    _assert_one_line_error(code, capsys, message)
    assert load_user("someone") is None


@pytest.mark.parametrize(("password", "message"), [
    ("", "password must not be empty"),
    ("short", "at least 10 characters"),
])
def test_create_rejects_empty_or_short_password(hotline_cmd, capsys, password, message):
    code = hotline_cmd(["users", "create", "--username", "someone", "--password", password, "--role", "manager"])
    _assert_one_line_error(code, capsys, message)
    assert user_count() == 0


def test_create_rejects_a_duplicate_username(hotline_cmd, capsys):
    assert hotline_cmd(["users", "create", "--username", "aziz", "--password", "first-pass", "--role", "manager"]) == 0
    capsys.readouterr()
    code = hotline_cmd(["users", "create", "--username", "aziz", "--password", "other-pass", "--role", "admin"])
    _assert_one_line_error(code, capsys, "username 'aziz' is taken")
    assert load_user("aziz").role == "manager"
    assert user_count() == 1


def test_create_without_a_required_argument_is_one_line(hotline_cmd, capsys):
    with pytest.raises(SystemExit) as exit_info:
        hotline_cmd(["users", "create", "--username", "x", "--password", "longenough"])
    _assert_one_line_error(exit_info.value.code, capsys, "--role")


def test_list_shows_users_but_never_passwords(hotline_cmd, capsys):
    for name, role in (("madina", "counselor"), ("rustam", "admin")):
        assert hotline_cmd(["users", "create", "--username", name, "--password", f"{name}-password",
                            "--role", role, "--languages", "tg"]) == 0
    capsys.readouterr()
    assert hotline_cmd(["users", "list"]) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert "madina" in lines[1] and "counselor" in lines[1] and "rustam" in lines[2] and "admin" in lines[2]
    assert "password" not in out and "$argon2" not in out


def _assert_one_line_error(code, capsys, message: str) -> None:
    captured = capsys.readouterr()
    assert code not in (0, None)
    assert message in captured.err
    assert len(captured.err.strip().splitlines()) == 1, captured.err
    assert "Traceback" not in captured.err + captured.out
