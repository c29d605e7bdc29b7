"""The `triage classify` and `triage evaluate` sub-commands, through a tiny argparse harness."""

import argparse
import io
import json

from hotline.triage import cli


def _parse(argv):
    parser = argparse.ArgumentParser(prog="hotline")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_register_wires_func():
    assert _parse(["triage", "classify"]).func is cli.run_classify
    args = _parse(["triage", "evaluate", "x.jsonl"])
    assert args.func is cli.run_evaluate and str(args.file) == "x.jsonl"


def test_classify_writes_one_line_per_input():
    stdin = io.StringIO(
        json.dumps({"id": "1", "text": "выпила все таблетки"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "2", "text": "", "answers": {"topic": "violence", "weapon": "yes"}}) + "\n"
    )
    out, err = io.StringIO(), io.StringIO()
    code = cli.run_classify(_parse(["triage", "classify"]), stdin=stdin, stdout=out, stderr=err)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 0 and err.getvalue() == ""
    assert [(r["id"], r["urgency"]) for r in lines] == [("1", "critical"), ("2", "critical")]
    assert lines[1]["category"] == "domestic_violence" and lines[1]["reasons"]


def test_classify_reports_bad_lines_and_continues():
    stdin = io.StringIO('{"id": "1", "text": "муж бьёт меня"}\nnot json\n[1, 2]\n{"id": "4", "text": 5}\n{"id": "5", "text": "ok?"}\n')
    out, err = io.StringIO(), io.StringIO()
    code = cli.run_classify(_parse(["triage", "classify"]), stdin=stdin, stdout=out, stderr=err)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["1", "5"]
    errors = err.getvalue().splitlines()
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 3", "line 4"]
    assert "Traceback" not in err.getvalue()


def test_evaluate_prints_figures(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "муж бьёт меня", "urgency": "high", "category": "domestic_violence"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert cli.run_evaluate(_parse(["triage", "evaluate", str(path), "--rules-only"]), stdout=out, stderr=err) == 0
    assert "urgency accuracy   1.000" in out.getvalue() and err.getvalue() == ""
    out = io.StringIO()
    assert cli.run_evaluate(_parse(["triage", "evaluate", str(path)]), stdout=out, stderr=err) == 0
    assert "under-triage       0.000" in out.getvalue()  # with the model: never below the rules


def test_evaluate_missing_or_malformed_file_exits_2(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "urgency": "high"}\n{broken\n', encoding="utf-8")
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text('{"text": "x", "urgency": "urgent"}\n', encoding="utf-8")
    for path, expected in ((tmp_path / "missing.jsonl", "missing.jsonl"), (bad, "line 2"), (wrong, "line 1")):
        out, err = io.StringIO(), io.StringIO()
        assert cli.run_evaluate(_parse(["triage", "evaluate", str(path)]), stdout=out, stderr=err) == 2
        assert expected in err.getvalue() and len(err.getvalue().splitlines()) == 1 and out.getvalue() == ""


def test_evaluate_rules_only_leaves_the_model_out(tmp_path):
    path = tmp_path / "rows.jsonl"
    text = "he choked me last night until i blacked out. he is asleep in the next room now, i'm scared to move"
    path.write_text(json.dumps({"text": text, "urgency": "critical", "category": "domestic_violence"}) + "\n",
                    encoding="utf-8")
    rules, both = io.StringIO(), io.StringIO()
    assert cli.run_evaluate(_parse(["triage", "evaluate", "--rules-only", str(path)]), stdout=rules) == 0
    assert cli.run_evaluate(_parse(["triage", "evaluate", str(path)]), stdout=both) == 0
    assert "under-triage       1.000" in rules.getvalue() and "under-triage       0.000" in both.getvalue()
