"""Opening hours and holidays as data: parsed, validated with the fault named, and asked in Dushanbe time."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hotline.ivr.check import check_flows
from hotline.ivr.flows import FlowError
from hotline.operations.hours import load_hours
from tests.operations.helpers import SHIPPED

DUSHANBE = ZoneInfo("Asia/Dushanbe")
HOURS = """
timezone: Asia/Dushanbe
lines:
  "123": {hours: always}
  "1480":
    hours:
      mon-fri: "08:00-20:00"
      sat: ["09:00-13:00", "14:00-24:00"]
    announcement: hours_1480
holidays:
  - {date: "03-21", name: Navruz}
  - {date: "2026-05-27", name: Idi Qurbon, hours: "10:00-14:00"}
  - {date: "06-27", name: National Unity Day, lines: ["123"]}
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=DUSHANBE)


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "hours.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_weekly_hours_in_dushanbe_time(tmp_path):
    hours = load_hours(write(tmp_path, HOURS))
    assert hours.is_open("1480", at("2026-06-01T08:00"))  # a Monday
    assert not hours.is_open("1480", at("2026-06-01T07:59"))
    assert not hours.is_open("1480", at("2026-06-01T20:00"))
    assert hours.is_open("1480", at("2026-06-06T23:59"))  # Saturday until midnight
    assert not hours.is_open("1480", at("2026-06-06T13:30"))  # the lunch break
    assert not hours.is_open("1480", at("2026-06-07T12:00"))  # Sunday: not named, closed
    assert hours.is_open("1480", datetime.fromisoformat("2026-06-01T03:00+00:00"))  # 08:00 in Dushanbe (UTC+5)
    assert hours.is_open("123", at("2026-06-07T03:00"))


def test_holidays_close_the_lines_with_hours_every_year_or_once(tmp_path):
    hours = load_hours(write(tmp_path, HOURS))
    assert hours.is_open("1480", at("2028-03-20T12:00")) and not hours.is_open("1480", at("2028-03-21T12:00"))  # Navruz
    assert hours.holiday("1480", at("2031-03-21T00:00").date()).name == "Navruz"
    assert hours.is_open("1480", at("2026-05-27T11:00")) and not hours.is_open("1480", at("2026-05-27T15:00"))
    assert hours.holiday("1480", at("2027-05-27T00:00").date()) is None  # a dated holiday is one day only
    assert hours.is_open("1480", at("2026-06-26T12:00"))  # a Friday, and the next day's holiday is 123's
    assert hours.is_open("123", at("2026-03-21T12:00"))  # a line open always stays open on holidays


def test_no_hours_file_means_every_line_is_open(tmp_path):
    hours = load_hours(tmp_path)
    assert hours.is_open("1480", at("2026-01-01T03:00")) and hours.is_open("123")


def test_the_shipped_hours_keep_both_lines_open_day_and_night():
    hours = load_hours(SHIPPED)
    for moment in ("2026-03-21T03:00", "2026-06-07T23:30", "2026-01-01T12:00"):
        assert hours.is_open("123", at(moment)) and hours.is_open("1480", at(moment))
    assert len(hours.holidays) >= 8


@pytest.mark.parametrize("text, where, fault", [
    ('lines: {"1480": {hours: {mon: "8-20"}, announcement: hours_1480}}', "line 1480", "is not a time range"),
    ('lines: {"1480": {hours: {mon: "20:00-08:00"}, announcement: hours_1480}}', "line 1480", "ends before it starts"),
    ('lines: {"1480": {hours: {mon: "08:00-25:00"}, announcement: hours_1480}}', "line 1480", "does not exist"),
    ('lines: {"1480": {hours: {funday: "08:00-20:00"}, announcement: hours_1480}}', "line 1480", "is not a day"),
    ('lines: {"1480": {hours: {fri-mon: "08:00-20:00"}, announcement: hours_1480}}', "line 1480", "runs backwards"),
    ('lines: {"1480": {hours: {mon-fri: "08:00-20:00", fri: closed}, announcement: x}}', "line 1480", "fri is given twice"),
    ('lines: {"1480": {hours: {mon: "08:00-20:00"}}}', "line 1480", "needs an 'announcement'"),
    ('lines: {"1480": {}}', "line 1480", "needs 'hours'"),
    ('lines: {"911": {hours: always}}', "line 911", "not a line of the hotline"),
    ('timezone: Mars/Olympus', None, "unknown time zone"),
    ('holidays: [{date: "02-30"}]', "holiday 02-30", "is not a date"),
    ('holidays: [{name: Navruz}]', "holidays", "needs a 'date'"),
    ('holidays: [{date: "03-21", lines: ["999"]}]', "holiday 03-21", "not a line of the hotline"),
    ('lines: [1480', None, "not valid YAML"),
])
def test_a_fault_is_named_with_its_line_or_holiday(tmp_path, text, where, fault):
    with pytest.raises(FlowError) as raised:
        load_hours(write(tmp_path, text))
    assert raised.value.file == "hours.yaml" and raised.value.node == where
    assert fault in raised.value.fault


def test_flows_check_reports_bad_hours_and_an_unknown_announcement(tmp_path):
    import shutil

    flows = tmp_path / "flows"
    shutil.copytree(SHIPPED, flows)
    assert check_flows(flows).ok
    write(flows, 'lines: {"1480": {hours: {mon: "08:00-20:00"}, announcement: hours_typo}}')
    faults = [str(fault) for fault in check_flows(flows).faults]
    assert faults == ["hours.yaml: node 'line 1480': announcement 'hours_typo' is not a prompt of common.yaml or 1480.yaml"]
    write(flows, 'lines: {"1480": {hours: {mon: "late"}, announcement: hours_1480}}')
    assert "is not a time range" in str(check_flows(flows).faults[0])
