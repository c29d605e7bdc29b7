"""`hotline simulate`: place simulated calls against a running hotline and print what each caller heard."""

import argparse
from collections import Counter
import logging
import random
import sys

import httpx

from hotline.simulate.caller import CallTranscript, simulate_call
from hotline.simulate.inputs import parse_script


def register(subparsers) -> None:
    simulate = subparsers.add_parser("simulate", help="place simulated calls against a running hotline, as Twilio would")
    simulate.add_argument("--line", choices=("123", "1480"), default="123", help="the line dialled")
    simulate.add_argument("--calls", type=_positive, default=1, help="how many calls, one after another")
    inputs = simulate.add_mutually_exclusive_group()
    inputs.add_argument("--digits", type=_script, help="a script, one item per menu: 2,1,s,say:help (s: silence)")
    inputs.add_argument("--random", action="store_true", help="random keys, invalid ones, silence and speech")
    simulate.add_argument("--seed", type=int, default=None, help="seed of --random (repeatable runs)")
    simulate.add_argument("--hold", type=_not_negative, default=1, help="times the hold waitUrl is polled")
    simulate.add_argument("--hangup", action="store_true", help="hang up after the hold: the call ends abandoned")
    simulate.add_argument("--from", dest="caller", type=_phone, default=None, help="the caller's number (+992...)")
    simulate.add_argument("--url", default=None, help="send requests here (still signed for HOTLINE_PUBLIC_BASE_URL)")
    simulate.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from hotline.cli import CommandError
    from hotline.settings import get_settings

    logging.getLogger("httpx").setLevel(logging.WARNING)  # the transcript says what each request did
    settings = get_settings()
    if not settings.twilio_token:
        raise CommandError("no Twilio token to sign with: set HOTLINE_TWILIO_AUTH_TOKEN (or HOTLINE_ENV=development)")
    target = args.url or settings.public_base_url
    seeds = random.Random(args.seed)
    transcripts = []
    with httpx.Client(timeout=20) as http:
        for number in range(1, args.calls + 1):
            try:
                transcript = simulate_call(
                    http, base_url=settings.public_base_url, token=settings.twilio_token, line=args.line,
                    digits=args.digits, random_seed=seeds.randrange(2**32) if args.random else None,
                    hold=args.hold, hang_up=args.hangup, caller=args.caller, target_url=args.url,
                    queue_lookup=queue_position)
            except httpx.TransportError as exc:
                print(f"hotline: cannot reach the hotline at {target}: {exc or type(exc).__name__}", file=sys.stderr)
                return 1
            print_transcript(transcript, number, args.calls)
            transcripts.append(transcript)
    if args.calls > 1:
        print_summary(transcripts)
    return 0 if all(t.with_a_human for t in transcripts) else 1


def print_transcript(transcript: CallTranscript, number: int, total: int) -> None:
    print(f"call {number}/{total} {transcript.call_sid} from {transcript.caller} to {transcript.line}")
    for line in transcript.log:
        print(f"  {line}")
    print(f"  ENDED: {transcript.ended}\n")


def print_summary(transcripts: list[CallTranscript]) -> None:
    counts = Counter(t.outcome for t in transcripts)
    parts = ", ".join(f"{n} {outcome}" for outcome, n in counts.most_common())
    failed = sum(1 for t in transcripts if not t.with_a_human)
    print(f"{len(transcripts)} calls: {parts}; {failed} did not reach a human")


def queue_position(call_sid: str) -> tuple[str | None, int, int] | None:
    """The hotline's queue as it stands (same Redis): urgency, place among its line's calls, their number."""
    try:
        from hotline.queue.service import waiting_calls

        waiting = waiting_calls()
    except Exception:  # a simulation without access to the queue still runs
        return None
    for entry in waiting:
        if entry.call_sid == call_sid:
            same_line = [w.call_sid for w in waiting if w.line == entry.line]
            return entry.urgency, same_line.index(call_sid) + 1, len(same_line)
    return None


def _positive(value: str) -> int:
    number = _int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _not_negative(value: str) -> int:
    number = _int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return number


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None


def _script(value: str) -> str:
    try:
        parse_script(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _phone(value: str) -> str:
    if not (value.startswith("+") and value[1:].isdigit() and 8 <= len(value) <= 16):
        raise argparse.ArgumentTypeError(f"not an E.164 number such as +992900000000: {value!r}")
    return value
