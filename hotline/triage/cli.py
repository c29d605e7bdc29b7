"""`hotline triage classify|evaluate`: triage JSON Lines from stdin, or measure a labelled file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from hotline.triage.service import classify
from hotline.triage.evaluate import evaluate, format_evaluation
from hotline.triage.scale import URGENCIES


def register(subparsers) -> None:
    """Add the `triage` command and its sub-commands to an argparse subparsers object."""
    triage = subparsers.add_parser("triage", help="classify calls and measure the classifier")
    commands = triage.add_subparsers(dest="triage_command", required=True)
    classify_parser = commands.add_parser("classify", help="JSON Lines on stdin → one JSON result a line on stdout")
    classify_parser.set_defaults(func=run_classify)
    evaluate_parser = commands.add_parser("evaluate", help="print the evaluation of a labelled JSON Lines file")
    evaluate_parser.add_argument("file", type=Path)
    evaluate_parser.add_argument("--rules-only", action="store_true", help="leave the statistical model out")
    evaluate_parser.set_defaults(func=run_evaluate)
    train_parser = commands.add_parser("train", help="refit the model on the shipped training rows (needs scikit-learn)")
    train_parser.add_argument("--cv", action="store_true", help="print 5-fold cross-validated figures, write nothing")
    train_parser.set_defaults(func=run_train)


def run_classify(args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None,
                 stderr: TextIO | None = None) -> int:
    """Classify each input line; a bad line is reported by number and skipped, and the exit code is 1."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    failed = False
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            stdout.write(json.dumps(_classify_line(line), ensure_ascii=False) + "\n")
        except (ValueError, TypeError, AttributeError) as error:
            stderr.write(f"line {number}: {error}\n")
            failed = True
    return 1 if failed else 0


def _classify_line(line: str) -> dict:
    """One input object → one output object."""
    row = json.loads(line)
    if not isinstance(row, dict):
        raise ValueError("expected a JSON object")
    text, answers = row.get("text", ""), row.get("answers") or {}
    if not isinstance(text, str) or not isinstance(answers, dict):
        raise ValueError("'text' must be a string and 'answers' an object")
    result = classify(text=text, language=row.get("language"), answers={str(k): str(v) for k, v in answers.items()})
    return {"id": row.get("id"), "urgency": result.urgency, "category": result.category, "reasons": result.reasons}


def run_evaluate(args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Print the evaluation of a labelled file; a missing, unreadable or malformed file exits 2."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        rows = list(read_labelled(args.file))
    except (OSError, ValueError) as error:
        stderr.write(f"triage evaluate: {args.file}: {error}\n")
        return 2
    stdout.write(format_evaluation(evaluate(rows, use_model=not getattr(args, "rules_only", False))) + "\n")
    return 0


def run_train(args: argparse.Namespace, stdout: TextIO | None = None) -> int:
    """Choose the model's thresholds on held-out folds, refit on all rows and write data/model.json (and the
    calibration report data/calibration.json); with --cv print the out-of-fold report and write nothing."""
    from hotline.triage import train  # scikit-learn is imported only for training

    stdout = stdout or sys.stdout
    rows = train.read_rows()
    report = train.calibrate(rows)
    stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    if args.cv:
        return 0
    train.write_calibration(report)
    train.write(train.fit(rows, report["thresholds"]))
    stdout.write(f"wrote {train.ARTIFACT} from {len(rows)} rows\n")
    return 0


def read_labelled(path: Path) -> Iterable[dict]:
    """Labelled rows of a JSON Lines file; raises ValueError naming the first bad line."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"line {number}: not JSON ({error.msg})") from None
            if not isinstance(row, dict) or row.get("urgency") not in URGENCIES or not isinstance(row.get("text", ""), str):
                raise ValueError(f"line {number}: needs 'text' and an 'urgency' in {', '.join(URGENCIES)}")
            yield row
