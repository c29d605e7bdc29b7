"""`hotline training check [FILE]`: validate the scenarios file and show what triage makes of each scenario."""

import argparse
import sys
from pathlib import Path

from hotline.training import service
from hotline.training.scenarios import SCENARIOS_FILE, ScenarioError, load


def register(subparsers) -> None:
    training = subparsers.add_parser("training", help="training mode's scripted calls")
    commands = training.add_subparsers(dest="training_command", required=True, parser_class=type(training))
    check = commands.add_parser("check", help="validate a scenarios file; list triage's view beside the expert's")
    check.add_argument("file", type=Path, nargs="?", help=f"default: {SCENARIOS_FILE}")
    check.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    path = args.file or SCENARIOS_FILE
    try:
        scenarios = load(path)
    except (ScenarioError, OSError, ValueError) as exc:
        print(f"hotline: {path}: {exc}", file=sys.stderr)
        return 1
    for scenario in scenarios.values():
        result, expert = service.triage(scenario), scenario.expert
        same = "same" if (result.urgency, result.category) == (expert.urgency, expert.category) else "differs"
        print(f"{scenario.id}  {scenario.language}  {scenario.line}  triage {result.urgency}/{result.category}"
              f"  expert {expert.urgency}/{expert.category}  ({same})")
    print(f"{path}: {len(scenarios)} scenarios OK")
    return 0
