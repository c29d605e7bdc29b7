"""Erlang C: the chance a caller waits, the service level and the counselors needed, for a given traffic.

traffic (erlangs) = calls per hour × handle time (s) / 3600. With N counselors and traffic A < N:
P(wait) = C(N, A) = (A^N / N!) · N/(N−A) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)), computed through the
Erlang B recursion to stay stable for large N; service level within t = 1 − C · e^(−(N−A)·t/handle).
"""

from math import exp, isfinite

MAX_AGENTS = 1000


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability of `agents` servers with `traffic` erlangs (no queue)."""
    blocking = 1.0
    for k in range(1, agents + 1):
        blocking = traffic * blocking / (k + traffic * blocking)
    return blocking


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a call has to wait; 1 when the counselors cannot keep up (N ≤ A)."""
    if traffic <= 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    blocking = erlang_b(agents, traffic)
    return agents * blocking / (agents - traffic * (1 - blocking))


def service_level(*, agents: int, traffic: float, handle_s: float, answer_s: float) -> float:
    """Share of calls answered within answer_s."""
    if traffic <= 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    return 1 - erlang_c(agents, traffic) * exp(-(agents - traffic) * answer_s / handle_s)


def average_speed_of_answer(*, agents: int, traffic: float, handle_s: float) -> float:
    """Mean wait over all calls, in seconds (infinite when N ≤ A)."""
    if traffic <= 0:
        return 0.0
    if agents <= traffic:
        return float("inf")
    return erlang_c(agents, traffic) * handle_s / (agents - traffic)


def traffic_of(*, calls_per_hour: float, handle_s: float) -> float:
    return calls_per_hour * handle_s / 3600


def agents_needed(*, calls_per_hour: float, handle_s: float, answer_s: float = 15,
                  target: float = 0.9) -> int:
    """The fewest counselors that answer `target` of the calls within answer_s (0 when no calls come)."""
    if calls_per_hour <= 0:
        return 0
    if handle_s <= 0 or not isfinite(calls_per_hour):
        raise ValueError("handle time must be positive and the volume finite")
    traffic = traffic_of(calls_per_hour=calls_per_hour, handle_s=handle_s)
    agents = max(1, int(traffic) + 1)
    while service_level(agents=agents, traffic=traffic, handle_s=handle_s, answer_s=answer_s) < target:
        agents += 1
        if agents > MAX_AGENTS:
            raise ValueError(f"more than {MAX_AGENTS} counselors would be needed")
    return agents
