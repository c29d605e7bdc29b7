"""Counselors as the floor sees them: who is on, in what state, and which calls they can take."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.auth.models import User
from hotline.counselors import presence as store
from hotline.counselors.presence import Presence
from hotline.counselors.skills import Skills, skills_of
from hotline.redis_conn import get_redis

TAKES_CALLS = ("counselor", "supervisor")


@dataclass(frozen=True)
class Counselor:
    user: User
    presence: Presence
    skills: Skills


def set_presence(*, user_id: int, presence: str, phone: str | None = None) -> Presence:
    return store.set_presence(get_redis(), user_id, presence, phone)


def get_presence(*, user_id: int) -> Presence:
    return store.get_presence(get_redis(), user_id)


def list_counselors(*, db_session: Session) -> list[Counselor]:
    """Active staff who take calls, with their live presence."""
    users = list(db_session.scalars(
        select(User).where(User.role.in_(TAKES_CALLS), User.active.is_(True)).order_by(User.username)))
    found = store.presences(get_redis(), [user.id for user in users])
    return [Counselor(user, found[user.id], skills_of(user)) for user in users]


def available(*, db_session: Session) -> list[Counselor]:
    return [c for c in list_counselors(db_session=db_session) if c.presence.presence == "available"]
