"""Alembic migrations, shipped inside the package and applied at start-up.

HEAD_REVISION lets start-up check the schema without importing Alembic; a test keeps it equal
to the head of the scripts in versions/.
"""

HEAD_REVISION = "0018"
KNOWN_REVISIONS = frozenset(
    {
        "0001",
        "0002",
        "0003",
        "0004",
        "0005",
        "0006",
        "0007",
        "0008",
        "0009",
        "0010",
        "0011",
        "0012",
        "0013",
        "0014",
        "0015",
        "0016",
        "0017",
        "0018",
    }
)
