"""`hotline users create|list`: staff accounts on the configured database."""

import argparse
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from hotline.auth import service
from hotline.auth.models import ROLES
from hotline.calls.models import LANGUAGES, LINES
from hotline.cli import CommandError
from hotline.db import transaction


def register(subparsers) -> None:
    users = subparsers.add_parser("users", help="staff accounts")
    commands = users.add_subparsers(dest="users_command", required=True, parser_class=type(users))
    create = commands.add_parser("create", help="add a counselor, supervisor, manager or admin")
    create.add_argument("--username", required=True)
    create.add_argument("--password", required=True, help="at least 10 characters, not the username, not a common password")
    create.add_argument("--role", required=True, help=", ".join(ROLES))
    create.add_argument("--languages", type=_comma_list, help=f"comma-separated, from {' '.join(LANGUAGES)} (default: all)")
    create.add_argument("--lines", type=_comma_list, help=f"comma-separated, from {' '.join(LINES)} (default: both)")
    create.set_defaults(func=_create)
    listing = commands.add_parser("list", help="list staff accounts (never their passwords)")
    listing.set_defaults(func=_list)


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",")]


def _database_errors_in_one_line(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except SQLAlchemyError as exc:
            first_line = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise CommandError(f"database error: {first_line}") from None
    return run


@_database_errors_in_one_line
def _create(args: argparse.Namespace) -> int:
    try:
        with transaction() as db_session:
            user = service.create_user(db_session=db_session, username=args.username, password=args.password,
                                       role=args.role, languages=args.languages, lines=args.lines)
    except service.UserError as exc:
        raise CommandError(str(exc)) from None
    print(f"created {user.role} '{user.username}' (id {user.id}; languages {','.join(user.languages)}; "
          f"lines {','.join(user.lines)})")
    return 0


@_database_errors_in_one_line
def _list(args: argparse.Namespace) -> int:
    with transaction() as db_session:
        users = service.list_users(db_session=db_session)
    rows = [("id", "username", "role", "languages", "lines", "active")]
    rows += [(str(u.id), u.username, u.role, ",".join(u.languages or []), ",".join(u.lines or []),
              "yes" if u.active else "no") for u in users]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0
