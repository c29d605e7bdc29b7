"""Sub-commands of `hotline` that belong to no single domain: the database, the web server, the worker."""

import argparse
from pathlib import Path


def register_all(subparsers) -> None:
    from hotline.audit.cli import register as register_audit
    from hotline.auth.cli import register as register_users
    from hotline.ivr.cli import register as register_flows
    from hotline.privacy.cli import register as register_privacy
    from hotline.privacy.redaction import install as install_log_redaction
    from hotline.referrals.cli import register as register_referrals
    from hotline.simulate.cli import register as register_simulate
    from hotline.training.cli import register as register_training
    from hotline.triage.cli import register as register_triage

    install_log_redaction()
    _register_db(subparsers)
    _register_serve(subparsers)
    _register_worker(subparsers)
    register_users(subparsers)
    register_flows(subparsers)
    register_triage(subparsers)
    register_simulate(subparsers)
    register_referrals(subparsers)
    register_audit(subparsers)
    register_privacy(subparsers)
    register_training(subparsers)


def _register_db(subparsers) -> None:
    db = subparsers.add_parser("db", help="the database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True, parser_class=type(db))
    upgrade = db_commands.add_parser("upgrade", help="create or migrate the schema (Alembic)")
    upgrade.set_defaults(func=_db_upgrade)


def _db_upgrade(args: argparse.Namespace) -> int:
    from hotline.migrate import upgrade
    from hotline.settings import get_settings

    upgrade()
    print(f"database is up to date: {_safe_url(get_settings().database_url)}")
    return 0


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _register_serve(subparsers) -> None:
    serve = subparsers.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="web processes")
    serve.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hotline.app import check_startup

    check_startup()  # fail with one line before uvicorn starts
    uvicorn.run("hotline.asgi:app", host=args.host, port=args.port, workers=args.workers,
                log_level="info", proxy_headers=True)
    return 0


def _register_worker(subparsers) -> None:
    worker = subparsers.add_parser("worker", help="run the RQ worker for every queue")
    worker.add_argument("--burst", action="store_true", help="drain the queues and exit")
    worker.set_defaults(func=_worker)
    clock = subparsers.add_parser("clock", help="enqueue the periodic jobs (the sweep) on time")
    clock.set_defaults(func=_clock)


def _clock(args: argparse.Namespace) -> int:
    from workers.sweep import run_clock

    run_clock()
    return 0


def _worker(args: argparse.Namespace) -> int:
    from workers.run import run_worker

    return run_worker(burst=args.burst)


def existing_path(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or directory: {value}")
    return path
