"""Retention: closed calls older than settings.retention_days lose their notes, transcripts and recordings."""

import logging
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from hotline.calls.models import Call
from hotline.db import transaction, utcnow
from hotline.privacy.scrub import scrub_calls
from hotline.settings import get_settings

log = logging.getLogger(__name__)
CLOSED = ("completed", "abandoned")
BATCH = 500


def anonymise_expired(*, days: int | None = None, batch: int = BATCH) -> dict[str, int]:
    """Anonymise every closed call that ended more than `days` ago, a batch per transaction; returns the counts."""
    days = get_settings().retention_days if days is None else days
    cutoff = utcnow() - timedelta(days=days)
    counts: Counter = Counter()
    last_id = 0
    while True:
        with transaction() as db_session:
            ids = list(db_session.scalars(
                select(Call.id).where(Call.status.in_(CLOSED), Call.id > last_id,
                                      func.coalesce(Call.ended_at, Call.created_at) < cutoff)
                .order_by(Call.id).limit(batch)))
            if not ids:
                break
            counts += scrub_calls(db_session, ids)
            counts["calls_examined"] += len(ids)
        last_id = ids[-1]
    log.info("retention: closed calls older than %d days anonymised: %s", days,
             ", ".join(f"{key}={value}" for key, value in sorted(counts.items())) or "nothing to remove")
    return dict(counts)
