"""Server-sent events: a counselor's queue every second, the wallboard every two; a stream ends with its session."""

import asyncio
from collections.abc import AsyncIterator, Callable
import json

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from hotline.auth import service as auth
from hotline.console import snapshots
from hotline.console.web import FloorPage, SupervisorPage
from hotline.db import transaction
from hotline.web import session

router = APIRouter(tags=["pages"], include_in_schema=False)
QUEUE_EVERY_S = 1.0
WALLBOARD_EVERY_S = 1.5
RETRY_MS = 2000
Limit = Query(None, ge=1, le=10000, description="stop after this many snapshots (tests, scripts)")


def _snapshot(secret: str, build: Callable) -> dict | None:
    """One snapshot in a transaction of its own; None once the session has expired or been revoked."""
    with transaction() as db_session:
        token = auth.token_for_secret(db_session=db_session, secret=secret)
        return None if token is None else build(db_session, token.user)


async def _events(request: Request, kind: str, build: Callable, every_s: float,
                  limit: int | None) -> AsyncIterator[str]:
    secret = session.unsign(request.cookies.get(session.SESSION_COOKIE)) or ""
    yield f"retry: {RETRY_MS}\n\n"
    sent = 0
    while limit is None or sent < limit:
        found = await run_in_threadpool(_snapshot, secret, build)
        if found is None:
            yield "event: signed-out\ndata: {}\n\n"
            return
        yield f"event: {kind}\ndata: {json.dumps(found, default=str)}\n\n"
        sent += 1
        if limit is not None and sent >= limit:
            return
        await asyncio.sleep(every_s)
        if await request.is_disconnected():
            return


def _stream(events: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(events, media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.get("/console/events")
def queue_events(request: Request, page_user: FloorPage, limit: int | None = Limit) -> StreamingResponse:
    """The waiting calls, this counselor's presence and training calls, as `queue` events."""
    def build(db_session, user):
        return snapshots.queue_snapshot(db_session=db_session, user=user)
    return _stream(_events(request, "queue", build, QUEUE_EVERY_S, limit))


@router.get("/wallboard/events")
def wallboard_events(request: Request, page_user: SupervisorPage, limit: int | None = Limit) -> StreamingResponse:
    """The wallboard's figures, as `wallboard` events."""
    def build(db_session, user):
        return snapshots.wallboard_snapshot(db_session=db_session)
    return _stream(_events(request, "wallboard", build, WALLBOARD_EVERY_S, limit))
