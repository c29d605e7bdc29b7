"""`hotline keys rotate`, `hotline privacy export|erase --phone ... --by MANAGER`, `hotline privacy retention`."""

import argparse
import hashlib
import json
import sys

from hotline.audit import service as audit
from hotline.auth.service import get_by_username
from hotline.cli import CommandError
from hotline.db import transaction
from hotline.privacy import keyring, retention, rotate, subject

MANAGER_ROLES = ("manager", "admin")


def register(subparsers) -> None:
    keys = subparsers.add_parser("keys", help="the key that hashes and encrypts caller numbers")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True, parser_class=type(keys))
    keys_commands.add_parser("rotate", help="re-encrypt and re-hash every caller number under the current key"
                             ).set_defaults(func=_rotate)
    privacy = subparsers.add_parser("privacy", help="a caller's data: export, erase; retention")
    commands = privacy.add_subparsers(dest="privacy_command", required=True, parser_class=type(privacy))
    export = commands.add_parser("export", help="print a caller's data as JSON")
    _subject_arguments(export)
    export.set_defaults(func=_export)
    erase = commands.add_parser("erase", help="erase a caller's words, recordings and number")
    _subject_arguments(erase)
    erase.add_argument("--yes", action="store_true", help="really erase (nothing is erased without it)")
    erase.set_defaults(func=_erase)
    keep = commands.add_parser("retention", help="anonymise closed calls older than the retention period now")
    keep.add_argument("--days", type=int, help="instead of HOTLINE_RETENTION_DAYS")
    keep.set_defaults(func=_retention)


def _subject_arguments(parser) -> None:
    parser.add_argument("--phone", required=True, help="the caller's number, e.g. +992931234567")
    parser.add_argument("--by", help="the manager who runs this (their username), named in the audit log")


def _manager(db_session, username: str | None):
    if username is None:  # whoever holds the server and its database settings; the audit log says "cli"
        return None
    user = get_by_username(db_session=db_session, username=username)
    if user is None or not user.active or user.role not in MANAGER_ROLES:
        raise CommandError(f"'{username}' is not an active manager")
    audit.set_actor(db_session, user_id=user.id, username=user.username)
    return user


def _phone(value: str) -> str:
    number = keyring.normalise(value)
    if len(number.lstrip("+")) < 5:
        raise CommandError("--phone must be a phone number, e.g. +992931234567")
    return number


def _caller_ref(number: str) -> str:
    """How the audit log names the caller: never the number, a short one-way reference."""
    return "caller:" + hashlib.sha256(keyring.hash_with(keyring.current_secret(), number).encode()).hexdigest()[:16]


def _export(args: argparse.Namespace) -> int:
    number = _phone(args.phone)
    with transaction() as db_session:
        _manager(db_session, args.by)
        data = subject.export(db_session=db_session, number=number)
        audit.record(db_session=db_session, action="privacy.export", target=_caller_ref(number),
                     detail={"calls": len(data["calls"])})
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


def _erase(args: argparse.Namespace) -> int:
    number = _phone(args.phone)
    if not args.yes:
        raise CommandError("erasing cannot be undone: add --yes to erase")
    with transaction() as db_session:
        _manager(db_session, args.by)
        counts = subject.erase(db_session=db_session, number=number)
        audit.record(db_session=db_session, action="privacy.erase", target=_caller_ref(number), detail=counts)
    print("erased: " + (", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "nothing held for this number"))
    return 0


def _rotate(args: argparse.Namespace) -> int:
    counts = rotate.rotate()
    with transaction() as db_session:
        audit.record(db_session=db_session, action="keys.rotate", detail=counts)
    print("keys rotated: " + (", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "nothing to do"))
    return 0


def _retention(args: argparse.Namespace) -> int:
    counts = retention.anonymise_expired(days=args.days)
    print("retention: " + (", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "nothing to remove"))
    return 0
