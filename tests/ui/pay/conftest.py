"""The pay tests' small team with a month of work (built as the service tests build it)."""

from tests.unit.pay.conftest import Team, team  # noqa: F401  (the fixture, shared)
