"""`hotline flows check`: prove every caller can reach a human and hears every prompt in their language."""

import sys
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter

import yaml

from hotline.ivr.flows import COMMON_FILE, Flow, FlowError, FlowSet, load_flows, successors

ENGINE_PROMPTS = (
    "invalid_input", "no_input", "connecting_counselor", "hold_position", "hold_reassure", "hold_danger_offer",
    "hold_danger_raised", "hold_callback_offer", "callback_confirmed", "service_trouble", "voicemail_thanks",
    "closed_hours", "caller_blocked", "caller_blocked_end",
)
HUMAN_TYPES = ("queue", "voicemail")  # a dial reaches a human only if its fallback does
COUNSELOR_TYPES = ("queue", "dial")
POSITION = "position"
HOLD_PREFIX = "hold_"
AUDIO_SUFFIXES = (".mp3", ".wav")


@dataclass
class CheckReport:
    """What an operator needs to know before restarting the web processes on edited flows."""

    directory: Path
    faults: list[FlowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the flow files that were checked
    unrecorded: int = 0  # distinct prompts lacking a recording in at least one language

    @property
    def ok(self) -> bool:
        return not self.faults

    def summary(self) -> str:
        """One line: the verdict first, then the recordings still to make."""
        recordings = f"{self.unrecorded} prompts without a recording"
        if self.ok:
            return f"{len(self.files)} flows ok: {', '.join(self.files)}; {recordings}"
        return f"{len(self.faults)} faults in {self.directory}; {recordings}"

    def format(self) -> str:
        """The lines a user sees: faults, then warnings, then the summary."""
        return "\n".join([*(str(fault) for fault in self.faults), *self.warnings, self.summary()])


def check_flows(directory: Path) -> CheckReport:
    """Check every flow in `directory`; a load error is reported as a fault, never raised."""
    directory = Path(directory)
    report = CheckReport(directory=directory)
    try:
        flow_set = load(directory)
    except FlowError as fault:
        report.faults.append(fault)
        return report
    common = _common_prompts(directory)
    flows = sorted(flow_set.flows.values(), key=lambda flow: flow.file)
    report.files = [flow.file for flow in flows]
    faults = _missing_engine_prompts(common) + _shared_prompt_clashes(flows, common) + _hours_faults(flow_set)
    for flow in flows:
        faults += check_flow(flow, common)
    report.faults = _unique(faults)
    played = _prompt_languages(flows, common)
    report.warnings = [*_unused_prompts(flows, common), *_recording_warnings(flow_set, played)]
    report.unrecorded = len(_unrecorded(directory, played))
    return report


def load(directory: Path) -> FlowSet:
    """load_flows, with any shape the loader did not foresee turned into a FlowError rather than a traceback."""
    try:
        return load_flows(directory)
    except FlowError:
        raise
    except (AttributeError, TypeError, KeyError, ValueError) as exc:
        raise FlowError(Path(directory).name, None, f"cannot be loaded: {exc}") from None


def check_flow(flow: Flow, common: dict) -> list[FlowError]:
    """Every fault of one loaded flow."""
    return [
        *_unreachable(flow), *_counselor_fault(flow), *_choice_faults(flow), *_trapped(flow),
        *_text_faults(flow, common), *_placeholder_faults(flow, common),
    ]


def _common_prompts(directory: Path) -> dict:
    """common.yaml's prompts as written (the loader merges them into each flow)."""
    data = yaml.safe_load((directory / COMMON_FILE).read_text(encoding="utf-8")) or {}
    return data.get("prompts") or {}


def _unique(faults: list[FlowError]) -> list[FlowError]:
    """A common prompt's fault is found once per flow; say it once."""
    seen: dict[str, FlowError] = {}
    for fault in faults:
        seen.setdefault(str(fault), fault)
    return list(seen.values())


def _missing_engine_prompts(common: dict) -> list[FlowError]:
    """The engine and the hold loop play these by name: a missing one would be silence to a caller."""
    return [
        FlowError(COMMON_FILE, None, f"prompt '{prompt_id}' is missing: the engine plays it by this name")
        for prompt_id in ENGINE_PROMPTS if prompt_id not in common
    ]


def _hours_faults(flow_set: FlowSet) -> list[FlowError]:
    """hours.yaml (hotline.operations.hours): valid, and each line's announcement is a prompt of that line."""
    from hotline.operations.hours import HOURS_FILE, load_hours

    try:
        hours = load_hours(flow_set.directory)
    except FlowError as fault:
        return [fault]
    faults = []
    for line, line_hours in hours.lines.items():
        flow = flow_set.flows.get(line)
        if flow and line_hours.announcement and line_hours.announcement not in flow.prompts:
            faults.append(FlowError(HOURS_FILE, f"line {line}", (
                f"announcement '{line_hours.announcement}' is not a prompt of {COMMON_FILE} or {flow.file}")))
    return faults


def _shared_prompt_clashes(flows: list[Flow], common: dict) -> list[FlowError]:
    """Recordings are audio/<lang>/<prompt>.mp3 for every line, so one prompt id must say one thing."""
    first: dict[str, Flow] = {}
    faults = []
    for flow in flows:
        for prompt_id in _own_prompts(flow, common):
            if prompt_id in common:
                faults.append(FlowError(flow.file, None, (
                    f"prompt '{prompt_id}' has other texts than in {COMMON_FILE}, but both would play "
                    f"audio/<language>/{prompt_id}.mp3: give it its own id")))
                continue
            other = first.setdefault(prompt_id, flow)
            if other is not flow and other.prompts[prompt_id] != flow.prompts[prompt_id]:
                faults.append(FlowError(flow.file, None, (
                    f"prompt '{prompt_id}' has other texts than in {other.file}, but both would play "
                    f"audio/<language>/{prompt_id}.mp3: give it its own id")))
    return faults


def _reachable(flow: Flow) -> set[str]:
    """Nodes a caller can get to: from the start, and from anywhere by 0 to the counselor node."""
    seen: set[str] = set()
    todo = [flow.start, flow.counselor]
    while todo:
        node_id = todo.pop()
        if node_id in seen or node_id not in flow.nodes:
            continue
        seen.add(node_id)
        todo += successors(flow.nodes[node_id])
    return seen


def _unreachable(flow: Flow) -> list[FlowError]:
    """A node no caller can reach is usually a menu edit that forgot to link it."""
    reachable = _reachable(flow)
    return [
        FlowError(flow.file, node_id, f"is not reachable from '{flow.start}'")
        for node_id in flow.nodes if node_id not in reachable
    ]


def _counselor_fault(flow: Flow) -> list[FlowError]:
    """0 and silence must reach a person at once, not another menu."""
    node = flow.nodes[flow.counselor]
    if node.type in COUNSELOR_TYPES:
        return []
    fault = f"is the flow's counselor node but a {node.type} node: it must be a queue or dial"
    return [FlowError(flow.file, node.id, fault)]


def _choice_faults(flow: Flow) -> list[FlowError]:
    """Choices the loader does not insist on but a caller would stumble over."""
    faults = []
    for node in flow.nodes.values():
        if node.type == "menu" and not node.options:
            faults.append(FlowError(flow.file, node.id, "a menu has no options"))
        if node.type == "yesno" and not (node.yes and node.no):
            faults.append(FlowError(flow.file, node.id, "a yes/no question needs both 'yes' and 'no'"))
        if node.type == "language" and node.default and node.default not in flow.languages:
            faults.append(FlowError(flow.file, node.id, f"default '{node.default}' is not a language of the flow"))
    return faults


def _reaching_human(flow: Flow) -> set[str]:
    """Nodes from which some path ends at a queue, a voicemail, or a dial whose fallback does."""
    good = {node.id for node in flow.nodes.values() if node.type in HUMAN_TYPES}
    changed = True
    while changed:
        changed = False
        for node in flow.nodes.values():
            if node.id not in good and any(target in good for target in successors(node)):
                good.add(node.id)
                changed = True
    return good


def _trapped(flow: Flow) -> list[FlowError]:
    """Name the root causes of a caller never reaching a human: dead ends, closed loops, bad fallbacks."""
    good = _reaching_human(flow)
    stuck = [node_id for node_id in flow.nodes if node_id not in good]
    faults = []
    for node_id in stuck:
        node = flow.nodes[node_id]
        if node.type == "dial":
            faults.append(FlowError(flow.file, node_id, f"fallback '{node.fallback}' never reaches a counselor"))
        elif not successors(node):
            fault = f"a {node.type} node leads nowhere: the caller would be stranded"
            faults.append(FlowError(flow.file, node_id, fault))
    for cycle in _cycles(flow, set(stuck)):
        loop = " → ".join([*cycle, cycle[0]])
        faults.append(FlowError(flow.file, cycle[0], f"loops {loop} and never reaches a queue, dial or voicemail"))
    return faults


def _cycles(flow: Flow, within: set[str]) -> list[list[str]]:
    """Each distinct cycle among `within` (depth-first, one cycle per back edge), in file order."""
    order = list(flow.nodes)
    done: set[str] = set()
    found: dict[frozenset, list[str]] = {}

    def visit(node_id: str, path: list[str]) -> None:
        for target in successors(flow.nodes[node_id]):
            if target in path:
                cycle = path[path.index(target):]
                first = min(cycle, key=order.index)
                start = cycle.index(first)
                found.setdefault(frozenset(cycle), cycle[start:] + cycle[:start])
            elif target in within and target not in done:
                visit(target, [*path, target])
        done.add(node_id)

    for node_id in order:
        if node_id in within and node_id not in done:
            visit(node_id, [node_id])
    return sorted(found.values(), key=lambda cycle: order.index(cycle[0]))


def _own_prompts(flow: Flow, common: dict) -> list[str]:
    """Prompts the flow file defines itself (including any it overrides from common.yaml)."""
    return [prompt_id for prompt_id, texts in flow.prompts.items() if common.get(prompt_id) != texts]


def _origin(flow: Flow, prompt_id: str, common: dict) -> tuple[str, str | None]:
    """Where to send the operator for a prompt's fault: the node that plays it, or common.yaml."""
    if prompt_id not in _own_prompts(flow, common):
        return COMMON_FILE, None
    users = [node.id for node in flow.nodes.values() if node.prompt == prompt_id]
    return flow.file, (users[0] if users else None)


def _text(texts: object, language: str) -> str:
    value = texts.get(language) if isinstance(texts, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _text_faults(flow: Flow, common: dict) -> list[FlowError]:
    """A prompt without a text in a caller's language is silence, or a fallback voice they cannot follow."""
    faults = []
    for prompt_id, texts in flow.prompts.items():
        missing = [language for language in flow.languages if not _text(texts, language)]
        if missing:
            file, node = _origin(flow, prompt_id, common)
            needed = f" (a language of {flow.file})" if file != flow.file else ""
            faults.append(FlowError(file, node, f"prompt '{prompt_id}' has no text in {', '.join(missing)}{needed}"))
    return faults


def _placeholder_fault(prompt_id: str, text: str) -> str | None:
    """Why a text would not format for the caller, or None."""
    try:
        names = [name for _, name, _, _ in Formatter().parse(text) if name is not None]
    except ValueError:
        return "has a stray '{' or '}'"
    unknown = sorted({name for name in names if name != POSITION})
    if unknown:
        return f"has unknown placeholder {{{unknown[0]}}} (only {{{POSITION}}}, in hold_* prompts)"
    if POSITION in names and not prompt_id.startswith(HOLD_PREFIX):
        return f"uses {{{POSITION}}}, which only hold_* prompts may"
    return None


def _placeholder_faults(flow: Flow, common: dict) -> list[FlowError]:
    faults = []
    for prompt_id, texts in flow.prompts.items():
        for language in flow.languages:
            reason = _placeholder_fault(prompt_id, _text(texts, language))
            if reason:
                file, node = _origin(flow, prompt_id, common)
                faults.append(FlowError(file, node, f"prompt '{prompt_id}' in {language} {reason}"))
    return faults


def _unused_prompts(flows: list[Flow], common: dict) -> list[str]:
    """A flow's own prompt that no node plays is likely a typo in a node's `prompt`."""
    warnings = []
    for flow in flows:
        used = {node.prompt for node in flow.nodes.values()}
        unused = [prompt_id for prompt_id in _own_prompts(flow, common) if prompt_id not in used]
        if unused:
            warnings.append(f"{flow.file}: prompts no node plays: {', '.join(unused)}")
    return warnings


def has_recording(directory: Path, language: str, prompt_id: str) -> bool:
    return any((directory / "audio" / language / f"{prompt_id}{suffix}").is_file() for suffix in AUDIO_SUFFIXES)


def _prompt_languages(flows: list[Flow], common: dict) -> dict[str, dict[str, list[str]]]:
    """For each file, each of its prompts and the languages it is played in."""
    by_file: dict[str, dict[str, list[str]]] = {}
    for flow in flows:
        for prompt_id in flow.prompts:
            file = flow.file if prompt_id in _own_prompts(flow, common) else COMMON_FILE
            languages = by_file.setdefault(file, {}).setdefault(prompt_id, [])
            languages += [language for language in flow.languages if language not in languages]
    return by_file


def _unrecorded(directory: Path, played: dict[str, dict[str, list[str]]]) -> set[str]:
    """Distinct prompt ids still read by a fallback voice in some language."""
    return {
        prompt_id
        for prompts in played.values()
        for prompt_id, languages in prompts.items()
        if any(not has_recording(directory, language, prompt_id) for language in languages)
    }


def _recording_warnings(flow_set: FlowSet, played: dict[str, dict[str, list[str]]]) -> list[str]:
    """Per file and language, the prompts a caller hears from a fallback voice (or not at all, in Tajik)."""
    warnings = []
    for file, prompts in played.items():
        for language in flow_set.languages:
            missing = [
                prompt_id for prompt_id, languages in prompts.items()
                if language in languages and not has_recording(flow_set.directory, language, prompt_id)
            ]
            if missing:
                warnings.append(f"{file}: {len(missing)} prompts have no recording in {language}: {', '.join(missing)}")
    return warnings


def flow_directory(path: str | Path | None) -> Path | None:
    """The flow directory a command was given (a file means its directory), or the configured one."""
    if path is None:
        from hotline.settings import get_settings

        path = get_settings().flows_dir
    path = Path(path)
    if path.is_file():
        path = path.parent
    return path if path.is_dir() else None


def run(args) -> int:
    """`hotline flows check [PATH]`: faults to stderr, warnings to stdout; 0 ok, 1 faults, 2 bad path."""
    path = getattr(args, "path", None)
    try:
        directory = flow_directory(path)
    except ValueError as exc:  # settings that do not validate
        print(f"hotline flows check: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    if directory is None:
        print(f"hotline flows check: no flow directory at {path}", file=sys.stderr)
        return 2
    report = check_flows(directory)
    for fault in report.faults:
        print(fault, file=sys.stderr)
    for warning in report.warnings:
        print(warning)
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1
