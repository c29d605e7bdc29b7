"""Flows as data: load ivr_flows/*.yaml into typed nodes, rejecting any structural fault with file and node."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

NODE_TYPES = ("language", "menu", "yesno", "region", "speech", "message", "queue", "dial", "voicemail")
GATHER_TYPES = ("language", "menu", "yesno", "region", "speech")
TERMINAL_TYPES = ("queue", "dial", "voicemail")
REGION_DIGITS = {"1": "dushanbe", "2": "sughd", "3": "khatlon", "4": "gbao", "5": "drs"}
URGENCY_IDS = ("low", "medium", "high", "critical")
COMMON_FILE = "common.yaml"
LANGUAGES_FILE = "languages.yaml"
HOURS_FILE = "hours.yaml"  # opening hours and holidays (hotline.operations.hours), not a flow


class FlowError(ValueError):
    """A fault in a flow file, named by file, node and fault."""

    def __init__(self, file: str, node: str | None, fault: str):
        self.file, self.node, self.fault = file, node, fault
        where = f"{file}: node '{node}'" if node else file
        super().__init__(f"{where}: {fault}")


@dataclass(frozen=True)
class Choice:
    """What one key press (or yes/no answer) records and where it leads."""

    next: str
    value: str | None = None
    urgency: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Node:
    id: str
    type: str
    prompt: str | None = None
    next: str | None = None
    answer: str | None = None
    options: dict[str, Choice] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)  # language node: digit -> language
    default: str | None = None
    yes: Choice | None = None
    no: Choice | None = None
    silence_counts_as_yes: bool = False
    skill: str | None = None
    number: str | None = None
    fallback: str | None = None


@dataclass(frozen=True)
class Language:
    id: str
    name: str
    say_voice: str
    say_language: str
    speech_language: str | None  # None where Twilio has no recognition


@dataclass(frozen=True)
class Flow:
    line: str
    file: str
    languages: tuple[str, ...]
    start: str
    counselor: str  # the node that puts a caller straight through to a human
    nodes: dict[str, Node]
    prompts: dict[str, dict[str, str]]

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]


@dataclass(frozen=True)
class FlowSet:
    """Every line's flow, the shared prompts and the languages' voices."""

    directory: Path
    flows: dict[str, Flow]
    languages: dict[str, Language]

    def for_line(self, line: str) -> Flow:
        return self.flows[line]


def load_flows(directory: Path) -> FlowSet:
    """Load and structurally validate every flow; raise FlowError naming the file, node and fault."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FlowError(str(directory), None, "no such flow directory")
    languages = _load_languages(directory / LANGUAGES_FILE)
    common = _read_yaml(directory / COMMON_FILE).get("prompts", {})
    flows: dict[str, Flow] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name in (COMMON_FILE, LANGUAGES_FILE, HOURS_FILE):
            continue
        flow = _load_flow(path, common, languages)
        if flow.line in flows:
            raise FlowError(path.name, None, f"line {flow.line} is already defined in {flows[flow.line].file}")
        flows[flow.line] = flow
    if not flows:
        raise FlowError(str(directory), None, "no flow files (*.yaml)")
    return FlowSet(directory=directory, flows=flows, languages=languages)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FlowError(path.name, None, "file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise FlowError(path.name, None, f"not valid YAML{at}") from None
    if not isinstance(data, dict):
        raise FlowError(path.name, None, "must be a mapping at the top level")
    return data


def _load_languages(path: Path) -> dict[str, Language]:
    data = _read_yaml(path).get("languages") or {}
    languages = {}
    for code, spec in data.items():
        if not isinstance(spec, dict) or not spec.get("say_voice") or not spec.get("say_language"):
            raise FlowError(path.name, None, f"language '{code}' needs say_voice and say_language")
        languages[code] = Language(
            id=code, name=str(spec.get("name", code)), say_voice=spec["say_voice"],
            say_language=spec["say_language"], speech_language=spec.get("speech_language"),
        )
    return languages


def _load_flow(path: Path, common: dict, languages: dict[str, Language]) -> Flow:
    data = _read_yaml(path)
    file = path.name
    for key in ("line", "start", "counselor", "nodes", "languages"):
        if key not in data:
            raise FlowError(file, None, f"missing '{key}'")
    flow_languages = tuple(str(code) for code in data["languages"])
    for code in flow_languages:
        if code not in languages:
            raise FlowError(file, None, f"language '{code}' is not in {LANGUAGES_FILE}")
    if not isinstance(data["nodes"], dict):
        raise FlowError(file, None, "'nodes' must be a mapping")
    nodes = {str(node_id): _parse_node(file, str(node_id), spec) for node_id, spec in data["nodes"].items()}
    prompts = {**common, **(data.get("prompts") or {})}
    flow = Flow(
        line=str(data["line"]), file=file, languages=flow_languages, start=str(data["start"]),
        counselor=str(data["counselor"]), nodes=nodes, prompts=prompts,
    )
    _check_references(flow)
    return flow


def _parse_node(file: str, node_id: str, spec: Any) -> Node:
    """YAML 1.1 reads a bare `yes:`/`no:` key as True/False, so those are accepted as the yes/no branches."""
    if not isinstance(spec, dict):
        raise FlowError(file, node_id, "must be a mapping")
    kind = spec.get("type")
    if kind not in NODE_TYPES:
        raise FlowError(file, node_id, f"unknown type '{kind}' (one of {', '.join(NODE_TYPES)})")
    return Node(
        id=node_id, type=kind, prompt=spec.get("prompt"), next=spec.get("next"), answer=spec.get("answer"),
        options=_parse_options(file, node_id, spec.get("options")) if kind == "menu" else {},
        languages={str(k): str(v) for k, v in (spec.get("options") or {}).items()} if kind == "language" else {},
        default=spec.get("default"),
        yes=_parse_choice(file, node_id, "yes", spec.get("yes", spec.get(True))) if kind == "yesno" else None,
        no=_parse_choice(file, node_id, "no", spec.get("no", spec.get(False))) if kind == "yesno" else None,
        silence_counts_as_yes=bool(spec.get("silence_counts_as_yes", False)),
        skill=spec.get("skill"), number=spec.get("number"), fallback=spec.get("fallback"),
    )


def _parse_options(file: str, node_id: str, options: Any) -> dict[str, Choice]:
    if not isinstance(options, dict) or not options:
        raise FlowError(file, node_id, "a menu needs 'options'")
    parsed = {}
    for digit, spec in options.items():
        digit = str(digit)
        if digit not in "123456789" or len(digit) != 1:
            raise FlowError(file, node_id, f"option '{digit}' is not a single key 1-9 (0 is always a counselor)")
        parsed[digit] = _parse_choice(file, node_id, f"option {digit}", spec)
    return parsed


def _parse_choice(file: str, node_id: str, label: str, spec: Any) -> Choice:
    if isinstance(spec, str):
        spec = {"next": spec}
    if not isinstance(spec, dict) or not spec.get("next"):
        raise FlowError(file, node_id, f"{label} leads nowhere (needs 'next')")
    urgency = spec.get("urgency")
    if urgency is not None and urgency not in URGENCY_IDS:
        raise FlowError(file, node_id, f"{label} has unknown urgency '{urgency}'")
    return Choice(next=str(spec["next"]), value=spec.get("value"), urgency=urgency, category=spec.get("category"))


def _check_references(flow: Flow) -> None:
    """Every 'next' names a node and every prompt exists; deeper checks are in hotline.ivr.check."""
    for name in (flow.start, flow.counselor):
        if name not in flow.nodes:
            raise FlowError(flow.file, None, f"'{name}' is not a node")
    for node in flow.nodes.values():
        for target in successors(node):
            if target not in flow.nodes:
                raise FlowError(flow.file, node.id, f"leads to '{target}', which is not a node")
        if node.prompt and node.prompt not in flow.prompts:
            raise FlowError(flow.file, node.id, f"prompt '{node.prompt}' is not defined")
        _check_node_fields(flow, node)


def _check_node_fields(flow: Flow, node: Node) -> None:
    needs_next = node.type in ("language", "region", "speech", "message")
    if needs_next and not node.next:
        raise FlowError(flow.file, node.id, f"a {node.type} node needs 'next'")
    if node.type in GATHER_TYPES and not node.prompt:
        raise FlowError(flow.file, node.id, f"a {node.type} node needs a 'prompt'")
    if node.type == "language":
        unknown = [code for code in node.languages.values() if code not in flow.languages]
        if not node.languages or unknown:
            raise FlowError(flow.file, node.id, f"language options must be languages of the flow, not {unknown}")
    if node.type == "queue" and not node.skill:
        raise FlowError(flow.file, node.id, "a queue node needs a 'skill'")
    if node.type == "dial" and (not node.number or not node.fallback):
        raise FlowError(flow.file, node.id, "a dial node needs a 'number' and a 'fallback' for when nobody answers")


def successors(node: Node) -> list[str]:
    """The nodes a caller can go to from this one (not counting 0 for a counselor)."""
    targets = [node.next, node.fallback]
    targets += [choice.next for choice in node.options.values()]
    targets += [choice.next for choice in (node.yes, node.no) if choice]
    return [target for target in targets if target]
