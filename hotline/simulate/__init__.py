"""Simulated callers: place calls against the hotline exactly as Twilio would, and show what they heard."""

from hotline.simulate.caller import CallTranscript, simulate_call

__all__ = ["CallTranscript", "simulate_call"]
