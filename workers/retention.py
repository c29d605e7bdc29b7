"""The retention job: closed calls older than HOTLINE_RETENTION_DAYS lose notes, transcripts and recordings.

The clock (`hotline clock`, workers.sweep.run_clock) enqueues it once a day on the default queue; the counts of
what it removed are logged and kept as the job's result.
"""

from hotline.privacy.retention import anonymise_expired

INTERVAL_S = 24 * 3600
JOB = "workers.retention.run_retention"


def run_retention() -> dict[str, int]:
    return anonymise_expired()


def register(scheduler) -> None:
    """Add the daily retention run to the clock's cron scheduler."""
    scheduler.register(run_retention, "default", interval=INTERVAL_S, job_timeout=3600)
