"""Job functions for the tests: one that always fails, importable by a worker."""


def always_fails(call_sid: str) -> None:
    raise RuntimeError(f"triage store unavailable for {call_sid}")
