"""contact search

The contact log's text search on SQLite: a trigram index over the question, the reply, the
customer, the phone and the waybill number, kept in step by triggers (contacts are logged one
at a time, so a per-row trigger costs nothing noticeable). Queries of 1-2 characters, which
trigrams cannot answer, scan the newest contacts instead (see team/contacts.py).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 17:10:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS = "question, reply, customer_name, phone, waybill_no"
NEW = "new.question, new.reply, new.customer_name, new.phone, new.waybill_no"
OLD = "old.question, old.reply, old.customer_name, old.phone, old.waybill_no"

SQLITE_DDL = [
    f"CREATE VIRTUAL TABLE contact_fts USING fts5({COLUMNS}, content='contact', "
    "content_rowid='id', tokenize='trigram', columnsize=0)",
    f"CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN "
    f"INSERT INTO contact_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN "
    f"INSERT INTO contact_fts(contact_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    "END",
    f"CREATE TRIGGER contact_fts_au AFTER UPDATE ON contact BEGIN "
    f"INSERT INTO contact_fts(contact_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO contact_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "INSERT INTO contact_fts(contact_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in SQLITE_DDL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("contact_fts_au", "contact_fts_ad", "contact_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS contact_fts")
