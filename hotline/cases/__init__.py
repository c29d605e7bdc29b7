"""Contact records, case files of the same person, follow-ups and the callback list."""
