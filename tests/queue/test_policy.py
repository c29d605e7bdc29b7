"""The serve order: urgency first, then how far past its target; untriaged calls count as medium."""

from hotline.queue.policy import Waiting, effective_rank, order


def call(sid: str, urgency: str | None, waited: float, now: float = 10_000.0) -> Waiting:
    return Waiting(sid, urgency, "tg", "123", now - waited)


def sids(entries, now: float = 10_000.0) -> list[str]:
    return [e.call_sid for e in order(entries, now)]


def test_urgency_decides_first():
    entries = [call("low", "low", 60), call("med", "medium", 60), call("crit", "critical", 1), call("high", "high", 5)]
    assert sids(entries) == ["crit", "high", "med", "low"]


def test_a_critical_call_jumps_calls_waiting_far_longer():
    assert sids([call("old-high", "high", 3000), call("old-med", "medium", 3000), call("crit", "critical", 0)])[0] == "crit"


def test_within_an_urgency_the_one_further_past_its_target_goes_first():
    assert sids([call("fresh", "medium", 10), call("older", "medium", 250)]) == ["older", "fresh"]


def test_a_medium_call_long_past_its_target_rises_above_a_fresh_high_one_but_never_to_critical():
    long_medium = call("long-medium", "medium", 2 * 300 + 5)
    assert sids([call("fresh-high", "high", 1), long_medium]) == ["long-medium", "fresh-high"]
    assert sids([call("crit", "critical", 0), long_medium])[0] == "crit"
    assert effective_rank(call("ancient-low", "low", 10 * 3600), 10_000.0) < effective_rank(call("c", "critical", 0), 10_000.0)


def test_a_low_call_is_not_forgotten():
    assert sids([call("fresh-med", "medium", 1), call("old-low", "low", 2 * 900 + 1)])[0] == "old-low"


def test_an_untriaged_call_is_served_as_medium():
    assert sids([call("low", "low", 100), call("untriaged", None, 10), call("high", "high", 1)]) == ["high", "untriaged", "low"]
    assert sids([call("untriaged", None, 10), call("med", "medium", 20)]) == ["med", "untriaged"]
