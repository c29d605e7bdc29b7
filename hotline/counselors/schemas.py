"""What the counselors API accepts and returns."""

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from hotline.counselors.presence import PRESENCES
from hotline.counselors.service import Counselor

PresenceId = Literal[PRESENCES]


class PresenceIn(BaseModel):
    presence: PresenceId
    phone: str | None = Field(None, pattern=r"^\+?[0-9]{3,15}$", description="where to ring this counselor")


class CounselorOut(BaseModel):
    id: int
    username: str
    role: str
    presence: str
    since: datetime | None
    languages: list[str] = Field(description="empty means every language")
    lines: list[str] = Field(description="empty means both lines")

    @classmethod
    def of(cls, counselor: Counselor) -> "CounselorOut":
        since = counselor.presence.since
        return cls(id=counselor.user.id, username=counselor.user.username, role=counselor.user.role,
                   presence=counselor.presence.presence,
                   since=datetime.fromtimestamp(since, UTC) if since else None,
                   languages=list(counselor.skills.languages), lines=list(counselor.skills.lines))
