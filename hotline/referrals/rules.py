"""Dispatch rules as data: category × urgency × region → partner types in order of preference.

The most specific matching rule wins (a named category counts more than a named region, and either more
than `any`); `hotline rules check` refuses a file with unknown ids, ambiguous rules or combinations no rule
covers.
"""

from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

import yaml

from hotline.calls.models import REGIONS
from hotline.referrals.models import EMERGENCY_TYPES, PARTNER_TYPES
from hotline.settings import get_settings
from hotline.triage.scale import CATEGORIES, URGENCIES

ANY = "any"


class RulesError(ValueError):
    """The rules file is unusable; `faults` holds one line per fault, each naming the rule."""

    def __init__(self, path: Path, faults: list[str]):
        super().__init__(f"{path}: " + "; ".join(faults))
        self.path, self.faults = path, faults


@dataclass(frozen=True)
class Rule:
    name: str
    categories: tuple[str, ...]  # empty = any
    urgencies: tuple[str, ...]
    regions: tuple[str, ...]
    partners: tuple[str, ...]

    def matches(self, category: str | None, urgency: str, region: str | None) -> bool:
        return (_fits(self.categories, category) and _fits(self.urgencies, urgency)
                and _fits(self.regions, region))

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (bool(self.categories), bool(self.regions), bool(self.urgencies))


def _fits(allowed: tuple[str, ...], value: str | None) -> bool:
    return not allowed or value in allowed


def partner_types(rules: list[Rule], *, category: str | None, urgency: str, region: str | None) -> tuple[str, ...]:
    """The partner types for this call, in order of preference; empty when no rule matches."""
    rule = best_rule(rules, category=category, urgency=urgency, region=region)
    return rule.partners if rule else ()


def best_rule(rules: list[Rule], *, category: str | None, urgency: str, region: str | None) -> Rule | None:
    matching = [rule for rule in rules if rule.matches(category, urgency, region)]
    return max(matching, key=lambda rule: rule.specificity, default=None)


def load_rules(path: Path | None = None) -> list[Rule]:
    """The rules of the file (the configured one by default), re-read when the file changes."""
    path = Path(path or get_settings().dispatch_rules_file)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise RulesError(path, [f"cannot read the file ({exc.strerror or exc})"]) from None
    return _load(path, stamp)


@lru_cache(maxsize=8)
def _load(path: Path, stamp: int) -> list[Rule]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(path, [f"not readable YAML ({str(exc).splitlines()[0]})"]) from None
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise RulesError(path, ["expected a mapping with a non-empty list under 'rules'"])
    rules, faults = [], []
    for index, entry in enumerate(entries):
        rule, entry_faults = _parse(index, entry)
        faults += entry_faults
        if rule:
            rules.append(rule)
    faults += _duplicates(rules) + _ambiguities(rules) + _gaps(rules) + _not_emergency(rules)
    if faults:
        raise RulesError(path, faults)
    return rules


def _parse(index: int, entry) -> tuple[Rule | None, list[str]]:
    if not isinstance(entry, dict):
        return None, [f"rule #{index + 1}: expected a mapping"]
    name = str(entry.get("name") or f"#{index + 1}")
    label = f"rule '{name}'"
    faults = [f"{label}: unknown field '{key}'" for key in entry
              if key not in ("name", "category", "urgency", "region", "partners")]
    categories, f1 = _ids(label, "category", entry.get("category", ANY), CATEGORIES)
    urgencies, f2 = _ids(label, "urgency", entry.get("urgency", ANY), URGENCIES)
    regions, f3 = _ids(label, "region", entry.get("region", ANY), REGIONS)
    partners, f4 = _partner_list(label, entry.get("partners"))
    faults += f1 + f2 + f3 + f4
    if faults:
        return None, faults
    return Rule(name, categories, urgencies, regions, partners), []


def _ids(label: str, field: str, value, known: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    values = value if isinstance(value, list) else [value]
    if values == [ANY]:
        return (), []
    if not values or not all(isinstance(v, str) for v in values):
        return (), [f"{label}: '{field}' must be '{ANY}', an id or a list of ids"]
    unknown = [v for v in values if v not in known]
    if unknown:
        return (), [f"{label}: unknown {field} '{unknown[0]}' (choose from {', '.join(known)} or {ANY})"]
    return tuple(dict.fromkeys(values)), []


def _partner_list(label: str, value) -> tuple[tuple[str, ...], list[str]]:
    if not isinstance(value, list) or not value:
        return (), [f"{label}: 'partners' must be a non-empty list of partner types"]
    unknown = [v for v in value if v not in PARTNER_TYPES]
    if unknown:
        return (), [f"{label}: unknown partner type '{unknown[0]}' (choose from {', '.join(PARTNER_TYPES)})"]
    if len(set(value)) != len(value):
        return (), [f"{label}: a partner type is listed twice in 'partners'"]
    return tuple(value), []


def _duplicates(rules: list[Rule]) -> list[str]:
    seen, faults = set(), []
    for rule in rules:
        if rule.name in seen:
            faults.append(f"rule '{rule.name}': the name is used twice")
        seen.add(rule.name)
    return faults


def _ambiguities(rules: list[Rule]) -> list[str]:
    """Two rules of the same specificity matching the same call: which one applies would be a guess."""
    faults = []
    for combo in _combinations():
        matching = [rule for rule in rules if rule.matches(*combo)]
        if not matching:
            continue
        top = max(rule.specificity for rule in matching)
        tied = [rule.name for rule in matching if rule.specificity == top]
        if len(tied) > 1:
            fault = f"rules '{tied[0]}' and '{tied[1]}' both match category {combo[0]}, urgency {combo[1]}, region {combo[2]}"
            if fault not in faults:
                faults.append(fault)
    return faults[:10]


def _gaps(rules: list[Rule]) -> list[str]:
    missing = [combo for combo in _combinations() if not any(rule.matches(*combo) for rule in rules)]
    return [f"no rule covers category {c}, urgency {u}, region {r} (add a rule with category: any as a fallback)"
            for c, u, r in missing[:5]]


def _not_emergency(rules: list[Rule]) -> list[str]:
    """A critical call must go first to emergency dispatch (TRIAGE.md: mobile team, police, ambulance)."""
    faults = []
    for category, region in product(CATEGORIES, REGIONS):
        rule = best_rule(rules, category=category, urgency="critical", region=region)
        if rule and rule.partners[0] not in EMERGENCY_TYPES:
            fault = (f"rule '{rule.name}': applies to critical calls but starts with '{rule.partners[0]}', "
                     f"not an emergency partner ({', '.join(EMERGENCY_TYPES)})")
            if fault not in faults:
                faults.append(fault)
    return faults


def _combinations():
    return product(CATEGORIES, URGENCIES, REGIONS)
