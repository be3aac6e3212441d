"""The one list of BranchDesk's features, and the one place that loads them.

A lower layer never imports a feature: `db/` and `io/` keep registries (the models' metadata,
import kinds with their own undo) that the features fill when their modules are imported.
`load()` imports them all; the entry points (command line, GUI, tests, benchmarks) call it
once before they use a registry.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import MetaData


@dataclass(frozen=True)
class Feature:
    name: str
    # Modules that define the feature's ORM models (tables on the shared Base).
    models: tuple[str, ...] = ()
    # Modules that register the feature's import kinds (each with its own undo).
    importers: tuple[str, ...] = ()
    # Modules that register hooks of lower layers (the owner's audit recorder).
    hooks: tuple[str, ...] = ()


FEATURES: tuple[Feature, ...] = (
    Feature("imports", models=("branchdesk.io.models",)),
    Feature(
        "lookup",
        models=("branchdesk.lookup.models",),
        importers=("branchdesk.lookup.importers",),
    ),
    Feature(
        "handbook",
        models=("branchdesk.handbook.models",),
        importers=("branchdesk.handbook.importers",),
    ),
    Feature(
        "complaints",
        models=("branchdesk.complaints.models",),
        importers=("branchdesk.complaints.importers",),
    ),
    Feature("guides", models=("branchdesk.guides.models",)),
    Feature("owner", models=("branchdesk.owner.models",), hooks=("branchdesk.owner.audit",)),
)

_loaded = False


def load() -> None:
    """Import every feature's models and importers (idempotent, cheap after the first call)."""
    global _loaded
    if _loaded:
        return
    for feature in FEATURES:
        for module in (*feature.models, *feature.importers, *feature.hooks):
            importlib.import_module(module)
    _loaded = True


def metadata() -> MetaData:
    """The models' metadata with every feature's tables (for Alembic and schema checks)."""
    from branchdesk.db.base import Base

    load()
    return Base.metadata
