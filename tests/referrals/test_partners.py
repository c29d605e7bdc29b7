"""The partner directory: the shipped sample covers every region, loads by key, and the API lets supervisors
manage it (counselors read it) with bad fields named."""

from pathlib import Path
import re

import yaml

from hotline.calls.models import REGIONS
from hotline.cli import main
from hotline.referrals import partners as directory
from hotline.referrals.models import EMERGENCY_TYPES, PARTNER_TYPES
from hotline.settings import PROJECT_ROOT
from tests.auth.helpers import login
from tests.referrals.helpers import load_sample_directory

SAMPLE = PROJECT_ROOT / "referral_data" / "partners.sample.yaml"
NEW = {"name": "Test Shelter Vose", "type": "shelter", "region": "khatlon", "district": "Vose",
       "languages": ["tg"], "hours": "mon-fri 08:00-17:00", "phone": "+1 202 555 0199"}


def test_the_sample_directory_is_marked_and_covers_every_region_with_emergency_partners():
    text = SAMPLE.read_text()
    assert "SAMPLE DATA TO REPLACE" in text and "FICTIONAL" in text
    partners = directory.read_file(SAMPLE)
    assert all(p.name.startswith("SAMPLE") for p in partners)
    assert all(re.fullmatch(r"\+120255501\d\d", p.phone) for p in partners), "the reserved fictional range"
    for region in REGIONS:
        types = {p.type for p in partners if p.region == region}
        assert set(EMERGENCY_TYPES) <= types, region
    national = {p.type for p in partners if p.national}
    assert set(PARTNER_TYPES) <= {p.type for p in partners if p.region == "dushanbe"} | national


def test_partners_load_creates_then_updates_by_key(hotline_env, capsys):
    assert main(["partners", "load", str(SAMPLE)]) == 0
    assert "55 created" in capsys.readouterr().out
    assert main(["partners", "load", str(SAMPLE)]) == 0
    assert "0 created, 55 updated" in capsys.readouterr().out


def test_a_bad_partners_file_names_the_entry_and_field(hotline_env, tmp_path: Path, capsys):
    bad = tmp_path / "partners.yaml"
    bad.write_text(yaml.safe_dump({"partners": [{"key": "k1", "name": "A B", "type": "police", "region": "pamir",
                                                 "languages": ["tg"], "phone": "+12025550101"}]}))
    assert main(["partners", "load", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "partner #1 'k1'" in err and "region" in err and "Traceback" not in err


def test_counselors_read_the_directory_and_supervisors_manage_it(api, hotline_env):
    load_sample_directory()
    _, counselor = login(api, "counselor")
    _, supervisor = login(api, "supervisor")
    listed = api.get("/api/partners?region=gbao&type=police", headers=counselor).json()
    assert [p["region"] for p in listed] == ["gbao"]
    assert api.post("/api/partners", json=NEW, headers=counselor).status_code == 403
    assert api.get("/api/partners").status_code == 401
    created = api.post("/api/partners", json=NEW, headers=supervisor)
    assert created.status_code == 201 and created.json()["phone"] == "+12025550199"
    partner_id = created.json()["id"]
    changed = api.patch(f"/api/partners/{partner_id}", json={"capacity": 4}, headers=supervisor).json()
    assert changed["capacity"] == 4 and changed["name"] == NEW["name"]
    assert api.delete(f"/api/partners/{partner_id}", headers=supervisor).json()["active"] is False
    assert partner_id not in [p["id"] for p in api.get("/api/partners", headers=counselor).json()]


def test_bad_partner_fields_are_named(api, hotline_env):
    _, supervisor = login(api, "supervisor")
    response = api.post("/api/partners", json={**NEW, "phone": "12", "hours": "always open", "type": "plumber"},
                        headers=supervisor)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["detail"]} == {"phone", "hours", "type"}


def test_a_change_gets_the_same_checks_as_a_new_partner(api, hotline_env):
    _, supervisor = login(api, "supervisor")
    partner_id = api.post("/api/partners", json=NEW, headers=supervisor).json()["id"]
    response = api.patch(f"/api/partners/{partner_id}", json={"phone": "12", "webhook_url": "ftp://x"},
                         headers=supervisor)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["detail"]} == {"phone", "webhook_url"}
    assert api.get(f"/api/partners/{partner_id}", headers=supervisor).json()["phone"] == "+12025550199"
