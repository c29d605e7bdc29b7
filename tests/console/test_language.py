"""The interface in Tajik, Russian and English, chosen per user; the catalogues compile from a fresh clone."""

from hotline.web import i18n
from tests.console.helpers import post_form
from tests.web.helpers import page_login


def test_a_user_switches_the_interface_to_russian_and_back(client):
    page_login(client, "counselor")
    response = post_form(client, "/console", "/console/language", {"language": "ru", "next": "/console"})
    assert response.status_code == 303 and response.headers["location"] == "/console"
    page = client.get("/console")
    assert '<html lang="ru">' in page.text and "Взять следующий звонок" in page.text
    post_form(client, "/console", "/console/language", {"language": "tg", "next": "/console"})
    assert "Занги навбатиро гиред" in client.get("/console").text
    post_form(client, "/console", "/console/language", {"language": "en", "next": "/console"})
    assert "Take next call" in client.get("/console").text


def test_the_language_is_per_user(client):
    page_login(client, "counselor")
    post_form(client, "/console", "/console/language", {"language": "ru"})
    client.cookies.clear()
    page_login(client, "counselor")
    assert "Take next call" in client.get("/console").text


def test_an_unknown_language_is_422(client):
    page_login(client, "counselor")
    assert post_form(client, "/console", "/console/language", {"language": "xx"}).status_code == 422


def test_every_po_compiles_and_every_console_string_is_translated(tmp_path):
    import shutil

    for language in ("tg", "ru"):
        target = tmp_path / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po", target)
    assert len(i18n.compile_catalogues(tmp_path)) == 2
    from babel.messages.pofile import read_po

    for language in ("tg", "ru"):
        with (i18n.LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
            catalog = read_po(po)
        missing = [m.id for m in catalog if m.id and not m.string]
        assert missing == [], f"{language}: untranslated {missing[:5]}"


def test_an_empty_value_translates_to_nothing_not_the_catalogue_header():
    for language in i18n.UI_LANGUAGES:
        with i18n.active(language):
            assert i18n.gettext_("") == ""


def test_the_login_form_speaks_the_browsers_language_or_the_one_asked_for(client):
    russian = client.get("/login", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.8"})
    assert '<html lang="ru">' in russian.text and "Имя пользователя" in russian.text
    tajik = client.get("/login?lang=tg", headers={"Accept-Language": "ru"})
    assert "Номи корбар" in tajik.text and 'name="lang" value="tg"' in tajik.text
    assert "Username" in client.get("/login", headers={"Accept-Language": "de-DE"}).text


def test_a_wrong_password_is_said_in_the_language_of_the_form(client):
    from tests.auth.helpers import make_user
    from tests.web.helpers import csrf_of

    user = make_user("counselor")
    form = client.get("/login?lang=ru")
    response = client.post("/login", data={"username": user.username, "password": "wrong password here",
                                           "csrf_token": csrf_of(form.text), "lang": "ru"})
    assert response.status_code == 401 and "Неверное имя пользователя или пароль." in response.text


def test_a_page_for_another_role_says_so_in_the_users_language(client):
    page_login(client, "counselor")
    post_form(client, "/console", "/console/language", {"language": "ru"})
    page = client.get("/reports")
    assert page.status_code == 403
    assert "Нет доступа" in page.text and "руководитель" in page.text and "Войти под другим именем" in page.text
