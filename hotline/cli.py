"""The `hotline` command: each domain registers its sub-commands; errors are one line, never a traceback."""

import argparse
import logging
import sys


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.exit(2, f"hotline: {message} (see '{self.prog} --help')\n")


class CommandError(Exception):
    """A failure the user can act on: printed as one line, exit code 1."""


def build_parser() -> argparse.ArgumentParser:
    from hotline.commands import register_all

    parser = ArgumentParser(prog="hotline", description="Call triage for lines 123 and 1480.")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=ArgumentParser)
    register_all(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
    except KeyboardInterrupt:
        code = 130
    except (CommandError, ValueError, OSError) as exc:
        print(f"hotline: {exc}", file=sys.stderr)
        code = 1
    except Exception as exc:  # the last line of defence: say what failed, in one line
        print(f"hotline: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
