"""`hotline flows graph` draws every node and every key a caller can press."""

import argparse
from pathlib import Path

import pytest

from hotline.ivr.flows import load_flows
from hotline.ivr.graph import flow_mermaid, mermaid_id, run

FLOWS_DIR = Path(__file__).resolve().parents[2] / "ivr_flows"


@pytest.fixture(scope="module")
def flows():
    return load_flows(FLOWS_DIR)


def graph(**kwargs) -> argparse.Namespace:
    return argparse.Namespace(**{"path": str(FLOWS_DIR), "line": None, "output": None, **kwargs})


@pytest.mark.parametrize("line", ["123", "1480"])
def test_every_node_is_drawn_with_its_type(flows, line):
    flow = flows.for_line(line)
    chart = flow_mermaid(flow)
    assert chart.startswith("flowchart TD\n")
    node_lines = {text.split('"')[0].strip(" ([{"): text for text in chart.splitlines()[1:] if '"' in text and "--" not in text}
    for node in flow.nodes.values():
        assert node.id in node_lines, node.id
        assert f"{node.id} · {node.type}" in node_lines[node.id]


def test_123_digit_edges(flows):
    chart = flow_mermaid(flows.for_line("123"))
    assert 'language -->|"1 tg · 2 ru · 3 uz · 4 fa · 5 en"| welcome' in chart
    assert 'topic -->|"1 danger · critical"| danger_describe' in chart
    assert 'topic -->|"2 child · high"| someone_hurt' in chart
    assert 'topic -->|"6 other"| other_describe' in chart
    assert 'someone_hurt -->|"1 yes · critical"| to_emergency' in chart
    assert 'someone_hurt -->|"2 no"| aggressor_present' in chart
    assert 'suicide_now -.->|"silence = yes"| to_emergency' in chart
    assert 'region -->|"1-5 region"| to_emergency' in chart


def test_zero_is_drawn_once_and_silence_edges_are_dashed(flows):
    chart = flow_mermaid(flows.for_line("123"))
    assert chart.count("0 → counselor") == 1
    assert 'topic -.->|"silence, invalid"| to_counselor' in chart
    assert 'suicide_now -.->|"invalid"| to_counselor' in chart
    assert "danger_describe -.->" not in chart  # silence on a speech node goes on


def test_labels_show_the_english_prompt(flows):
    chart = flow_mermaid(flows.for_line("1480"))
    assert "Are you having thoughts of killing yourself" in chart
    assert "Барои" not in chart


def test_mermaid_keywords_are_not_used_as_ids():
    assert mermaid_id("end") != "end" and mermaid_id("welcome") == "welcome"
    assert mermaid_id("two words") == "n_two_words"


def test_run_prints_one_line_only(capsys):
    assert run(graph(line="1480")) == 0
    out = capsys.readouterr().out
    assert "%% line 1480 (1480.yaml)" in out and "line 123 " not in out and out.count("flowchart TD") == 1


def test_run_prints_both_lines(capsys):
    assert run(graph()) == 0
    assert capsys.readouterr().out.count("flowchart TD") == 2


def test_run_writes_markdown_with_mermaid_fences(tmp_path):
    output = tmp_path / "flows.md"
    assert run(graph(output=str(output))) == 0
    text = output.read_text(encoding="utf-8")
    assert text.count("```mermaid\nflowchart TD") == 2 and text.count("```") == 4


def test_run_writes_plain_mermaid_to_other_files(tmp_path):
    output = tmp_path / "123.mmd"
    assert run(graph(line="123", output=str(output))) == 0
    assert "```" not in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("kwargs, needle", [
    ({"path": "/no/such/flows"}, "/no/such/flows"),
    ({"line": "999"}, "line 999"),
    ({"output": "/no/such/dir/flows.md"}, "cannot write"),
])
def test_run_errors_are_one_line_and_exit_2(capsys, kwargs, needle):
    assert run(graph(**kwargs)) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_run_on_a_broken_flow_reports_the_fault(tmp_path, capsys):
    for name in ("languages.yaml", "common.yaml"):
        (tmp_path / name).write_text((FLOWS_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "999.yaml").write_text("line: [\n", encoding="utf-8")
    assert run(graph(path=str(tmp_path))) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "999.yaml" in err
