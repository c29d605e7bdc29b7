"""A call taken by a counselor, ready for its outcome."""

from tests.auth.helpers import login
from tests.referrals.helpers import make_call


def taken_call(api, *, region: str | None = "khatlon", urgency: str = "high", caller: str | None = "+992931112233",
               **fields):
    """(call_sid, the counselor's headers) for a call that counselor has taken."""
    user, headers = login(api, "counselor")
    sid = make_call(region=region, urgency=urgency, caller=caller, counselor_id=user.id, **fields)
    return sid, headers


def outcome(**changes) -> dict:
    body = {"category": "domestic_violence", "region": "khatlon", "notes": "husband threatened her; kids safe now",
            "referrals": [{"partner_type": "shelter"}], "caller_type": "self", "sub_category": "threats",
            "vulnerable_groups": ["disability"], "outcome": "referred"}
    body.update(changes)
    return {key: value for key, value in body.items() if value is not ...}
