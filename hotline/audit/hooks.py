"""A route-level dependency that audits reads of call records and exports, attached to routers in the app.

The route's own auth dependency names the reader (hotline.auth.service.token_for_secret sets the actor on the
session), so this works for bearer tokens and page sessions alike, and the domain views stay as they are.
"""

from collections.abc import Iterator

from fastapi import HTTPException, Request

from hotline.audit import service
from hotline.db import DbSession, transaction

EXPORT_SUFFIXES = (".csv", ".xlsx", ".json", ".pdf")


def action_for(route_path: str) -> str | None:
    """What a GET of this route template reads, in audit words; None for aggregates that name nobody."""
    if "{call_sid}" in route_path:
        return "call.read"
    if "/export" in route_path or route_path.endswith(EXPORT_SUFFIXES):
        return "export"
    if route_path.rstrip("/").endswith("/calls"):
        return "call.list"
    return None


def audit_access(request: Request, db_session: DbSession) -> Iterator[None]:
    """Log a successful read with its reader; a refused one (403) too, in a transaction of its own."""
    route = request.scope.get("route")
    action = action_for(getattr(route, "path", "")) if request.method == "GET" else None
    call_sid = request.path_params.get("call_sid")
    target = f"call:{call_sid}" if call_sid else request.url.path
    try:
        yield
    except HTTPException as exc:
        if action and exc.status_code == 403:
            _record_apart(db_session.info.get(service.ACTOR_KEY), f"{action}.refused", target)
        raise
    if action:
        detail = {"query": dict(request.query_params)} if request.query_params else {}
        service.record(db_session=db_session, action=action, target=target, detail=detail)


def _record_apart(actor: tuple[int | None, str] | None, action: str, target: str) -> None:
    with transaction() as db_session:
        if actor:
            service.set_actor(db_session, user_id=actor[0], username=actor[1])
        service.record(db_session=db_session, action=action, target=target)


AUDITED_PREFIXES = ("/api/calls", "/api/reports")


def for_router(router) -> list:
    """The dependencies to include a router with: the read audit for the call and report APIs, none elsewhere."""
    from fastapi import Depends

    return [Depends(audit_access)] if getattr(router, "prefix", "") in AUDITED_PREFIXES else []
