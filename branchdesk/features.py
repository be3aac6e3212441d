"""The one list of BranchDesk's features, and the one place that loads them.

A lower layer never imports a feature: `db/` and `io/` keep registries (the models' metadata,
import kinds with their own undo, exports, printable documents, the audit recorder) that the
features fill when their modules are imported. The entry points (command line, GUI) call
`install()`, which is cheap: it imports the hooks and lets the registries load the importers,
exports and documents on first use (a lookup imports no importer and no reportlab). `load()`
imports everything at once (tests, the schema check, scripts that want every table).
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
    # Modules that register the tables the feature exports (io.export's registry).
    exports: tuple[str, ...] = ()
    # Modules that register hooks of lower layers (the owner's audit recorder).
    hooks: tuple[str, ...] = ()
    # Modules that register the feature's printable documents (io.documents' registry).
    documents: tuple[str, ...] = ()


FEATURES: tuple[Feature, ...] = (
    Feature("imports", models=("branchdesk.io.models",)),
    Feature(
        "lookup",
        models=("branchdesk.lookup.models",),
        importers=("branchdesk.lookup.importers",),
        exports=("branchdesk.lookup.exports",),
    ),
    Feature(
        "handbook",
        models=("branchdesk.handbook.models",),
        importers=("branchdesk.handbook.importers",),
        exports=("branchdesk.handbook.importers",),
        documents=(
            "branchdesk.handbook.documents.handbook",
            "branchdesk.handbook.documents.sheets",
            "branchdesk.handbook.documents.exam",
            "branchdesk.handbook.documents.results",
        ),
    ),
    Feature(
        "complaints",
        models=("branchdesk.complaints.models",),
        importers=("branchdesk.complaints.importers",),
        exports=("branchdesk.complaints.exports",),
        documents=(
            "branchdesk.complaints.documents.slips",
            "branchdesk.complaints.documents.analysis",
        ),
    ),
    Feature(
        "guides",
        models=("branchdesk.guides.models",),
        documents=("branchdesk.guides.documents.guide",),
    ),
    Feature(
        "team",
        models=("branchdesk.team.models",),
        importers=("branchdesk.team.importers",),
    ),
    Feature("qc", models=("branchdesk.qc.models",)),
    Feature(
        "owner",
        models=("branchdesk.owner.models",),
        exports=("branchdesk.owner.audit",),
        hooks=("branchdesk.owner.audit",),
    ),
    Feature(
        "pay",
        models=("branchdesk.pay.models",),
        documents=("branchdesk.pay.documents.statement",),
    ),
    Feature(
        "training",
        models=("branchdesk.training.models",),
        documents=("branchdesk.training.documents.sheet",),
    ),
    Feature(
        "knowledge",
        models=("branchdesk.knowledge.models",),
        importers=("branchdesk.knowledge.importers",),
        exports=("branchdesk.knowledge.importers",),
    ),
)

_installed = False


def _import_all(kind: str) -> None:
    for feature in FEATURES:
        for module in getattr(feature, kind):
            importlib.import_module(module)


def install() -> None:
    """Register the features' hooks and the lazy loader of their import kinds (idempotent)."""
    global _installed
    if _installed:
        return
    from branchdesk.io import documents, export, importing

    _import_all("hooks")
    importing.set_loader(lambda: _import_all("importers"))
    export.set_export_loader(lambda: _import_all("exports"))
    documents.set_document_loader(lambda: _import_all("documents"))
    _installed = True


def import_models() -> None:
    """Every feature's models (their mappers can then be configured at once)."""
    _import_all("models")


def load() -> None:
    """Install, then import every feature's models, importers, exports and documents now."""
    install()
    _import_all("models")
    _import_all("importers")
    _import_all("exports")
    _import_all("documents")


def metadata() -> MetaData:
    """The models' metadata with every feature's tables (for Alembic and schema checks)."""
    from branchdesk.db.base import Base

    load()
    return Base.metadata
