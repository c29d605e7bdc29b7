"""Counselors on the floor: their presence (available, busy, wrap-up, offline) and skills (languages, lines)."""
