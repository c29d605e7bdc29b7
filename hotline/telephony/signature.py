"""Every /twilio/ request must be signed by Twilio for our public URL; anything else is refused with 403."""

from fastapi import HTTPException, Request
from twilio.request_validator import RequestValidator

from hotline.settings import get_settings


def public_url(request: Request) -> str:
    query = request.url.query
    return f"{get_settings().public_base_url.rstrip('/')}{request.url.path}{'?' + query if query else ''}"


async def signed_form(request: Request) -> dict[str, str]:
    """The webhook's form fields, once X-Twilio-Signature has been checked against them."""
    token = get_settings().twilio_token
    try:
        form = await request.form()
    except Exception:
        raise HTTPException(status_code=403, detail="unreadable webhook body") from None
    params = {key: value for key, value in form.items() if isinstance(value, str)}
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature or not RequestValidator(token).validate(public_url(request), params, signature):
        raise HTTPException(status_code=403, detail="invalid Twilio signature")
    return params
