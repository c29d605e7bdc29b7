"""Changes to staff accounts and partners are audited wherever they are made: a before_flush hook on every session."""

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from hotline.audit import service
from hotline.auth.models import User

# per tracked class: the audit name, the attribute naming the record, and the fields whose values may be logged
TRACKED: dict[type, tuple[str, str, tuple[str, ...]]] = {
    User: ("user", "username", ("username", "role", "languages", "lines", "active")),
}
SECRET_FIELDS = {"password_hash"}  # a change is logged, its value never


def track(model: type, name: str, label: str, fields: tuple[str, ...]) -> None:
    """Audit creation, changes and removal of this model's rows."""
    TRACKED[model] = (name, label, fields)


def _changes(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        if attr.key in SECRET_FIELDS:
            changed[attr.key] = "changed"
        elif attr.key in fields:
            changed[attr.key] = {"from": history.deleted[0] if history.deleted else None,
                                 "to": history.added[0] if history.added else None}
    return changed


def _pending(session: Session) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for verb, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in list(objects):
            spec = TRACKED.get(type(obj))
            if spec is None:
                continue
            name, label, fields = spec
            detail = _changes(obj, fields) if verb != "delete" else {}
            if verb == "update" and not detail:
                continue
            if verb == "create":
                detail = {key: getattr(obj, key, None) for key in fields}
            found.append((f"{name}.{verb}", f"{name}:{getattr(obj, label, None)}", detail))
    return found


@event.listens_for(Session, "before_flush")
def _audit_tracked_changes(session: Session, _flush_context, _instances) -> None:
    pending = _pending(session)
    if not pending:
        return
    tip = None
    for action, target, detail in pending:
        entry = service.build(session, action=action, target=target, detail=detail, after=tip)
        session.add(entry)
        tip = (entry.seq, entry.hash)


def track_partners() -> None:
    """Partners, once the referrals domain is installed."""
    try:
        from hotline.referrals.models import Partner
    except ImportError:  # pragma: no cover - the referrals domain is optional
        return
    track(Partner, "partner", "key", ("key", "name", "type", "region", "district", "phone", "hours", "active",
                                      "webhook_url", "capacity"))


track_partners()
