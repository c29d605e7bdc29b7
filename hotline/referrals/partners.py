"""The partner directory: read, create, change, deactivate, load from a file, and choose who gets a referral."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session
import yaml

from hotline.db import utcnow
from hotline.referrals.hours import is_open
from hotline.referrals.models import Partner, Referral
from hotline.referrals.schemas import PartnerIn, PartnerUpdate

BUSY = ("pending", "sent", "acknowledged", "on_scene")


class DirectoryError(ValueError):
    """A partners file that cannot be loaded; the message names the entry and the field."""


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    deactivated: int


def get(*, db_session: Session, partner_id: int) -> Partner | None:
    return db_session.get(Partner, partner_id)


def list_partners(*, db_session: Session, type: str | None = None, region: str | None = None,
                  active: bool | None = True) -> list[Partner]:
    query = select(Partner).order_by(Partner.region, Partner.type, Partner.id)
    if type:
        query = query.where(Partner.type == type)
    if region:
        query = query.where(Partner.region == region)
    if active is not None:
        query = query.where(Partner.active.is_(active))
    return list(db_session.scalars(query))


def create(*, db_session: Session, partner_in: PartnerIn) -> Partner:
    """A new partner; its key is made from type, region and a number when not given."""
    fields = partner_in.model_dump()
    fields["key"] = fields["key"] or _new_key(db_session, partner_in.type, partner_in.region)
    partner = Partner(**fields)
    db_session.add(partner)
    db_session.flush()
    return partner


def update(*, db_session: Session, partner: Partner, changes: PartnerUpdate) -> Partner:
    for name, value in changes.model_dump(exclude_unset=True).items():
        if value is None and name not in ("district", "webhook_url", "capacity"):
            continue  # a required field is never cleared
        setattr(partner, name, value)
    db_session.flush()
    return partner


def by_key(*, db_session: Session, key: str) -> Partner | None:
    return db_session.scalar(select(Partner).where(Partner.key == key))


def _new_key(db_session: Session, type: str, region: str) -> str:
    number = (db_session.scalar(select(func.count(Partner.id))) or 0) + 1
    while by_key(db_session=db_session, key=f"{region}-{type.replace('_', '-')}-{number}"):
        number += 1
    return f"{region}-{type.replace('_', '-')}-{number}"


def read_file(path: Path) -> list[PartnerIn]:
    """The partners of a YAML file, each checked; DirectoryError names the first bad entry and field."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DirectoryError(f"{path}: cannot read it ({str(exc).splitlines()[0]})") from None
    entries = data.get("partners") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DirectoryError(f"{path}: expected a mapping with a list under 'partners'")
    partners, keys = [], set()
    for index, entry in enumerate(entries, start=1):
        partner = _entry(path, index, entry)
        if partner.key in keys:
            raise DirectoryError(f"{path}: partner #{index} '{partner.key}': the key is used twice")
        keys.add(partner.key)
        partners.append(partner)
    return partners


def _entry(path: Path, index: int, entry) -> PartnerIn:
    label = f"partner #{index}"
    if not isinstance(entry, dict):
        raise DirectoryError(f"{path}: {label}: expected a mapping")
    label = f"{label} '{entry.get('key') or entry.get('name') or ''}'"
    if not entry.get("key"):
        raise DirectoryError(f"{path}: {label}: 'key' is required (a stable id such as khatlon-police-bokhtar)")
    try:
        return PartnerIn.model_validate({k: (str(v) if k == "phone" else v) for k, v in entry.items()})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "entry"
        raise DirectoryError(f"{path}: {label}: {field}: {error['msg']}") from None


def load(*, db_session: Session, partners: Iterable[PartnerIn], deactivate_missing: bool = False) -> LoadResult:
    """Create or update each partner by key; optionally deactivate the ones the file no longer lists."""
    created = updated = 0
    keys = set()
    for partner_in in partners:
        keys.add(partner_in.key)
        existing = by_key(db_session=db_session, key=partner_in.key)
        if existing is None:
            create(db_session=db_session, partner_in=partner_in)
            created += 1
        else:
            for name, value in partner_in.model_dump().items():
                setattr(existing, name, value)
            updated += 1
    deactivated = 0
    if deactivate_missing:
        for partner in list_partners(db_session=db_session):
            if partner.key not in keys:
                partner.active, deactivated = False, deactivated + 1
    db_session.flush()
    return LoadResult(created, updated, deactivated)


def candidates(*, db_session: Session, types: Iterable[str], region: str | None, language: str | None = None,
               exclude: Iterable[int] = (), now: datetime | None = None) -> list[Partner]:
    """Partners for these types in order of preference: per type, the region's own (open now, with room,
    speaking the caller's language first), then national ones."""
    now, excluded = now or utcnow(), set(exclude)
    found: list[Partner] = []
    for partner_type in types:
        pool = [p for p in list_partners(db_session=db_session, type=partner_type)
                if p.id not in excluded and (p.region == region or p.national)]
        load_by_id = _open_referrals(db_session, [p.id for p in pool])
        found += sorted(pool, key=lambda p: _preference(p, region, language, now, load_by_id.get(p.id, 0)))
    return found


def choose(*, db_session: Session, partner_type: str, region: str | None, language: str | None = None,
           exclude: Iterable[int] = ()) -> Partner | None:
    found = candidates(db_session=db_session, types=[partner_type], region=region, language=language,
                       exclude=exclude)
    return found[0] if found else None


def _preference(partner: Partner, region: str | None, language: str | None, now: datetime, load: int) -> tuple:
    full = partner.capacity is not None and load >= partner.capacity
    return (partner.region != region, not is_open(partner.hours, now), full,
            bool(language) and language not in partner.languages, load, partner.id)


def _open_referrals(db_session: Session, partner_ids: list[int]) -> dict[int, int]:
    if not partner_ids:
        return {}
    rows = db_session.execute(select(Referral.partner_id, func.count(Referral.id))
                              .where(Referral.partner_id.in_(partner_ids), Referral.status.in_(BUSY))
                              .group_by(Referral.partner_id))
    return {partner_id: count for partner_id, count in rows}
