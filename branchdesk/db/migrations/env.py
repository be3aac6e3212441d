"""Alembic environment: runs on the connection handed over by branchdesk.db.engine.upgrade."""

from alembic import context

# Migrations are explicit scripts: running them needs no models, and db/ imports no feature.
# To compare or autogenerate, a developer hands the models' metadata over:
#     cfg.attributes["target_metadata"] = branchdesk.features.metadata()
target_metadata = context.config.attributes.get("target_metadata")

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line during development
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
