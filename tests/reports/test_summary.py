"""`GET /api/reports/summary` against the known simulated day, call by call."""

import pytest

from tests.auth.helpers import login
from tests.reports.helpers import DAY_RANGE


def summary(client, headers, **params):
    response = client.get("/api/reports/summary", params={**DAY_RANGE, **params}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_headline_figures_match_the_day(client, day, manager):
    figures = summary(client, manager)
    assert figures["calls"] == 10  # the call three days before is not counted
    assert figures["answered"] == 7 and figures["abandoned"] == 2 and figures["offered"] == 9
    assert figures["abandonment_rate"] == pytest.approx(2 / 9, abs=1e-4)
    # answer times 5, 12, 18, 25, 15, 70, 3 s: four within 15 s (15 itself counts), five within 20 s
    assert figures["service_level_15s"] == pytest.approx(4 / 7, abs=1e-4)
    assert figures["service_level_20s"] == pytest.approx(5 / 7, abs=1e-4)
    assert figures["average_speed_of_answer_s"] == pytest.approx(148 / 7, abs=0.05)
    assert figures["longest_answer_s"] == 70
    assert figures["average_handle_s"] == pytest.approx(5220 / 7, abs=0.05)


def test_splits_match_the_day(client, day, manager):
    figures = summary(client, manager)
    assert figures["by_line"] == {"123": 7, "1480": 3}
    assert figures["by_urgency"] == {"critical": 2, "high": 2, "low": 1, "medium": 4, "unknown": 1}
    assert figures["by_region"] == {"dushanbe": 3, "drs": 1, "gbao": 1, "khatlon": 1, "sughd": 2, "unknown": 2}
    assert figures["by_language"] == {"en": 1, "fa": 1, "ru": 2, "tg": 4, "unknown": 1, "uz": 1}
    assert figures["by_category"]["mental_health"] == 2 and sum(figures["by_category"].values()) == 10
    assert {hour: n for hour, n in figures["by_hour"].items() if n} == {
        "8": 2, "9": 2, "10": 2, "13": 2, "18": 1, "22": 1}  # Dushanbe time
    assert figures["by_weekday_hour"][0][8] == 2 and sum(map(sum, figures["by_weekday_hour"])) == 10


def test_counselors_and_urgency_targets(client, day, manager):
    figures = summary(client, manager)
    a, b = (day.counselors[key].username for key in "AB")
    assert figures["by_counselor"][a] == {"answered": 4, "average_speed_of_answer_s": 8.8,  # 35 / 4 = 8.75
                                          "average_handle_s": 630.0}
    assert figures["by_counselor"][b]["answered"] == 3
    assert figures["by_counselor"][b]["average_handle_s"] == 900.0
    targets = figures["answer_time_by_urgency"]
    assert targets["critical"] == {"target_s": 30, "answered": 2, "within_target": 2, "share_within_target": 1.0,
                                   "average_speed_of_answer_s": 4.0}
    assert (targets["high"]["answered"], targets["medium"]["answered"], targets["low"]["answered"]) == (1, 3, 1)


def test_overrides_callbacks_repeat_callers_and_referrals(client, day, manager):
    figures = summary(client, manager)
    assert figures["overrides"] == {"overrides": 1, "calls_overridden": 1, "urgency_raised": 1,
                                    "urgency_lowered": 0, "category_only": 0}
    assert figures["callbacks"]["owed"] == 1 and figures["callbacks"]["by_reason"] == {"abandoned": 1}
    # X calls at 08:05 and 09:10; Y called three days before the day
    assert figures["repeat_callers"] == {"callers": 8, "repeat_calls_24h": 1, "repeat_calls_7d": 2,
                                         "repeat_callers_7d": 2}
    referrals = figures["referrals"]
    assert (referrals["referrals"], referrals["sent"], referrals["acknowledged"], referrals["completed"]) == (2, 2, 1, 1)
    assert referrals["average_time_to_acknowledge_s"] == 120.0


def test_filters_narrow_every_figure(client, day, manager):
    figures = summary(client, manager, line="1480")
    assert (figures["calls"], figures["answered"], figures["abandoned"]) == (3, 3, 0)
    assert figures["service_level_20s"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary(client, manager, outcome="counseled")["calls"] == 1
    counselor_a = day.counselors["A"].id
    assert summary(client, manager, counselor=counselor_a)["answered"] == 4


def test_an_empty_range_has_no_rates(client, manager):
    figures = summary(client, manager)
    assert figures["calls"] == 0 and figures["service_level_15s"] is None and figures["by_line"] == {}


@pytest.mark.parametrize("params, field", [({"from": "yesterday"}, "from"), ({"to": "2025-13-01"}, "to"),
                                           ({"from": "2025-03-04", "to": "2025-03-03"}, "to")])
def test_bad_dates_are_422_naming_the_field(client, manager, params, field):
    response = client.get("/api/reports/summary", params=params, headers=manager)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == [field]


@pytest.mark.parametrize("role, code", [("counselor", 403), ("supervisor", 403), ("admin", 200)])
def test_only_managers_and_admins_read_reports(client, role, code):
    _, headers = login(client, role)
    assert client.get("/api/reports/summary", headers=headers).status_code == code


def test_no_token_is_401(client):
    assert client.get("/api/reports/summary").status_code == 401
