"""A flow directory with operator-written hours, and the words a caller hears."""

from pathlib import Path
import shutil
from uuid import uuid4

from hotline.ivr.service import get_flows
from tests.conftest import configure
from tests.telephony.helpers import Caller, said

SHIPPED = Path(__file__).resolve().parents[2] / "ivr_flows"
HOURS_PROMPT = """  hours_1480:
    tg: "Мушовирони хати 1480 аз душанбе то шанбе, аз соати 8-и субҳ то 8-и бегоҳ ҷавоб медиҳанд."
    ru: "Консультанты линии 1480 отвечают с понедельника по субботу, с 8 утра до 8 вечера."
    uz: "1480 liniyasi maslahatchilari dushanbadan shanbagacha, ertalab soat 8 dan kechqurun soat 8 gacha javob beradi."
    fa: "مشاوران خط ۱۴۸۰ از دوشنبه تا شنبه، از ساعت ۸ صبح تا ۸ شب پاسخ می‌دهند."
    en: "Counselors on line 1480 answer Monday to Saturday, from 8 in the morning to 8 in the evening."
"""
ALWAYS_CLOSED = """
timezone: Asia/Dushanbe
lines:
  "123": {hours: {mon-sun: closed}, announcement: hours_1480}
  "1480": {hours: {mon-sun: closed}, announcement: hours_1480}
"""


def flows_with_hours(monkeypatch, directory: Path, hours: str, **settings) -> Path:
    """A copy of the shipped flows with this hours.yaml and the announcement hours_1480, configured as the hotline's."""
    flows = directory / "flows"
    shutil.copytree(SHIPPED, flows)
    with (flows / "common.yaml").open("a", encoding="utf-8") as common:
        common.write(HOURS_PROMPT)
    (flows / "hours.yaml").write_text(hours, encoding="utf-8")
    configure(monkeypatch, flows_dir=flows, **settings)
    return flows


def prompt(prompt_id: str, language: str, line: str = "123") -> str:
    return get_flows().for_line(line).prompts[prompt_id][language]


def heard(root) -> str:
    return " ".join(said(root))


def new_caller(twilio, line: str = "123", number: str = "+992900000001") -> Caller:
    """A Caller whose CallSid no other helper's counter can repeat."""
    caller = Caller(twilio, line=line, caller=number)
    caller.sid = "CA" + uuid4().hex
    return caller
