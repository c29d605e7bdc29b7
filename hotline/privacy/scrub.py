"""Removing a caller's words from the calls given: used by retention (old closed calls) and erasure (one caller).

What is removed: the call's transcript, the free-text answers (description, speech), spoken IVR inputs, and in
every table that points at a call (call_id) its note, notes, transcript(ion) and recording URL columns.
Counts are of values actually removed, so running twice removes nothing the second time.
"""

from collections import Counter
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from hotline.calls.models import Call, CallEvent
from hotline.schema import metadata

FREE_TEXT_ANSWERS = ("description", "speech", "text", "transcript")
TEXT_COLUMNS = ("note", "notes", "transcript", "transcription", "recording_url", "recording_sid")


def _linked_text_columns() -> list[tuple[Table, str]]:
    """(table, column) pairs of free text or recordings in tables that hang off a call."""
    found = []
    for table in metadata.sorted_tables:
        if table.name == "calls" or "call_id" not in table.c:
            continue
        found += [(table, name) for name in TEXT_COLUMNS if name in table.c]
    return found


def scrub_calls(db_session: Session, call_ids: list[int]) -> Counter:
    """Remove the free text and recordings of these calls; returns counts by what was removed."""
    counts: Counter = Counter()
    if not call_ids:
        return counts
    for call in db_session.scalars(select(Call).where(Call.id.in_(call_ids))):
        counts += _scrub_call(call)
    for event in db_session.scalars(select(CallEvent).where(CallEvent.call_id.in_(call_ids))):
        counts += _scrub_event(event)
    for table, name in _linked_text_columns():
        column = table.c[name]
        blank: Any = None if column.nullable else ""
        result = db_session.execute(update(table).where(table.c.call_id.in_(call_ids), column.is_not(None),
                                                        column != "").values({name: blank}))
        if result.rowcount:
            counts[f"{table.name}.{name}"] += result.rowcount
    db_session.flush()
    return counts


def _scrub_call(call: Call) -> Counter:
    counts: Counter = Counter()
    if call.transcript:
        call.transcript = None
        counts["calls.transcript"] += 1
    answers = dict(call.answers or {})
    removed = [key for key in FREE_TEXT_ANSWERS if answers.get(key)]
    if removed:
        call.answers = {key: value for key, value in answers.items() if key not in removed}
        counts["calls.answers"] += len(removed)
    return counts


def _scrub_event(event: CallEvent) -> Counter:
    """Spoken input (any letter in it) goes; keyed digits stay, they are the menu path."""
    counts: Counter = Counter()
    if event.input and any(ch.isalpha() for ch in event.input) and event.input != "call":
        event.input = None
        counts["call_events.input"] += 1
    detail = dict(event.detail or {})
    removed = [key for key in (*FREE_TEXT_ANSWERS, "speech_result", "SpeechResult") if detail.get(key)]
    if removed:
        event.detail = {key: value for key, value in detail.items() if key not in removed}
        counts["call_events.detail"] += len(removed)
    return counts
