"""From a call entering the queue to its urgency being set, under load, with ONE `hotline worker` process.

Same run, same worker: (1) RQ's own ceiling, no-op jobs drained by the worker; (2) calls arriving at --rate a
second for --duration seconds, each put in the queue and its triage job enqueued exactly as the IVR does, with
the latency read from the database (triaged_at - queued_at); (3) the worker's triage throughput on a backlog.
Starts a private redis-server (or uses --redis-url) and a fresh SQLite file (or --database-url, migrated).

    python benchmarks/triage_latency.py [--duration 60] [--rate 50] [--backlog 1000]
"""

import argparse
import json
import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT.parent / "shared" / "triage" / "examples.jsonl"
FALLBACK_TEXTS = [("en", "he has a knife and says he will kill me"), ("ru", "мне очень тревожно и грустно"),
                  ("en", "what are your opening hours"), ("tg", "падарам маро мезанад")]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of arrivals (default 60)")
    parser.add_argument("--rate", type=float, default=50.0, help="new calls a second (default 50)")
    parser.add_argument("--backlog", type=int, default=1000, help="jobs for the throughput figures")
    parser.add_argument("--worker", choices=("hotline", "simple"), default="hotline",
                        help="hotline: the `hotline worker` command as shipped (forks a child per job); simple: the "
                             "same queues in one process without forking, job modules imported once (proposed)")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--redis-url", help="default: a private redis-server on a free port")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(args, tmp: Path) -> tuple[dict, list]:
    """HOTLINE_* for this process and the worker; the processes to stop at the end."""
    started = []
    redis_url = args.redis_url
    if not redis_url:
        port = free_port()
        started.append(subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
                                        stdout=subprocess.DEVNULL))
        redis_url = f"redis://127.0.0.1:{port}/0"
        time.sleep(0.5)
    env = {"HOTLINE_ENV": "development", "HOTLINE_REDIS_URL": redis_url,
           "HOTLINE_DATABASE_URL": args.database_url or f"sqlite:///{tmp / 'bench.db'}",
           "HOTLINE_VAR_DIR": str(tmp), "HOTLINE_REDIS_TIMEOUT_S": "5"}
    os.environ.update(env)
    return env, started


SIMPLE_WORKER = """
import workers.escalation, workers.sweep, workers.triage
from redis import Redis
from rq import Queue, SimpleWorker
from hotline.jobs import QUEUES
from hotline.settings import get_settings
connection = Redis.from_url(get_settings().redis_url)
SimpleWorker([Queue(n, connection=connection) for n in QUEUES], connection=connection).work(with_scheduler=True)
"""


def start_worker(env: dict, kind: str) -> subprocess.Popen:
    """One worker process: the shipped command, or the non-forking variant proposed for workers/run.py."""
    if kind == "simple":
        command = [sys.executable, "-c", SIMPLE_WORKER]
    else:
        command = [shutil.which("hotline", path=str(Path(sys.executable).parent)) or "hotline", "worker"]
    return subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def drain_time(queue_name: str, count: int, enqueue_all) -> float:
    """Seconds from the first enqueue until the worker has finished `count` jobs."""
    from rq.registry import FinishedJobRegistry

    from hotline.redis_conn import get_redis

    registry = FinishedJobRegistry(queue_name, connection=get_redis())
    before = registry.count
    start = time.perf_counter()
    enqueue_all()
    while registry.count - before < count:
        if time.perf_counter() - start > 600:
            raise SystemExit("the worker did not drain the jobs within 10 minutes")
        time.sleep(0.01)
    return time.perf_counter() - start


def noop_ceiling(count: int) -> float:
    """RQ's own ceiling on this machine: no-op jobs through the same worker."""
    from rq import Queue

    from hotline.redis_conn import get_redis

    queue = Queue("default", connection=get_redis())
    return count / drain_time("default", count, lambda: [queue.enqueue("math.sqrt", 4.0) for _ in range(count)])


def texts() -> list[tuple[str, str]]:
    if EXAMPLES.exists():
        rows = [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()]
        return [(row["language"], row["text"]) for row in rows]
    return FALLBACK_TEXTS


def new_call(index: int, sample: tuple[str, str], enqueue_job: bool = True) -> str:
    """A call reaching the queue as the IVR leaves it: committed, in Redis, its triage job enqueued."""
    from hotline.calls.models import Call
    from hotline.db import transaction, utcnow
    from hotline.jobs import enqueue
    from hotline.queue import service as waiting
    from hotline.queue.store import entry_for

    sid = f"CA{index:032d}"
    with transaction() as db_session:
        call = Call(call_sid=sid, line="123", language=sample[0], transcript=sample[1], status="queued",
                    answers={"skill": "general"}, reasons=[], queued_at=utcnow())
        db_session.add(call)
        db_session.flush()
        entry = entry_for(call)
    waiting.put_waiting(entry)
    if enqueue_job:
        enqueue("triage", "workers.triage.triage_call", sid, job_id=f"triage-{sid}")
    return sid


def arrivals(duration: float, rate: float, offset: int) -> tuple[list[str], float]:
    """Calls at a steady rate; returns their sids and the rate actually achieved."""
    samples, sids = texts(), []
    start = time.perf_counter()
    total = int(duration * rate)
    for i in range(total):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        sids.append(new_call(offset + i, samples[i % len(samples)]))
    return sids, total / (time.perf_counter() - start)


def latencies(sids: list[str], timeout: float = 120.0) -> list[float]:
    """Seconds from queued to triaged for each call, once all are triaged."""
    from sqlalchemy import select

    from hotline.calls.models import Call
    from hotline.db import transaction

    deadline = time.time() + timeout
    while True:
        with transaction() as db_session:
            rows = db_session.execute(select(Call.queued_at, Call.triaged_at).where(Call.call_sid.in_(sids))).all()
        done = [row for row in rows if row.triaged_at]
        if len(done) == len(sids) or time.time() > deadline:
            return sorted((row.triaged_at - row.queued_at).total_seconds() for row in done)
        time.sleep(0.5)


def triage_throughput(count: int, offset: int) -> float:
    from hotline.jobs import queue

    samples = texts()
    sids = [new_call(offset + i, samples[i % len(samples)], enqueue_job=False) for i in range(count)]
    triage = queue("triage")
    return count / drain_time("triage", count, lambda: [
        triage.enqueue("workers.triage.triage_call", sid, job_id=f"triage-{sid}") for sid in sids])


def pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, max(0, int(round(q * len(values))) - 1))] if values else float("nan")


def main() -> int:
    args = parse()
    tmp = Path(tempfile.mkdtemp(prefix="hotline-bench-"))
    env, started = environment(args, tmp)
    from hotline.migrate import upgrade

    upgrade()
    worker = start_worker(env, args.worker)
    print(f"worker: {args.worker}")
    try:
        time.sleep(2)  # the worker registers and imports
        ceiling = noop_ceiling(args.backlog)
        print(f"RQ ceiling (no-op jobs, same worker):       {ceiling:8.1f} jobs/s")
        sids, achieved = arrivals(args.duration, args.rate, 0)
        found = latencies(sids)
        print(f"arrivals: {len(sids)} calls over {args.duration:.0f} s at {achieved:.1f}/s (asked {args.rate:.0f}/s), "
              f"{len(found)} triaged")
        print(f"queue -> urgency set: p50 {pct(found, .5) * 1000:.0f} ms  p95 {pct(found, .95) * 1000:.0f} ms  "
              f"p99 {pct(found, .99) * 1000:.0f} ms  max {found[-1] * 1000 if found else float('nan'):.0f} ms  "
              f"(target p99 < 1000 ms)")
        throughput = triage_throughput(args.backlog, len(sids))
        print(f"triage throughput (backlog, same worker):   {throughput:8.1f} jobs/s = {throughput / ceiling:.0%} of the "
              f"RQ ceiling")
        ok = len(found) == len(sids) and pct(found, .99) < 1.0
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        worker.terminate()
        worker.wait(timeout=10)
        for process in started:
            process.terminate()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
