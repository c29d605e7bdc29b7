"""The audit log: append-only, each entry chained to the one before by hash, so an edit or a removal shows."""
