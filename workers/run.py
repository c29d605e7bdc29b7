"""`hotline worker`: one RQ worker on every named queue, with the scheduler for timed jobs."""

from redis import Redis
from rq import Queue, SimpleWorker

from hotline.jobs import QUEUES
from hotline.settings import get_settings


def run_worker(*, burst: bool = False) -> int:
    """A SimpleWorker with the job modules imported once: forking a child per job cost 80 % of triage throughput.

    Blocking dequeues need a connection without the webhooks' short socket timeout.
    """
    import workers.escalation  # noqa: F401
    import workers.referrals  # noqa: F401
    import workers.retention  # noqa: F401
    import workers.sweep  # noqa: F401
    import workers.triage  # noqa: F401
    from hotline.privacy.redaction import install as install_log_redaction

    install_log_redaction()
    connection = Redis.from_url(get_settings().redis_url)
    worker = SimpleWorker([Queue(name, connection=connection) for name in QUEUES], connection=connection)
    worker.work(burst=burst, with_scheduler=True, logging_level="INFO")
    return 0
