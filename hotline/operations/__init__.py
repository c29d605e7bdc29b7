"""Running the lines safely: opening hours and holidays, overflow call-backs, and blocks on abusive callers."""
