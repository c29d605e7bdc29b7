"""`/api/counselors`: a counselor sets their presence; supervisors see the floor."""

from typing import Annotated

from fastapi import APIRouter, Depends

from hotline.auth.dependencies import Counselor, require_roles
from hotline.auth.models import User
from hotline.counselors import service
from hotline.counselors.schemas import CounselorOut, PresenceIn
from hotline.counselors.skills import skills_of
from hotline.db import DbSession

router = APIRouter(prefix="/api/counselors", tags=["counselors"])
SupervisorUp = Annotated[User, Depends(require_roles("supervisor", "manager"))]


@router.put("/me/presence")
def set_my_presence(body: PresenceIn, user: Counselor) -> CounselorOut:
    found = service.set_presence(user_id=user.id, presence=body.presence, phone=body.phone)
    return CounselorOut.of(service.Counselor(user, found, skills_of(user)))


@router.get("")
def list_counselors(db_session: DbSession, user: SupervisorUp) -> list[CounselorOut]:
    return [CounselorOut.of(counselor) for counselor in service.list_counselors(db_session=db_session)]
