"""`hotline flows check` finds each fault an operator can make, naming the file, the node and the fault."""

import argparse
import shutil
from pathlib import Path

import pytest
import yaml

from hotline.ivr.check import ENGINE_PROMPTS, check_flows, run

FLOWS_DIR = Path(__file__).resolve().parents[2] / "ivr_flows"
LANGUAGES = ["tg", "ru", "uz", "fa", "en"]


def texts(word: str) -> dict:
    return {code: f"{word} {code}" for code in LANGUAGES}


def good_flow() -> dict:
    """The smallest flow that passes: one menu, one queue."""
    return {
        "line": "999", "languages": list(LANGUAGES), "start": "ask", "counselor": "human",
        "nodes": {
            "ask": {"type": "menu", "prompt": "ask", "answer": "topic",
                    "options": {"1": {"value": "help", "next": "human"}}},
            "human": {"type": "queue", "skill": "emergency"},
        },
        "prompts": {"ask": texts("ask")},
    }


@pytest.fixture
def flow_dir(tmp_path) -> Path:
    for name in ("languages.yaml", "common.yaml"):
        shutil.copy(FLOWS_DIR / name, tmp_path / name)
    return tmp_path


def write(directory: Path, flow: dict, name: str = "999.yaml") -> None:
    (directory / name).write_text(yaml.safe_dump(flow, allow_unicode=True), encoding="utf-8")


def faults(directory: Path) -> list[tuple[str, str | None, str]]:
    return [(f.file, f.node, f.fault) for f in check_flows(directory).faults]


def only_fault(directory: Path) -> tuple[str, str | None, str]:
    found = faults(directory)
    assert len(found) == 1, found
    return found[0]


def test_the_smallest_flow_is_ok(flow_dir):
    write(flow_dir, good_flow())
    report = check_flows(flow_dir)
    assert report.ok and report.faults == [] and report.files == ["999.yaml"]


def test_unreachable_node(flow_dir):
    flow = good_flow()
    flow["nodes"]["orphan"] = {"type": "message", "prompt": "ask", "next": "human"}
    write(flow_dir, flow)
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("999.yaml", "orphan") and "not reachable from 'ask'" in fault


def test_counselor_node_counts_as_reachable(flow_dir):
    flow = good_flow()
    flow["nodes"]["ask"]["options"]["1"]["next"] = "other_queue"
    flow["nodes"]["other_queue"] = {"type": "queue", "skill": "emergency"}
    write(flow_dir, flow)
    assert faults(flow_dir) == []


@pytest.mark.parametrize("text", [None, "", "   "])
def test_missing_language_text(flow_dir, text):
    flow = good_flow()
    if text is None:
        del flow["prompts"]["ask"]["fa"]
    else:
        flow["prompts"]["ask"]["fa"] = text
    write(flow_dir, flow)
    assert only_fault(flow_dir) == ("999.yaml", "ask", "prompt 'ask' has no text in fa")


def test_missing_language_in_a_common_prompt(flow_dir):
    common = yaml.safe_load((flow_dir / "common.yaml").read_text(encoding="utf-8"))
    del common["prompts"]["no_input"]["uz"], common["prompts"]["no_input"]["en"]
    write(flow_dir, common, "common.yaml")
    write(flow_dir, good_flow())
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("common.yaml", None) and "prompt 'no_input' has no text in uz, en" in fault


def test_a_prompt_the_engine_plays_by_name_must_exist(flow_dir):
    common = yaml.safe_load((flow_dir / "common.yaml").read_text(encoding="utf-8"))
    del common["prompts"]["connecting_counselor"]
    write(flow_dir, common, "common.yaml")
    write(flow_dir, good_flow())
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("common.yaml", None) and "'connecting_counselor' is missing" in fault


def test_cycle_with_no_exit(flow_dir):
    flow = good_flow()
    flow["nodes"]["ask"]["options"]["2"] = {"value": "loop", "next": "loop_a"}
    flow["nodes"]["loop_a"] = {"type": "message", "prompt": "ask", "next": "loop_b"}
    flow["nodes"]["loop_b"] = {"type": "message", "prompt": "ask", "next": "loop_a"}
    write(flow_dir, flow)
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("999.yaml", "loop_a") and "loop_a → loop_b → loop_a" in fault
    assert "never reaches" in fault


def test_cycle_with_a_way_out_is_fine(flow_dir):
    flow = good_flow()
    flow["nodes"]["ask"]["options"]["9"] = {"value": "repeat", "next": "again"}
    flow["nodes"]["again"] = {"type": "message", "prompt": "ask", "next": "ask"}
    write(flow_dir, flow)
    assert faults(flow_dir) == []


def test_dial_whose_fallback_never_reaches_a_human(flow_dir):
    flow = good_flow()
    flow["counselor"] = "ring"
    flow["nodes"]["ring"] = {"type": "dial", "number": "on_call", "fallback": "sorry"}
    flow["nodes"]["sorry"] = {"type": "message", "prompt": "ask", "next": "ring"}
    write(flow_dir, flow)
    found = faults(flow_dir)
    assert ("999.yaml", "ring", "fallback 'sorry' never reaches a counselor") in found
    assert any(node == "ring" and "ring → sorry → ring" in fault for _, node, fault in found)


def test_dial_with_a_queue_as_fallback_is_fine(flow_dir):
    flow = good_flow()
    flow["counselor"] = "ring"
    flow["nodes"]["ring"] = {"type": "dial", "number": "supervisor", "fallback": "human"}
    write(flow_dir, flow)
    assert faults(flow_dir) == []


def test_bad_yaml_is_a_fault_not_a_traceback(flow_dir):
    (flow_dir / "999.yaml").write_text("line: 999\nnodes: [unclosed\n", encoding="utf-8")
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("999.yaml", None) and "not valid YAML at line" in fault


def test_dangling_next(flow_dir):
    flow = good_flow()
    flow["nodes"]["ask"]["options"]["1"]["next"] = "nowhere"
    write(flow_dir, flow)
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("999.yaml", "ask") and "'nowhere', which is not a node" in fault


def test_counselor_must_be_a_queue_or_dial(flow_dir):
    flow = good_flow()
    flow["counselor"] = "ask"
    write(flow_dir, flow)
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("999.yaml", "ask") and "counselor node" in fault and "menu" in fault


def test_menu_without_options_and_yesno_without_no(flow_dir):
    flow = good_flow()
    flow["nodes"]["ask"]["options"] = {}
    write(flow_dir, flow)
    assert only_fault(flow_dir)[:2] == ("999.yaml", "ask")
    flow = good_flow()
    flow["nodes"]["ask"] = {"type": "yesno", "prompt": "ask", "answer": "ok", "yes": {"next": "human"}}
    write(flow_dir, flow)
    file, node, fault = only_fault(flow_dir)
    assert (file, node) == ("999.yaml", "ask") and "no leads nowhere" in fault


def test_bare_yes_and_no_keys_are_read_as_branches(flow_dir):
    text = yaml.safe_dump(good_flow()).replace("type: menu", "type: yesno\n    yes: {next: human}\n    no: {next: human}")
    (flow_dir / "999.yaml").write_text(text, encoding="utf-8")
    assert faults(flow_dir) == []


def test_position_only_in_hold_prompts_and_no_unknown_placeholders(flow_dir):
    common = yaml.safe_load((flow_dir / "common.yaml").read_text(encoding="utf-8"))
    common["prompts"]["hold_reassure"]["ru"] = "Ждите, {name}."
    write(flow_dir, common, "common.yaml")
    flow = good_flow()
    flow["prompts"]["ask"]["en"] = "You are number {position}."
    write(flow_dir, flow)
    found = faults(flow_dir)
    assert ("999.yaml", "ask", "prompt 'ask' in en uses {position}, which only hold_* prompts may") in found
    assert any(f == "common.yaml" and "hold_reassure' in ru has unknown placeholder {name}" in t for f, _, t in found)
    assert len(found) == 2


def test_one_prompt_id_with_two_texts_across_lines_is_a_fault(flow_dir):
    write(flow_dir, good_flow())
    other = good_flow()
    other["line"] = "998"
    other["prompts"]["ask"] = texts("other")
    write(flow_dir, other, "998.yaml")
    file, node, fault = only_fault(flow_dir)
    assert file == "999.yaml" and "prompt 'ask'" in fault and "998.yaml" in fault


def test_overriding_a_common_prompt_is_a_fault(flow_dir):
    flow = good_flow()
    flow["prompts"]["no_input"] = texts("silence")
    write(flow_dir, flow)
    file, node, fault = only_fault(flow_dir)
    assert file == "999.yaml" and "prompt 'no_input'" in fault and "common.yaml" in fault


def test_missing_recording_warning_appears_and_disappears(flow_dir):
    write(flow_dir, good_flow())
    before = check_flows(flow_dir)
    assert "999.yaml: 1 prompts have no recording in fa: ask" in before.warnings
    (flow_dir / "audio" / "fa").mkdir(parents=True)
    (flow_dir / "audio" / "fa" / "ask.mp3").write_bytes(b"ID3")
    after = check_flows(flow_dir)
    assert not any(w.startswith("999.yaml:") and " in fa:" in w for w in after.warnings)
    assert "999.yaml: 1 prompts have no recording in en: ask" in after.warnings
    assert before.unrecorded == after.unrecorded == len(ENGINE_PROMPTS) + 1  # ask is still unrecorded in the other languages
    for code in LANGUAGES:
        (flow_dir / "audio" / code).mkdir(parents=True, exist_ok=True)
        (flow_dir / "audio" / code / "ask.wav").write_bytes(b"RIFF")
    assert check_flows(flow_dir).unrecorded == len(ENGINE_PROMPTS)


def test_format_names_file_node_and_fault(flow_dir):
    flow = good_flow()
    flow["nodes"]["orphan"] = {"type": "message", "prompt": "ask", "next": "human"}
    write(flow_dir, flow)
    text = check_flows(flow_dir).format()
    assert "999.yaml: node 'orphan': is not reachable from 'ask'" in text.splitlines()


def test_run_ok_prints_warnings_and_summary_to_stdout(flow_dir, capsys):
    write(flow_dir, good_flow())
    assert run(argparse.Namespace(path=str(flow_dir))) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-1] == f"1 flows ok: 999.yaml; {len(ENGINE_PROMPTS) + 1} prompts without a recording"


def test_run_with_faults_exits_1_and_prints_them_to_stderr(flow_dir, capsys):
    flow = good_flow()
    flow["counselor"] = "ask"
    write(flow_dir, flow)
    assert run(argparse.Namespace(path=str(flow_dir))) == 1
    err = capsys.readouterr().err
    assert "999.yaml: node 'ask': is the flow's counselor node" in err


@pytest.mark.parametrize("path", ["/no/such/flows", "__file__"])
def test_run_bad_path_is_one_line_and_exit_2(tmp_path, capsys, path):
    if path == "__file__":
        path = str(tmp_path / "missing.yaml")
    assert run(argparse.Namespace(path=path)) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1 and path in captured.err


def test_run_without_path_checks_the_configured_directory(flow_dir, monkeypatch, capsys):
    from hotline import settings

    write(flow_dir, good_flow())
    monkeypatch.setattr(settings, "get_settings", lambda: settings.Settings(flows_dir=flow_dir))
    assert run(argparse.Namespace(path=None)) == 0
    assert "999.yaml" in capsys.readouterr().out
