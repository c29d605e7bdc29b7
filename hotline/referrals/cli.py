"""`hotline partners load|list` and `hotline rules check`: the directory and the dispatch rules from files."""

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from hotline.cli import CommandError
from hotline.db import transaction
from hotline.referrals import partners as directory
from hotline.referrals.rules import RulesError, load_rules
from hotline.settings import get_settings


def register(subparsers) -> None:
    partners = subparsers.add_parser("partners", help="the directory of partner services")
    commands = partners.add_subparsers(dest="partners_command", required=True, parser_class=type(partners))
    load = commands.add_parser("load", help="create or update partners from a YAML file (by key)")
    load.add_argument("file", type=Path, nargs="?", help="default: the configured partners file")
    load.add_argument("--deactivate-missing", action="store_true", help="deactivate partners the file no longer lists")
    load.set_defaults(func=_load)
    listing = commands.add_parser("list", help="list active partners")
    listing.add_argument("--region")
    listing.add_argument("--type")
    listing.set_defaults(func=_list)
    rules = subparsers.add_parser("rules", help="the dispatch rules")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, parser_class=type(rules))
    check = rules_commands.add_parser("check", help="validate a dispatch rules file")
    check.add_argument("file", type=Path, nargs="?", help="default: the configured rules file")
    check.set_defaults(func=_check)


def _load(args: argparse.Namespace) -> int:
    path = args.file or get_settings().partners_file
    try:
        partners = directory.read_file(path)
        with transaction() as db_session:
            result = directory.load(db_session=db_session, partners=partners,
                                    deactivate_missing=args.deactivate_missing)
    except directory.DirectoryError as exc:
        raise CommandError(str(exc)) from None
    except SQLAlchemyError as exc:
        raise CommandError(f"database error: {str(getattr(exc, 'orig', exc)).splitlines()[0]}") from None
    print(f"partners loaded from {path}: {result.created} created, {result.updated} updated, "
          f"{result.deactivated} deactivated")
    return 0


def _list(args: argparse.Namespace) -> int:
    with transaction() as db_session:
        found = directory.list_partners(db_session=db_session, type=args.type, region=args.region)
        rows = [(str(p.id), p.key, p.type, p.region, p.district or "", ",".join(p.languages), p.hours, p.phone)
                for p in found]
    for row in rows:
        print("  ".join(row))
    return 0


def _check(args: argparse.Namespace) -> int:
    path = args.file or get_settings().dispatch_rules_file
    try:
        rules = load_rules(path)
    except RulesError as exc:
        for fault in exc.faults:
            print(f"hotline: {path}: {fault}", file=sys.stderr)
        return 1
    print(f"{path}: {len(rules)} dispatch rules OK")
    return 0
