"""Recorded prompts, served to Twilio's <Play> with long cache lifetimes."""

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from hotline.ivr.service import get_flows
from hotline.telephony.twiml import recording_file

router = APIRouter()


@router.get("/audio/{language}/{prompt_id}")
def recording(language: str, prompt_id: str) -> FileResponse:
    if not (language.isalpha() and prompt_id.replace("_", "").isalnum()):
        raise HTTPException(status_code=404)
    path = recording_file(get_flows().directory, language, prompt_id)
    if path is None:
        raise HTTPException(status_code=404, detail="no recording")
    return FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})
