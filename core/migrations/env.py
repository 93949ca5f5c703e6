"""Alembic environment: runs on the connection handed over by ``core.db.alembic_config``."""

from alembic import context

from core.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes["connection"]
    context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
