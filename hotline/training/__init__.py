"""Training mode: scripted simulated calls for counselors in training, kept apart from real calls, with a debrief."""
