"""Presence and skills: a counselor sets their state; supervisors see everyone's."""

import time

from tests.queue.helpers import staff


def test_a_counselor_sets_presence_and_it_is_timed(api):
    user, headers = staff(presence=None)
    before = time.time()
    response = api.put("/api/counselors/me/presence", headers=headers, json={"presence": "wrap-up"})
    assert response.status_code == 200
    body = response.json()
    assert body["presence"] == "wrap-up" and body["username"] == user.username
    assert body["since"] and abs(__import__("datetime").datetime.fromisoformat(body["since"]).timestamp() - before) < 5


def test_a_bad_presence_is_422(api):
    _, headers = staff()
    for body in ({"presence": "lunch"}, {}, {"presence": "available", "phone": "call me"}):
        assert api.put("/api/counselors/me/presence", headers=headers, json=body).status_code == 422


def test_presence_needs_a_token(api):
    assert api.put("/api/counselors/me/presence", json={"presence": "available"}).status_code == 401


def test_supervisors_see_each_counselors_presence_and_skills(api):
    tajik, _ = staff(languages=["tg", "ru"], lines=["123"])
    staff(presence=None)
    _, supervisor = staff("supervisor", presence="busy")
    _, counselor = staff()
    assert api.get("/api/counselors", headers=counselor).status_code == 403
    response = api.get("/api/counselors", headers=supervisor)
    assert response.status_code == 200
    found = {c["username"]: c for c in response.json()}
    assert found[tajik.username]["languages"] == ["tg", "ru"] and found[tajik.username]["lines"] == ["123"]
    assert found[tajik.username]["presence"] == "available"
    assert sorted(c["presence"] for c in found.values()) == ["available", "available", "busy", "offline"]
