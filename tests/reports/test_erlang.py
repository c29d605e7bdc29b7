"""Erlang C against the published table for 10 erlangs (100 calls in 30 min, 180 s handle time, 20 s target)."""

from math import factorial

import pytest

from hotline.reports import erlang

# counselors: (probability of waiting, service level within 20 s, average speed of answer in s)
KNOWN = {11: (0.6821, 0.3896, 122.8), 12: (0.4494, 0.6402, 40.4), 13: (0.2853, 0.7956, 17.1),
         14: (0.1741, 0.8884, 7.8), 15: (0.1020, 0.9415, 3.7)}


def textbook_erlang_c(agents: int, traffic: float) -> float:
    top = traffic ** agents / factorial(agents) * agents / (agents - traffic)
    return top / (sum(traffic ** k / factorial(k) for k in range(agents)) + top)


@pytest.mark.parametrize("agents", sorted(KNOWN))
def test_erlang_c_matches_the_published_values(agents):
    waiting, level, asa = KNOWN[agents]
    assert erlang.erlang_c(agents, 10.0) == pytest.approx(waiting, abs=5e-5)
    assert erlang.service_level(agents=agents, traffic=10.0, handle_s=180, answer_s=20) == pytest.approx(level, abs=5e-5)
    assert erlang.average_speed_of_answer(agents=agents, traffic=10.0, handle_s=180) == pytest.approx(asa, abs=0.05)


@pytest.mark.parametrize("agents, traffic", [(1, 0.5), (3, 2.2), (20, 17.3), (60, 50.0)])
def test_the_recursion_agrees_with_the_factorial_formula(agents, traffic):
    assert erlang.erlang_c(agents, traffic) == pytest.approx(textbook_erlang_c(agents, traffic), rel=1e-9)


def test_counselors_needed_is_the_first_to_meet_the_target():
    assert erlang.agents_needed(calls_per_hour=200, handle_s=180, answer_s=20, target=0.8) == 14
    assert erlang.agents_needed(calls_per_hour=200, handle_s=180, answer_s=20, target=0.9) == 15
    assert erlang.agents_needed(calls_per_hour=200, handle_s=180, answer_s=15, target=0.9) == 15


def test_no_calls_need_no_counselor_and_overload_means_everyone_waits():
    assert erlang.agents_needed(calls_per_hour=0, handle_s=600) == 0
    assert erlang.agents_needed(calls_per_hour=0.5, handle_s=600) == 1
    assert erlang.erlang_c(5, 5.0) == 1.0 and erlang.service_level(agents=4, traffic=5.0, handle_s=60, answer_s=15) == 0


def test_a_bad_handle_time_is_refused():
    with pytest.raises(ValueError):
        erlang.agents_needed(calls_per_hour=10, handle_s=0)
