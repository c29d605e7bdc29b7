"""A triage job that is slow on its first run, for the worker-killed drill.

The worker runs this wrapper instead of workers.triage.triage_call; HOTLINE_TRIAGE_TEST_DELAY_S (read here
only, never by the app) is how long the first run sleeps before it triages, the marker file says it started.
"""

import os
import time
from pathlib import Path

from workers.triage import triage_call


def slow_triage(call_sid: str, marker: str) -> str | None:
    path = Path(marker)
    if not path.exists():
        path.write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("HOTLINE_TRIAGE_TEST_DELAY_S", "60")))
    return triage_call(call_sid)
