"""Calls, their IVR steps and status events, and callers recognised by a keyed hash."""
