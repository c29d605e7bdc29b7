"""Training scenarios as data (hotline/training/scenarios.yaml, which trainers extend), checked when read."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from hotline.calls.models import LANGUAGES, LINES, REGIONS
from hotline.referrals.models import PARTNER_TYPES
from hotline.triage.scale import CATEGORIES, URGENCIES

SCENARIOS_FILE = Path(__file__).resolve().parent / "scenarios.yaml"


class ScenarioError(ValueError):
    """The scenarios file is unusable; the message names the scenario and the field."""


@dataclass(frozen=True)
class Expert:
    """How an experienced counselor handled the call, for the debrief."""

    urgency: str
    category: str
    referrals: tuple[str, ...]
    outcome: str
    notes: str


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    line: str
    language: str
    region: str
    answers: dict
    caller_says: tuple[str, ...]
    expert: Expert

    @property
    def text(self) -> str:
        return " ".join(self.caller_says)


def load(path: Path = SCENARIOS_FILE) -> dict[str, Scenario]:
    """The scenarios by id, in file order; ScenarioError naming the first fault."""
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, _stamp: int) -> dict[str, Scenario]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path.name}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{path.name}: expected a mapping with a 'scenarios' list")
    found: dict[str, Scenario] = {}
    for index, entry in enumerate(data.get("scenarios") or []):
        scenario = _scenario(index, entry)
        if scenario.id in found:
            raise ScenarioError(f"{path.name}: scenario {scenario.id} appears twice")
        found[scenario.id] = scenario
    if not found:
        raise ScenarioError(f"{path.name}: no scenarios")
    return found


def _scenario(index: int, entry) -> Scenario:
    if not isinstance(entry, dict) or not entry.get("id"):
        raise ScenarioError(f"scenario #{index + 1}: needs an id")
    name = entry["id"]
    expert = entry.get("expert") or {}
    _one_of(name, "line", str(entry.get("line")), LINES)
    _one_of(name, "language", entry.get("language"), LANGUAGES)
    _one_of(name, "region", entry.get("region"), REGIONS)
    _one_of(name, "expert.urgency", expert.get("urgency"), URGENCIES)
    _one_of(name, "expert.category", expert.get("category"), CATEGORIES)
    for kind in expert.get("referrals") or []:
        _one_of(name, "expert.referrals", kind, PARTNER_TYPES)
    says = entry.get("caller_says") or []
    if not says or not all(isinstance(line, str) for line in says):
        raise ScenarioError(f"scenario {name}: caller_says needs at least one line of text")
    return Scenario(id=str(name), title=str(entry.get("title") or name), line=str(entry["line"]),
                    language=entry["language"], region=entry["region"],
                    answers={str(k): str(v) for k, v in (entry.get("answers") or {}).items()},
                    caller_says=tuple(says), expert=Expert(expert["urgency"], expert["category"],
                                                           tuple(expert.get("referrals") or ()),
                                                           str(expert.get("outcome") or "counseled"),
                                                           str(expert.get("notes") or "")))


def _one_of(name: str, field: str, value, known: tuple[str, ...]) -> None:
    if value not in known:
        raise ScenarioError(f"scenario {name}: {field} '{value}' is not one of {', '.join(known)}")
