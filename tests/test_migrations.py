"""The migrations are one history, and the schema they build is the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from hotline.db import get_engine
from hotline.migrate import alembic_config
from hotline.schema import metadata


def test_the_migrations_have_one_head():
    heads = ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()
    assert len(heads) == 1, f"merge the heads {heads} with a new revision"


def test_the_migrated_database_matches_the_models(hotline_env):
    with get_engine(hotline_env.database_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, metadata)
    assert differences == [], "a model changed without a migration"
