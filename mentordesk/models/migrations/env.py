"""Alembic environment: always run from ``mentordesk.models.store`` with an open connection.

Batch mode is on because SQLite can only alter a table by copying it.
"""

from __future__ import annotations

from alembic import context

from mentordesk.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("MentorDesk migrations run through mentordesk.models.store, with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)

with context.begin_transaction():
    context.run_migrations()
