"""Throughput and p99 latency of classify() over the shared examples (and our own labelled sets)."""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hotline.triage import classify  # noqa: E402

SOURCES = [ROOT.parent / "shared/triage/examples.jsonl", ROOT / "tests/triage/data/dev.jsonl", ROOT / "tests/triage/data/holdout.jsonl"]


def main(rounds: int = 20) -> None:
    """Classify every example `rounds` times and print calls per second and latency percentiles."""
    rows = [json.loads(line) for path in SOURCES if path.exists() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    timings = []
    for _ in range(rounds):
        for row in rows:
            start = time.perf_counter()
            classify(text=row["text"], language=row.get("language"))
            timings.append(time.perf_counter() - start)
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"examples: {len(rows)}  calls: {len(timings)}")
    print(f"classifications per second: {len(timings) / sum(timings):.0f}")
    print(f"median latency: {statistics.median(timings) * 1000:.2f} ms  p99 latency: {p99 * 1000:.2f} ms")


def import_seconds(module: str) -> float:
    """Seconds a fresh interpreter takes to import module (what a worker or `hotline triage` pays at start)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                cwd=ROOT).stdout)


def print_import_times() -> None:
    baseline, triage = import_seconds("json"), import_seconds("hotline.triage")
    print(f"import hotline.triage: {triage * 1000:.0f} ms (baseline `import json` in the same run: "
          f"{baseline * 1000:.1f} ms)")


if __name__ == "__main__":
    print_import_times()
    main()
