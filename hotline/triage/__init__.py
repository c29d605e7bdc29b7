"""Call triage: urgency, category and reasons from IVR answers, free text and caller history (pure, no I/O)."""

from hotline.triage.answers import urgency_from_answers
from hotline.triage.service import PriorCall, TriageResult, classify
from hotline.triage.scale import CATEGORIES, URGENCIES, max_urgency

__all__ = ["CATEGORIES", "URGENCIES", "PriorCall", "TriageResult", "classify", "max_urgency", "urgency_from_answers"]
