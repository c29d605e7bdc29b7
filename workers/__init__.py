"""RQ job functions: plain importable functions that take ids."""
