"""The one settings object: every knob of the hotline, read from HOTLINE_* variables and .env."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_TWILIO_TOKEN = "hotline-development-token"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOTLINE_", env_file=".env", extra="ignore")

    env: str = "production"
    database_url: str = "sqlite:///./var/hotline.db"
    redis_url: str = "redis://localhost:6379/0"
    twilio_auth_token: str | None = None
    twilio_account_sid: str | None = None
    public_base_url: str = "http://127.0.0.1:8000"

    secret_key: str | None = Field(default=None, description="keys phone hashes, phone encryption and tokens")
    flows_dir: Path = PROJECT_ROOT / "ivr_flows"
    var_dir: Path = Path("./var")
    numbers_123: list[str] = Field(default_factory=lambda: ["123"])
    numbers_1480: list[str] = Field(default_factory=lambda: ["1480"])
    hotline_sms_number: str | None = None
    on_call_number: str | None = None
    supervisor_number: str | None = None

    gather_timeout_s: int = 6
    hold_callback_offer_s: int = 180
    critical_escalation_s: int = 30
    token_ttl_s: int = 8 * 3600
    redis_timeout_s: float = 0.5

    partners_file: Path = PROJECT_ROOT / "referral_data" / "partners.sample.yaml"
    dispatch_rules_file: Path = PROJECT_ROOT / "referral_data" / "dispatch_rules.yaml"
    dispatcher_number: str | None = None  # the on-call dispatcher, told of a critical call whose region is unknown
    referral_escalation_critical_s: int = 300
    referral_escalation_high_s: int = 2 * 3600
    referral_retry_s: list[int] = Field(default_factory=lambda: [30, 120, 600])
    referral_share_caller_phone: bool = True  # only with emergency partners (mobile team, police, ambulance) on critical calls
    staff_sms_language: str = "ru"
    callback_max_attempts: int = 3

    web_session_ttl_s: int = 8 * 3600  # a staff page session (cookie and its token) expires after this
    report_timezone: str = "Asia/Dushanbe"  # hours of day, weekdays, days and months of the reports
    staffing_weeks: int = 4  # recent weeks whose volume by hour the staffing plan uses
    staffing_service_level: float = 0.9  # share of calls to answer within staffing_answer_s
    staffing_answer_s: int = 15
    staffing_default_handle_s: int = 600  # used while no answered call has a handle time

    # privacy, audit, security and operations (issue 7)
    previous_secret_keys: list[str] = Field(default_factory=list)  # older keys, still read until `hotline keys rotate`
    retention_days: int = 365  # notes, transcripts and recordings of closed calls are anonymised after this
    login_max_failures: int = 5  # failed logins per username before a lockout
    login_max_failures_ip: int = 20  # failed logins per client address before a lockout
    login_lockout_s: int = 15 * 60
    triage_behind_s: int = 120  # the oldest untriaged waiting call older than this alerts supervisors
    job_orphaned_after_s: int = 60  # a started job whose worker is gone is run again after this
    watchdog_interval_s: int = 30
    alert_repeat_s: int = 15 * 60  # the same health alert is sent again at most this often

    # hotline.operations: overflow offers a call back once the expected wait reaches these (critical: never)
    overflow_offer_s: dict[str, int] = Field(default_factory=lambda: {"low": 600, "medium": 900, "high": 1200})
    overflow_default_handle_s: int = 600  # the mean handle time while no recent answered call has one
    block_check_timeout_s: float = 0.05  # Redis wait for the block check on /twilio/voice; longer: not blocked

    @property
    def development(self) -> bool:
        return self.env == "development"

    @property
    def twilio_token(self) -> str | None:
        """The token that signs webhooks: a fixed one in development so local simulation is signed too."""
        if self.twilio_auth_token:
            return self.twilio_auth_token
        return DEVELOPMENT_TWILIO_TOKEN if self.development else None

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_auth_token and self.twilio_account_sid)

    def line_for_number(self, number: str | None) -> str | None:
        """The line (123 or 1480) a dialled number belongs to."""
        digits = (number or "").strip()
        for line, numbers in (("123", self.numbers_123), ("1480", self.numbers_1480)):
            if digits in numbers or digits.lstrip("+") in numbers:
                return line
        return None


@lru_cache
def get_settings() -> Settings:
    return Settings()
