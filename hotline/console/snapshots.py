"""What the live parts of the pages show, as plain JSON: a counselor's queue, and the supervisor's wallboard."""

from datetime import datetime
import time

from redis.exceptions import RedisError
from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.calls.models import Call
from hotline.counselors import service as counselors
from hotline.counselors.skills import skills_of
from hotline.queue import service as waiting
from hotline.queue.policy import ANSWER_TARGET_S, Waiting
from hotline.referrals import service as referrals
from hotline.reports import kpis, periods, rows
from hotline.reports.schemas import ReportFilters
from hotline.triage.scale import URGENCIES

CRITICAL_SHOWN = 20
RECENT_SHOWN = 15


def queue_snapshot(*, db_session: Session, user: User, now: float | None = None) -> dict:
    """The real waiting calls (which this counselor may take marked), their presence, and their training calls."""
    now = time.time() if now is None else now
    try:
        items, available = waiting.waiting_items(db_session=db_session, now=now), True
    except (RedisError, OSError):
        items, available = [], False
    skills = skills_of(user)
    calls = [{**item.model_dump(), "mine": skills.can_take(_entry(item, now))} for item in items]
    return {"at": now, "queue_available": available, "calls": calls,
            "presence": presence_of(user),
            "training": training_waiting(db_session=db_session, user=user)}


def presence_of(user: User) -> str:
    """The counselor's presence; unknown (shown as offline) while Redis is down."""
    try:
        return counselors.get_presence(user_id=user.id).presence
    except (RedisError, OSError):
        return "offline"


def _entry(item, now: float) -> Waiting:
    return Waiting(item.call_sid, item.urgency, item.language, item.line, now - item.waiting_seconds)


def training_waiting(*, db_session: Session, user: User) -> list[dict]:
    """This trainee's simulated calls waiting to be taken: never part of the real queue."""
    found = db_session.scalars(select(Call).where(Call.training.is_(True), Call.counselor_id == user.id,
                                                  Call.status == "queued").order_by(Call.id))
    return [{"call_sid": c.call_sid, "urgency": c.urgency, "language": c.language, "line": c.line,
             "scenario": (c.answers or {}).get("scenario")} for c in found]


def wallboard_snapshot(*, db_session: Session, now: float | None = None) -> dict:
    """Waiting calls by urgency against targets, the floor, today's service level and today's critical calls."""
    now = time.time() if now is None else now
    try:
        items, available = waiting.waiting_items(db_session=db_session, now=now), True
    except (RedisError, OSError):
        items, available = [], False
    return {"at": now, "queue_available": available, "by_urgency": by_urgency(items),
            "counselors": floor(db_session=db_session, now=now), "today": today(db_session=db_session),
            "critical": critical_today(db_session=db_session), "recent": recent_calls(db_session=db_session)}


def by_urgency(items: list) -> list[dict]:
    """Per urgency (untriaged counted as medium): how many wait, the longest wait, its target, how many are late."""
    table = []
    for urgency in reversed(URGENCIES):
        mine = [item for item in items if (item.urgency or "medium") == urgency]
        table.append({"urgency": urgency, "waiting": len(mine), "target_seconds": ANSWER_TARGET_S[urgency],
                      "longest_seconds": max((item.waiting_seconds for item in mine), default=0),
                      "late": sum(1 for item in mine if item.overdue)})
    return table


def floor(*, db_session: Session, now: float) -> list[dict]:
    """Staff who take calls and their presence; empty while Redis is down."""
    try:
        found = counselors.list_counselors(db_session=db_session)
    except (RedisError, OSError):
        return []
    return [{"username": c.user.username, "role": c.user.role, "presence": c.presence.presence,
             "for_seconds": int(now - c.presence.since) if c.presence.since else None}
            for c in found]


def today(*, db_session: Session) -> dict:
    """Today's (local day) answered and abandoned calls and service levels, from the reports' own figures."""
    day = periods.local(periods.utcnow()).date()
    found = rows.load(db_session=db_session, filters=ReportFilters(), period=periods.between_days(day, day))
    figures = kpis.headline(found)
    return {key: figures[key] for key in ("calls", "answered", "abandoned", "service_level_15s",
                                          "service_level_20s", "average_speed_of_answer_s")}


def critical_today(*, db_session: Session) -> list[dict]:
    """Today's critical real calls, newest first, each with its referrals' partner type and state."""
    day = periods.local(periods.utcnow()).date()
    start = periods.between_days(day, day).start
    found = list(db_session.scalars(select(Call).where(
        Call.urgency == "critical", Call.training.is_(False), Call.created_at >= start)
        .order_by(Call.created_at.desc()).limit(CRITICAL_SHOWN)))
    made = referrals.for_calls(db_session=db_session, call_ids=[c.id for c in found])
    return [{"call_sid": c.call_sid, "line": c.line, "status": c.status, "category": c.category,
             "created_at": _iso(c.created_at),
             "referrals": [{"code": r.code, "partner_type": r.partner_type, "status": r.status}
                           for r in made if r.call_id == c.id]} for c in found]


def recent_calls(*, db_session: Session) -> list[dict]:
    """The latest real calls, newest first, for the supervisor to open any call screen."""
    found = db_session.scalars(select(Call).where(Call.training.is_(False))
                               .order_by(Call.created_at.desc(), Call.id.desc()).limit(RECENT_SHOWN))
    return [{"call_sid": c.call_sid, "line": c.line, "language": c.language, "status": c.status,
             "urgency": c.urgency, "category": c.category, "created_at": _iso(c.created_at)} for c in found]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
