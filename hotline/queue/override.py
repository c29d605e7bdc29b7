"""A counselor's or supervisor's override of urgency or category: changed, logged with who and why, reordered."""

from hotline.auth.models import User
from hotline.calls import service as calls
from hotline.calls.models import Call
from hotline.db import after_commit
from hotline.queue import service as waiting

REVIEWERS = ("supervisor", "manager", "admin")


class NotAllowed(Exception):
    """Only the counselor who took the call, or a supervisor and up, may override it."""


def may_override(user: User, call: Call) -> bool:
    return user.role in REVIEWERS or (user.role == "counselor" and call.counselor_id == user.id)


def override(*, db_session, call: Call, user: User, urgency: str | None, category: str | None,
             reason: str) -> Call:
    """Apply the override; the queue is reordered and a new critical alerts the floor once committed."""
    if not may_override(user, call):
        raise NotAllowed("only the counselor who took this call, or a supervisor, may override it")
    changes = _changes(call, urgency, category)
    before = {"urgency": call.urgency, "category": call.category}
    call.urgency = urgency or call.urgency
    call.category = category or call.category
    text = f"override by {user.username}: {', '.join(changes) or 'no change'}: {reason}"
    call.reasons = [*(call.reasons or []), text]
    calls.log_event(db_session=db_session, call=call, kind="override", input=user.username,
                    detail={"by": user.username, "user_id": user.id, "reason": reason, "before": before,
                            "after": {"urgency": call.urgency, "category": call.category}})
    if call.status == "queued" and urgency and not call.training:  # training calls are in no real queue
        call_sid = call.call_sid
        after_commit(db_session, lambda: waiting.reorder(call_sid, urgency))
        if urgency == "critical":
            after_commit(db_session, lambda: waiting.on_critical(call_sid))
    return call


def _changes(call: Call, urgency: str | None, category: str | None) -> list[str]:
    """'urgency high → critical', 'category x → y': what the override changes, for the reasons list."""
    found = []
    if urgency and urgency != call.urgency:
        found.append(f"urgency {call.urgency or 'untriaged'} → {urgency}")
    if category and category != call.category:
        found.append(f"category {call.category or 'none'} → {category}")
    return found
