"""`/api/audit`: managers read the audit log (newest first) and check its chain."""

from typing import Annotated

from fastapi import APIRouter, Query

from hotline.audit import service
from hotline.audit.schemas import AuditEntryOut, AuditPage
from hotline.auth.dependencies import Manager
from hotline.db import DbSession

router = APIRouter(prefix="/api/audit", tags=["audit"])


@router.get("")
def list_entries(db_session: DbSession, user: Manager, action: str | None = None, target: str | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 100,
                 before_seq: Annotated[int | None, Query(ge=1)] = None) -> AuditPage:
    entries = service.list_entries(db_session=db_session, action=action, target=target, limit=limit,
                                   before_seq=before_seq)
    return AuditPage(items=[AuditEntryOut.model_validate(entry) for entry in entries])


@router.get("/verify")
def verify(db_session: DbSession, user: Manager) -> AuditPage:
    verdict = service.verify(db_session=db_session)
    return AuditPage(items=[], chain_intact=verdict.intact, first_broken_seq=verdict.broken_seq)
