"""Calls waiting for a counselor, kept in Redis and served most endangered first."""
