"""Triage quality per labelled set: rules alone against rules + calibrated model, side by side.

    .venv/bin/python benchmarks/triage_quality.py            # development and held-out sets
    .venv/bin/python benchmarks/triage_quality.py --final    # also blind_b, the final test set: run it once, at the end

Which sets are what: the shared examples, dev, holdout and blind_a were used to write the rules; blind_c is in the
model's training rows. blind_d and blind_e were used for neither, but were looked at while choosing designs.
blind_f and blind_g were written before any result was seen; their misses then shaped the third round of training
rows (docs/triage/writing/ROUND3.md), so they are no longer untouched. blind_h, blind_i and blind_j were written
apart from everything else (their writers saw only the writing brief, TRIAGE.md and the shared examples) and were
measured, never tuned on, except that one missed goodbye in blind_h ("прости меня за всё") added that phrase to the
Russian lexicon. blind_b is the final test set of session 2, run once.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hotline.triage.evaluate import evaluate  # noqa: E402

DATA = ROOT / "tests/triage/data"
SETS = [("examples", ROOT.parent / "shared/triage/examples.jsonl")] + [
    (name, DATA / f"{name}.jsonl") for name in ("dev", "holdout", "blind_a", "blind_c", "blind_d", "blind_e", "blind_f", "blind_g",
                                                "blind_h", "blind_i", "blind_j")]


def main(final: bool = False) -> None:
    """Print one line per set and mode: n, urgency and category accuracy, critical recall, under- and over-triage."""
    sets = SETS + ([("blind_b", DATA / "blind_b.jsonl")] if final else [])
    print(f"{'set':10} {'mode':12} {'n':>4} {'urgency':>8} {'category':>8} {'crit.rec':>8} {'under':>6} {'over':>6}")
    for name, path in sets:
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for mode, use_model in (("rules", False), ("rules+model", True)):
            ev = evaluate(rows, use_model=use_model)
            print(f"{name:10} {mode:12} {ev.n:4d} {ev.urgency_accuracy:8.3f} {ev.category_accuracy:8.3f} "
                  f"{ev.critical_recall:8.3f} {ev.under_triage:6.3f} {ev.over_triage:6.3f}")


if __name__ == "__main__":
    main(final="--final" in sys.argv[1:])
