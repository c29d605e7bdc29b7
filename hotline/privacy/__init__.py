"""Privacy: the key ring for caller numbers, key rotation, retention, a caller's export and erasure, log redaction."""
