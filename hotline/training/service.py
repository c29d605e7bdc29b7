"""Training calls: made from a scenario for one trainee, triaged like real ones, never queued with them, debriefed."""

from dataclasses import dataclass
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.models import Call, CallEvent
from hotline.cases.schemas import OutcomeIn
from hotline.db import utcnow
from hotline.training.scenarios import Scenario, load
from hotline.triage.service import TriageResult, classify

ATTEMPT = "training-attempt"
TRAINERS = ("supervisor", "admin")
RECENT = 20


class TrainingError(ValueError):
    """A training step that cannot be taken now; the message says why."""


def new_sid() -> str:
    """A CallSid no real call can have: Twilio's start with CA."""
    return "TR" + secrets.token_hex(16)


def triage(scenario: Scenario) -> TriageResult:
    """What triage makes of the scripted call, exactly as for a real one."""
    return classify(answers=scenario.answers, text=scenario.text, language=scenario.language, line=scenario.line)


def start(*, db_session: Session, user: User, scenario_id: str) -> Call:
    """A simulated call of this scenario, waiting for this trainee alone (in no real queue), already triaged."""
    scenario = load().get(scenario_id)
    if scenario is None:
        raise TrainingError(f"no scenario {scenario_id}")
    result, now = triage(scenario), utcnow()
    call = Call(call_sid=new_sid(), training=True, line=scenario.line, language=scenario.language,
                region=scenario.region, status="queued", counselor_id=user.id, urgency=result.urgency,
                category=result.category, reasons=list(result.reasons), transcript=scenario.text,
                answers={**scenario.answers, "scenario": scenario.id}, created_at=now, queued_at=now, triaged_at=now)
    db_session.add(call)
    db_session.flush()
    calls.log_event(db_session=db_session, call=call, kind="training", input=scenario.id, dedupe_key="start")
    return call


def take(*, db_session: Session, call: Call, user: User) -> Call:
    """The trainee answers their waiting training call."""
    if not call.training or call.counselor_id != user.id:
        raise TrainingError("this is not one of your training calls")
    if call.status != "queued":
        raise TrainingError("this training call has been taken already")
    calls.mark_connected(call=call, counselor_id=user.id)
    return call


def record_attempt(*, db_session: Session, call: Call, outcome: OutcomeIn, user: User) -> None:
    """Keep what the trainee recorded (no contact record, no referral is sent) and end the training call."""
    if not call.training:
        raise TrainingError("only a training call takes a training answer")
    calls.log_event(db_session=db_session, call=call, kind=ATTEMPT, input=user.username, dedupe_key=ATTEMPT,
                    detail=outcome.model_dump(mode="json"))
    call.status, call.ended_at = "completed", call.ended_at or utcnow()


def attempt_of(*, db_session: Session, call: Call) -> dict | None:
    return db_session.scalar(select(CallEvent.detail).where(CallEvent.call_id == call.id, CallEvent.kind == ATTEMPT))


def recent(*, db_session: Session, user: User) -> list[tuple[Call, str]]:
    """The latest training calls with their trainee: a trainee's own, every trainee's for supervisors (trainers)."""
    query = (select(Call, User.username).join(User, User.id == Call.counselor_id).where(Call.training.is_(True))
             .order_by(Call.id.desc()).limit(RECENT))
    if user.role not in TRAINERS:
        query = query.where(Call.counselor_id == user.id)
    return [(call, username) for call, username in db_session.execute(query)]


@dataclass(frozen=True)
class Debrief:
    """The trainee's handling beside triage's and the experienced counselor's."""

    scenario: Scenario
    triage: TriageResult
    attempt: dict | None
    final_urgency: str | None
    referral_types: tuple[str, ...]
    matches: dict[str, bool]


def _referral_types(db_session: Session, asked: list[dict]) -> tuple[str, ...]:
    """The partner types the trainee referred to, a chosen partner counted as its type."""
    from hotline.referrals.models import Partner

    ids = [r["partner_id"] for r in asked if r.get("partner_id")]
    by_id = dict(db_session.execute(select(Partner.id, Partner.type).where(Partner.id.in_(ids))).all()) if ids else {}
    kinds = [r.get("partner_type") or by_id.get(r.get("partner_id")) for r in asked]
    return tuple(dict.fromkeys(kind for kind in kinds if kind))


def debrief(*, db_session: Session, call: Call) -> Debrief:
    scenario = load().get((call.answers or {}).get("scenario", ""))
    if scenario is None:
        raise TrainingError("the scenario of this training call is no longer in the scenarios file")
    attempt = attempt_of(db_session=db_session, call=call)
    kinds = _referral_types(db_session, (attempt or {}).get("referrals", []))
    expert = scenario.expert
    matches = {"urgency": call.urgency == expert.urgency,
               "category": bool(attempt) and attempt["category"] == expert.category,
               "referrals": set(kinds) == set(expert.referrals)}
    return Debrief(scenario, triage(scenario), attempt, call.urgency, kinds, matches)
