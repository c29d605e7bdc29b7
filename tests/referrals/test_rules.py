"""Dispatch rules as data: the shipped file passes, the most specific rule wins, and `hotline rules check`
names the rule and the fault."""

from pathlib import Path

from hotline.cli import main
from hotline.referrals.rules import load_rules, partner_types
from hotline.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "referral_data" / "dispatch_rules.yaml"


def test_the_shipped_rules_pass(capsys):
    assert main(["rules", "check", str(SHIPPED)]) == 0
    assert "dispatch rules OK" in capsys.readouterr().out


def test_the_most_specific_rule_wins():
    rules = load_rules(SHIPPED)
    assert partner_types(rules, category="child_abuse", urgency="critical", region="khatlon")[0] == "mobile_team"
    assert partner_types(rules, category="suicide_self_harm", urgency="critical", region="sughd")[0] == "ambulance"
    assert partner_types(rules, category="elder", urgency="critical", region="gbao")[0] == "police"
    assert partner_types(rules, category=None, urgency="critical", region="dushanbe")[0] == "mobile_team"
    assert partner_types(rules, category="domestic_violence", urgency="high", region="drs")[0] == "shelter"


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rules.yaml"
    path.write_text(text)
    return str(path)


def test_faults_are_named_with_the_rule(tmp_path, capsys):
    path = write(tmp_path, """
rules:
  - name: fallback
    partners: [mobile_team, psychologist]
  - name: typo
    category: childabuse
    partners: [police]
  - name: bad-partner
    category: elder
    urgency: [high]
    partners: [elder_care]
  - name: calm-critical
    category: health
    partners: [hiv_centre]
""")
    assert main(["rules", "check", path]) == 1
    err = capsys.readouterr().err
    assert "rule 'typo': unknown category 'childabuse'" in err
    assert "rule 'bad-partner': unknown partner type 'elder_care'" in err
    assert "rule 'calm-critical': applies to critical calls but starts with 'hiv_centre'" in err
    assert "Traceback" not in err


def test_ambiguous_rules_and_gaps_are_refused(tmp_path, capsys):
    path = write(tmp_path, """
rules:
  - name: one
    category: health
    urgency: critical
    partners: [ambulance]
  - name: two
    category: health
    urgency: critical
    partners: [police]
""")
    assert main(["rules", "check", path]) == 1
    err = capsys.readouterr().err
    assert "rules 'one' and 'two' both match category health" in err
    assert "no rule covers category" in err


def test_a_missing_file_is_one_line(tmp_path, capsys):
    assert main(["rules", "check", str(tmp_path / "none.yaml")]) == 1
    assert "cannot read the file" in capsys.readouterr().err
