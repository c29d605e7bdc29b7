"""`/api/calls/{call_sid}/flag` (counselors) and `/api/blocks` (supervisors): thin, the service does the work."""

from fastapi import APIRouter, HTTPException, Response, status

from hotline.auth.dependencies import Counselor, Supervisor
from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.db import DbSession, utcnow
from hotline.operations import blocks
from hotline.operations.schemas import BlockIn, BlockOut, FlagIn, FlagOut

router = APIRouter(prefix="/api", tags=["operations"])
FLAG_ANY_CALL = ("supervisor", "manager", "admin")


@router.post("/calls/{call_sid}/flag", status_code=status.HTTP_201_CREATED)
def flag_caller(call_sid: str, body: FlagIn, db_session: DbSession, user: Counselor) -> FlagOut:
    call = _call_with_caller(db_session, call_sid)
    if user.role not in FLAG_ANY_CALL and call.counselor_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="a counselor flags only the callers of calls they took")
    flag = blocks.flag(db_session=db_session, call=call, reason=body.reason, user=user)
    count = blocks.flag_count(db_session=db_session, caller_hash=call.caller_hash)
    return FlagOut.of(flag, call_sid=call.call_sid, count=count)


@router.get("/flags")
def list_flags(db_session: DbSession, user: Supervisor) -> list[FlagOut]:
    return [FlagOut.of(flag, call_sid=None) for flag in blocks.recent_flags(db_session=db_session)]


@router.post("/blocks", status_code=status.HTTP_201_CREATED)
def create_block(body: BlockIn, db_session: DbSession, user: Supervisor) -> BlockOut:
    caller_hash = body.caller_hash or _call_with_caller(db_session, body.call_sid).caller_hash
    block = blocks.block(db_session=db_session, caller_hash=caller_hash, days=body.days, reason=body.reason, user=user)
    return BlockOut.of(block, utcnow())


@router.get("/blocks")
def list_blocks(db_session: DbSession, user: Supervisor, all: bool = False) -> list[BlockOut]:
    now = utcnow()
    return [BlockOut.of(b, now) for b in blocks.list_blocks(db_session=db_session, include_ended=all)]


@router.delete("/blocks/{block_id}", status_code=status.HTTP_204_NO_CONTENT)
def lift_block(block_id: int, db_session: DbSession, user: Supervisor) -> Response:
    found = blocks.get_block(db_session=db_session, block_id=block_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no block {block_id}")
    blocks.lift(db_session=db_session, found=found, user=user)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _call_with_caller(db_session, call_sid: str) -> Call:
    call = calls.get(db_session=db_session, call_sid=call_sid)
    if call is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no call {call_sid}")
    if not call.caller_hash:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, detail="this call has no caller number to flag or block")
    return call
