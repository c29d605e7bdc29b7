"""Engine, sessions and the one transaction boundary: the request or the job commits, services only flush."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
import logging
from pathlib import Path
from typing import Annotated

from fastapi import Depends
from sqlalchemy import DateTime, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from hotline.settings import get_settings

log = logging.getLogger(__name__)
AFTER_COMMIT = "after_commit"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on SQLite and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime}


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    url = url or get_settings().database_url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@lru_cache
def _session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(url), expire_on_commit=False)


def new_session() -> Session:
    return _session_factory(get_settings().database_url)()


def add_unique(db_session: Session, row: object) -> bool:
    """Add row in a savepoint; False when a unique key refused it (the same row written at the same moment)."""
    try:
        with db_session.begin_nested():
            db_session.add(row)
    except IntegrityError:
        return False
    return True


def after_commit(db_session: Session, action: Callable[[], None]) -> None:
    """Run action once the transaction commits (enqueue a job by id); dropped on rollback."""
    db_session.info.setdefault(AFTER_COMMIT, []).append(action)


@contextmanager
def transaction() -> Iterator[Session]:
    """The unit of work: commit at the end, then run the after-commit actions; roll back on error."""
    db_session = new_session()
    try:
        yield db_session
        db_session.commit()
    except BaseException:
        db_session.rollback()
        db_session.info.pop(AFTER_COMMIT, None)
        raise
    finally:
        actions = db_session.info.pop(AFTER_COMMIT, [])
        db_session.close()
    for action in actions:
        _run_after_commit(action)


def _run_after_commit(action: Callable[[], None]) -> None:
    try:
        action()
    except Exception:  # the commit stands; sweepers pick up what could not be enqueued
        log.exception("after-commit action failed")


def get_db() -> Iterator[Session]:
    with transaction() as db_session:
        yield db_session


DbSession = Annotated[Session, Depends(get_db)]
