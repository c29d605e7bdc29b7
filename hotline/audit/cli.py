"""`hotline audit verify`: walk the chain; exit 1 naming the first broken entry."""

import argparse

from hotline.audit import service
from hotline.cli import CommandError
from hotline.db import transaction


def register(subparsers) -> None:
    audit = subparsers.add_parser("audit", help="the audit log")
    commands = audit.add_subparsers(dest="audit_command", required=True, parser_class=type(audit))
    verify = commands.add_parser("verify", help="check the hash chain of the audit log")
    verify.set_defaults(func=_verify)


def _verify(args: argparse.Namespace) -> int:
    with transaction() as db_session:
        verdict = service.verify(db_session=db_session)
    if not verdict.intact:
        raise CommandError(f"audit log broken at entry {verdict.broken_seq} (id {verdict.broken_id}): "
                           f"{verdict.reason}; {verdict.entries} entries before it are intact")
    print(f"audit log intact: {verdict.entries} entries, last hash {verdict.tip}")
    return 0
