"""The order of the waiting calls: by urgency, then by how far each is past its answer target."""

from dataclasses import dataclass

URGENCY_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}
ANSWER_TARGET_S = {"critical": 0, "high": 60, "medium": 300, "low": 900}
AGING_TARGETS = 1.5  # targets waited per level of aging
UNTRIAGED = "medium"  # a call not yet classified is treated as at least medium: silence is not safety


@dataclass(frozen=True)
class Waiting:
    call_sid: str
    urgency: str | None
    language: str | None
    line: str
    enqueued_at: float
    skill: str = ""

    def waited(self, now: float) -> float:
        return max(0.0, now - self.enqueued_at)

    @property
    def level(self) -> str:
        return self.urgency if self.urgency in URGENCY_RANK else UNTRIAGED


def effective_rank(entry: Waiting, now: float) -> int:
    """Urgency rank, raised one level for every one and a half targets a call has waited, so nobody waits unseen forever.

    1.5 (not 2) keeps a low call within three times its target on a floor below capacity (benchmarks/queue_policy.py).

    Aging never lifts a call to critical: critical always means danger now.
    """
    rank = URGENCY_RANK[entry.level]
    if entry.level == "critical":
        return rank
    promotions = int(entry.waited(now) // (AGING_TARGETS * ANSWER_TARGET_S[entry.level]))
    return min(rank + promotions, URGENCY_RANK["high"])


def overdue_ratio(entry: Waiting, now: float) -> float:
    target = ANSWER_TARGET_S[entry.level] or 1
    return entry.waited(now) / target


def order(entries: list[Waiting], now: float) -> list[Waiting]:
    return sorted(entries, key=lambda e: (-effective_rank(e, now), -overdue_ratio(e, now), e.enqueued_at))
