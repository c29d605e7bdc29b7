"""What the auth API returns."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class UserOut(BaseModel):
    """A staff account as the API shows it: never the password hash."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    role: str
    languages: list[str]
    lines: list[str]
    active: bool
    created_at: datetime
