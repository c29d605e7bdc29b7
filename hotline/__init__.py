"""Hotline: call triage for the 123 social emergency and 1480 counseling lines."""
