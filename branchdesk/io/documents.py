"""The registry of printable documents, filled by the features (as import kinds and exports).

A feature lists its document modules in `branchdesk.features`; each module registers its
document when imported: its name (the command line's `print NAME`), the feature whose data
it prints, and its renderer (plain data in, a PDF out, its page count back). `io/` imports no
feature, and this module nothing heavy: the documents and reportlab load on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    name: str  # handbook | sheet | … | guide: the command line's `print NAME`
    feature: str  # the feature that gathers what the document shows (and prints it)
    render: Callable[..., int]  # writes the PDF from plain data; returns the pages written


DOCUMENTS: dict[str, DocumentKind] = {}
_document_loader: Callable[[], None] | None = None


def register_document(kind: DocumentKind) -> DocumentKind:
    DOCUMENTS[kind.name] = kind
    return kind


def set_document_loader(loader: Callable[[], None] | None) -> None:
    global _document_loader
    _document_loader = loader


def document_kinds() -> dict[str, DocumentKind]:
    """The registered documents (the features register theirs on first use)."""
    global _document_loader
    if _document_loader is not None:
        loader, _document_loader = _document_loader, None
        loader()
    return DOCUMENTS
