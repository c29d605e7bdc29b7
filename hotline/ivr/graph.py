"""`hotline flows graph`: draw each flow as a Mermaid flowchart so an operator sees a menu edit before callers hear it."""

import re
import sys
from pathlib import Path

from hotline.ivr.check import flow_directory, load
from hotline.ivr.flows import TERMINAL_TYPES, Flow, FlowError, Node

LABEL_CHARS = 60
LABEL_LANGUAGE = "en"
MERMAID_WORDS = {"end", "graph", "subgraph", "flowchart", "style", "class", "classdef", "click", "linkstyle", "direction"}
PLAIN_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def mermaid_id(node_id: str) -> str:
    """Node ids as Mermaid accepts them: its keywords (e.g. `end`) and odd characters would break the chart."""
    if PLAIN_ID.match(node_id) and node_id.lower() not in MERMAID_WORDS:
        return node_id
    return "n_" + re.sub(r"\W", "_", node_id)


def _quote(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _prompt_text(flow: Flow, node: Node) -> str:
    """The English text (or the flow's first language) that a reader of the chart can follow."""
    texts = flow.prompts.get(node.prompt or "") or {}
    if not isinstance(texts, dict):
        return ""
    text = texts.get(LABEL_LANGUAGE) or texts.get(flow.languages[0]) or ""
    return _shorten(str(text))


def _node_line(flow: Flow, node: Node) -> str:
    label = f"{node.id} · {node.type}"
    if node.type == "queue":
        label += f" {node.skill}"
    if node.type == "dial":
        label += f" {node.number}"
    text = _prompt_text(flow, node)
    label = _quote(f"{label}<br/>{text}" if text else label)
    if node.type in TERMINAL_TYPES:
        shape = f"([{label}])"
    elif node.type == "yesno":
        shape = f"{{{label}}}"
    else:
        shape = f"[{label}]"
    return f"    {mermaid_id(node.id)}{shape}"


def _edge(source: str, target: str, label: str = "", dashed: bool = False) -> str:
    arrow = "-.->" if dashed else "-->"
    labelled = f"{arrow}|{_quote(label)}|" if label else arrow
    return f"    {mermaid_id(source)} {labelled} {mermaid_id(target)}"


def _choice_label(key: str, value: str | None, urgency: str | None) -> str:
    label = f"{key} {value}" if value else key
    return f"{label} · {urgency}" if urgency else label


def _node_edges(node: Node) -> list[str]:
    """The edges a caller's own answers follow."""
    if node.type == "language":
        digits = " · ".join(f"{digit} {code}" for digit, code in sorted(node.languages.items()))
        return [_edge(node.id, node.next, digits), _edge(node.id, node.next, f"no answer: {node.default}", dashed=True)]
    if node.type == "menu":
        return [_edge(node.id, c.next, _choice_label(d, c.value, c.urgency)) for d, c in sorted(node.options.items())]
    if node.type == "yesno":
        edges = [_edge(node.id, node.yes.next, _choice_label("1", "yes", node.yes.urgency)),
                 _edge(node.id, node.no.next, _choice_label("2", "no", node.no.urgency))]
        if node.silence_counts_as_yes:
            edges.append(_edge(node.id, node.yes.next, "silence = yes", dashed=True))
        return edges
    if node.type == "region":
        return [_edge(node.id, node.next, "1-5 region")]
    if node.type == "speech":
        return [_edge(node.id, node.next, "speech, a key or silence")]
    if node.type == "dial":
        return [_edge(node.id, node.fallback, "no answer", dashed=True)]
    return [_edge(node.id, node.next)] if node.next else []


def _to_counselor_label(node: Node) -> str:
    """What sends a caller from this node to the counselor besides 0 (see the engine's re-prompt rules)."""
    if node.type == "language" or (node.type == "yesno" and node.silence_counts_as_yes):
        return "invalid"
    if node.type in ("menu", "yesno", "region"):
        return "silence, invalid"
    return ""


def _key_zero_id(flow: Flow) -> str:
    key_id = "key0"
    while key_id in flow.nodes:
        key_id += "_"
    return key_id


def flow_mermaid(flow: Flow) -> str:
    """One flow as `flowchart TD` text."""
    lines = ["flowchart TD"]
    lines += [_node_line(flow, node) for node in flow.nodes.values()]
    key_zero = _key_zero_id(flow)
    lines.append(f"    {key_zero}(({_quote('0 on any menu')}))")
    for node in flow.nodes.values():
        lines += _node_edges(node)
    lines.append(_edge(key_zero, flow.counselor, "0 → counselor"))
    for node in flow.nodes.values():
        label = _to_counselor_label(node)
        if label:
            lines.append(_edge(node.id, flow.counselor, label, dashed=True))
    return "\n".join(lines) + "\n"


def render(flows: list[Flow], markdown: bool) -> str:
    """Every chart, as plain Mermaid (one per flow) or as Markdown with one fenced chart per line."""
    if not markdown:
        return "\n".join(f"%% line {flow.line} ({flow.file})\n{flow_mermaid(flow)}" for flow in flows)
    parts = ["# IVR flows\n"]
    parts += [f"## Line {flow.line} ({flow.file})\n\n```mermaid\n{flow_mermaid(flow)}```\n" for flow in flows]
    return "\n".join(parts)


def _fail(message: str, code: int = 2) -> int:
    print(f"hotline flows graph: {message}", file=sys.stderr)
    return code


def run(args) -> int:
    """`hotline flows graph [PATH] [--line L] [--output FILE]`: 0 drawn, 1 a flow fault, 2 a bad argument."""
    path, line, output = (getattr(args, name, None) for name in ("path", "line", "output"))
    try:
        directory = flow_directory(path)
    except ValueError as exc:
        return _fail(str(exc).splitlines()[0])
    if directory is None:
        return _fail(f"no flow directory at {path}")
    try:
        flow_set = load(directory)
    except FlowError as fault:
        return _fail(f"{fault} (run `hotline flows check`)", code=1)
    flows = sorted(flow_set.flows.values(), key=lambda flow: flow.file)
    if line is not None:
        flows = [flow for flow in flows if flow.line == str(line)]
        if not flows:
            return _fail(f"no flow for line {line} (lines: {', '.join(sorted(flow_set.flows))})")
    text = render(flows, markdown=bool(output) and Path(output).suffix.lower() == ".md")
    if not output:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {output}: {exc.strerror}")
    return 0
